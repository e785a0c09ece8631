/**
 * Drill-through (src/domain/drill): the records behind every figure that opens them, read by the
 * real engine on the hand-written fixture and on the 2023 exports — their count (or the sum of their
 * money) equals the figure the screen shows, under the same filters. And the 口径 text names the
 * filters and switches in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { figureCaliber } from '../src/domain/drill/caliber';
import { drillRecords, type DrillParams } from '../src/domain/drill/figures';
import type { Filters } from '../src/domain/filters';
import { beltsFigures } from '../src/domain/figures/belts';
import { buildingTaxes } from '../src/domain/figures/buildings';
import { dataAsOf } from '../src/domain/figures/dataStatus';
import { overviewFigures } from '../src/domain/figures/overview';
import { certificationPipeline } from '../src/domain/figures/pipeline';
import {
  fourOnesGaps,
  projectFunnel,
  projectPipeline,
  projectsByPerson,
} from '../src/domain/figures/projects';
import { NO_PERSON } from '../src/domain/drill/tracking';
import { countyScorecard } from '../src/domain/figures/scorecard';
import { certificationChecks, unitAreaOutputs } from '../src/domain/figures/certification';
import { FAIL_REASONS, rewardsByUnit, tallyReasons } from '../src/charts/options/certification';
import { localRewards } from '../src/domain/figures/contribution';
import { rankingIndicators } from '../src/domain/figures/ranking';
import { CERT_STATUSES } from '../src/domain/enums';
import { C, csv, EXPORTS_2023, FIGURES_FIXTURE, fixtureFiles, openFiguresFixture } from './figuresFixture';
import { openNodeDb } from '../src/db/node';
import { buildingRegister } from '../src/domain/figures/buildingRegister';
import { buildingEnterprises, buildingsScreenFigures } from '../src/domain/figures/buildings';
import { buildingForecasts } from '../src/domain/figures/forecast';
import { newHqByMonth, taxByMonth } from '../src/domain/figures/periodComparison';
import { importFiles } from '../src/ingest';
import { openShared } from './shared/files';

/** Both fixtures, each read for the year 2023. */
const FIXTURES = [
  ['hand-written fixture', FIGURES_FIXTURE, 2023],
  ['2023 exports', EXPORTS_2023, 2023],
] as const;

/** A fixture's database, and the as-of date of its year: the year's end, or the data's last day. */
async function openAt(folder: string, year: number): Promise<{ db: Db; asOf: string }> {
  // The 2023 exports are imported once per run for every file that reads them (shared/files.ts).
  const db =
    folder === EXPORTS_2023 ? await openShared('exports2023') : (await openFiguresFixture(folder)).db;
  const end = await dataAsOf(db);
  const yearEnd = `${year}-12-31`;
  return { db, asOf: end && end < yearEnd ? end : yearEnd };
}

const total = async (db: Db, p: DrillParams) => (await drillRecords(db, p)).total;
const sum = async (db: Db, p: DrillParams) => (await drillRecords(db, p)).sum ?? NaN;

// One database per fixture for every drill-through block below (each block only reads).
describe.each(FIXTURES)('drill-through on the %s', (_name, folder, year) => {
  let db: Db;
  let asOf: string;
  beforeAll(async () => {
    ({ db, asOf } = await openAt(folder, year));
  });
  afterAll(async () => {
    await db?.close();
  });

  const filterCases: [string, Filters, 'all' | 'named'][] = [
    ['no filter', {}, 'all'],
    ['target types named', {}, 'named'],
  ];

  it.each(filterCases)(
    'overview KPI cards equal their records (%s)',
    async (_label, filters, targetTypes) => {
      const f = await overviewFigures(db, { year, asOf, filters, targetTypes });
      const p = { year, asOf, filters, targetTypes };
      expect(await total(db, { ...p, figure: 'newHq' })).toBe(f.newHq.city.actual);
      expect(await total(db, { ...p, figure: 'fiveYear' })).toBe(f.fiveYear.actual);
      expect(await total(db, { ...p, figure: 'localHq' })).toBe(f.localHq.stock);
      expect(await total(db, { ...p, figure: 'billionBuildings' })).toBe(f.billionBuildings);
      expect(await sum(db, { ...p, figure: 'hqTax' })).toBeCloseTo(f.hqTax.tax, 2);
      expect(await sum(db, { ...p, figure: 'hqTaxPrevious' })).toBeCloseTo(f.hqTax.previous, 2);
      // Every slice of the origin ring, every year's bar of the five-year chart.
      for (const o of f.byOrigin) {
        expect(await total(db, { ...p, figure: 'newHqOrigin', key: o.origin }), o.origin).toBe(o.count);
      }
      for (const y of f.fiveYear.years.filter((x) => x.actual !== null)) {
        expect(await total(db, { ...p, figure: 'fiveYear', key: String(y.year) }), String(y.year)).toBe(
          y.actual,
        );
      }
      // Every unit's bar of the completion chart.
      for (const u of f.newHq.byRegion) {
        expect(await total(db, { ...p, figure: 'newHq', key: u.code }), u.name).toBe(u.actual);
      }
      if (targetTypes === 'all') expect(f.newHq.city.actual).toBeGreaterThan(0);
    },
  );

  it('the unit and attribute filters narrow records as they narrow the figures', async () => {
    const base = await overviewFigures(db, { year, asOf });
    const unit = base.newHq.byRegion.find((u) => u.actual > 0)!.code;
    for (const filters of [{ unit }, { hqType: '综合型总部' }, { unit, origin: '温商回归' }] as Filters[]) {
      const f = await overviewFigures(db, { year, asOf, filters });
      const p = { year, asOf, filters };
      expect(await total(db, { ...p, figure: 'newHq' })).toBe(f.newHq.city.actual);
      expect(await total(db, { ...p, figure: 'localHq' })).toBe(f.localHq.stock);
      expect(await total(db, { ...p, figure: 'fiveYear' })).toBe(f.fiveYear.actual);
      expect(await total(db, { ...p, figure: 'billionBuildings' })).toBe(f.billionBuildings);
      expect(await sum(db, { ...p, figure: 'hqTax' })).toBeCloseTo(f.hqTax.tax, 2);
    }
  });

  it('a building tax equals its tenants’ tax rows', async () => {
    const buildings = (await buildingTaxes(db, { year, asOf })).filter((b) => b.enterprises > 0);
    expect(buildings.length).toBeGreaterThan(0);
    for (const b of buildings.slice(0, 8)) {
      expect(await sum(db, { year, asOf, figure: 'buildingTax', key: b.buildingId })).toBeCloseTo(b.tax, 2);
    }
  });

  it('a unit on the belts map equals its HQ enterprises', async () => {
    const belts = await beltsFigures(db, { year, asOf });
    for (const u of belts.units) {
      const set = await drillRecords(db, { year, asOf, figure: 'beltsHq', key: u.code });
      expect(set.total, u.name).toBe(u.hqCount);
      const tax = set.rows.reduce((s, r) => s + Number(r.tax ?? 0), 0);
      expect(tax, u.name).toBeCloseTo(u.hqTax, 2);
    }
  });

  it('every ranking cell equals its records', async () => {
    const units = await rankingIndicators(db, { year, asOf });
    for (const u of units) {
      const p = { year, asOf, figure: 'ranking' };
      expect(await total(db, { ...p, key: `${u.code}:1` }), u.name).toBe(u.indicators[1]);
      expect(await total(db, { ...p, key: `${u.code}:2` }), u.name).toBe(u.indicators[2]);
      expect((await sum(db, { ...p, key: `${u.code}:3` })) / 1e4, u.name).toBeCloseTo(u.indicators[3], 2);
      expect(await sum(db, { ...p, key: `${u.code}:4` }), u.name).toBeCloseTo(u.indicators[4], 2);
    }
  });

  it('overdue projects and pipeline stages equal their records', async () => {
    const pipeline = await projectPipeline(db, { year, asOf });
    const overdue = pipeline.projects.filter((x) => x.overdue !== null).length;
    expect(await total(db, { year, asOf, figure: 'overdueProjects' })).toBe(overdue);
    const cases = await certificationPipeline(db, { year, asOf });
    for (const stage of CERT_STATUSES) {
      expect(await total(db, { year, asOf, figure: 'pipelineStage', key: stage }), stage).toBe(
        cases.stages[stage],
      );
    }
  });

  it('records carry their source file and row', async () => {
    const set = await drillRecords(db, { year, asOf, figure: 'newHq' });
    expect(set.rows.every((r) => typeof r.source_file === 'string' && Number(r.source_row) > 0)).toBe(true);
    const tax = await drillRecords(db, { year, asOf, figure: 'hqTax' });
    expect(tax.rows.every((r) => typeof r.source_file === 'string' && Number(r.source_row) > 0)).toBe(true);
  });

  // ——— 项目跟踪, the certification pipeline's charts and lists, the scorecard (issue 13, part B) ———
  describe('drill-through of tracking figures', () => {
    /** No filter, and the unit with the most projects (so the filter narrows something). */
    async function scopes(): Promise<Filters[]> {
      const { fourOnesByUnit } = await projectPipeline(db, { year, asOf });
      const unit = [...fourOnesByUnit].sort((a, b) => b.projects - a.projects)[0]!.code;
      return [{}, { unit }];
    }

    it('项目跟踪: the cards, the funnel, the 四个一 gaps and each unit’s bar equal their records', async () => {
      for (const filters of await scopes()) {
        const p = { year, asOf, filters };
        const { projects, fourOnesByUnit } = await projectPipeline(db, p);
        expect(await total(db, { ...p, figure: 'projects' })).toBe(projects.length);
        for (const layer of projectFunnel(projects)) {
          expect(await total(db, { ...p, figure: 'projects', key: layer.stage }), layer.stage).toBe(
            layer.count,
          );
        }
        expect(await total(db, { ...p, figure: 'fourOnes' })).toBe(projects.filter((x) => x.fourOnes).length);
        for (const gap of fourOnesGaps(projects)) {
          expect(await total(db, { ...p, figure: 'fourOnes', key: gap.item }), gap.item).toBe(gap.count);
        }
        for (const u of fourOnesByUnit) {
          const set = await drillRecords(db, { ...p, figure: 'fourOnesUnit', key: u.code });
          expect(set.total, u.name).toBe(u.projects);
          expect(set.rows.filter((r) => r.note === '四个一齐全').length, u.name).toBe(u.complete);
        }
        expect(projects.length).toBeGreaterThan(0);
      }
    });

    it('项目跟踪: each count of 按项目经理 / 按联系领导 equals its records (and the investment their sum)', async () => {
      for (const filters of await scopes()) {
        const p = { year, asOf, filters };
        const { projects } = await projectPipeline(db, p);
        for (const role of ['manager', 'leader'] as const) {
          for (const row of projectsByPerson(projects, role)) {
            const key = (what: string) => `${role}:${what}:${row.person ?? NO_PERSON}`;
            const all = await drillRecords(db, { ...p, figure: 'personProjects', key: key('all') });
            expect(all.total, key('all')).toBe(row.projects);
            expect(all.sum! / 1e4, key('all')).toBeCloseTo(row.investment, 2);
            expect(await total(db, { ...p, figure: 'personProjects', key: key('overdue') }), key('o')).toBe(
              row.overdue,
            );
            expect(
              await total(db, { ...p, figure: 'personProjects', key: key('incomplete') }),
              key('i'),
            ).toBe(row.fourOnesIncomplete);
          }
        }
      }
    });

    it('总部认定: unit × stage, the step days, 已认定未备案 and the grants at risk equal their records', async () => {
      for (const filters of await scopes()) {
        for (const unfiledDays of [30, 90]) {
          const p = { year, asOf, filters };
          const d = await certificationPipeline(db, { ...p, unfiledDays });
          for (const u of d.byUnit) {
            for (const stage of CERT_STATUSES) {
              const key = `${u.code}:${stage}`;
              expect(await total(db, { ...p, figure: 'pipelineUnitStage', key }), key).toBe(u.stages[stage]);
            }
            const all = Object.values(u.stages).reduce((s, n) => s + n, 0);
            expect(await total(db, { ...p, figure: 'pipelineUnitStage', key: u.code }), u.name).toBe(all);
            for (const step of ['toCertified', 'toFiled'] as const) {
              const set = await drillRecords(db, { ...p, figure: 'pipelineDays', key: `${u.code}:${step}` });
              expect(set.total, `${u.name} ${step}`).toBe(u[step].cases);
              const days = set.rows.map((r) => Number(r.measure)).sort((a, b) => a - b);
              const mid = days.length >> 1;
              const median = days.length
                ? days.length % 2
                  ? days[mid]
                  : (days[mid - 1]! + days[mid]!) / 2
                : null;
              expect(median, `${u.name} ${step}`).toBe(u[step].median);
            }
          }
          const unfiled = await drillRecords(db, { ...p, figure: 'unfiledCases', key: String(unfiledDays) });
          expect(unfiled.total).toBe(d.unfiled.length);
          const grants = await drillRecords(db, { ...p, figure: 'grantsAtRisk' });
          expect(grants.total).toBe(d.grantsAtRisk.count);
          expect(grants.sum! / 1e4).toBeCloseTo(d.grantsAtRisk.amount, 4);
          for (const u of d.grantsAtRisk.byUnit) {
            const mine = await drillRecords(db, { ...p, figure: 'grantsAtRisk', key: u.code });
            expect(mine.total, u.name).toBe(u.count);
            expect(mine.sum! / 1e4, u.name).toBeCloseTo(u.amount, 4);
          }
        }
      }
    });

    it('认定核查: passed, failed, each reason and a unit’s reason equal their records, under edited rules', async () => {
      for (const filters of await scopes()) {
        for (const rules of [undefined, { '330302': { minOutsideShare: 0.6, minPaidInCapital: 5000 } }]) {
          const p = { year, asOf, filters, ...(rules ? { rules } : {}) };
          const checks = await certificationChecks(db, p);
          const passed = checks.filter((c) => c.passed).length;
          expect(await total(db, { ...p, figure: 'certCheck', key: 'passed' })).toBe(passed);
          expect(await total(db, { ...p, figure: 'certCheck', key: 'failed' })).toBe(checks.length - passed);
          const tally = tallyReasons(checks);
          for (const [i, reason] of FAIL_REASONS.entries()) {
            expect(await total(db, { ...p, figure: 'certCheck', key: reason }), reason).toBe(tally.totals[i]);
            for (const [u, unit] of tally.units.entries()) {
              const key = `${unit}:${reason}`;
              expect(await total(db, { ...p, figure: 'certCheck', key }), key).toBe(tally.counts[u]![i]);
            }
          }
        }
      }
    });

    it('单位面积产出: 达标 and each unit’s 达标 / 未达标 equal their records, in either office scope', async () => {
      for (const filters of await scopes()) {
        for (const officeScope of ['policy', 'all'] as const) {
          const p = { year, asOf, filters, officeScope };
          const rows = (await unitAreaOutputs(db, { year, filters, scope: officeScope })).filter(
            (r) => r.applies,
          );
          const met = await drillRecords(db, { ...p, figure: 'unitArea', key: 'met' });
          expect(met.total).toBe(rows.filter((r) => r.meets).length);
          expect(met.rows.every((r) => Number(r.source_row) > 0)).toBe(true);
          for (const unit of new Set(rows.map((r) => r.region))) {
            for (const meets of [true, false]) {
              const key = `${unit}:${meets ? 'met' : 'missed'}`;
              const n = rows.filter((r) => r.region === unit && r.meets === meets).length;
              expect(await total(db, { ...p, figure: 'unitArea', key }), key).toBe(n);
            }
          }
        }
      }
    });

    it('本土总部奖励: the 合计 and each unit’s bar equal their records’ sum, with edited tiers', async () => {
      const tiers = [{ upTo: null, rate: 0.1 }];
      for (const filters of await scopes()) {
        for (const edited of [{}, { tiers }]) {
          const p = { year, asOf, filters, ...edited };
          const rewards = await localRewards(db, p);
          const all = await drillRecords(db, { ...p, figure: 'localReward' });
          expect(all.total).toBe(rewards.length);
          expect(all.sum).toBeCloseTo(
            rewards.reduce((s, r) => s + r.reward, 0),
            2,
          );
          for (const u of rewardsByUnit(rewards)) {
            const mine = await drillRecords(db, { ...p, figure: 'localReward', key: u.code });
            expect(mine.total, u.code).toBe(u.enterprises);
            expect(mine.sum, u.code).toBeCloseTo(u.reward, 2);
          }
        }
      }
    });

    it('the scorecard’s indicators, overdue list and buildings equal their records', async () => {
      const units = await rankingIndicators(db, { year, asOf });
      for (const u of units.slice(0, 4)) {
        const card = await countyScorecard(db, { year, asOf, unit: u.code });
        const p = { year, asOf };
        expect(await total(db, { ...p, figure: 'ranking', key: `${u.code}:1` }), u.name).toBe(
          card.newHq.length,
        );
        expect(await total(db, { ...p, figure: 'ranking', key: `${u.code}:2` }), u.name).toBe(
          card.projects.length,
        );
        const tax = card.taxByEnterprise.reduce((s, t) => s + t.tax, 0);
        expect(await sum(db, { ...p, figure: 'ranking', key: `${u.code}:4` }), u.name).toBeCloseTo(tax, 2);
        expect(await total(db, { ...p, figure: 'overdueProjects', key: u.code }), u.name).toBe(
          card.overdue.length,
        );
        const buildings = await drillRecords(db, { ...p, figure: 'unitBuildings', key: u.code });
        expect(buildings.total, u.name).toBe(card.buildings.length);
        expect(buildings.sum, u.name).toBeCloseTo(
          Math.round(card.buildings.reduce((s, b) => s + b.tax, 0) * 100) / 100,
          2,
        );
      }
    });
  });

  // ---- Issue 13 part A: 亿元楼宇, 考核排名 chart, 总部经济带 industry chart, 同期对比 (screenFigures.ts).
  describe('drill-through of the screens’ charts', () => {
    /** A unit with something to narrow to: the region of the first building with tax. */
    const busyUnit = async () => (await buildingTaxes(db, { year, asOf })).find((b) => b.tax > 0)!.region;

    it('the buildings’ tier cards and tax card equal their buildings, with and without the unit', async () => {
      for (const filters of [{}, { unit: await busyUnit() }] as Filters[]) {
        const { summary } = await buildingsScreenFigures(db, { year, asOf, filters });
        const p = { year, asOf, filters };
        for (const t of summary.tiers) {
          expect(await total(db, { ...p, figure: 'buildingTier', key: t.name }), t.name).toBe(t.count);
        }
        const all = await drillRecords(db, { ...p, figure: 'buildingTaxTotal' });
        expect(all.total).toBe(summary.buildings);
        expect(all.sum).toBeCloseTo(summary.tax, 2);
      }
    });

    it('a building group of the register equals its buildings and their tax', async () => {
      for (const unit of [undefined, await busyUnit()]) {
        const register = await buildingRegister(db, { year, asOf, unit });
        const p = { year, asOf, filters: unit ? { unit } : {} };
        for (const [by, groups] of [
          ['kind', register.byKind],
          ['platform', register.byPlatform],
        ] as const) {
          for (const g of groups) {
            const set = await drillRecords(db, { ...p, figure: 'buildingGroup', key: `${by}:${g.name}` });
            expect(set.total, g.name).toBe(g.buildings);
            expect(set.sum, g.name).toBeCloseTo(g.tax, 2);
          }
        }
      }
    });

    it('the forecast lists of a running year equal their buildings', async () => {
      const running = { year, asOf: `${year}-06-30` };
      const f = await buildingForecasts(db, running);
      expect(f.running).toBe(true);
      for (const list of ['candidates', 'atRisk'] as const) {
        const set = await drillRecords(db, { ...running, figure: 'buildingForecast', key: list });
        expect(set.total, list).toBe(f[list].length);
        expect(set.rows.map((r) => r.building_id).sort(), list).toEqual(
          f[list].map((b) => b.buildingId).sort(),
        );
      }
    });

    it('a cell of the belts industry chart equals its HQ enterprises and their tax', async () => {
      for (const filters of [{}, { hqType: '综合型总部' }] as Filters[]) {
        const belts = await beltsFigures(db, { year, asOf, filters });
        if (!filters.hqType) expect(belts.structure.length).toBeGreaterThan(0);
        for (const c of belts.structure) {
          const key = `${c.group}|${c.industry}`;
          const set = await drillRecords(db, { year, asOf, filters, figure: 'beltsIndustry', key });
          expect(set.total, key).toBe(c.count);
          expect(
            set.rows.reduce((s, r) => s + Number(r.tax ?? 0), 0),
            key,
          ).toBeCloseTo(c.tax, 2);
        }
      }
    });

    it('a month of the period comparison equals its records, with and without the unit', async () => {
      const base = await overviewFigures(db, { year, asOf });
      const unit = base.newHq.byRegion.find((u) => u.actual > 0)!.code;
      for (const filters of [{}, { unit }] as Filters[]) {
        const p = { year, asOf, filters, targetTypes: 'all' as const };
        const hq = await newHqByMonth(db, p);
        for (const s of hq.series) {
          for (const [i, v] of s.values.entries()) {
            if (v === null) continue;
            const key = `${s.year}-${String(i + 1).padStart(2, '0')}`;
            expect(await total(db, { ...p, figure: 'newHqMonth', key }), key).toBe(v);
          }
        }
        const tax = await taxByMonth(db, p);
        for (const [figure, series] of [
          ['hqTaxMonth', tax.hqTax],
          ['buildingTaxMonth', tax.buildingTax],
        ] as const) {
          for (const s of series) {
            for (const [i, v] of s.values.entries()) {
              if (v === null) continue;
              const key = `${s.year}-${String(i + 1).padStart(2, '0')}`;
              expect(await sum(db, { ...p, figure, key }), `${figure} ${key}`).toBeCloseTo(v, 2);
            }
          }
        }
      }
    });

    it('a segment of the 亿元楼宇 trend and a belts table cell equal their records', async () => {
      const { byYear } = await buildingsScreenFigures(db, { year, asOf });
      for (const r of byYear) {
        const key = `${r.year}:${r.region}`;
        expect(await total(db, { year, asOf, figure: 'billionBuildingsYear', key }), key).toBe(r.count);
      }
      for (const filters of [{}, { hqType: '综合型总部' }] as Filters[]) {
        const belts = await beltsFigures(db, { year, asOf, filters });
        for (const u of belts.units) {
          const p = { year, asOf, filters, figure: 'beltsFlow' };
          expect(await total(db, { ...p, key: `${u.code}:newHq` }), u.name).toBe(u.newHq);
          expect(await total(db, { ...p, key: `${u.code}:localStock` }), u.name).toBe(u.localStock);
        }
      }
    });
  });

  // ---- Issue 13, the last gaps: the register's 亿元楼宇 / 总部企业, a tenant's tax, the forecast rows,
  // the score (ranking, cockpit, scorecard).
  describe('drill-through of the last gaps', () => {
    const busyUnit = async () => (await buildingTaxes(db, { year, asOf })).find((b) => b.tax > 0)!.region;

    it('a register group’s 亿元楼宇 and 总部企业 equal their records, with and without the unit', async () => {
      let billions = 0;
      let hqs = 0;
      for (const unit of [undefined, await busyUnit()]) {
        const register = await buildingRegister(db, { year, asOf, unit });
        const p = { year, asOf, filters: unit ? { unit } : {} };
        for (const [by, groups] of [
          ['kind', register.byKind],
          ['platform', register.byPlatform],
        ] as const) {
          for (const g of groups) {
            const key = `${by}:${g.name}`;
            const billion = await drillRecords(db, { ...p, figure: 'buildingGroupBillion', key });
            expect(billion.total, key).toBe(g.billion);
            expect(
              billion.rows.every((r) => Number(r.tax) >= 1e8),
              key,
            ).toBe(true);
            expect(await total(db, { ...p, figure: 'buildingGroupHq', key }), key).toBe(g.hqEnterprises);
            billions += g.billion;
            hqs += g.hqEnterprises;
          }
        }
      }
      // Not vacuous: the fixtures hold 亿元楼宇 and housed HQ.
      expect(billions).toBeGreaterThan(0);
      expect(hqs).toBeGreaterThan(0);
    });

    it('a tenant’s tax equals its tax rows of the year', async () => {
      const buildings = (await buildingTaxes(db, { year, asOf })).filter((b) => b.tax > 0).slice(0, 3);
      for (const b of buildings) {
        const tenants = await buildingEnterprises(db, { year, asOf, buildingId: b.buildingId });
        for (const e of tenants) {
          const s = await sum(db, { year, asOf, figure: 'enterpriseTax', key: e.creditCode });
          expect(s, e.creditCode).toBeCloseTo(e.tax, 2);
        }
        expect(tenants.reduce((s, e) => s + e.tax, 0)).toBeCloseTo(b.tax, 2);
      }
    });

    it('a forecast row’s building equals its tax rows (the row’s 税收)', async () => {
      const running = { year, asOf: `${year}-06-30` };
      const f = await buildingForecasts(db, running);
      // The table lists candidates and those at risk (none on the hand-written fixture): every
      // forecast building's 税收 is checked, so the test holds on both fixtures.
      const rows = [...f.candidates, ...f.atRisk, ...f.buildings.filter((b) => b.tax > 0)];
      expect(rows.length).toBeGreaterThan(0);
      for (const b of rows) {
        const s = await sum(db, { ...running, figure: 'buildingTax', key: b.buildingId });
        expect(s, b.buildingId).toBeCloseTo(b.tax, 2);
      }
    });

    it('a unit’s score opens indicator ①’s records (its new HQ, the count of ②), and its ⓘ states the method and weights', async () => {
      for (const targetTypes of ['all', 'named'] as const) {
        const units = await rankingIndicators(db, { year, asOf, targetTypes });
        for (const u of units) {
          const p = { year, asOf, targetTypes, figure: 'rankingScore', key: u.code };
          const set = await drillRecords(db, p);
          expect(set.total, u.code).toBe(u.indicators[1]);
          const cell = await drillRecords(db, { ...p, figure: 'ranking', key: `${u.code}:0` });
          expect(set.rows).toEqual(cell.rows);
        }
      }
      const base = { figure: 'rankingScore', key: '330302', year, asOf };
      const c = figureCaliber(base);
      expect(c.conditions.join('\n')).toContain('比值法（默认）');
      expect(c.conditions.join('\n')).toContain('①完成率 30');
      const edited = figureCaliber({ ...base, method: 'efficacy', weights: [40, 20, 10, 10, 20] });
      expect(edited.conditions.join('\n')).toContain('功效系数法（非默认）');
      expect(edited.conditions.join('\n')).toContain('①完成率 40');
      expect(edited.conditions.join('\n')).toContain('已调整');
    });
  });
});

describe('the 口径 of a figure', () => {
  const base = { year: 2025, asOf: '2025-09-30' };
  it('names the filters in force, the as-of date and the part year', () => {
    const c = figureCaliber({ ...base, figure: 'newHq', filters: { unit: '330302', hqType: '综合型总部' } });
    const text = c.conditions.join('\n');
    expect(text).toContain('属地 = 鹿城区（unit=330302）');
    expect(text).toContain('总部类型 = 综合型总部');
    expect(text).toContain('数据截至：2025-09-30');
    expect(text).toContain('1—9月');
    expect(text).toContain('计入目标的总部类型：全部类型（默认）');
    expect(text).toMatch(/红黄绿灯.*10 个百分点/);
  });
  it('says when a filter does not apply, and when a switch is not at its default', () => {
    const c = figureCaliber({ ...base, figure: 'billionBuildings', filters: { hqType: '综合型总部' } });
    expect(c.conditions.join('\n')).toContain(
      '总部类型筛选（综合型总部（hqType=综合型总部））不适用于本指标',
    );
    const named = figureCaliber({ ...base, figure: 'newHq', targetTypes: 'named' });
    expect(named.conditions.join('\n')).toContain('非默认');
    const capped = figureCaliber({ ...base, figure: 'ranking', key: '330302:0', capCompletion: true });
    expect(capped.conditions.join('\n')).toContain('按100%计（非默认）');
  });
  it('a clicked unit is named as the unit', () => {
    const c = figureCaliber({ ...base, figure: 'newHq', key: '330303' });
    expect(c.title).toBe('龙湾区 · 新引进总部企业');
    expect(c.conditions.join('\n')).toContain('unit=330303');
  });
});

describe('预兑现 grants at risk with their amounts', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    // Three projects paid ahead: Y certified only in 2024, one not yet registered, C certified in 2022.
    await importFiles(db, [
      ...fixtureFiles(),
      csv(
        '总部项目台账_补助.csv',
        '项目编号,项目名称,属地,统一社会信用代码,计划投资（万元）,签约日期,注册日期,认定日期,投产日期,销号日期,项目经理,联系领导,服务专班,绿色通道,开办补助,补助金额（万元）',
        `G1,瑞安预兑现项目,瑞安市,${C.Y},8000,2023-02-01,2023-05-01,,,,王五,陈市长,是,是,预兑现,120.5`,
        'G2,瑞安未注册预兑现项目,瑞安市,,6000,2023-03-01,,,,,王五,陈市长,是,是,预兑现,80',
        `G3,龙湾已认定预兑现项目,龙湾区,${C.C},5000,2023-01-15,2023-02-01,,,,赵六,周市长,是,是,预兑现,50`,
      ),
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the records’ count and amount are the figure’s, for the city and a unit', async () => {
    const p = { year: 2023, asOf: '2023-12-31' };
    for (const filters of [{}, { unit: '330381' }] as Filters[]) {
      const d = await certificationPipeline(db, { ...p, filters });
      const set = await drillRecords(db, { ...p, filters, figure: 'grantsAtRisk' });
      expect(set.total).toBe(d.grantsAtRisk.count);
      expect(set.sum! / 1e4).toBeCloseTo(d.grantsAtRisk.amount, 4);
      expect(d.grantsAtRisk.amount).toBeCloseTo(200.5, 4);
    }
    const ruian = await drillRecords(db, { ...p, figure: 'grantsAtRisk', key: '330381' });
    expect(ruian.rows.map((r) => r.project_id).sort()).toEqual(['G1', 'G2']);
  });
});

describe('the 口径 of a clicked cell', () => {
  it('names the unit of a `unit:…` key, not the unit filter as not applying', () => {
    const base = { year: 2024, asOf: '2024-12-31', filters: { unit: '330302' } };
    for (const [figure, key] of [
      ['ranking', '330302:2'],
      ['pipelineUnitStage', '330302:已认定'],
      ['certCheck', '330302:outside_share'],
    ] as const) {
      const text = figureCaliber({ ...base, figure, key }).conditions.join('\n');
      expect(text, figure).toContain('属地 = 鹿城区（所点击的元素，unit=330302）');
      expect(text, figure).not.toContain('不适用于本指标');
    }
    expect(figureCaliber({ ...base, figure: 'unfiledCases', key: '60' }).title).toBe(
      '已认定未备案（超过 60 天）',
    );
    const scope = (officeScope: 'policy' | 'all') =>
      figureCaliber({ ...base, figure: 'unitArea', key: 'met', officeScope }).conditions.join('\n');
    expect(scope('all')).toContain('全部企业（非默认');
    expect(scope('policy')).toContain('（默认）');
  });

  it('names the year of an earlier year’s point, not the screen’s', () => {
    const base = { year: 2025, asOf: '2025-09-30', filters: {} };
    for (const [figure, key] of [
      ['newHqMonth', '2024-03'],
      ['hqTaxMonth', '2024-03'],
      ['buildingTaxMonth', '2024-03'],
      ['billionBuildingsYear', '2024:330302'],
    ] as const) {
      const text = figureCaliber({ ...base, figure, key }).conditions.join('\n');
      expect(text, figure).toContain('年度：2024年');
      expect(text, figure).not.toContain('年度：2025年');
    }
    const segment = figureCaliber({ ...base, figure: 'billionBuildingsYear', key: '2024:330302' });
    expect(segment.conditions.join('\n')).toContain('属地 = 鹿城区（所点击的元素，unit=330302）');
    const running = figureCaliber({ ...base, figure: 'newHqMonth', key: '2025-06' });
    expect(running.conditions.join('\n')).toContain('年度：2025年（');
  });
});

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
import { projectPipeline } from '../src/domain/figures/projects';
import { rankingIndicators } from '../src/domain/figures/ranking';
import { CERT_STATUSES } from '../src/domain/enums';
import { EXPORTS_2023, FIGURES_FIXTURE, openFiguresFixture } from './figuresFixture';
import { buildingRegister } from '../src/domain/figures/buildingRegister';
import { buildingsScreenFigures } from '../src/domain/figures/buildings';
import { buildingForecasts } from '../src/domain/figures/forecast';
import { newHqByMonth, taxByMonth } from '../src/domain/figures/periodComparison';

const total = async (db: Db, p: DrillParams) => (await drillRecords(db, p)).total;
const sum = async (db: Db, p: DrillParams) => (await drillRecords(db, p)).sum ?? NaN;

describe.each([
  ['hand-written fixture', FIGURES_FIXTURE, 2023],
  ['2023 exports', EXPORTS_2023, 2023],
])('drill-through on the %s', (_name, folder, year) => {
  let db: Db;
  let asOf: string;
  beforeAll(async () => {
    ({ db } = await openFiguresFixture(folder));
    asOf = `${year}-12-31`;
    const end = await dataAsOf(db);
    if (end && end < asOf) asOf = end;
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

// ---- Issue 13 part A: 亿元楼宇, 考核排名 chart, 总部经济带 industry chart, 同期对比 (screenFigures.ts).
describe.each([
  ['hand-written fixture', FIGURES_FIXTURE, 2023],
  ['2023 exports', EXPORTS_2023, 2023],
])('drill-through of the screens’ charts on the %s', (_name, folder, year) => {
  let db: Db;
  let asOf: string;
  beforeAll(async () => {
    ({ db } = await openFiguresFixture(folder));
    asOf = `${year}-12-31`;
    const end = await dataAsOf(db);
    if (end && end < asOf) asOf = end;
  });
  afterAll(async () => {
    await db?.close();
  });
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

/**
 * The as-of rule (DOMAIN.md "Rules that hold for every figure"): the pure period helper, then every
 * figure of 2023 read as of 2023-06-30 on the hand-written fixture of test/figures.test.ts (see its
 * header for the rows), each number computed by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import {
  defaultAsOf,
  isIsoDate,
  newestCompleteYear,
  partYearLabel,
  previousYearPeriod,
  sameDayYearBefore,
  yearPeriod,
} from '../src/domain/asOf';
import { beltsFigures } from '../src/domain/figures/belts';
import { buildingEnterprises, buildingTaxes } from '../src/domain/figures/buildings';
import { certificationChecks } from '../src/domain/figures/certification';
import { localContributions, localRewards } from '../src/domain/figures/contribution';
import { hqTax, localHq } from '../src/domain/figures/hqStock';
import { fiveYear, newHq } from '../src/domain/figures/newHq';
import { overviewFigures } from '../src/domain/figures/overview';
import { projectFigures, projectPipeline } from '../src/domain/figures/projects';
import { rankingIndicators } from '../src/domain/figures/ranking';
import { C, openFiguresFixture } from './figuresFixture';

const LC = '330302';
const LW = '330303';
const RA = '330381';
const ZN = 'ZN01';
const JUNE = '2023-06-30';

describe('the period helper', () => {
  it('reads a year as of D at min(D, 31 December)', () => {
    expect(yearPeriod(2025, '2025-09-30')).toEqual({
      year: 2025,
      asOf: '2025-09-30',
      from: '2025-01-01',
      at: '2025-09-30',
      months: 9,
      partial: true,
      label: '1—9月',
    });
    // A finished year before D is read whole.
    expect(yearPeriod(2024, '2025-09-30')).toMatchObject({
      at: '2024-12-31',
      months: 12,
      partial: false,
      label: null,
    });
    // D on 31 December closes the year.
    expect(yearPeriod(2024, '2024-12-31')).toMatchObject({ partial: false, label: null });
    // A year that had not begun by D counts nothing.
    expect(yearPeriod(2026, '2025-09-30')).toMatchObject({ at: '2025-09-30', months: 0, partial: true });
  });

  it.each([
    ['2025-09-30', 2025, '1—9月'],
    ['2025-01-31', 2025, '1月'],
    ['2025-06-15', 2025, '1—6月'], // tax is monthly: June counts once D is in it
    ['2025-12-15', 2025, '1—12月'],
    ['2025-12-31', 2025, null],
    ['2025-09-30', 2024, null],
  ] as const)('labels %s for %i as %s', (asOf, year, label) => {
    expect(partYearLabel(year, asOf)).toBe(label);
  });

  it('compares a part year with the same months and days of the year before', () => {
    expect(sameDayYearBefore('2025-09-30')).toBe('2024-09-30');
    expect(sameDayYearBefore('2024-02-29')).toBe('2023-02-28');
    expect(previousYearPeriod(yearPeriod(2025, '2025-09-30'))).toMatchObject({
      year: 2024,
      at: '2024-09-30',
      months: 9,
    });
    expect(previousYearPeriod(yearPeriod(2024, '2025-09-30'))).toMatchObject({
      year: 2023,
      at: '2023-12-31',
    });
  });

  it('defaults D to the data end, and finds the newest complete year', () => {
    expect(defaultAsOf('2025-09-30')).toBe('2025-09-30');
    expect(defaultAsOf(null, new Date('2026-01-05T08:00:00Z'))).toBe('2026-01-05');
    expect(newestCompleteYear('2025-09-30')).toBe(2024);
    expect(newestCompleteYear('2024-12-31')).toBe(2024);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025/06/30')).toBe(false);
    expect(isIsoDate('2025-6-30')).toBe(false);
  });
});

describe('every figure of 2023 as of 2023-06-30 (figures fixture)', () => {
  let db: Db;
  beforeAll(async () => {
    db = (await openFiguresFixture()).db;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts new HQ certified by D only: the later certifications drop out', async () => {
    const hq = await newHq(db, { year: 2023, asOf: JUNE });
    // By 06-30 only A (鹿城, 03-10); B 07-01, G 09-09 and H 12-31 come later (the whole year: 4).
    expect(hq.city).toEqual({ actual: 1, target: 10 });
    expect(hq.byRegion.filter((u) => u.actual > 0).map((u) => [u.code, u.actual])).toEqual([[LC, 1]]);
    // The whole year still reads 4 at the data's end.
    expect((await newHq(db, { year: 2023 })).city.actual).toBe(4);
  });

  it('moves the overview together: new HQ, 时间进度, five-year, stock, HQ tax, 亿元楼宇', async () => {
    const f = await overviewFigures(db, { year: 2023, asOf: JUNE });
    expect(f.timeProgress).toBe(0.5);
    expect(f.months).toBe('1—6月');
    expect(f.at).toBe(JUNE);
    expect(f.newHq.city.actual).toBe(1);
    // 2019 W, 2021 X, 2022 C, 2023 A → 4 (the whole window: 7)
    expect(f.fiveYear.actual).toBe(4);
    expect(f.fiveYear.years.at(-1)).toMatchObject({ year: 2023, actual: 1, cumulative: 4 });
    // 本土 by 06-30: C (2019), E (2021), F (2023-02-15)
    expect(f.localHq).toEqual({ year: 2023, stock: 3, flow: 1 });
    // B1 Jan–Jun: A 80M + B 20M + H 3.5M = 103.5M ≥ 1亿
    expect(f.billionBuildings).toBe(1);
    expect(f.byOrigin).toEqual([{ origin: '未登记', count: 1 }]);
  });

  it('reads a five-year window year by year to D: later years are null, not zero', async () => {
    const f = await fiveYear(db, { year: 2021, asOf: JUNE });
    // Viewing 2021: D is 2021-12-31 → W (2019), X (2021).
    expect(f.actual).toBe(2);
    expect(f.years.map((y) => [y.year, y.actual, y.cumulative])).toEqual([
      [2019, 1, 1],
      [2020, 0, 1],
      [2021, 1, 2],
      [2022, null, null],
      [2023, null, null],
    ]);
  });

  it('sums HQ tax over the months to D, against the same months of 2022 on the same definition', async () => {
    // HQ certified by 2023-06-30: A, C, E, F, W, X (not B, G, H, Y). Tax Jan–Jun 2023:
    // A 60M + 20M, C 30M, E 1M + 0.5M, F 20M, X 1M = 132.5M.
    // 2022 as of 2022-06-30: HQ by then C, E, W, X (F only in 2023); Jan–Jun 2022: C 8M.
    expect(await hqTax(db, { year: 2023, asOf: JUNE })).toEqual({
      year: 2023,
      tax: 132_500_000,
      previous: 8_000_000,
      change: 15.5625,
      months: '1—6月',
    });
    expect(await localHq(db, { year: 2023, asOf: '2023-02-14' })).toEqual({ year: 2023, stock: 2, flow: 0 });
  });

  it('sums building tax over the months to D', async () => {
    const b = await buildingTaxes(db, { year: 2023, asOf: JUNE });
    // B1 103.5M (亿元楼宇); B2 C 30M + D 15M = 45M (the whole year 62M, 培育); B3 none.
    expect(b.map((x) => [x.buildingId, x.tax, x.tier])).toEqual([
      ['B1', 103_500_000, '亿元楼宇'],
      ['B2', 45_000_000, null],
      ['B3', 0, null],
    ]);
    expect(await buildingEnterprises(db, { year: 2023, asOf: JUNE, buildingId: 'B1' })).toEqual([
      { creditCode: C.A, name: '甲总部有限公司', tax: 80_000_000 },
      { creditCode: C.B, name: '乙总部有限公司', tax: 20_000_000 },
      { creditCode: C.H, name: '辛投资有限公司', tax: 3_500_000 },
    ]);
  });

  it('scores the ranking on what happened by D', async () => {
    const rows = new Map((await rankingIndicators(db, { year: 2023, asOf: JUNE })).map((r) => [r.code, r]));
    // i1 new ÷ target, i2 new, i3 projects signed by 06-30 (P1 鹿城, P4 瑞安), i4 their investment,
    // i5 Jan–Jun tax of 新引进 certified by 06-30 (鹿城 A 80M; 龙湾 C 30M — B not yet; 瑞安 X 1M)
    expect(rows.get(LC)!.indicators).toEqual([1 / 3, 1, 1, 10000, 80_000_000]);
    expect(rows.get(LW)!.indicators).toEqual([0, 0, 0, 0, 30_000_000]);
    expect(rows.get(RA)!.indicators).toEqual([0, 0, 1, 8000, 1_000_000]);
    expect(rows.get(ZN)!.indicators).toEqual([0, 0, 0, 0, 0]);
  });

  it('checks the enterprises with a certification row by D, on their tax to D', async () => {
    const checks = new Map(
      (await certificationChecks(db, { year: 2023, asOf: JUNE })).map((c) => [c.creditCode, c]),
    );
    // H applied 2023-10-01 and Y 2023-11-01: no row yet. The other nine are there.
    expect([...checks.keys()].sort()).toEqual([C.A, C.B, C.C, C.D, C.E, C.F, C.G, C.X, C.W].sort());
    // A Jan–Jun: 60M outside of 80M = 75% (the whole year 60 ÷ 85).
    expect(checks.get(C.A)!.outsideShare).toBe(0.75);
  });

  it('counts the belts as of D', async () => {
    const belts = await beltsFigures(db, { year: 2023, asOf: JUNE });
    expect(belts.months).toBe('1—6月');
    const lc = belts.units.find((u) => u.code === LC)!;
    // 鹿城 HQ by 06-30: A, W (H only on 12-31); their Jan–Jun tax: A 80M
    expect([lc.hqCount, lc.hqTax, lc.newHq]).toEqual([2, 80_000_000, 1]);
    const lw = belts.units.find((u) => u.code === LW)!;
    // 龙湾: C (新引进 2022, 本土 2019) — B is certified there only on 07-01
    expect([lw.hqCount, lw.newHq, lw.localStock]).toEqual([1, 0, 1]);
  });

  it('reads projects at D: a stage dated after D has not happened yet', async () => {
    // P2 signed 2023-09-01, registered 2023-10-15: at 09-30 it is still 签约.
    const at = await projectFigures(db, { asOf: '2023-09-30' });
    expect(at.find((p) => p.projectId === 'P2')).toMatchObject({ stage: '签约', registeredOn: null });
    // P4 registered 03-01, certified 06-01, operating 08-01: 认定 at 06-30; P3 overdue 394 days since registration.
    const pipeline = await projectPipeline(db, { year: 2023, asOf: JUNE });
    const of = (id: string) => pipeline.projects.find((p) => p.projectId === id)!;
    expect(of('P4').stage).toBe('认定');
    expect([of('P3').overdueKind, of('P3').stageDays, of('P3').overdueDays]).toEqual([
      'registered_not_operating',
      394,
      29,
    ]);
    // P1 signed 01-10: 171 days, not yet overdue
    expect(of('P1').overdueKind).toBeNull();
  });

  it('compares a part-year contribution with the same months of C−1 (figure 9)', async () => {
    const rows = new Map((await localRewards(db, { year: 2023, asOf: JUNE })).map((r) => [r.creditCode, r]));
    // C (2019): base 2018 Jan–Jun 0; 2023 Jan–Jun C VAT 30M × 0.5 = 15M → 500万×0.2 + 1000万×0.3 = 4M
    // E (2021): base 2020 Jan–Jun 0 (its 2020 tax is December); 2023 Jan–Jun L 0.6M + CIT 0.5M × 0.4 = 0.8M → 160,000
    // F (2023): base 2022 Jan–Jun VAT 2M × 0.5 = 1M (the whole 2022 was 1.4M); 2023 Jan–Jun L 12M
    //           increment 11M → 1M + 600万 × 0.3 = 2.8M
    const expected: [string, number, number, number, number][] = [
      [C.C, 0, 15_000_000, 15_000_000, 4_000_000],
      [C.E, 0, 800_000, 800_000, 160_000],
      [C.F, 1_000_000, 12_000_000, 11_000_000, 2_800_000],
    ];
    expect([...rows.keys()].sort()).toEqual([C.C, C.E, C.F].sort());
    for (const [code, base, contribution, increment, reward] of expected) {
      const r = rows.get(code)!;
      expect(r.base, code).toBeCloseTo(base, 4);
      expect(r.contribution, code).toBeCloseTo(contribution, 4);
      expect(r.increment, code).toBeCloseTo(increment, 4);
      expect(r.reward, code).toBeCloseTo(reward, 4);
    }
    const contributions = new Map(
      (await localContributions(db, { year: 2023, asOf: JUNE })).map((r) => [r.creditCode, r.contribution]),
    );
    expect(contributions.get(C.F)).toBeCloseTo(12_000_000, 4);
  });
});

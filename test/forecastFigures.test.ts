/**
 * DOMAIN.md figure 15, 预计全年 of a running year, on the real engine and a fixture computed by hand.
 * Year 2023 as of 2023-06-30.
 *
 * New HQ (counted 新引进 certifications, one enterprise each):
 *   2020: none (no history: left out of the mean)
 *   2021: 02-01, 03-01, 04-01, 09-01   → by 06-30: 3 of 4 = 0.75
 *   2022: 03-01, 05-01, 08-01, 11-01   → by 06-30: 2 of 4 = 0.50
 *   mean share 0.625
 *   2023 by D: 鹿城 3, 龙湾 2 (one more 龙湾 on 08-01, after D) → city 5 → 5 ÷ 0.625 = 8;
 *   鹿城 3 ÷ 0.625 = 4.8 → 5; 龙湾 2 ÷ 0.625 = 3.2 → 3.
 *
 * Buildings (one tenant each; 万 = 10,000 元):
 *   B1  2022-03 6000万, 2022-09 6000万, 2023-03 6000万 → 6000万 × 12000 ÷ 6000 = 1.2亿: candidate
 *   B2  2022-02 1.5亿, 2023-02 1.1亿                    → 1.1亿 × 1.5 ÷ 1.5 = 1.1亿: already 亿元
 *   B3  2022-04 6000万, 2022-10 6000万, 2023-04 2000万 → 2000万 × 2 = 4000万: at risk (1.2亿 in 2022)
 *   B4  2023-05 5500万 (nothing in 2022)               → by months: 5500万 × 12 ÷ 6 = 1.1亿: candidate
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { creditCodeCheckChar } from '../src/domain/creditCode';
import {
  buildingForecasts,
  dayShare,
  forecastCount,
  newHqForecast,
  sameDayIn,
  seasonShare,
} from '../src/domain/figures/forecast';
import { csv } from './figuresFixture';
import { importFiles } from '../src/ingest';

const LC = '330302';
const LW = '330303';
const D = '2023-06-30';
const WAN = 10_000;

const code = (n: number) => {
  const first17 = `91330302MA2FC${String(n).padStart(4, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
};

const CERTIFIED: [string, string][] = [
  ['鹿城区', '2021-02-01'],
  ['鹿城区', '2021-03-01'],
  ['龙湾区', '2021-04-01'],
  ['龙湾区', '2021-09-01'],
  ['鹿城区', '2022-03-01'],
  ['龙湾区', '2022-05-01'],
  ['鹿城区', '2022-08-01'],
  ['龙湾区', '2022-11-01'],
  ['鹿城区', '2023-01-15'],
  ['鹿城区', '2023-03-15'],
  ['鹿城区', '2023-06-30'],
  ['龙湾区', '2023-02-15'],
  ['龙湾区', '2023-05-15'],
  ['龙湾区', '2023-08-01'],
];

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  const tenants = [1, 2, 3, 4].map((b) => code(100 + b));
  const report = await importFiles(db, [
    csv(
      'certifications.csv',
      '统一社会信用代码,认定类别,认定状态,认定地,认定日期',
      ...CERTIFIED.map(([unit, on], i) => `${code(i + 1)},新引进,已认定,${unit},${on}`),
    ),
    csv(
      'buildings.csv',
      '楼宇编号,楼宇名称,所在县市区,建筑面积',
      ...[1, 2, 3, 4].map((b) => `B${b},楼宇${b},鹿城区,10000`),
    ),
    csv(
      'enterprises.csv',
      '统一社会信用代码,企业名称,属地,所在楼宇编号',
      ...tenants.map((c, i) => `${c},租户${i + 1},鹿城区,B${i + 1}`),
    ),
    csv(
      'tax.csv',
      '统一社会信用代码,所属期,税种,税额（万元）',
      `${tenants[0]},2022-03,增值税,6000`,
      `${tenants[0]},2022-09,增值税,6000`,
      `${tenants[0]},2023-03,增值税,6000`,
      `${tenants[1]},2022-02,增值税,15000`,
      `${tenants[1]},2023-02,增值税,11000`,
      `${tenants[2]},2022-04,增值税,6000`,
      `${tenants[2]},2022-10,增值税,6000`,
      `${tenants[2]},2023-04,增值税,2000`,
      `${tenants[3]},2023-05,增值税,5500`,
    ),
  ]);
  expect(report.files.map((f) => f.rejectedRows)).toEqual([0, 0, 0, 0]);
});
afterAll(async () => {
  await db?.close();
});

describe('the seasonal share', () => {
  it('takes D’s day in earlier years', () => {
    expect(sameDayIn(2022, '2023-06-30')).toBe('2022-06-30');
    expect(sameDayIn(2023, '2024-02-29')).toBe('2023-02-28');
  });

  it('is linear by days when no earlier year had new HQ', () => {
    expect(dayShare('2023-01-01')).toBeCloseTo(1 / 365);
    expect(dayShare('2024-12-31')).toBe(1);
    expect(seasonShare([{ year: 2022, byDay: 0, whole: 0 }], '2023-07-02')).toMatchObject({
      basis: 'days',
      share: 183 / 365,
    });
    // Years that had new HQ, none of them by that day: a share of 0 cannot divide.
    expect(seasonShare([{ year: 2022, byDay: 0, whole: 3 }], '2023-01-10').basis).toBe('days');
  });

  it('never forecasts fewer than are already counted', () => {
    expect(forecastCount(5, 0.625)).toBe(8);
    expect(forecastCount(3, 1)).toBe(3);
  });
});

describe('预计全年 of new HQ', () => {
  it('divides what is counted by D by the mean share of the last complete years that had any', async () => {
    const f = await newHqForecast(db, { year: 2023, asOf: D });
    expect(f.running).toBe(true);
    expect(f.season).toMatchObject({ basis: 'history', share: 0.625 });
    expect(f.season.years.map((y) => [y.year, y.byDay, y.whole])).toEqual([
      [2021, 3, 4],
      [2022, 2, 4],
    ]);
    expect(f.city).toMatchObject({ actual: 5, forecast: 8 });
    const unit = (c: string) => f.byRegion.find((u) => u.code === c)!;
    expect([unit(LC).actual, unit(LC).forecast]).toEqual([3, 5]);
    expect([unit(LW).actual, unit(LW).forecast]).toEqual([2, 3]);
    expect(f.byRegion.filter((u) => u.code !== LC && u.code !== LW).every((u) => u.forecast === 0)).toBe(
      true,
    );
  });

  it('forecasts the unit chosen on the city’s season', async () => {
    const f = await newHqForecast(db, { year: 2023, asOf: D, filters: { unit: LW } });
    expect(f.city).toMatchObject({ actual: 2, forecast: 3 });
  });

  it('gives the actual for a complete year', async () => {
    const f = await newHqForecast(db, { year: 2022, asOf: D });
    expect(f.running).toBe(false);
    expect(f.city).toMatchObject({ actual: 4, forecast: 4 });
  });
});

describe('预计全年 of building tax', () => {
  it('scales by the building’s own last year, or by months without one', async () => {
    const f = await buildingForecasts(db, { year: 2023, asOf: D });
    const b = (id: string) => f.buildings.find((x) => x.buildingId === id)!;
    expect(b('B1')).toMatchObject({
      tax: 6000 * WAN,
      forecast: 12000 * WAN,
      basis: 'lastYear',
      lastYear: 12000 * WAN,
    });
    expect(b('B2')).toMatchObject({ tax: 11000 * WAN, forecast: 11000 * WAN, basis: 'lastYear' });
    expect(b('B3')).toMatchObject({ tax: 2000 * WAN, forecast: 4000 * WAN, basis: 'lastYear' });
    expect(b('B4')).toMatchObject({ tax: 5500 * WAN, forecast: 11000 * WAN, basis: 'pace', lastYear: 0 });
  });

  it('names the 亿元楼宇 candidates and those at risk', async () => {
    const f = await buildingForecasts(db, { year: 2023, asOf: D });
    expect(f.candidates.map((b) => b.buildingId)).toEqual(['B1', 'B4']);
    expect(f.atRisk.map((b) => b.buildingId)).toEqual(['B3']);
  });

  it('has nothing to forecast in a complete year', async () => {
    const f = await buildingForecasts(db, { year: 2022, asOf: D });
    expect(f.running).toBe(false);
    expect(f.candidates).toEqual([]);
    expect(f.buildings.find((b) => b.buildingId === 'B1')).toMatchObject({
      tax: 12000 * WAN,
      forecast: 12000 * WAN,
    });
  });
});

/**
 * Period comparison (issue 13 item 6) is the monthly breakdown of figures 1, 4 and 5: on the
 * hand-written figures fixture and on the shared 2023 exports, at several as-of dates and with a unit
 * chosen, its last month sums to the figure itself, months after D are empty and earlier years whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { buildingTaxes } from '../src/domain/figures/buildings';
import { hqTax } from '../src/domain/figures/hqStock';
import { newHq } from '../src/domain/figures/newHq';
import { newHqByMonth, taxByMonth } from '../src/domain/figures/periodComparison';
import { openFiguresFixture } from './figuresFixture';
import { openShared } from './shared/files';

const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
const last = (values: readonly (number | null)[]) => values.filter((v) => v !== null).at(-1) ?? 0;

async function expectBreakdown(db: Db, year: number, asOf: string, unit?: string) {
  const filters = unit ? { unit } : undefined;
  const hq = await newHqByMonth(db, { year, asOf, filters });
  const actual = await newHq(db, { year, asOf, filters });
  expect(last(hq.series[0]!.values)).toBe(actual.city.actual);
  expect(hq.target).toBe(actual.city.target);
  expect(hq.series[0]!.values.filter((v) => v === null)).toHaveLength(12 - hq.months);
  for (const k of [1, 2]) {
    expect(hq.series[k]!.year).toBe(year - k);
    expect(last(hq.series[k]!.values)).toBe(
      (await newHq(db, { year: year - k, asOf: `${year - k}-12-31`, filters })).city.actual,
    );
  }
  const tax = await taxByMonth(db, { year, asOf, filters });
  const kpi = await hqTax(db, { year, asOf, filters });
  expect(sum(tax.hqTax[0]!.values)).toBeCloseTo(kpi.tax, 2);
  expect(sum(tax.hqTax[1]!.values.slice(0, tax.months))).toBeCloseTo(kpi.previous, 2);
  const buildings = (await buildingTaxes(db, { year, asOf })).filter((b) => !unit || b.region === unit);
  expect(sum(tax.buildingTax[0]!.values)).toBeCloseTo(sum(buildings.map((b) => b.tax)), 2);
}

describe('on the figures fixture', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await openFiguresFixture());
  });
  afterAll(async () => {
    await db?.close();
  });
  it.each([
    ['2023-12-31', undefined],
    ['2023-06-30', undefined],
    ['2023-06-30', '330302'],
    ['2023-02-15', '330381'],
  ])('sums to the figures of 2023 as of %s (unit %s)', async (asOf, unit) => {
    await expectBreakdown(db, 2023, asOf, unit);
  });
});

describe('on the shared 2023 exports', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openShared('exports2023');
  });
  afterAll(async () => {
    await db?.close();
  });
  it.each([
    ['2023-12-31', undefined],
    ['2023-09-30', undefined],
    ['2023-09-30', '330303'],
  ])('sums to the figures of 2023 as of %s (unit %s)', async (asOf, unit) => {
    await expectBreakdown(db, 2023, asOf, unit);
  });

  it('leaves the months after D empty and the target path straight', async () => {
    const hq = await newHqByMonth(db, { year: 2023, asOf: '2023-09-30' });
    expect(hq.months).toBe(9);
    expect(hq.series[0]!.values.slice(9)).toEqual([null, null, null]);
    expect(hq.path?.[11]).toBe(hq.target);
    expect(hq.path?.[5]).toBeCloseTo(hq.target! / 2, 1);
  });
});

/**
 * The global filters in the figures, on the real engine: the unit filter against the hand-computed
 * fixture (see test/figures.test.ts), the attribute filters against invariants of the sample data
 * (every enterprise has one HQ type, so the filtered counts add up to the unfiltered one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '../src/db';
import { hqTax, localHq } from '../src/domain/figures/hqStock';
import { fiveYear, newHq } from '../src/domain/figures/newHq';
import { newHqByOrigin, overviewFigures } from '../src/domain/figures/overview';
import { HQ_TYPES } from '../src/domain/enums';
import { openShared } from './shared/files';
import { openFiguresFixture } from './figuresFixture';

let fixture: Db;
let sample: Db;

beforeAll(async () => {
  fixture = (await openFiguresFixture()).db;
  sample = await openShared('sample');
});

afterAll(async () => {
  await fixture?.close();
  await sample?.close();
});

describe('the unit filter (fixture, 2023)', () => {
  it('makes the unit the headline, with its own target', async () => {
    const hq = await newHq(fixture, { year: 2023, filters: { unit: '330302' } });
    // 鹿城: A and H (B is certified in 龙湾 although registered in 鹿城).
    expect(hq.city).toEqual({ actual: 2, target: 3 });
    expect(hq.scope).toBe('鹿城区');
    // The by-unit list still covers every unit, for the completion chart.
    expect(hq.byRegion.find((u) => u.code === '330303')?.actual).toBe(1);
  });

  it('gives no target for a unit without one', async () => {
    const hq = await newHq(fixture, { year: 2023, filters: { unit: '330304' } });
    expect(hq.city).toEqual({ actual: 0, target: null });
  });

  it('narrows the five-year window, 本土 stock and HQ tax to the unit', async () => {
    const window = await fiveYear(fixture, { year: 2023, filters: { unit: '330381' } });
    // 瑞安: X (2021); E's 新引进 is only 预认定; Y is 2024.
    expect(window.actual).toBe(1);
    expect(window.target).toBeNull();
    expect(await localHq(fixture, { year: 2023, filters: { unit: '330381' } })).toEqual({
      year: 2023,
      stock: 2,
      flow: 1,
    });
    // HQ tax of 瑞安 in 2023: E 1.5M + F 50M + X 1M (X is certified in 瑞安, an orphan but counted).
    expect((await hqTax(fixture, { year: 2023, filters: { unit: '330381' } })).tax).toBeCloseTo(
      52_500_000,
      2,
    );
  });
});

describe('the attribute filters (sample data)', () => {
  it('split the new HQ of a year by HQ type without losing or double counting', async () => {
    const all = await newHq(sample, { year: 2024 });
    const untyped = await sample.query<{ n: number }>(sql`
      SELECT count(DISTINCT c.credit_code) AS n FROM certifications AS c
      LEFT JOIN enterprises AS e USING (credit_code)
      WHERE c.category = '新引进' AND c.status IN ('已认定', '已备案') AND year(c.certified_on) = 2024
        AND e.hq_type IS NULL`);
    let sum = untyped[0]!.n;
    for (const hqType of HQ_TYPES) {
      const part = await newHq(sample, { year: 2024, filters: { hqType } });
      expect(part.city.target).toBeNull();
      sum += part.city.actual;
    }
    expect(sum).toBe(all.city.actual);
  });

  it('agree between the headline and the origin mix', async () => {
    const filters = { unit: '330381', origin: '温商回归' };
    const figures = await overviewFigures(sample, { year: 2024, asOf: '2025-09-30', filters });
    const byOrigin = await newHqByOrigin(sample, { year: 2024, filters });
    expect(byOrigin.map((o) => o.origin)).toEqual(figures.newHq.city.actual ? ['温商回归'] : []);
    expect(byOrigin.reduce((n, o) => n + o.count, 0)).toBe(figures.newHq.city.actual);
  });

  it('leave every figure as the report computes it when no filter is set', async () => {
    const plain = await overviewFigures(sample, { year: 2024, asOf: '2025-09-30' });
    const empty = await overviewFigures(sample, { year: 2024, asOf: '2025-09-30', filters: {} });
    expect(empty).toEqual(plain);
    expect(plain.newHq.city).toEqual((await newHq(sample, { year: 2024 })).city);
  });
});

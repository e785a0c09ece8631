/**
 * Figure 16 (rank change): the pure comparison on hand-made rankings, and the figure on the real
 * engine over test/fixtures/figures (see test/figures.test.ts for the fixture's rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { rankChanges, rankingWithChange } from '../src/domain/figures/rankChange';
import { scoreUnits } from '../src/domain/figures/ranking';
import { openFiguresFixture } from './figuresFixture';

type Five = [number, number, number, number, number];
const unit = (code: string, indicators: Five) => ({ code, name: code, indicators });

describe('rankChanges', () => {
  it('compares each rank with the year before: up is positive', () => {
    // Year before: B 100 (all maxima), A 50, C 0 → B 1, A 2, C 3.
    const before = scoreUnits([
      unit('A', [1, 1, 1, 1, 1]),
      unit('B', [2, 2, 2, 2, 2]),
      unit('C', [0, 0, 0, 0, 0]),
    ]);
    // This year: C 100, A 50, B 25 → C 1, A 2, B 3.
    const now = scoreUnits([
      unit('A', [2, 2, 2, 2, 2]),
      unit('B', [1, 1, 1, 1, 1]),
      unit('C', [4, 4, 4, 4, 4]),
    ]);
    expect(rankChanges(now, before).map((r) => [r.code, r.rank, r.previousRank, r.change])).toEqual([
      ['C', 1, 3, 2],
      ['A', 2, 2, 0],
      ['B', 3, 1, -2],
    ]);
  });

  it('has no previous rank when the year before scored nothing (its order is by code only)', () => {
    const before = scoreUnits([unit('A', [0, 0, 0, 0, 0]), unit('B', [0, 0, 0, 0, 0])]);
    const now = scoreUnits([unit('A', [0, 0, 0, 0, 0]), unit('B', [1, 1, 1, 1, 1])]);
    expect(rankChanges(now, before).map((r) => [r.code, r.previousRank, r.change])).toEqual([
      ['B', null, null],
      ['A', null, null],
    ]);
  });
});

describe('rankingWithChange on the real engine', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await openFiguresFixture());
  });
  afterAll(async () => {
    await db?.close();
  });

  it('ranks 2023 against 2022 under the same weights', async () => {
    // 2022 by hand: only 龙湾 scores (C certified 2022-05-20 of target 2 → 0.5; P3 signed 2022-03-01,
    // 20,000万元; C's 2022 tax 8,000,000 元), so 龙湾 is 1st with 100 and the rest follow by code:
    // 鹿城 330302 2nd, 瓯海 330304 3rd, … 瑞安 330381 10th, … ZN01 13th.
    // 2023 (test/figures.test.ts): 鹿城 1, 龙湾 2, ZN01 3, 瑞安 4, 瓯海 5.
    const figure = await rankingWithChange(db, { year: 2023 });
    expect(figure.previous).toEqual({ year: 2022, asOf: '2022-12-31' });
    const moves = Object.fromEntries(figure.units.map((u) => [u.code, [u.rank, u.previousRank, u.change]]));
    expect(moves['330302']).toEqual([1, 2, 1]);
    expect(moves['330303']).toEqual([2, 1, -1]);
    expect(moves['ZN01']).toEqual([3, 13, 10]);
    expect(moves['330381']).toEqual([4, 10, 6]);
    expect(moves['330304']).toEqual([5, 3, -2]);
  });
});

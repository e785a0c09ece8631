/**
 * The county scorecard and DOMAIN.md 16 (rank change), on the real engine.
 *
 * Hand-computed: new HQ (no targets, no projects, no tax) — 2022: 鹿城 2, 龙湾 1; 2023: 鹿城 1, 龙湾 3.
 * i1 = 1 for a unit with new HQ and no target, so only ② separates them. 2023: 龙湾 30 + 20 = 50,
 * 鹿城 30 + 20 × 1/3 = 36.67 → 龙湾 1st, 鹿城 2nd. 2022: 鹿城 50, 龙湾 30 + 10 = 40 → 鹿城 1st,
 * 龙湾 2nd. So 龙湾 moves up one (2 → 1, +1) and 鹿城 down one (−1).
 *
 * Then on the shared 2023 exports: every unit's card agrees with the ranking of figure 10 and the
 * records behind each indicator add up to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { ranking } from '../src/domain/figures/ranking';
import { countyScorecard } from '../src/domain/figures/scorecard';
import { UNITS } from '../src/domain/units';
import { importFiles } from '../src/ingest';
import { C, csv } from './figuresFixture';
import { openShared } from './shared/files';

const LC = '330302';
const LW = '330303';

describe('rank change, computed by hand', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    await importFiles(db, [
      csv(
        'certifications.csv',
        '统一社会信用代码,认定类别,认定状态,认定地,认定日期',
        `${C.A},新引进,已认定,鹿城区,2022-03-01`,
        `${C.B},新引进,已认定,鹿城区,2022-04-01`,
        `${C.C},新引进,已认定,龙湾区,2022-05-01`,
        `${C.D},新引进,已认定,鹿城区,2023-03-01`,
        `${C.E},新引进,已认定,龙湾区,2023-04-01`,
        `${C.F},新引进,已认定,龙湾区,2023-05-01`,
        `${C.G},新引进,已认定,龙湾区,2023-06-01`,
      ),
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('compares the rank of Y with that of Y−1 under the same rules', async () => {
    const lw = await countyScorecard(db, { year: 2023, asOf: '2023-12-31', unit: LW });
    expect(lw.ranked).toMatchObject({ rank: 1, score: 50 });
    expect(lw.rankChange).toEqual({ previousRank: 2, change: 1 });
    const lc = await countyScorecard(db, { year: 2023, asOf: '2023-12-31', unit: LC });
    expect(lc.ranked.rank).toBe(2);
    expect(lc.ranked.score).toBeCloseTo(36.667, 3);
    expect(lc.rankChange).toEqual({ previousRank: 1, change: -1 });
    expect(lc.newHq.map((h) => h.creditCode)).toEqual([C.D]);
  });

  it('has no previous rank when Y−1 has nothing to assess', async () => {
    const card = await countyScorecard(db, { year: 2022, asOf: '2022-12-31', unit: LC });
    expect(card.rankChange).toEqual({ previousRank: null, change: null });
  });

  it('refuses a unit that is not in the dictionary', async () => {
    await expect(countyScorecard(db, { year: 2023, unit: '999999' })).rejects.toThrow('未知属地：999999');
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

  it('agrees with the ranking, and the records add up to each indicator', async () => {
    const asOf = '2023-12-31';
    const rows = await ranking(db, { year: 2023, asOf });
    const before = await ranking(db, { year: 2022, asOf: '2022-12-31' });
    for (const unit of UNITS.slice(0, 12)) {
      const card = await countyScorecard(db, { year: 2023, asOf, unit: unit.code });
      const row = rows.find((r) => r.code === unit.code)!;
      expect(card.ranked).toEqual(row);
      expect(card.newHq).toHaveLength(row.indicators[1]);
      expect(card.projects).toHaveLength(row.indicators[2]);
      expect(card.projects.reduce((s, p) => s + (p.investment ?? 0), 0)).toBeCloseTo(row.indicators[3], 4);
      expect(card.taxByEnterprise.reduce((s, t) => s + t.tax, 0)).toBeCloseTo(row.indicators[4], 2);
      const previous = before.find((r) => r.code === unit.code)!.rank;
      expect(card.rankChange).toEqual({ previousRank: previous, change: previous - row.rank });
      expect(card.buildings.every((b) => b.region === unit.code)).toBe(true);
    }
  });
});

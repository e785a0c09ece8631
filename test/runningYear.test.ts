/**
 * A running year, as the issue found it on the sample: data to 2025-09-30, new HQ certified all
 * year long, a 本土 reward whose base year is whole. The hand-written exports are in
 * test/fixtures/running-year/ (credit codes by letter below; all 其他 tax counts 100% locally):
 *
 *   enterprise  unit  hq_type      certification (category, date)  tax (元 per month)
 *   P           鹿城  综合型总部   新引进 2025-03-15               VAT 2025-03…09 × 3,000,000 (B1)
 *   Q           龙湾  贸易型总部   新引进 2025-05-20 (已备案)      VAT 2024-01…12 × 8M, 2025-01…09 × 10M (B1)
 *   R           瑞安  功能型总部   新引进 2025-08-01               —
 *   S           鹿城  区域型总部   新引进 2025-09-10               —
 *   X           鹿城  (not in the directory) 新引进 2025-02-01     —
 *   L           瑞安  综合型总部   本土 2024-06-01                 其他 2023 × 1M, 2024 × 1.5M, 2025-01…09 × 2M
 *   M           鹿城  综合型总部   本土 2025-07-01                 其他 2024 × 0.5M, 2025-01…09 × 0.8M
 *
 *   targets 2025: 全市 10, 鹿城 4. Projects R1 (signed 2025-01-10), R2 (registered 2024-03-01, not
 *   operating), R3 (registered 2024-09-01, operating 2025-08-01).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { buildingTaxes } from '../src/domain/figures/buildings';
import { localRewards } from '../src/domain/figures/contribution';
import { hqTax } from '../src/domain/figures/hqStock';
import { fiveYear, newHq } from '../src/domain/figures/newHq';
import { rankingIndicators } from '../src/domain/figures/ranking';
import { buildReport } from '../src/domain/report';
import { loadFolder } from '../scripts/lib/loadFolder';

const FOLDER = path.join(import.meta.dirname, 'fixtures', 'running-year');
const L = '91330381MA2RY00L6D';
const M = '91330302MA2RY00M74';
const LC = '330302';
const LW = '330303';
const RA = '330381';

let db: Db;

beforeAll(async () => {
  db = (await loadFolder(FOLDER)).db;
});

afterAll(async () => {
  await db?.close();
});

describe('the 本土 reward of a running year (figure 9, DOMAIN.md "Part years")', () => {
  it('compares January–September with January–September of C−1, not with the whole base year', async () => {
    const rows = new Map((await localRewards(db, { year: 2025 })).map((r) => [r.creditCode, r]));
    // L (C = 2024): 2025 Jan–Sep 9 × 2M = 18M against 2023 Jan–Sep 9 × 1M = 9M → increment 9M
    //   = 900万: 500万 × 20% + 400万 × 30% = 220万. (Against the whole 2023, 12M: 600万 → 130万.)
    // M (C = 2025): 9 × 0.8M = 7.2M against 2024 Jan–Sep 9 × 0.5M = 4.5M → 270万 × 20% = 54万.
    expect([...rows.values()].map((r) => [r.creditCode, r.base, r.contribution, r.increment])).toEqual([
      [M, 4_500_000, 7_200_000, 2_700_000],
      [L, 9_000_000, 18_000_000, 9_000_000],
    ]);
    expect(rows.get(L)!.reward).toBeCloseTo(2_200_000, 4);
    expect(rows.get(M)!.reward).toBeCloseTo(540_000, 4);
  });

  it('as of 2025-06-30: six months against six, and M (certified 07-01) is not yet rewarded', async () => {
    const rows = await localRewards(db, { year: 2025, asOf: '2025-06-30' });
    // L: 6 × 2M = 12M against 6 × 1M = 6M → 600万 → 100万 + 100万 × 30% = 130万
    expect(rows.map((r) => [r.creditCode, r.base, r.contribution, r.increment])).toEqual([
      [L, 6_000_000, 12_000_000, 6_000_000],
    ]);
    expect(rows[0]!.reward).toBeCloseTo(1_300_000, 4);
  });

  it('compares whole years once the year is over', async () => {
    const rows = await localRewards(db, { year: 2024 });
    // L: 2024 12 × 1.5M = 18M against the whole 2023, 12M → 600万 → 130万
    expect(rows.map((r) => [r.creditCode, r.base, r.contribution, r.reward])).toEqual([
      [L, 12_000_000, 18_000_000, 1_300_000],
    ]);
  });
});

describe('as of a date before the last certifications of the year', () => {
  it('counts only the new HQ certified by then', async () => {
    expect((await newHq(db, { year: 2025 })).city).toEqual({ actual: 5, target: 10 });
    // By 06-30: X (02-01), P (03-15), Q (05-20); R 08-01 and S 09-10 come later.
    const june = await newHq(db, { year: 2025, asOf: '2025-06-30' });
    expect(june.city).toEqual({ actual: 3, target: 10 });
    expect(june.byRegion.filter((u) => u.actual > 0).map((u) => [u.code, u.actual])).toEqual([
      [LC, 2],
      [LW, 1],
    ]);
  });

  it('sums HQ tax to D and compares it with the same months of 2024', async () => {
    // 09-30: HQ by then P Q R S X L M; Jan–Sep L 18M + M 7.2M + P 21M + Q 90M = 136.2M.
    //   2024 as of 2024-09-30: only L (06-01) → Jan–Sep 13.5M (Q's 2024 tax is before its certification).
    const sep = await hqTax(db, { year: 2025 });
    expect([sep.tax, sep.previous, sep.months]).toEqual([136_200_000, 13_500_000, '1—9月']);
    // 06-30: X P Q L; L 12M + P 12M + Q 60M = 84M against L Jan–Jun 2024, 9M.
    const june = await hqTax(db, { year: 2025, asOf: '2025-06-30' });
    expect([june.tax, june.previous, june.months]).toEqual([84_000_000, 9_000_000, '1—6月']);
  });

  it('applies the 1亿 threshold to the part-year sum it has', async () => {
    // B1 = P + Q. Jan–Sep: 21M + 90M = 111M → 亿元楼宇; Jan–Jun: 12M + 60M = 72M → 培育楼宇.
    const sep = await buildingTaxes(db, { year: 2025 });
    const june = await buildingTaxes(db, { year: 2025, asOf: '2025-06-30' });
    expect(sep.map((b) => [b.buildingId, b.tax, b.tier])[0]).toEqual(['B1', 111_000_000, '亿元楼宇']);
    expect(june.map((b) => [b.buildingId, b.tax, b.tier])[0]).toEqual(['B1', 72_000_000, '培育楼宇']);
  });
});

describe('what counts toward the target (DOMAIN.md 13)', () => {
  it('named: only 综合型总部 and 功能型总部 count, an enterprise missing from the directory does not', async () => {
    const named = await newHq(db, { year: 2025, targetTypes: 'named' });
    // P (综合) and R (功能); Q 贸易, S 区域 and X (no directory row) do not.
    expect(named.city).toEqual({ actual: 2, target: 10 });
    const by = (code: string) => named.byRegion.find((u) => u.code === code)!.actual;
    expect([by(LC), by(LW), by(RA)]).toEqual([1, 0, 1]);
    expect((await newHq(db, { year: 2025, targetTypes: 'all' })).city.actual).toBe(5);
  });

  it('named moves the five-year count and the ranking’s i1 and i2, not the tax indicator', async () => {
    const window = { from: 2024, to: 2028 };
    expect((await fiveYear(db, { year: 2025, window })).actual).toBe(5);
    expect((await fiveYear(db, { year: 2025, window, targetTypes: 'named' })).actual).toBe(2);
    const rows = new Map(
      (await rankingIndicators(db, { year: 2025, targetTypes: 'named' })).map((r) => [r.code, r]),
    );
    // 鹿城 1 of 4; 龙湾 none counted (no target: 0); i5 keeps every 新引进 HQ's tax (Q 90M in 龙湾).
    expect(rows.get(LC)!.indicators.slice(0, 2)).toEqual([0.25, 1]);
    expect(rows.get(LW)!.indicators).toEqual([0, 0, 0, 0, 90_000_000]);
  });

  it('the report carries the switch and its figures', async () => {
    const all = await buildReport(db, { year: 2025 });
    const named = await buildReport(db, { year: 2025, targetTypes: 'named' });
    expect([all.targetTypes, all.newHq.city.actual]).toEqual(['all', 5]);
    expect([named.targetTypes, named.newHq.city.actual]).toEqual(['named', 2]);
    expect(named.hqTax).toEqual(all.hqTax);
  });
});

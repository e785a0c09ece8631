/**
 * The 总部认定 screen's figures with the global filters: certification checks, unit-area output and
 * the 本土总部 reward narrowed by unit and enterprise attributes, on the real DuckDB-Wasm engine.
 * Exact numbers on the hand-written fixture (see the header of test/figures.test.ts); the attribute
 * filters on the sample data, whose directory carries 总部类型 / 来源 / 行业.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShared } from './shared/files';
import { sql, type Db } from '../src/db';
import { certificationChecks, unitAreaOutputs } from '../src/domain/figures/certification';
import { localRewards } from '../src/domain/figures/contribution';
import type { Filters } from '../src/domain/filters';
import { C, openFiguresFixture } from './figuresFixture';

describe('on the fixture', () => {
  let db: Db;
  beforeAll(async () => {
    db = (await openFiguresFixture()).db;
  });
  afterAll(async () => {
    await db?.close();
  });

  const codes = (rows: readonly { creditCode: string }[]) => rows.map((r) => r.creditCode);

  it('without filters (or with empty ones) is the report’s list', async () => {
    const all = await certificationChecks(db, { year: 2023 });
    expect(all).toHaveLength(11);
    expect(await certificationChecks(db, { year: 2023, filters: {} })).toEqual(all);
    expect(await unitAreaOutputs(db, { year: 2023, filters: {} })).toEqual(
      await unitAreaOutputs(db, { year: 2023 }),
    );
    expect(await localRewards(db, { year: 2023, filters: {} })).toEqual(
      await localRewards(db, { year: 2023 }),
    );
  });

  it('narrows checks to the enterprises of a unit — their own region, else the certification’s', async () => {
    // 鹿城: A, B, H from the directory (B although certified by 龙湾); W only by its certification row
    expect(codes(await certificationChecks(db, { year: 2023, filters: { unit: '330302' } }))).toEqual([
      C.A,
      C.B,
      C.H,
      C.W,
    ]);
    // 龙湾: C and D — not B
    expect(codes(await certificationChecks(db, { year: 2023, filters: { unit: '330303' } }))).toEqual([
      C.C,
      C.D,
    ]);
    expect(codes(await certificationChecks(db, { year: 2023, filters: { unit: '330381' } }))).toEqual([
      C.E,
      C.F,
      C.X,
      C.Y,
    ]);
    expect(codes(await certificationChecks(db, { year: 2023, filters: { unit: 'ZN01' } }))).toEqual([C.G]);
  });

  it('keeps each unit’s own rule under a unit filter', async () => {
    const rules = { '330381': { minOutsideShare: 0.8, minPaidInCapital: 800 } };
    const checks = await certificationChecks(db, { year: 2023, rules, filters: { unit: '330381' } });
    expect(checks.map((c) => [c.creditCode, c.passed, c.reasons])).toEqual([
      [C.E, false, ['outside_share']], // 1M of 1.5M = 66.7% < 80%
      [C.F, true, []], // 900 ≥ 800万元
      [C.X, false, ['registered_in_wenzhou', 'branches_or_consolidated', 'paid_in_capital']],
      [C.Y, false, ['registered_in_wenzhou', 'branches_or_consolidated', 'outside_share', 'paid_in_capital']],
    ]);
  });

  it('matches no enterprise on an attribute the directory does not give', async () => {
    // The fixture directory has no 总部类型 / 来源 / 行业 columns.
    expect(await certificationChecks(db, { year: 2023, filters: { hqType: '综合型总部' } })).toEqual([]);
    expect(await unitAreaOutputs(db, { year: 2023, filters: { origin: '温商回归' } })).toEqual([]);
    expect(await localRewards(db, { year: 2023, filters: { industry: '数字经济' } })).toEqual([]);
  });

  it('narrows unit-area output to a unit', async () => {
    // A 15,000 ✓ and B 8,000 ✗ in 鹿城; C 10,000 ✓ in 龙湾; 瑞安's only row (E) is of 2022
    const lc = await unitAreaOutputs(db, { year: 2023, filters: { unit: '330302' } });
    expect(lc.map((r) => [r.creditCode, r.perSqm, r.meets])).toEqual([
      [C.A, 15000, true],
      [C.B, 8000, false],
    ]);
    expect(codes(await unitAreaOutputs(db, { year: 2023, filters: { unit: '330303' } }))).toEqual([C.C]);
    expect(await unitAreaOutputs(db, { year: 2023, filters: { unit: '330381' } })).toEqual([]);
  });

  it('narrows the 本土总部 reward to the certifying unit', async () => {
    const ra = await localRewards(db, { year: 2023, filters: { unit: '330381' } });
    // E: increment 700,000 → 140,000; F: increment 22,600,000 → 6,540,000
    expect(ra.map((r) => r.creditCode)).toEqual([C.E, C.F]);
    expect(ra[0]!.reward).toBeCloseTo(140_000, 4);
    expect(ra[1]!.reward).toBeCloseTo(6_540_000, 4);
    const lw = await localRewards(db, { year: 2023, filters: { unit: '330303' } });
    expect(lw.map((r) => [r.creditCode, Math.round(r.reward)])).toEqual([[C.C, 5_200_000]]);
    expect(await localRewards(db, { year: 2023, filters: { unit: '330302' } })).toEqual([]);
  });

  it('applies edited shares and tiers together with a filter', async () => {
    // F 2023: 12,000,000 given + 30M × 1 (CIT share 100%) = 42,000,000; base 2022: 2M + 1M = 3,000,000
    // increment 39,000,000 at a flat 10% → 3,900,000
    const [f] = await localRewards(db, {
      year: 2023,
      shares: { 增值税: 1, 企业所得税: 1, 个人所得税: 1, 其他: 1 },
      tiers: [{ upTo: null, rate: 0.1 }],
      filters: { unit: '330381' },
    }).then((rows) => rows.filter((r) => r.creditCode === C.F));
    expect(f!.contribution).toBeCloseTo(42_000_000, 4);
    expect(f!.base).toBeCloseTo(3_000_000, 4);
    expect(f!.reward).toBeCloseTo(3_900_000, 4);
  });
});

describe('on the sample data', () => {
  let db: Db;
  let attributes: Map<
    string,
    { region: string; hq_type: string | null; origin: string | null; industry: string | null }
  >;
  beforeAll(async () => {
    db = await openShared('sample');
    const rows = await db.query<{
      credit_code: string;
      region: string;
      hq_type: string | null;
      origin: string | null;
      industry: string | null;
    }>(sql`SELECT credit_code, region, hq_type, origin, industry FROM enterprises`);
    attributes = new Map(rows.map((r) => [r.credit_code, r]));
  });
  afterAll(async () => {
    await db?.close();
  });

  /** The directory's own answer: which enterprises a filter admits. */
  const admits = (f: Filters, code: string, region: string) => {
    const e = attributes.get(code);
    if ((f.hqType || f.origin || f.industry) && !e) return false;
    return (
      (!f.unit || region === f.unit) &&
      (!f.hqType || e?.hq_type === f.hqType) &&
      (!f.origin || e?.origin === f.origin) &&
      (!f.industry || e?.industry === f.industry)
    );
  };

  const cases: Filters[] = [
    { hqType: '区域型总部' },
    { origin: '本土培育', industry: '智能制造' },
    { unit: '330381', hqType: '综合型总部' },
  ];

  it.each(cases)('checks under %j are the unfiltered checks the directory admits', async (f) => {
    const all = await certificationChecks(db, { year: 2024 });
    const narrowed = await certificationChecks(db, { year: 2024, filters: f });
    const expected = all.filter((c) => admits(f, c.creditCode, c.region));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed).toEqual(expected);
  });

  it.each(cases)('unit-area output and rewards under %j likewise', async (f) => {
    const areas = await unitAreaOutputs(db, { year: 2024 });
    expect(await unitAreaOutputs(db, { year: 2024, filters: f })).toEqual(
      areas.filter((r) => admits(f, r.creditCode, r.region)),
    );
    const rewards = await localRewards(db, { year: 2024 });
    expect(await localRewards(db, { year: 2024, filters: f })).toEqual(
      rewards.filter((r) => admits(f, r.creditCode, r.region)),
    );
  });
});

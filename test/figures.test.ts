/**
 * Every figure function of src/domain/figures against hand-computed numbers, on the real DuckDB-Wasm
 * engine, over the small hand-written export set in test/fixtures/figures/.
 *
 * The fixture (credit codes abbreviated by letter; full codes in `C` below):
 *
 *   enterprise  unit       indep  paid-in  building  branches  consolidated  office ㎡
 *   A           鹿城        是     2000     B1        3         是            1000
 *   B           鹿城        是     1500     B1        1         是            500
 *   C           龙湾        是     5000     B2        2         是            2000
 *   D           龙湾        否     800      B2        0         否            —
 *   E           瑞安        是     1200     —         1         是            400
 *   F           瑞安        是     900      —         2         是            300
 *   G           ZN01(经开区) 是    3000     B2        1         否            600
 *   H           鹿城        是     1000     B1        1         是            —
 *   X, W, Y     not in the enterprise list (certification rows only; X and Y have orphan tax rows)
 *
 *   certifications (category, status, region, certified_on):
 *   A 新引进 已认定 鹿城 2023-03-10     B 新引进 已备案 龙湾(!) 2023-07-01
 *   C 新引进 已认定 龙湾 2022-05-20     C 本土 已认定 龙湾 2019-11-01
 *   D 新引进 驳回 龙湾 2023-04-01 (✗)   D 本土 申请 (✗)
 *   E 新引进 预认定 瑞安 2023-06-01 (✗) E 本土 已认定 瑞安 2021-06-01
 *   F 本土 已认定 瑞安 2023-02-15       G 新引进 已认定 温州经开区 2023-09-09
 *   H 新引进 已认定 鹿城 2023-12-31     X 新引进 已认定 瑞安 2021-03-03; X 本土 县级审核 (✗)
 *   W 新引进 已认定 鹿城 2019-08-08     Y 新引进 已认定 瑞安 2024-01-01
 *
 *   tax (元; * = outside operation; L = local_amount):
 *   A 2022-11 VAT 5,000,000 | 2023-01 VAT 60,000,000* | 2023-06 CIT 20,000,000 | 2023-12 IIT 5,000,000
 *   B 2023-03 VAT 20,000,000 | 2023-09 印花税(→其他) 1,000,000*
 *   H 2023-04 CIT 2,000,000* | 2023-05 VAT 1,500,000 | 2023-07 VAT −500,000 (refund)
 *   C 2022-05 VAT 8,000,000* | 2023-02 VAT 30,000,000* | 2023-08 CIT 10,000,000
 *   D 2023-04 VAT 15,000,000
 *   G 2023-10 VAT 5,000,000* | 2023-11 IIT 2,000,000
 *   E 2020-12 其他 100,000 | 2022-10 VAT 2,000,000 | 2023-03 VAT 1,000,000* L 600,000 | 2023-06 CIT 500,000
 *   F 2022-06 VAT 2,000,000 | 2022-09 CIT 1,000,000 | 2023-03 VAT 20,000,000* L 12,000,000 | 2023-08 CIT 30,000,000*
 *   X 2023-05 VAT 1,000,000* (orphan)
 *   Y 2023-12 其他 300,000* | 2023-12 VAT −500,000 (orphans)
 *
 *   2023 totals: A 85M, B 21M, H 3M, C 40M, D 15M, G 7M, E 1.5M, F 50M, X 1M, Y −0.2M.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import type { ImportReport } from '../src/ingest';
import { DEFAULT_CERTIFICATION_RULE, type RewardTier } from '../src/domain/defaults';
import {
  billionBuildings,
  billionBuildingsByYear,
  buildingEnterprises,
  buildingTaxes,
  buildingTier,
  type BuildingFigure,
} from '../src/domain/figures/buildings';
import { certificationChecks, unitAreaOutputs, type FailReason } from '../src/domain/figures/certification';
import { localContributions, localRewards, tieredReward } from '../src/domain/figures/contribution';
import { dataAsOf, orphanTaxRows, rowCounts } from '../src/domain/figures/dataStatus';
import { hqTax, localHq } from '../src/domain/figures/hqStock';
import {
  cityTarget,
  fiveYear,
  newHq,
  planWindow,
  targetsFor,
  timeProgress,
} from '../src/domain/figures/newHq';
import {
  fourOnesComplete,
  overdueReason,
  projectFigures,
  projectFunnel,
  projectStage,
} from '../src/domain/figures/projects';
import { ranking, scoreUnits, type RankedUnit } from '../src/domain/figures/ranking';
import { UNITS } from '../src/domain/units';
import { C, openFiguresFixture } from './figuresFixture';

const LC = '330302'; // 鹿城区
const LW = '330303'; // 龙湾区
const RA = '330381'; // 瑞安市
const ZN = 'ZN01'; // 浙南产业集聚区 (given as 经开区 / 温州经开区)

let db: Db;
let imported: ImportReport;

beforeAll(async () => {
  ({ db, imported } = await openFiguresFixture());
});

afterAll(async () => {
  await db?.close();
});

function byCode<T extends { code: string }>(rows: readonly T[], code: string): T {
  const row = rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

describe('the fixture loads cleanly', () => {
  it('recognises every file and rejects no row', () => {
    expect(imported.files.map((f) => [f.file, f.table]).sort()).toEqual(
      [
        ['企业名录.csv', 'enterprises'],
        ['企业年度数据.csv', 'annual'],
        ['总部认定.csv', 'certifications'],
        ['总部项目台账.csv', 'projects'],
        ['楼宇清单.csv', 'buildings'],
        ['目标任务.csv', 'targets'],
        ['税收明细.csv', 'tax'],
      ].sort(),
    );
    expect(imported.files.flatMap((f) => f.rejected)).toEqual([]);
  });

  it('counts rows, orphan tax rows and the data date', async () => {
    expect(await rowCounts(db)).toEqual({
      enterprises: 8,
      certifications: 15,
      tax: 26,
      annual: 5,
      buildings: 3,
      projects: 7,
      targets: 9,
      leads: 0,
    });
    // X: 1 row, Y: 2 rows — their enterprises are not in the list.
    expect(await orphanTaxRows(db)).toBe(3);
    // Newest tax month 2023-12 → its last day.
    expect(await dataAsOf(db)).toBe('2023-12-31');
  });
});

describe('figure 1–2: new HQ and target progress', () => {
  it('counts counted 新引进 certifications of 2023 by the certification region', async () => {
    const hq = await newHq(db, { year: 2023 });
    // 鹿城: A (2023-03-10), H (2023-12-31, last day counts) = 2
    // 龙湾: B (已备案; enterprise in 鹿城 but certified by 龙湾 — attributed to 龙湾) = 1
    //        D 驳回 does not count
    // 瑞安: E 预认定 does not count; Y is certified 2024-01-01 → 0
    // ZN01: G (认定地 温州经开区 → ZN01) = 1
    // city: 2 + 1 + 1 = 4
    expect(hq.city).toEqual({ actual: 4, target: 10 });
    expect(hq.byRegion.map((r) => r.code)).toEqual(UNITS.map((u) => u.code));
    const expected: [string, number, number | null][] = [
      [LC, 2, 3],
      [LW, 1, 2], // the 龙湾 row has an empty 指标 → the default metric
      [RA, 0, 2],
      [ZN, 1, null],
      ['330304', 0, null],
    ];
    for (const [code, actual, target] of expected) {
      expect(byCode(hq.byRegion, code), code).toMatchObject({ actual, target });
    }
    // The 鹿城 row of metric 本土总部企业 (99) is ignored.
    expect(byCode(hq.byRegion, LC).name).toBe('鹿城区');
  });

  it.each([
    // year, city actual, city target, why
    [2022, 1, 3, 'no 全市 row → 鹿城 1 + 龙湾 2 = 3; actual C'],
    [2019, 1, 30, 'no row at all → policy default 30; actual W'],
    [2021, 1, null, 'no row and no default → none; actual X'],
    [2024, 1, null, 'actual Y (2024-01-01); the 2024-2028 window row is not a year row'],
    [2020, 0, null, 'nothing certified'],
  ] as const)('%i: city %i of target %s (%s)', async (...[year, actual, target]) => {
    // Each year read whole: the fixture's own data end (2023-12-31) is before 2024 began.
    const hq = await newHq(db, { year, asOf: `${year}-12-31` });
    expect(hq.city).toEqual({ actual, target });
  });

  it('cityTarget falls back from the 全市 row to the sum of units to the policy default', async () => {
    expect(
      cityTarget(
        new Map([
          ['全市', 10],
          [LC, 3],
        ]),
        '2023',
      ),
    ).toBe(10);
    expect(
      cityTarget(
        new Map([
          [LC, 3],
          [LW, 2],
          [ZN, 4],
        ]),
        '2023',
      ),
    ).toBe(9);
    expect(cityTarget(new Map(), '2019')).toBe(30);
    expect(cityTarget(new Map(), '2019-2023')).toBe(150);
    expect(cityTarget(new Map(), '2023')).toBeNull();
    // From the database: only 新引进总部企业 rows (or an empty metric) of that exact year.
    expect(Object.fromEntries(await targetsFor(db, '2023'))).toEqual({ 全市: 10, [LC]: 3, [LW]: 2, [RA]: 2 });
    expect(Object.fromEntries(await targetsFor(db, '2019-2023'))).toEqual({ 全市: 20 });
  });

  it.each([
    // as-of, year, expected: (full months + day ÷ days in month) ÷ 12
    ['2023-06-30', 2023, 0.5], // (5 + 30/30) / 12
    ['2023-09-30', 2023, 0.75], // (8 + 30/30) / 12
    ['2023-01-31', 2023, 1 / 12], // (0 + 31/31) / 12
    ['2023-02-14', 2023, 0.125], // (1 + 14/28) / 12
    ['2024-02-29', 2024, 1 / 6], // (1 + 29/29) / 12, leap year
    ['2023-12-31', 2023, 1],
    ['2024-01-15', 2023, 1], // a finished year
    ['2022-12-31', 2023, 0], // the year has not started
  ] as const)('timeProgress at %s for %i is %d', (asOf, year, expected) => {
    expect(timeProgress(year, asOf)).toBeCloseTo(expected, 12);
  });
});

describe('figure 3: five-year progress', () => {
  it('uses the loaded 2019-2023 window with its cumulative curve and straight-line path', async () => {
    const window = await planWindow(db, 2023);
    expect(window).toEqual({ from: 2019, to: 2023 });
    const fy = await fiveYear(db, { year: 2023, window });
    // per year: 2019 W, 2020 —, 2021 X, 2022 C, 2023 A B G H → 1, 0, 1, 1, 4; cumulative 1, 1, 2, 3, 7
    // path: 20 × k / 5 = 4, 8, 12, 16, 20
    expect(fy).toEqual({
      from: 2019,
      to: 2023,
      actual: 7,
      target: 20,
      years: [
        { year: 2019, actual: 1, cumulative: 1, path: 4 },
        { year: 2020, actual: 0, cumulative: 1, path: 8 },
        { year: 2021, actual: 1, cumulative: 2, path: 12 },
        { year: 2022, actual: 1, cumulative: 3, path: 16 },
        { year: 2023, actual: 4, cumulative: 7, path: 20 },
      ],
    });
  });

  it('finds another loaded window, and falls back to 2019–2023', async () => {
    expect(await planWindow(db, 2025)).toEqual({ from: 2024, to: 2028 });
    expect(await planWindow(db, 2030)).toEqual({ from: 2019, to: 2023 });
    // Read at the end of the window (the fixture's own data end, 2023-12-31, is before it began).
    const fy = await fiveYear(db, { year: 2028, asOf: '2028-12-31', window: { from: 2024, to: 2028 } });
    // Y certified 2024-01-01; target 40 → path 8, 16, 24, 32, 40
    expect(fy.actual).toBe(1);
    expect(fy.target).toBe(40);
    expect(fy.years.map((y) => [y.actual, y.cumulative, y.path])).toEqual([
      [1, 1, 8],
      [0, 1, 16],
      [0, 1, 24],
      [0, 1, 32],
      [0, 1, 40],
    ]);
    // A window without any target row: no 全市 row, no unit rows, no default → null path.
    const none = await fiveYear(db, { year: 2018, window: { from: 2014, to: 2018 } });
    expect(none).toMatchObject({ actual: 0, target: null });
    expect(none.years.every((y) => y.path === null)).toBe(true);
  });
});

describe('figure 4: 本土总部 stock/flow and HQ tax', () => {
  it.each([
    // year, stock, flow: counted 本土 = C (2019), E (2021), F (2023); D 申请 and X 县级审核 never count
    [2018, 0, 0],
    [2019, 1, 1],
    [2021, 2, 1],
    [2022, 2, 0],
    [2023, 3, 1],
  ] as const)('%i: stock %i, flow %i', async (year, stock, flow) => {
    expect(await localHq(db, { year })).toEqual({ year, stock, flow });
  });

  it('sums the tax of every counted HQ certified by the end of the year, once per enterprise', async () => {
    // 2023, counted by 2023-12-31: A B C E F G H W X (C has two counted rows, its tax counts once)
    //   A 85M + B 21M + C 40M + E 1.5M + F 50M + G 7M + H 3M + X 1M (orphan, still HQ tax) = 208.5M
    //   not: D (驳回/申请), Y (certified 2024)
    // 2022, counted by 2022-12-31: C E W X → C 8M + E 2M = 10M (A's and F's 2022 tax do not count)
    // change: (208.5M − 10M) ÷ 10M = 19.85
    const t = await hqTax(db, { year: 2023 });
    expect(t.year).toBe(2023);
    expect(t.tax).toBeCloseTo(208_500_000, 2);
    expect(t.previous).toBeCloseTo(10_000_000, 2);
    expect(t.change).toBeCloseTo(19.85, 10);
  });

  it('gives a change of −100% after a year with tax and none without one', async () => {
    // 2024 read whole has no tax rows: (0 − 208.5M) ÷ 208.5M = −1
    expect(await hqTax(db, { year: 2024, asOf: '2024-12-31' })).toEqual({
      year: 2024,
      tax: 0,
      previous: 208_500_000,
      change: -1,
      months: null,
    });
    // 2020: HQ by 2020-12-31 are C and W; E's 2020 tax is before its certification → 0; 2019 → 0
    expect(await hqTax(db, { year: 2020 })).toEqual({
      year: 2020,
      tax: 0,
      previous: 0,
      change: null,
      months: null,
    });
  });
});

describe('figure 5: building tax, tiers, 亿元楼宇', () => {
  let buildings: BuildingFigure[];
  beforeAll(async () => {
    buildings = await buildingTaxes(db, { year: 2023 });
  });

  it('sums the 2023 tax of each building’s enterprises, refunds included', () => {
    // B1 (A, B, H): 85M + 21M + (2M + 1.5M − 0.5M) = 109,000,000 → 亿元楼宇
    //   tax/㎡ 109,000,000 ÷ 50,000 = 2,180; occupancy 40,000 ÷ 50,000 = 0.8
    // B2 (C, D, G): 40M + 15M + 7M = 62,000,000 → 培育楼宇 (≥ 5000万, < 1亿)
    //   tax/㎡ 62,000,000 ÷ 20,000 = 3,100; occupancy 5,000 ÷ 20,000 = 0.25
    // B3: no tenants → 0, no tier, tax/㎡ 0, occupancy unknown
    expect(
      buildings.map((b) => [b.buildingId, b.tax, b.tier, b.taxPerSqm, b.occupancy, b.enterprises]),
    ).toEqual([
      ['B1', 109_000_000, '亿元楼宇', 2180, 0.8, 3],
      ['B2', 62_000_000, '培育楼宇', 3100, 0.25, 3],
      ['B3', 0, null, 0, null, 0],
    ]);
    expect(buildings[0]).toMatchObject({
      name: '鹿城总部大厦',
      region: LC,
      kind: '商务楼宇',
      floorArea: 50000,
    });
  });

  it('lists only buildings of at least 1亿 as 亿元楼宇', async () => {
    expect(billionBuildings(buildings).map((b) => b.buildingId)).toEqual(['B1']);
    // 2022: B1 = A 5M, B2 = C 8M → none
    const in2022 = await buildingTaxes(db, { year: 2022 });
    expect(in2022.map((b) => [b.buildingId, b.tax, b.tier])).toEqual([
      ['B2', 8_000_000, null],
      ['B1', 5_000_000, null],
      ['B3', 0, null],
    ]);
    expect(billionBuildings(in2022)).toEqual([]);
    expect(await billionBuildingsByYear(db, { year: 2023 })).toEqual([{ year: 2023, region: LC, count: 1 }]);
  });

  it('lists a building’s enterprises with their tax', async () => {
    expect(await buildingEnterprises(db, { year: 2023, buildingId: 'B1' })).toEqual([
      { creditCode: C.A, name: '甲总部有限公司', tax: 85_000_000 },
      { creditCode: C.B, name: '乙总部有限公司', tax: 21_000_000 },
      { creditCode: C.H, name: '辛投资有限公司', tax: 3_000_000 },
    ]);
  });

  it.each([
    [1e9, '十亿元楼宇'],
    [999_999_999.99, '五亿元楼宇'],
    [5e8, '五亿元楼宇'],
    [1e8, '亿元楼宇'],
    [99_999_999.99, '培育楼宇'],
    [5e7, '培育楼宇'],
    [49_999_999.99, null],
    [0, null],
  ] as const)('buildingTier(%d) = %s', (tax, tier) => {
    expect(buildingTier(tax)).toBe(tier);
  });
});

describe('figure 6: unit-area output', () => {
  it('computes output × 10,000 ÷ office area for enterprises with both figures in the year', async () => {
    // A: 1500 × 10,000 ÷ 1000 = 15,000 ✓; C: 2000 × 10,000 ÷ 2000 = 10,000 ✓ (exactly the bar)
    // B: 400 × 10,000 ÷ 500 = 8,000 ✗; D has no office area; E's row is of 2022
    // A, B and C are counted 新引进 in 市区: in the office-subsidy scope (DOMAIN.md 14)
    expect(await unitAreaOutputs(db, { year: 2023 })).toEqual([
      {
        creditCode: C.A,
        name: '甲总部有限公司',
        region: LC,
        output: 1500,
        officeArea: 1000,
        perSqm: 15000,
        meets: true,
        applies: true,
      },
      {
        creditCode: C.C,
        name: '丙总部有限公司',
        region: LW,
        output: 2000,
        officeArea: 2000,
        perSqm: 10000,
        meets: true,
        applies: true,
      },
      {
        creditCode: C.B,
        name: '乙总部有限公司',
        region: LC,
        output: 400,
        officeArea: 500,
        perSqm: 8000,
        meets: false,
        applies: true,
      },
    ]);
    // E: 300 × 10,000 ÷ 400 = 7,500
    expect(await unitAreaOutputs(db, { year: 2022 })).toMatchObject([
      // E's 新引进 is only 预认定, in 瑞安: outside the scope, 不适用
      { creditCode: C.E, perSqm: 7500, meets: false, applies: false },
    ]);
  });
});

describe('figure 7: certification check', () => {
  type Expectation = [code: string, region: string, outsideShare: number, reasons: FailReason[]];

  async function check(rules?: Parameters<typeof certificationChecks>[1]['rules']) {
    const checks = await certificationChecks(db, { year: 2023, rules });
    return new Map(checks.map((c) => [c.creditCode, c]));
  }

  it('covers every enterprise with a certification row, with each failure reason (default rules)', async () => {
    const checks = await check();
    const table: Expectation[] = [
      [C.A, LC, 60 / 85, []], // 60M outside of 85M
      [C.B, LC, 1 / 21, ['outside_share']], // 1M of 21M < 30%; its own region 鹿城, not 龙湾
      [C.C, LW, 30 / 40, []],
      [
        C.D,
        LW,
        0,
        ['independent_legal_person', 'branches_or_consolidated', 'outside_share', 'paid_in_capital'],
      ],
      [C.E, RA, 1 / 1.5, []],
      [C.F, RA, 1, ['paid_in_capital']], // 900 < 1000万元
      [C.G, ZN, 5 / 7, ['branches_or_consolidated']], // not consolidated in Wenzhou
      [C.H, LC, 2 / 3, []], // (2M) ÷ (2M + 1.5M − 0.5M); paid-in exactly 1000 passes
      // Not in the enterprise list: region from the certification; X's orphan tax is 100% outside
      [C.X, RA, 1, ['registered_in_wenzhou', 'branches_or_consolidated', 'paid_in_capital']],
      [C.W, LC, 0, ['registered_in_wenzhou', 'branches_or_consolidated', 'outside_share', 'paid_in_capital']],
      // Y: 300,000 outside of a total −200,000 → a total ≤ 0 gives a share of 0
      [C.Y, RA, 0, ['registered_in_wenzhou', 'branches_or_consolidated', 'outside_share', 'paid_in_capital']],
    ];
    expect(checks.size).toBe(table.length);
    for (const [code, region, share, reasons] of table) {
      const c = checks.get(code)!;
      expect(c, code).toBeDefined();
      expect(c.region, code).toBe(region);
      expect(c.outsideShare, code).toBeCloseTo(share, 10);
      expect(c.reasons, code).toEqual(reasons);
      expect(c.passed, code).toBe(reasons.length === 0);
      expect(c.minOutsideShare).toBe(DEFAULT_CERTIFICATION_RULE.minOutsideShare);
      expect(c.minPaidInCapital).toBe(DEFAULT_CERTIFICATION_RULE.minPaidInCapital);
    }
  });

  it('applies the rules of the enterprise’s own unit', async () => {
    // 瑞安 stricter on share (80%) and looser on capital (800万元); 龙湾 very loose.
    const checks = await check({
      [RA]: { minOutsideShare: 0.8, minPaidInCapital: 800 },
      [LW]: { minOutsideShare: 0.01, minPaidInCapital: 100 },
    });
    const table: [string, FailReason[]][] = [
      [C.E, ['outside_share']], // 0.667 < 0.8
      [C.F, []], // share 1 ≥ 0.8, 900 ≥ 800
      [C.X, ['registered_in_wenzhou', 'branches_or_consolidated', 'paid_in_capital']], // no capital at all
      [C.D, ['independent_legal_person', 'branches_or_consolidated', 'outside_share']], // 800 ≥ 100; 0 < 0.01
      [C.C, []],
      // B is in 鹿城 (its enterprise region) though certified by 龙湾: 鹿城 keeps the default rule
      [C.B, ['outside_share']],
      [C.A, []],
    ];
    for (const [code, reasons] of table) expect(checks.get(code)!.reasons, code).toEqual(reasons);
    expect(checks.get(C.E)).toMatchObject({ minOutsideShare: 0.8, minPaidInCapital: 800 });
    expect(checks.get(C.B)).toMatchObject({ minOutsideShare: 0.3, minPaidInCapital: 1000 });
  });

  it('judges the share on the requested year', async () => {
    // 2022: E has only a non-outside 2M row → share 0; C's 8M row is outside → share 1
    const checks = new Map((await certificationChecks(db, { year: 2022 })).map((c) => [c.creditCode, c]));
    expect(checks.get(C.E)!.reasons).toEqual(['outside_share']);
    expect(checks.get(C.C)!.outsideShare).toBe(1);
    // A applied on 2023-01-05: at the end of 2022 it had no certification row to check yet.
    expect(checks.has(C.A)).toBe(false);
  });
});

describe('figures 8–9: local contribution and the 本土总部 reward', () => {
  it('uses local_amount where given, else amount × the tax type’s share', async () => {
    const rows = await localContributions(db, { year: 2023 });
    // A: 60M×0.5 + 20M×0.4 + 5M×0.4 = 30M + 8M + 2M = 40,000,000
    // F: 12,000,000 (given) + 30M×0.4 = 24,000,000
    // C: 30M×0.5 + 10M×0.4 = 19,000,000
    // B: 20M×0.5 + 1M (印花税 → 其他)×1 = 11,000,000
    // D: 15M×0.5 = 7,500,000
    // G: 5M×0.5 + 2M×0.4 = 3,300,000
    // H: 2M×0.4 + 1.5M×0.5 − 0.5M×0.5 = 800,000 + 750,000 − 250,000 = 1,300,000
    // E: 600,000 (given) + 500,000×0.4 = 800,000
    // X: 1M×0.5 = 500,000
    // Y: 300,000×1 − 500,000×0.5 = 50,000
    const expected: [string, number][] = [
      [C.A, 40_000_000],
      [C.F, 24_000_000],
      [C.C, 19_000_000],
      [C.B, 11_000_000],
      [C.D, 7_500_000],
      [C.G, 3_300_000],
      [C.H, 1_300_000],
      [C.E, 800_000],
      [C.X, 500_000],
      [C.Y, 50_000],
    ];
    expect(rows.map((r) => r.creditCode)).toEqual(expected.map(([code]) => code));
    rows.forEach((r, i) => expect(r.contribution, r.creditCode).toBeCloseTo(expected[i]![1], 4));
  });

  it('takes edited shares, still preferring local_amount', async () => {
    const rows = await localContributions(db, {
      year: 2023,
      shares: { 增值税: 1, 企业所得税: 1, 个人所得税: 1, 其他: 0 },
    });
    const of = (code: string) => rows.find((r) => r.creditCode === code)!.contribution;
    expect(of(C.E)).toBeCloseTo(1_100_000, 4); // 600,000 given + 500,000 × 1
    expect(of(C.F)).toBeCloseTo(42_000_000, 4); // 12,000,000 given + 30M × 1
    expect(of(C.B)).toBeCloseTo(20_000_000, 4); // 20M × 1 + 1M × 0
    expect(of(C.Y)).toBeCloseTo(-500_000, 4); // 300,000 × 0 − 500,000 × 1
  });

  it.each([
    // increment 元, reward 元 — bands 0–500万 at 20%, 500–2000万 at 30%, above at 40%
    [0, 0],
    [-1_000_000, 0],
    [1_000_000, 200_000], // 1M × 0.2
    [5_000_000, 1_000_000], // 5M × 0.2
    [5_000_100, 1_000_030], // 1M + 100 × 0.3
    [20_000_000, 5_500_000], // 1M + 15M × 0.3
    [25_000_000, 7_500_000], // 5.5M + 5M × 0.4
  ] as const)('tieredReward(%d) = %d', (increment, reward) => {
    expect(tieredReward(increment)).toBeCloseTo(reward, 6);
  });

  it('tieredReward takes edited tiers (bounds in 万元)', () => {
    const tiers: RewardTier[] = [
      { upTo: 100, rate: 0.1 },
      { upTo: null, rate: 0.5 },
    ];
    // 1,000,000 × 0.1 + 1,000,000 × 0.5
    expect(tieredReward(2_000_000, tiers)).toBeCloseTo(600_000, 6);
  });

  it('rewards 本土 HQ in years C … C+4 on the increment over C−1', async () => {
    const rows = new Map((await localRewards(db, { year: 2023 })).map((r) => [r.creditCode, r]));
    // C: certified 2019 → 2023 is C+4 (last year); base 2018 = 0; contribution 19M
    //    reward 5M×0.2 + 14M×0.3 = 1,000,000 + 4,200,000 = 5,200,000
    // E: certified 2021; base 2020 = 100,000 (其他 × 1); contribution 800,000; increment 700,000 → 140,000
    // F: certified 2023; base 2022 = 2M×0.5 + 1M×0.4 = 1,400,000; contribution 24,000,000
    //    increment 22,600,000 → 1,000,000 + 4,500,000 + 2,600,000×0.4 (1,040,000) = 6,540,000
    expect([...rows.keys()].sort()).toEqual([C.C, C.E, C.F].sort());
    const expected: [string, number, number, number, number, number][] = [
      [C.C, 2019, 0, 19_000_000, 19_000_000, 5_200_000],
      [C.E, 2021, 100_000, 800_000, 700_000, 140_000],
      [C.F, 2023, 1_400_000, 24_000_000, 22_600_000, 6_540_000],
    ];
    for (const [code, certifiedYear, base, contribution, increment, reward] of expected) {
      const r = rows.get(code)!;
      expect(r.certifiedYear, code).toBe(certifiedYear);
      expect(r.base, code).toBeCloseTo(base, 4);
      expect(r.contribution, code).toBeCloseTo(contribution, 4);
      expect(r.increment, code).toBeCloseTo(increment, 4);
      expect(r.reward, code).toBeCloseTo(reward, 4);
    }
    expect(rows.get(C.F)).toMatchObject({ name: '己本土总部有限公司', region: RA });
  });

  it('stops after C+4 and gives no reward for a fall in contribution', async () => {
    const rows = await localRewards(db, { year: 2024, asOf: '2024-12-31' });
    // C (2019) is out of its window; E and F have no 2024 tax → negative increments → 0
    expect(rows.map((r) => [r.creditCode, r.contribution, r.reward])).toEqual([
      [C.E, 0, 0],
      [C.F, 0, 0],
    ]);
    expect(rows[0]!.increment).toBeCloseTo(-100_000, 4);
    expect(rows[1]!.increment).toBeCloseTo(-1_400_000, 4);
  });
});

describe('figure 10: county attraction score', () => {
  // Indicators for 2023 (others all 0):
  //         i1 new÷target   i2 new  i3 signed  i4 investment  i5 new-HQ tax (by certification region)
  // 鹿城    2 ÷ 3           2       2 (P1 P2)  15,000         A 85M + H 3M (+ W none) = 88M
  // 龙湾    1 ÷ 2           1       1 (P6)     0 (P6 empty)   B 21M + C 40M = 61M
  // 瑞安    0 ÷ 2           0       1 (P4)     8,000          X 1M (orphan rows count)
  // ZN01    no target, 1>0 → 1      1  0       0              G 7M
  // max     1               2       2          15,000         88M
  const expectedRatio: [string, number][] = [
    [LC, 90], // 30×2/3 + 20 + 15 + 15 + 20
    [LW, 46.363636], // 30×0.5 + 20×0.5 + 15×0.5 + 0 + 20×61/88 (13.863636)
    [ZN, 41.590909], // 30×1 + 20×0.5 + 0 + 0 + 20×7/88 (1.590909)
    [RA, 15.727273], // 0 + 0 + 15×0.5 + 15×8000/15000 (8) + 20×1/88 (0.227273)
  ];

  it('ranks by the weighted ratio score, zero units by code', async () => {
    const ranked = await ranking(db, { year: 2023 });
    expect(ranked).toHaveLength(UNITS.length);
    expect(byCode(ranked, LC).indicators).toEqual([2 / 3, 2, 2, 15000, 88_000_000]);
    expect(byCode(ranked, LW).indicators).toEqual([0.5, 1, 1, 0, 61_000_000]);
    expect(byCode(ranked, RA).indicators).toEqual([0, 0, 1, 8000, 1_000_000]);
    expect(byCode(ranked, ZN).indicators).toEqual([1, 1, 0, 0, 7_000_000]);
    expectedRatio.forEach(([code, score], i) => {
      expect(ranked[i]!.code).toBe(code);
      expect(ranked[i]!.rank).toBe(i + 1);
      expect(ranked[i]!.score).toBeCloseTo(score, 5);
    });
    // points add up to the score
    for (const r of ranked) expect(r.points.reduce((a, b) => a + b, 0)).toBeCloseTo(r.score, 10);
    expect(byCode(ranked, LW).normalised.map((n) => Number(n.toFixed(6)))).toEqual([
      0.5, 0.5, 0.5, 0, 0.693182,
    ]);
    // The rest score 0 and follow in code order (ZN02, ZN03 after the six-digit codes).
    const rest = ranked.slice(4);
    expect(rest.every((r) => r.score === 0)).toBe(true);
    expect(rest.map((r) => r.code)).toEqual([
      '330304',
      '330305',
      '330324',
      '330326',
      '330327',
      '330328',
      '330329',
      '330382',
      '330383',
      'ZN02',
      'ZN03',
    ]);
    expect(rest.map((r) => r.rank)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('takes edited weights', async () => {
    // completion only: ZN01 100, 鹿城 66.67, 龙湾 50, then every other unit (瑞安 included) at 0 by code
    const ranked = await ranking(db, { year: 2023, weights: [1, 0, 0, 0, 0] });
    expect(ranked.slice(0, 4).map((r) => [r.code, Number(r.score.toFixed(4))])).toEqual([
      [ZN, 100],
      [LC, 66.6667],
      [LW, 50],
      ['330304', 0],
    ]);
    expect(ranked.findIndex((r) => r.code === RA)).toBe(10); // after 330304 … 330329
  });

  it('offers the 功效系数法: 0.6 + 0.4 × (x − min) ÷ (max − min)', async () => {
    // Every minimum is 0 here, so nₖ = 0.6 + 0.4 × ratio and score = 60 + 0.4 × ratio score.
    const ranked = await ranking(db, { year: 2023, method: 'efficacy' });
    const expected: [string, number][] = [
      [LC, 96], // 60 + 0.4 × 90
      [LW, 78.545455], // 60 + 0.4 × 46.363636
      [ZN, 76.636364], // 60 + 0.4 × 41.590909
      [RA, 66.290909], // 60 + 0.4 × 15.727273
      ['330304', 60],
    ];
    expected.forEach(([code, score], i) => {
      expect(ranked[i]!.code).toBe(code);
      expect(ranked[i]!.score).toBeCloseTo(score, 5);
    });
  });

  it('scoreUnits: all-equal columns, zero maxima and ties by code', () => {
    const rows = [
      { code: 'ZN03', name: 'c', indicators: [1, 5, 0, 0, 7] as [number, number, number, number, number] },
      { code: '330382', name: 'b', indicators: [1, 5, 0, 0, 7] as [number, number, number, number, number] },
      { code: '330302', name: 'a', indicators: [1, 5, 0, 0, 7] as [number, number, number, number, number] },
    ];
    // ratio: columns of zeros normalise to 0 → 30 + 20 + 0 + 0 + 20 = 70
    const ratio: RankedUnit[] = scoreUnits(rows);
    expect(ratio.map((r) => [r.code, r.score, r.rank])).toEqual([
      ['330302', 70, 1],
      ['330382', 70, 2],
      ['ZN03', 70, 3],
    ]);
    // 功效系数法: every column all-equal → 1 → 100
    const efficacy = scoreUnits(rows, [30, 20, 15, 15, 20], 'efficacy');
    expect(efficacy.map((r) => [r.code, r.score])).toEqual([
      ['330302', 100],
      ['330382', 100],
      ['ZN03', 100],
    ]);
    // zero weights → 0 rather than NaN
    expect(scoreUnits(rows, [0, 0, 0, 0, 0]).map((r) => r.score)).toEqual([0, 0, 0]);
  });

  it('scoreUnits: scores equal in arithmetic are ties, ranked by code, whatever the float rounding', () => {
    // 330303: i1 = 2 of a best 11 → 30 × 2/11 = 60/11 (5.454545454545455 in floating point)
    // 330302: i2 = 3 of a best 11 → 20 × 3/11 = 60/11 (5.454545454545454 in floating point)
    // The same score: 330302 ranks before 330303 (DOMAIN.md 10: ties by unit code ascending).
    type Five = [number, number, number, number, number];
    const ranked = scoreUnits([
      { code: '330303', name: 'b', indicators: [2, 0, 0, 0, 0] as Five },
      { code: '330302', name: 'a', indicators: [0, 3, 0, 0, 0] as Five },
      { code: '330304', name: 'c', indicators: [11, 11, 0, 0, 0] as Five },
    ]);
    expect(ranked[1]!.score).toBeCloseTo(60 / 11, 10);
    expect(ranked[2]!.score).toBeCloseTo(60 / 11, 10);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['330304', 1],
      ['330302', 2],
      ['330303', 3],
    ]);
  });
});

describe('figure 11: project tracking', () => {
  it('gives stage, overdue warning and 四个一 for the projects signed by the as-of date', async () => {
    const projects = await projectFigures(db, { asOf: '2023-12-31' });
    // P1 signed 2023-01-10, not registered: 355 days > 180 → overdue; all of 四个一, not certified
    // P2 registered 2023-10-15: 77 days; no manager → 四个一 incomplete
    // P3 registered 2022-06-01, certified, not operating: 578 days > 365 → overdue; subsidy 未兑现
    // P4 operating; subsidy 已兑现 → complete
    // P5 closed 2023-05-01 → 销号, never overdue; subsidy 预兑现 counts
    // P6 signed 2023-07-04: exactly 180 days → not (yet) overdue; no task force
    // P7 signed 2024-02-01 → after the as-of date, not listed
    expect(projects.map((p) => [p.projectId, p.stage, p.overdue, p.fourOnes])).toEqual([
      ['P1', '签约', '签约超过180天未注册', true],
      ['P2', '注册', null, false],
      ['P3', '认定', '注册超过365天未投产', false],
      ['P4', '投产', null, true],
      ['P5', '销号', null, true],
      ['P6', '签约', null, false],
    ]);
    expect(projects[4]).toMatchObject({
      region: ZN,
      investment: 3000,
      closedOn: '2023-05-01',
      subsidy: '预兑现',
    });
    expect(projects[5]).toMatchObject({ region: LW, investment: null, taskForce: false, greenChannel: true });
    // Funnel: a project at a later stage has passed the earlier ones.
    expect(projectFunnel(projects)).toEqual([
      { stage: '签约', count: 6 },
      { stage: '注册', count: 4 },
      { stage: '认定', count: 3 },
      { stage: '投产', count: 2 },
      { stage: '销号', count: 1 },
    ]);
  });

  it('moves with the as-of date and the thresholds', async () => {
    const later = await projectFigures(db, { asOf: '2024-06-30' });
    const of = (id: string) => later.find((p) => p.projectId === id)!;
    // P6: 2023-07-04 → 2024-06-30 = 362 days > 180; P2: 2023-10-15 → 2024-06-30 = 259 days ≤ 365
    expect(of('P6').overdue).toBe('签约超过180天未注册');
    expect(of('P2').overdue).toBeNull();
    // P7 has an operating date but no certification date: the latest dated stage is 投产
    expect(of('P7').stage).toBe('投产');
    // Tighter thresholds: P2 (259 > 200) becomes overdue; P1 (537 > 30) stays
    const strict = await projectFigures(db, {
      asOf: '2024-06-30',
      thresholds: { signedToRegisteredDays: 30, registeredToOperatingDays: 200 },
    });
    expect(strict.find((p) => p.projectId === 'P2')!.overdue).toBe('注册超过200天未投产');
    expect(strict.find((p) => p.projectId === 'P1')!.overdue).toBe('签约超过30天未注册');
  });

  it.each([
    // registered, certified, operating, closed → stage
    [null, null, null, null, '签约'],
    ['2023-01-01', null, null, null, '注册'],
    ['2023-01-01', '2023-02-01', null, null, '认定'],
    [null, '2023-02-01', null, null, '认定'],
    ['2023-01-01', null, '2023-03-01', null, '投产'],
    ['2023-01-01', '2023-02-01', '2023-03-01', '2023-04-01', '销号'],
  ] as const)(
    'projectStage(%s, %s, %s, %s) = %s',
    (registeredOn, certifiedOn, operatingOn, closedOn, stage) => {
      expect(projectStage({ registeredOn, certifiedOn, operatingOn, closedOn })).toBe(stage);
    },
  );

  it.each([
    // signed, registered, operating, closed, as-of → reason
    ['2023-01-01', null, null, null, '2023-06-30', null], // 180 days, not more
    ['2023-01-01', null, null, null, '2023-07-01', '签约超过180天未注册'], // 181
    ['2022-01-01', '2022-06-01', null, null, '2023-06-01', null], // 365
    ['2022-01-01', '2022-06-01', null, null, '2023-06-02', '注册超过365天未投产'], // 366
    ['2022-01-01', '2022-06-01', '2022-09-01', null, '2025-01-01', null], // operating
    ['2020-01-01', null, null, '2020-03-01', '2025-01-01', null], // closed
  ] as const)(
    'overdueReason(%s, %s, %s, %s at %s) = %s',
    (signedOn, registeredOn, operatingOn, closedOn, asOf, reason) => {
      expect(overdueReason({ signedOn, registeredOn, operatingOn, closedOn }, asOf)).toBe(reason);
    },
  );

  it.each([
    // task force, manager, green channel, certified, subsidy → complete
    [true, '张三', true, null, null, true],
    [true, '张三', true, '2023-01-01', '未兑现', false],
    [true, '张三', true, '2023-01-01', null, false],
    [true, '张三', true, '2023-01-01', '预兑现', true],
    [true, '张三', true, '2023-01-01', '已兑现', true],
    [false, '张三', true, null, null, false],
    [null, '张三', true, null, null, false],
    [true, '', true, null, null, false],
    [true, null, true, null, null, false],
    [true, '张三', false, null, null, false],
  ] as const)(
    'fourOnesComplete(%s, %s, %s, %s, %s) = %s',
    (taskForce, manager, greenChannel, certifiedOn, subsidy, ok) => {
      expect(fourOnesComplete({ taskForce, manager, greenChannel, certifiedOn, subsidy })).toBe(ok);
    },
  );
});

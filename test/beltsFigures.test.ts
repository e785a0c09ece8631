/**
 * The 总部经济带 figures (src/domain/figures/belts.ts) on the real engine, over the hand-written fixture
 * of test/figures.test.ts (see its header for the enterprises, certifications and tax), with two
 * additions made here in memory:
 *
 *   - the enterprise list gains 行业 / 总部类型 / 企业来源 columns:
 *       A 数字经济 综合型 温商回归   B 文化创意 区域型 温商回归   C 智能制造 区域型 本土培育
 *       D 商贸物流 贸易型 其他       E 生命健康 区域型 本土培育   F 金融服务 功能型 本土培育
 *       G 研发设计 功能型 世界500强  H 数字经济 区域型 温商回归   (W, X, Y are not in the list)
 *   - a leads file (below), with full province names as the bureau exports them.
 *
 * HQ by the end of 2023 (counted, either category): 鹿城 A H W · 龙湾 B C · 瑞安 E F X · ZN01 G.
 * Their 2023 tax: A 85M, H 3M, W 0, B 21M, C 40M, E 1.5M, F 50M, X 1M, G 7M.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../src/db/node';
import type { Db } from '../src/db';
import { importFiles } from '../src/ingest';
import {
  beltsFigures,
  leadsByProvince,
  leadsFigures,
  mapProvince,
  MAP_PROVINCES,
  serviceShare,
  type BeltsFigures,
  type IndustryCell,
} from '../src/domain/figures/belts';
import { hqTax, localHq } from '../src/domain/figures/hqStock';
import { newHq } from '../src/domain/figures/newHq';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'figures');
const M = 1_000_000;

const ATTRIBUTES: Record<string, [string, string, string]> = {
  '91330302MA2HQ0001Q': ['数字经济', '综合型总部', '温商回归'],
  '91330302MA2HQ0002U': ['文化创意', '区域型总部', '温商回归'],
  '91330303MA2HQ0003D': ['智能制造', '区域型总部', '本土培育'],
  '91330303MA2HQ0004G': ['商贸物流', '贸易型总部', '其他'],
  '91330381MA2HQ0005J': ['生命健康', '区域型总部', '本土培育'],
  '91330381MA2HQ0006M': ['金融服务', '功能型总部', '本土培育'],
  '91330301MA2HQ0007W': ['研发设计', '功能型总部', '世界500强'],
  '91330302MA2HQ0008E': ['数字经济', '区域型总部', '温商回归'],
};

/** The fixture's enterprise list with industry, HQ type and origin appended to every row. */
function enterprisesWithAttributes(): string {
  const [header, ...rows] = fs
    .readFileSync(path.join(FIXTURES, '企业名录.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  return [
    `${header},行业,总部类型,企业来源`,
    ...rows.map((row) => `${row},${ATTRIBUTES[row.split(',')[0]!]!.join(',')}`),
  ].join('\n');
}

const LEADS = `线索编号,企业名称,所在省份,所在城市,行业,是否上市,营业收入（亿元）,跟进状态,对接属地
L1,上海<甲>实业有限公司,上海市,上海市,数字经济,是,12.5,洽谈,鹿城区
L2,杭州乙科技有限公司,浙江省,杭州市,智能制造,否,3,线索,
L3,南宁丙数字有限公司,广西壮族自治区,南宁市,数字经济,否,,签约,龙湾区
L4,包头丁医药有限公司,内蒙古自治区,包头市,生命健康,否,8,落地,温州经开区
L5,上海戊信息有限公司,上海,上海市,数字经济,否,1.5,接洽,鹿城
L6,新加坡己贸易有限公司,新加坡,新加坡,商贸物流,否,20,,瑞安市
`;

let db: Db;

beforeAll(async () => {
  db = await openNodeDb();
  const encode = (text: string) => new TextEncoder().encode(text);
  const files = fs
    .readdirSync(FIXTURES)
    .filter((name) => name !== '企业名录.csv')
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) }));
  const report = await importFiles(db, [
    ...files,
    { name: '企业名录.csv', bytes: encode(enterprisesWithAttributes()) },
    { name: '在外温商招商线索.csv', bytes: encode(LEADS) },
  ]);
  expect(report.files.flatMap((f) => f.rejected)).toEqual([]);
});

afterAll(async () => {
  await db?.close();
});

const unit = (f: BeltsFigures, code: string) => f.units.find((u) => u.code === code)!;
const cell = (f: BeltsFigures, group: string, industry: string) =>
  f.structure.find((c) => c.group === group && c.industry === industry);

describe('HQ by unit (map and unit table)', () => {
  let f: BeltsFigures;
  beforeAll(async () => {
    f = await beltsFigures(db, { year: 2023 });
  });

  it('counts distinct HQ by certification region and sums their tax of the year', () => {
    expect(unit(f, '330302')).toMatchObject({ group: '中心城区', hqCount: 3, newHq: 2, localStock: 0 });
    expect(unit(f, '330302').hqTax).toBeCloseTo(88 * M, 2); // A 85M + H 3M + W 0
    expect(unit(f, '330303')).toMatchObject({ hqCount: 2, newHq: 1, localStock: 1 }); // B, C (two rows, once)
    expect(unit(f, '330303').hqTax).toBeCloseTo(61 * M, 2);
    expect(unit(f, '330381')).toMatchObject({ group: '三区两市', hqCount: 3, newHq: 0, localStock: 2 });
    expect(unit(f, '330381').hqTax).toBeCloseTo(52.5 * M, 2); // E 1.5M + F 50M + X 1M (orphan)
    expect(unit(f, 'ZN01')).toMatchObject({ group: '产业平台', hqCount: 1, newHq: 1, localStock: 0 });
    expect(unit(f, 'ZN01').hqTax).toBeCloseTo(7 * M, 2);
    expect(unit(f, '330383')).toMatchObject({ group: '其他县市', hqCount: 0, hqTax: 0, newHq: 0 });
    expect(f.units).toHaveLength(15);
    expect(f.city.hqCount).toBe(9);
    expect(f.city.hqTax).toBeCloseTo(208.5 * M, 2);
  });

  it('agrees with figures 1 and 4 (newHq, localHq, hqTax) for every unit and the city', async () => {
    for (const year of [2019, 2022, 2023, 2024]) {
      const belts = await beltsFigures(db, { year });
      expect(belts.city.hqTax).toBeCloseTo((await hqTax(db, { year })).tax, 2);
      const fresh = await newHq(db, { year });
      for (const u of belts.units) {
        expect(u.newHq).toBe(fresh.byRegion.find((r) => r.code === u.code)!.actual);
        const filters = { unit: u.code };
        expect(u.localStock).toBe((await localHq(db, { year, filters })).stock);
        expect(u.hqTax).toBeCloseTo((await hqTax(db, { year, filters })).tax, 2);
      }
    }
  });

  it('narrows the enterprises by the attribute filters but never by the unit', async () => {
    const digital = await beltsFigures(db, { year: 2023, filters: { industry: '数字经济' } });
    expect(unit(digital, '330302')).toMatchObject({ hqCount: 2, newHq: 2 }); // A, H
    expect(unit(digital, '330303').hqCount).toBe(0);
    expect(digital.city.hqCount).toBe(2);
    expect(digital.city.hqTax).toBeCloseTo(88 * M, 2);

    const local = await beltsFigures(db, { year: 2023, filters: { origin: '本土培育' } });
    expect(local.city.hqCount).toBe(3); // C, E, F
    expect(unit(local, '330381')).toMatchObject({ hqCount: 2, localStock: 2 });

    const withUnit = await beltsFigures(db, {
      year: 2023,
      filters: { unit: '330302', hqType: '区域型总部' },
    });
    // 区域型: B C E H; the unit filter only highlights, so 龙湾 and 瑞安 still count
    expect(withUnit.city.hqCount).toBe(4);
    expect(unit(withUnit, '330303').hqCount).toBe(2);
  });
});

describe('industry structure per group', () => {
  let f: BeltsFigures;
  beforeAll(async () => {
    f = await beltsFigures(db, { year: 2023 });
  });

  it('counts each HQ once per group it belongs to, with 三区两市 containing 中心城区', () => {
    const count = (group: string) =>
      f.structure.filter((c) => c.group === group).reduce((s, c) => s + c.count, 0);
    expect(count('中心城区')).toBe(5); // A H W B C
    expect(count('三区两市')).toBe(8); // + E F X
    expect(count('产业平台')).toBe(1); // G
    expect(count('其他县市')).toBe(0);
    expect(count('全市')).toBe(9);
    expect(cell(f, '中心城区', '数字经济')).toMatchObject({ count: 2 });
    expect(cell(f, '中心城区', '数字经济')!.tax).toBeCloseTo(88 * M, 2);
    expect(cell(f, '中心城区', '未登记')).toMatchObject({ count: 1, tax: 0 }); // W, not in the list
    expect(cell(f, '三区两市', '未登记')!.tax).toBeCloseTo(1 * M, 2); // W + X
    expect(cell(f, '产业平台', '研发设计')!.tax).toBeCloseTo(7 * M, 2);
  });

  it('gives the high-end services share of a group by count and by tax', () => {
    // 中心城区: A H (数字经济) + B (文化创意) of A H W B C → 3 / 5; tax (88 + 21) / 149
    expect(serviceShare(f.structure, '中心城区', 'count')).toBeCloseTo(0.6, 10);
    expect(serviceShare(f.structure, '中心城区', 'tax')).toBeCloseTo(109 / 149, 10);
    expect(serviceShare(f.structure, '产业平台', 'count')).toBe(1);
    expect(serviceShare(f.structure, '其他县市', 'count')).toBeNull();
  });

  it('has no share when the tax total is not positive', () => {
    const rows: IndustryCell[] = [{ group: '全市', industry: '数字经济', count: 1, tax: -5 }];
    expect(serviceShare(rows, '全市', 'tax')).toBeNull();
  });
});

describe('outside 温商 leads', () => {
  it('folds province names to the China map spelling', () => {
    expect(mapProvince('浙江省')).toBe('浙江');
    expect(mapProvince('上海市')).toBe('上海');
    expect(mapProvince('上海')).toBe('上海');
    expect(mapProvince('广西壮族自治区')).toBe('广西');
    expect(mapProvince('新疆维吾尔自治区')).toBe('新疆');
    expect(mapProvince('宁夏回族自治区')).toBe('宁夏');
    expect(mapProvince('内蒙古自治区')).toBe('内蒙古');
    expect(mapProvince('西藏自治区')).toBe('西藏');
    expect(mapProvince('香港特别行政区')).toBe('香港');
    expect(mapProvince('台湾省')).toBe('台湾');
    expect(mapProvince(' 黑龙江省 ')).toBe('黑龙江');
    expect(mapProvince('新加坡')).toBeNull();
    expect(mapProvince(null)).toBeNull();
  });

  it('uses exactly the province names of src/maps/china.json', () => {
    const china = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '..', 'src', 'maps', 'china.json'), 'utf8'),
    ) as { features: { properties: { name: string } }[] };
    expect([...MAP_PROVINCES].sort()).toEqual(china.features.map((f) => f.properties.name).sort());
  });

  it('lists every lead, counts them per map province with the status breakdown', async () => {
    const f = await leadsFigures(db, {});
    expect(f.leads.map((l) => l.leadId)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
    expect(f.leads[0]).toMatchObject({
      name: '上海<甲>实业有限公司',
      province: '上海市',
      mapProvince: '上海',
      revenue: 12.5, // 亿元, as exported
      region: '330302',
      regionName: '鹿城区',
      listed: true,
    });
    expect(f.leads[3]).toMatchObject({ region: 'ZN01', regionName: '浙南产业集聚区' });
    expect(f.unmapped).toBe(1); // 新加坡
    expect(f.byProvince[0]).toEqual({
      province: '上海',
      count: 2,
      revenue: 14,
      byStatus: [
        { status: '接洽', count: 1 },
        { status: '洽谈', count: 1 },
      ],
    });
    expect(f.byProvince.map((p) => p.province).sort()).toEqual(['上海', '内蒙古', '广西', '浙江'].sort());
    expect(f.byStatus).toEqual([
      { status: '线索', count: 1 },
      { status: '接洽', count: 1 },
      { status: '洽谈', count: 1 },
      { status: '签约', count: 1 },
      { status: '落地', count: 1 },
      { status: '未标注', count: 1 },
    ]);
  });

  it('narrows leads by their own industry and by 对接属地; HQ type and origin do not apply', async () => {
    const byUnit = await leadsFigures(db, { filters: { unit: '330302' } });
    expect(byUnit.leads.map((l) => l.leadId)).toEqual(['L1', 'L5']);
    const byIndustry = await leadsFigures(db, { filters: { industry: '数字经济', hqType: '综合型总部' } });
    expect(byIndustry.leads.map((l) => l.leadId)).toEqual(['L1', 'L3', 'L5']);
    const both = await leadsFigures(db, { filters: { industry: '数字经济', unit: '330303' } });
    expect(both.leads.map((l) => l.leadId)).toEqual(['L3']);
  });

  it('orders provinces by lead count', () => {
    const lead = (province: string) => ({
      leadId: null,
      name: 'x',
      province,
      mapProvince: mapProvince(province),
      city: null,
      industry: null,
      listed: null,
      revenue: null,
      status: null,
      region: null,
      regionName: null,
    });
    const rows = leadsByProvince([lead('江苏省'), lead('浙江省'), lead('浙江'), lead('火星')]);
    expect(rows.map((r) => [r.province, r.count])).toEqual([
      ['浙江', 2],
      ['江苏', 1],
    ]);
    expect(rows[0]!.byStatus).toEqual([{ status: '未标注', count: 2 }]);
  });
});

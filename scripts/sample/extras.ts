/** The smaller tables: targets (目标任务), annual figures (企业年度数据) and out-of-town leads. */
import { INDUSTRIES, LEAD_STATUSES } from '../../src/domain/enums';
import { CITY_NAME } from '../../src/domain/units';
import { UNIT_PROFILES, type Enterprise } from './model';
import type { NameBook } from './names';
import type { Rng } from './rng';
import type { AnnualTax } from './tax';

export interface TargetRow {
  year: string;
  region: string;
  target: number;
}

/** The policy's city targets: 30 a year, 150 over 2019–2023, raised after the first plan. */
const CITY_TARGETS: Record<number, number> = {
  2019: 30,
  2020: 30,
  2021: 30,
  2022: 30,
  2023: 30,
  2024: 35,
  2025: 38,
};

/**
 * Unit targets split the city's by unit weight, with the usual over-assignment (the units' sum is
 * about 15% above the city's), each unit at least 1.
 */
export function makeTargets(): TargetRow[] {
  const rows: TargetRow[] = [];
  const totalWeight = UNIT_PROFILES.reduce((s, p) => s + p.weight, 0);
  for (const [year, cityTarget] of Object.entries(CITY_TARGETS)) {
    rows.push({ year, region: CITY_NAME, target: cityTarget });
    for (const p of UNIT_PROFILES) {
      rows.push({
        year,
        region: p.unit.code,
        target: Math.max(1, Math.round((cityTarget * 1.15 * p.weight) / totalWeight)),
      });
    }
  }
  rows.push({ year: '2019-2023', region: CITY_NAME, target: 150 });
  return rows;
}

export interface AnnualRow {
  code: string;
  year: number;
  revenue: number;
  output: number;
  employees: number;
}

/**
 * Revenue follows from tax at an enterprise-specific tax burden (3–9% of revenue); 总产出 is close
 * to revenue for service HQs. Unit-area output then spreads widely around the 10,000 元/㎡ line.
 */
export function makeAnnual(rng: Rng, enterprises: readonly Enterprise[], tax: AnnualTax): AnnualRow[] {
  const rows: AnnualRow[] = [];
  for (const e of enterprises) {
    const burden = rng.float(0.03, 0.09);
    const perEmployee = rng.float(60, 220);
    for (let year = 2019; year <= 2024; year++) {
      const t = tax.get(e.code)?.get(year) ?? 0;
      if (t <= 0) continue;
      const revenue = t / 10_000 / burden;
      rows.push({
        code: e.code,
        year,
        revenue: Math.round(revenue * 100) / 100,
        output: Math.round(revenue * rng.float(0.82, 1.08) * 100) / 100,
        employees: Math.max(5, Math.round(revenue / perEmployee)),
      });
    }
  }
  return rows;
}

export interface LeadRow {
  id: string;
  name: string;
  province: string;
  city: string;
  industry: string;
  listed: boolean;
  /** 亿元 */
  revenue: number;
  status: string;
  region?: string;
}

/** Where Wenzhou merchants are: weighted by how many 温商 chambers of commerce each place has. */
const PLACES: readonly (readonly [string, readonly string[], number])[] = [
  ['上海市', ['上海市'], 16],
  ['广东省', ['深圳市', '广州市', '东莞市', '佛山市'], 10],
  ['北京市', ['北京市'], 8],
  ['江苏省', ['南京市', '苏州市', '无锡市', '常州市'], 9],
  ['浙江省', ['杭州市', '宁波市', '金华市'], 8],
  ['四川省', ['成都市', '绵阳市'], 5],
  ['湖北省', ['武汉市', '宜昌市'], 4],
  ['山东省', ['济南市', '青岛市', '临沂市'], 4],
  ['福建省', ['福州市', '厦门市'], 4],
  ['河南省', ['郑州市', '洛阳市'], 3],
  ['湖南省', ['长沙市'], 3],
  ['安徽省', ['合肥市', '芜湖市'], 3],
  ['江西省', ['南昌市'], 3],
  ['天津市', ['天津市'], 3],
  ['重庆市', ['重庆市'], 3],
  ['云南省', ['昆明市'], 2],
  ['贵州省', ['贵阳市'], 2],
  ['陕西省', ['西安市'], 2],
  ['辽宁省', ['沈阳市', '大连市'], 2],
  ['黑龙江省', ['哈尔滨市'], 1],
  ['吉林省', ['长春市'], 1],
  ['河北省', ['石家庄市'], 1],
  ['山西省', ['太原市'], 1],
  ['广西壮族自治区', ['南宁市'], 1],
  ['海南省', ['海口市'], 1],
  ['新疆维吾尔自治区', ['乌鲁木齐市'], 1],
  ['内蒙古自治区', ['呼和浩特市'], 1],
  ['甘肃省', ['兰州市'], 1],
];

export function makeLeads(rng: Rng, names: NameBook, count = 120): LeadRow[] {
  const rows: LeadRow[] = [];
  // Every listed place gets one lead first, so the map of leads covers the whole country.
  const places = [
    ...PLACES,
    ...Array.from({ length: count - PLACES.length }, () =>
      rng.weighted(PLACES.map((p) => [p, p[2]] as const)),
    ),
  ];
  for (const [province, cities] of places) {
    const city = rng.pick(cities);
    const industry = rng.pick(INDUSTRIES);
    const status = rng.weighted(LEAD_STATUSES.map((s, i) => [s, [40, 25, 18, 10, 7][i] ?? 1] as const));
    rows.push({
      id: '',
      name: names.leadCompany(city, industry),
      province,
      city,
      industry,
      listed: rng.chance(0.15),
      revenue: Math.round(rng.logNormal(8, 1.2) * 100) / 100,
      status,
      // A lead gets a receiving unit once someone is talking to it.
      region:
        status === '线索' && rng.chance(0.7)
          ? undefined
          : rng.weighted(UNIT_PROFILES.map((p) => [p.unit.code, p.weight] as const)),
    });
  }
  const shuffled = rng.shuffle(rows);
  shuffled.forEach((r, i) => (r.id = `XS${String(i + 1).padStart(4, '0')}`));
  return shuffled;
}

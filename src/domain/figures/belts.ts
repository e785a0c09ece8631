/**
 * 总部经济带 (policy 四(一) 统筹规划布局, 四(二) 在外温商招商地图): where the certified HQ sit, by unit
 * and by group, what industries they are in, and the outside 温商 leads by province.
 *
 * "HQ" here is DOMAIN.md figure 4's HQ-tax population: every enterprise with a counted certification
 * (已认定/已备案, either category) certified on or before min(D, end of Y), attributed to the
 * certification's region. Count = distinct credit codes; tax = their tax in Y up to D's month.
 * An enterprise certified in two units counts in each unit (as `hqTax` with a unit filter does) but
 * once in a group and in the city.
 */
import { taxThrough } from '../rollups';
import { joinSql, sql, type Db, type Sql } from '../../db';
import { CENTRAL_SERVICE_INDUSTRIES, INDUSTRIES, LEAD_STATUSES } from '../enums';
import { attributesMatch, enterpriseMatches, unitMatches, type Filters } from '../filters';
import { UNITS, unitGroups, unitName, type UnitGroup } from '../units';
import type { YearPeriod } from '../asOf';
import { COUNTED, one } from './common';
import { datedBy, datedInYear, periodOf, type AsOfParams } from './period';

export const UNIT_GROUPS: readonly UnitGroup[] = ['中心城区', '三区两市', '产业平台', '其他县市'];
/** The group rows of the industry chart: the four groups and the city as the yardstick. */
export const STRUCTURE_GROUPS = ['全市', ...UNIT_GROUPS] as const;
export type StructureGroup = (typeof STRUCTURE_GROUPS)[number];
/** Enterprises missing from the directory, or with no industry there. */
export const UNREGISTERED = '未登记';

export interface BeltsParams extends AsOfParams {
  /** Only the attribute filters narrow the enterprises; the unit is highlighted, not filtered. */
  filters?: Filters;
}

export interface BeltUnit {
  code: string;
  name: string;
  /** The narrowest group (三区两市 contains 中心城区). */
  group: UnitGroup;
  hqCount: number;
  /** 元. */
  hqTax: number;
  /** Counted 新引进 certified in Y by D (figure 1). */
  newHq: number;
  /** Counted 本土 certified on or before min(D, end of Y) (figure 4's stock). */
  localStock: number;
}

export interface IndustryCell {
  group: StructureGroup;
  industry: string;
  count: number;
  /** 元. */
  tax: number;
}

export interface BeltsFigures {
  year: number;
  /** '1—9月' when D falls inside Y (tax is then a part-year sum, stocks are as of D), else null. */
  months: string | null;
  /** The effective date min(D, end of Y): the stocks are 截至 this day. */
  at: string;
  city: { hqCount: number; hqTax: number };
  units: BeltUnit[];
  /** One row per group × industry that has HQ. */
  structure: IndustryCell[];
}

/** Counted certifications by min(D, end of Y), one row per credit code and region, narrowed by attributes. */
export const beltsHqWhere = (p: YearPeriod, filters: Filters | undefined) =>
  sql`${COUNTED} AND ${datedBy(sql`certified_on`, p)} AND ${enterpriseMatches(filters, sql`credit_code`)}`;

/**
 * One cell of the industry chart (a group's industry): the HQ of `beltsHqWhere` certified in a unit
 * of the group (any unit for 全市) whose directory industry is `industry` (未登记: none there).
 */
export function beltsIndustryWhere(
  p: YearPeriod,
  filters: Filters | undefined,
  group: string,
  industry: string,
) {
  const codes = UNITS.filter((u) => group === '全市' || unitGroups(u.code).includes(group as UnitGroup));
  const inGroup = codes.length ? sql`region IN (${joinSql(codes.map((u) => sql`${u.code}`))})` : sql`FALSE`;
  const ofIndustry =
    industry === UNREGISTERED
      ? sql`credit_code NOT IN (SELECT credit_code FROM enterprises WHERE industry IS NOT NULL)`
      : sql`credit_code IN (SELECT credit_code FROM enterprises WHERE industry = ${industry})`;
  return sql`${beltsHqWhere(p, filters)} AND ${inGroup} AND ${ofIndustry}`;
}

/** The table's 当年新引进 and 本土存量 columns (over counted certifications of the unit). */
export const BELTS_FLOWS = {
  newHq: (p: YearPeriod) => sql`category = '新引进' AND ${datedInYear(sql`certified_on`, p)}`,
  localStock: (p: YearPeriod) => sql`category = '本土' AND ${datedBy(sql`certified_on`, p)}`,
} as const;

/** A unit's cell of those columns: the counted certifications the column counts, by credit code. */
export const beltsFlowWhere = (
  p: YearPeriod,
  filters: Filters | undefined,
  flow: keyof typeof BELTS_FLOWS,
  unit: string,
) =>
  sql`${COUNTED} AND ${enterpriseMatches(filters, sql`credit_code`)} AND ${BELTS_FLOWS[flow](p)} AND region = ${unit}`;

const hqByRegion = (p: YearPeriod, filters: Filters | undefined) => sql`
  SELECT DISTINCT credit_code, region FROM certifications WHERE ${beltsHqWhere(p, filters)}`;

const taxOfYear = (p: YearPeriod) => sql`SELECT credit_code, amount AS tax FROM (${taxThrough(p)})`;

/** unit code → group, as a VALUES list (every value bound as a parameter). */
function groupTable(): Sql {
  const rows = UNITS.flatMap((u) => unitGroups(u.code).map((g) => sql`(${u.code}, ${g})`));
  return sql`(VALUES ${joinSql(rows)}) AS g(region, grp)`;
}

export async function beltsFigures(db: Db, params: BeltsParams): Promise<BeltsFigures> {
  const { year, filters } = params;
  const p = await periodOf(db, params);
  const attributes = { hqType: filters?.hqType, origin: filters?.origin, industry: filters?.industry };
  const perUnit = await db.query<{ region: string; n: number; tax: number | null }>(sql`
    WITH hq AS (${hqByRegion(p, attributes)}), yt AS (${taxOfYear(p)})
    SELECT region, count(*) AS n, sum(yt.tax) AS tax
    FROM hq LEFT JOIN yt USING (credit_code) GROUP BY region`);
  const flows = await db.query<{ region: string; new_hq: number; local_stock: number }>(sql`
    SELECT region,
      count(DISTINCT credit_code) FILTER (WHERE ${BELTS_FLOWS.newHq(p)}) AS new_hq,
      count(DISTINCT credit_code) FILTER (WHERE ${BELTS_FLOWS.localStock(p)}) AS local_stock
    FROM certifications
    WHERE ${COUNTED} AND ${enterpriseMatches(attributes, sql`credit_code`)}
    GROUP BY region`);
  const city = await one<{ n: number; tax: number | null }>(
    db,
    sql`WITH hq AS (SELECT DISTINCT credit_code FROM (${hqByRegion(p, attributes)})), yt AS (${taxOfYear(p)})
        SELECT count(*) AS n, sum(yt.tax) AS tax FROM hq LEFT JOIN yt USING (credit_code)`,
  );
  const structure = await db.query<IndustryCell>(sql`
    WITH hq AS (${hqByRegion(p, attributes)}), yt AS (${taxOfYear(p)}),
      grouped AS (
        SELECT DISTINCT g.grp AS grp, hq.credit_code FROM hq JOIN ${groupTable()} USING (region)
        UNION ALL
        SELECT DISTINCT '全市' AS grp, credit_code FROM hq)
    SELECT grp AS "group", coalesce(e.industry, ${UNREGISTERED}) AS industry,
      count(*)::INTEGER AS count, coalesce(sum(yt.tax), 0) AS tax
    FROM grouped LEFT JOIN enterprises AS e USING (credit_code) LEFT JOIN yt USING (credit_code)
    GROUP BY ALL`);
  const units = UNITS.map((u): BeltUnit => {
    const own = perUnit.find((r) => r.region === u.code);
    const flow = flows.find((r) => r.region === u.code);
    return {
      code: u.code,
      name: u.name,
      group: unitGroups(u.code)[0]!,
      hqCount: own?.n ?? 0,
      hqTax: own?.tax ?? 0,
      newHq: flow?.new_hq ?? 0,
      localStock: flow?.local_stock ?? 0,
    };
  });
  return {
    year,
    months: p.label,
    at: p.at,
    city: { hqCount: city.n, hqTax: city.tax ?? 0 },
    units,
    structure: sortStructure(structure),
  };
}

const INDUSTRY_ORDER: readonly string[] = [...INDUSTRIES, UNREGISTERED];

function sortStructure(rows: IndustryCell[]): IndustryCell[] {
  const rank = (r: IndustryCell) =>
    STRUCTURE_GROUPS.indexOf(r.group) * 100 + INDUSTRY_ORDER.indexOf(r.industry);
  return rows.map((r) => ({ ...r, tax: r.tax ?? 0 })).sort((a, b) => rank(a) - rank(b));
}

export type BeltMetric = 'count' | 'tax';

/**
 * Share of the high-end services (数字经济, 文化创意, 生命健康, 研发设计) among a group's HQ, by count or
 * tax; null when the group has none (or, for tax, a total of zero or less).
 */
export function serviceShare(
  structure: readonly IndustryCell[],
  group: StructureGroup,
  metric: BeltMetric,
): number | null {
  const services: readonly string[] = CENTRAL_SERVICE_INDUSTRIES;
  let part = 0;
  let total = 0;
  for (const r of structure) {
    if (r.group !== group) continue;
    const v = metric === 'count' ? r.count : r.tax;
    total += v;
    if (services.includes(r.industry)) part += v;
  }
  return total > 0 ? part / total : null;
}

// ─── Outside 温商 leads (招商地图) ───────────────────────────────────────────────────────────

/**
 * The province names of the China map (src/maps/china.json `properties.name`): short forms such as
 * 浙江, 内蒙古, 广西. Leads are exported with full names (浙江省, 广西壮族自治区); they are folded to these.
 */
// prettier-ignore
export const MAP_PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州',
  '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '台湾', '香港', '澳门',
] as const;

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/** '浙江省' → '浙江', '新疆维吾尔自治区' → '新疆', '中国香港' → '香港'; null when it is no province of the map. */
export function mapProvince(text: string | null | undefined): string | null {
  if (!text) return null;
  const folded = text.normalize('NFKC').replace(/\s+/g, '').replace(/^中国/, '');
  const short = folded.replace(PROVINCE_SUFFIX, '');
  const known: readonly string[] = MAP_PROVINCES;
  if (known.includes(short)) return short;
  // 内蒙古 is sometimes written 内蒙; keep the map's own spelling.
  if (short === '内蒙') return '内蒙古';
  return null;
}

export interface Lead {
  leadId: string | null;
  name: string;
  /** As exported. */
  province: string;
  /** The China map's name for it; null when it matches no province of the map. */
  mapProvince: string | null;
  city: string | null;
  industry: string | null;
  listed: boolean | null;
  /** 亿元 (the table's canonical unit). */
  revenue: number | null;
  status: string | null;
  /** Unit code of 对接属地, or null when not yet assigned. */
  region: string | null;
  regionName: string | null;
}

export interface ProvinceLeads {
  province: string;
  count: number;
  /** 亿元, leads with a revenue. */
  revenue: number;
  byStatus: { status: string; count: number }[];
}

export interface LeadsFigures {
  leads: Lead[];
  byProvince: ProvinceLeads[];
  byStatus: { status: string; count: number }[];
  /** Leads whose province is not on the map (misspelt or abroad): listed, not drawn. */
  unmapped: number;
}

export interface LeadsParams {
  /** industry → the lead's own industry; unit → its 对接属地. HQ type and origin do not apply to leads. */
  filters?: Filters;
}

export const NO_STATUS = '未标注';

export async function leadsFigures(db: Db, { filters }: LeadsParams): Promise<LeadsFigures> {
  const rows = await db.query<{
    lead_id: string | null;
    name: string;
    province: string;
    city: string | null;
    industry: string | null;
    listed: boolean | null;
    revenue: number | null;
    status: string | null;
    region: string | null;
  }>(sql`
    SELECT lead_id, name, province, city, industry, listed, revenue, status, region FROM leads AS l
    WHERE ${attributesMatch({ industry: filters?.industry }, 'l')} AND ${unitMatches(filters, sql`l.region`)}
    ORDER BY lead_id NULLS LAST, name`);
  const leads = rows.map((r): Lead => ({
    leadId: r.lead_id,
    name: r.name,
    province: r.province,
    mapProvince: mapProvince(r.province),
    city: r.city,
    industry: r.industry,
    listed: r.listed,
    revenue: r.revenue,
    status: r.status,
    region: r.region,
    regionName: r.region ? unitName(r.region) : null,
  }));
  return {
    leads,
    byProvince: leadsByProvince(leads),
    byStatus: statusCounts(leads),
    unmapped: leads.filter((l) => l.mapProvince === null).length,
  };
}

const STATUS_ORDER: readonly string[] = [...LEAD_STATUSES, NO_STATUS];

function statusCounts(leads: readonly Lead[]): { status: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of leads) counts.set(l.status ?? NO_STATUS, (counts.get(l.status ?? NO_STATUS) ?? 0) + 1);
  return STATUS_ORDER.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status)! }));
}

/** Leads per map province, most first (ties by name), with their status breakdown in pipeline order. */
export function leadsByProvince(leads: readonly Lead[]): ProvinceLeads[] {
  const groups = new Map<string, Lead[]>();
  for (const l of leads) {
    if (l.mapProvince === null) continue;
    groups.set(l.mapProvince, [...(groups.get(l.mapProvince) ?? []), l]);
  }
  return [...groups]
    .map(([province, list]) => ({
      province,
      count: list.length,
      revenue: list.reduce((s, l) => s + (l.revenue ?? 0), 0),
      byStatus: statusCounts(list),
    }))
    .sort((a, b) => b.count - a.count || a.province.localeCompare(b.province, 'zh-CN'));
}

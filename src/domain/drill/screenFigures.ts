/**
 * Figures opened from the charts and tables of 亿元楼宇, 总部经济带 and 总览's 同期对比 (issue 13,
 * "drill-through everywhere"): each reads its records with the figure's own WHERE, or re-runs the
 * figure function and keeps the ids it counted, so the count (or the sum) is the figure shown.
 * Spread into FIGURES (./figures.ts); the keys say what was clicked.
 */
import { joinSql, sql, type Db } from '../../db';
import { BILLION } from '../defaults';
import { COUNTED } from '../figures/common';
import { beltsFlowWhere, beltsIndustryWhere } from '../figures/belts';
import { billionBuildings, buildingTier, buildingTaxes, type BuildingFigure } from '../figures/buildings';
import { registerBuildings, registerGroupOf } from '../figures/buildingRegister';
import { buildingForecasts, type BuildingForecast } from '../figures/forecast';
import { datedBy, datedInYear, periodOf } from '../figures/period';
import {
  buildingTenantsWhere,
  comparedYear,
  hqTaxCertifiedBy,
  hqTaxMonthsWhere,
  newHqMonthsWhere,
} from '../figures/periodComparison';
import { unitByCode, unitName } from '../units';
import type { DrillParams, FigureDef } from './figures';
import { buildingRecords, enterpriseRecords, taxRecords } from './records';
import { formatMoney } from '../../format/numbers';

const BUILDING_TABLES = ['楼宇清单（buildings）', '企业名录（enterprises）', '税收明细（tax）'];

/** The buildings shown under the unit filter (a building belongs to the unit of its own region). */
const inUnit = (p: DrillParams) => (b: { region: string }) => !p.filters?.unit || b.region === p.filters.unit;

/** Buildings with the tax the figure gave each, and the tier judged on it. */
const asRecords = (db: Db, list: readonly Pick<BuildingFigure, 'buildingId' | 'tax'>[]) =>
  buildingRecords(db, new Map(list.map((b) => [b.buildingId, { tax: b.tax, tier: buildingTier(b.tax) }])));

/** `2024-03` → year and month; null for anything else. */
export function monthKey(key: string | undefined): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

function monthOf(p: DrillParams) {
  const m = monthKey(p.key);
  if (!m) throw new Error(`无法识别的月份：${p.key ?? ''}`);
  return m;
}

const monthTitle = (key: string | undefined, what: string) => {
  const m = monthKey(key);
  return m ? `${m.year}年${m.month}月 · ${what}` : what;
};

/** The forecast lists of the buildings screen: 候选 (预计达标) and 风险 (预计跌出). */
export const FORECAST_LISTS = { candidates: '候选（预计达标）', atRisk: '风险（预计跌出）' } as const;

const BASIS_TEXT: Record<BuildingForecast['basis'], string> = {
  lastYear: '按上年同期占全年比例',
  pace: '按月均进度',
};

/** `2023:330302` → a year and a unit (a segment of the 亿元楼宇 trend). */
export function yearUnitKey(key: string | undefined): { year: number; unit: string } | null {
  const m = /^(\d{4}):([^:]+)$/.exec(key ?? '');
  return m && unitByCode(m[2]!) ? { year: Number(m[1]), unit: m[2]! } : null;
}

/** `330302:newHq` / `330302:localStock` → a cell of the belts units table. */
export function flowKey(key: string | undefined): { unit: string; flow: 'newHq' | 'localStock' } | null {
  const m = /^([^:]+):(newHq|localStock)$/.exec(key ?? '');
  return m && unitByCode(m[1]!) ? { unit: m[1]!, flow: m[2] as 'newHq' | 'localStock' } : null;
}

/** `kind:商务楼宇` / `platform:…` → the dimension and the group of the register. */
export function registerKey(key: string | undefined): { by: 'kind' | 'platform'; name: string } | null {
  const m = /^(kind|platform):(.+)$/.exec(key ?? '');
  return m ? { by: m[1] as 'kind' | 'platform', name: m[2]! } : null;
}

/** `中心城区|数字经济` → a cell of the industry chart. */
export function industryKey(key: string | undefined): { group: string; industry: string } | null {
  const [group, industry, ...rest] = (key ?? '').split('|');
  return group && industry && rest.length === 0 ? { group, industry } : null;
}

/** The register's buildings of the clicked group (`kind:商务楼宇`, `platform:…`) under the unit filter. */
async function groupBuildings(db: Db, p: DrillParams) {
  const g = registerKey(p.key);
  if (!g) throw new Error(`无法识别的楼宇分组：${p.key ?? ''}`);
  const rows = await registerBuildings(db, { year: p.year, asOf: p.asOf, unit: p.filters?.unit });
  return rows.filter((b) => registerGroupOf(b, g.by) === g.name);
}

const groupTitle = (what: string) => (key: string | undefined) => {
  const g = registerKey(key);
  return g ? `${g.by === 'kind' ? '楼宇类型' : '所属平台'}：${g.name} · ${what}` : what;
};

const byTier: FigureDef['records'] = async (db, p) => {
  const all = (await buildingTaxes(db, { year: p.year, asOf: p.asOf })).filter(inUnit(p));
  return asRecords(db, p.key ? all.filter((b) => b.tier === p.key) : all);
};

export const SCREEN_FIGURES: Record<string, FigureDef> = {
  buildingTier: {
    title: (key) => (key ? `${key}` : '全部楼宇'),
    definition:
      '楼宇税收（入驻企业当年各月税收合计，按企业名录的所在楼宇编号归集）按档次划分：十亿元楼宇 ≥ 10亿元；五亿元楼宇 5亿—10亿元；亿元楼宇 1亿—5亿元；培育楼宇 5000万—1亿元（亿元楼宇后备）；年度未结束时按1月至截至月份累计额判定。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'count',
    records: byTier,
  },
  buildingTaxTotal: {
    title: () => '楼宇税收合计',
    definition:
      '全部楼宇的楼宇税收之和：每幢楼宇为其入驻企业（企业名录中所在楼宇编号为该楼宇）当年各月（至截至日所在月份）的税收合计。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'sum',
    records: async (db, p) => byTier(db, { ...p, key: undefined }),
  },
  buildingForecast: {
    title: (key) =>
      key === 'candidates' || key === 'atRisk' ? `亿元楼宇预计 · ${FORECAST_LISTS[key]}` : '亿元楼宇预计',
    definition:
      '预计全年楼宇税收 = 截至月份累计税收 × 该楼宇上年全年 ÷ 上年同期（上年同期无税收时按月均进度）。候选：累计未达1亿元、预计全年 ≥ 1亿元；风险：本年累计或上年全年已达1亿元、预计全年 < 1亿元。均为预计值，非实际完成。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'count',
    records: async (db, p) => {
      const list = p.key === 'atRisk' || p.key === 'candidates' ? p.key : null;
      if (!list) throw new Error(`无法识别的预计类别：${p.key ?? ''}`);
      const f = await buildingForecasts(db, { year: p.year, asOf: p.asOf });
      const shown = f[list].filter(inUnit(p));
      return buildingRecords(
        db,
        new Map(shown.map((b) => [b.buildingId, { tax: b.tax, tier: buildingTier(b.tax) }])),
        new Map(
          shown.map((b) => [
            b.buildingId,
            `预计全年 ${formatMoney(b.forecast, '亿元')}（${BASIS_TEXT[b.basis]}）`,
          ]),
        ),
        '预计全年（预计）',
      );
    },
  },
  buildingGroup: {
    title: (key) => {
      const g = registerKey(key);
      return g ? `${g.by === 'kind' ? '楼宇类型' : '所属平台'}：${g.name}` : '楼宇类型与所属平台';
    },
    definition:
      '楼宇清单中楼宇类型（商务楼宇、产业楼宇、总部孵化器、改造厂房，政策二(四)）或所属平台为该项的楼宇（未填写的计为“未填写”）；税收为各楼宇入驻企业当年各月（至截至日所在月份）的税收合计。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'count',
    records: async (db, p) => asRecords(db, await groupBuildings(db, p)),
  },
  buildingGroupBillion: {
    title: groupTitle('亿元楼宇'),
    definition:
      '楼宇类型（或所属平台）为该项的楼宇中，楼宇税收（入驻企业当年各月税收合计，年度未结束时至截至月份）≥ 1亿元的楼宇。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'count',
    records: async (db, p) =>
      asRecords(
        db,
        (await groupBuildings(db, p)).filter((b) => b.tax >= BILLION),
      ),
  },
  buildingGroupHq: {
    title: groupTitle('入驻总部企业'),
    definition:
      '楼宇类型（或所属平台）为该项的楼宇的入驻企业（企业名录中所在楼宇编号为该楼宇）中，截至数据截至日（已结束年度为年末）有已认定或已备案认定（任一类别）的总部企业，按信用代码去重；税收为其当年各月税收合计。',
    tables: [
      '楼宇清单（buildings）',
      '企业名录（enterprises）',
      '总部认定台账（certifications）',
      '税收明细（tax）',
    ],
    filters: ['unit'],
    measure: 'count',
    records: async (db, p) => {
      const ids = (await groupBuildings(db, p)).map((b) => sql`${b.buildingId}`);
      const period = await periodOf(db, p);
      const housed = ids.length
        ? sql`credit_code IN (SELECT credit_code FROM enterprises WHERE building_id IN (${joinSql(ids)}))`
        : sql`FALSE`;
      return enterpriseRecords(
        db,
        sql`${COUNTED} AND ${datedBy(sql`certified_on`, period)} AND ${housed}`,
        datedInYear(sql`period`, period),
      );
    },
  },
  enterpriseTax: {
    title: (key) => `企业税收${key ? `（${key}）` : ''}`,
    definition:
      '该企业（统一社会信用代码）当年各月（至截至日所在月份）的税收明细合计，即楼宇入驻企业表中的税收。',
    tables: ['税收明细（tax）', '企业名录（enterprises）'],
    filters: [],
    measure: 'sum',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      return taxRecords(db, sql`${datedInYear(sql`period`, period)} AND credit_code = ${p.key ?? ''}`);
    },
  },
  beltsIndustry: {
    title: (key) => {
      const c = industryKey(key);
      return c ? `${c.group} · ${c.industry} · 总部企业` : '总部企业行业结构';
    },
    definition:
      '截至数据截至日（已结束年度为年末）已认定（已认定或已备案，任一类别）的总部企业中，认定地属于该片区（全市为全部属地）、企业名录行业为该行业（名录中无行业的计为“未登记”）的企业，按信用代码去重；税收为其当年各月税收合计。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises：行业）', '税收明细（tax）'],
    filters: ['hqType', 'origin', 'industry'],
    measure: 'count',
    records: async (db, p) => {
      const c = industryKey(p.key);
      if (!c) throw new Error(`无法识别的行业结构：${p.key ?? ''}`);
      const period = await periodOf(db, p);
      return enterpriseRecords(
        db,
        beltsIndustryWhere(period, p.filters, c.group, c.industry),
        datedInYear(sql`period`, period),
      );
    },
  },
  billionBuildingsYear: {
    keyYear: (key) => yearUnitKey(key)?.year,
    title: (key) => {
      const c = yearUnitKey(key);
      return c ? `${c.year}年 · ${unitName(c.unit)} · 亿元楼宇` : '亿元楼宇（按年度、属地）';
    },
    definition:
      '该年度楼宇税收（入驻企业各月税收合计，按企业名录的所在楼宇编号归集）≥ 1亿元的该属地楼宇；数据截至日所在年度按1月至截至月份累计额计，之前年度按全年计。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'count',
    records: async (db, p) => {
      const c = yearUnitKey(p.key);
      if (!c) throw new Error(`无法识别的年度与属地：${p.key ?? ''}`);
      const asOf = (await periodOf(db, p)).asOf;
      const all = await buildingTaxes(db, { year: c.year, asOf });
      return asRecords(
        db,
        billionBuildings(all).filter((b) => b.region === c.unit),
      );
    },
  },
  beltsFlow: {
    title: (key) => {
      const c = flowKey(key);
      return c
        ? `${unitName(c.unit)} · ${c.flow === 'newHq' ? '当年新引进总部企业' : '本土总部企业（存量）'}`
        : '各地总部企业';
    },
    definition:
      '当年新引进：当年认定（认定日期在年度内、不晚于数据截至日）且状态为已认定或已备案的“新引进”类总部；本土存量：认定日期不晚于数据截至日（已结束年度为年末）的已认定或已备案“本土”类总部。按认定地计、信用代码去重。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises）'],
    filters: ['hqType', 'origin', 'industry'],
    measure: 'count',
    records: async (db, p) => {
      const c = flowKey(p.key);
      if (!c) throw new Error(`无法识别的属地指标：${p.key ?? ''}`);
      const period = await periodOf(db, p);
      return enterpriseRecords(db, beltsFlowWhere(period, p.filters, c.flow, c.unit));
    },
  },
  newHqMonth: {
    keyYear: (key) => monthKey(key)?.year,
    title: (key) => monthTitle(key, '新引进总部企业（1月起累计）'),
    definition:
      '该年1月至所点月份认定（状态为已认定或已备案、认定日期不晚于数据截至日）的“新引进”类总部，按月按信用代码去重后累计，计入认定地。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises：总部类型等属性）'],
    filters: ['unit', 'hqType', 'origin', 'industry'],
    target: true,
    measure: 'count',
    records: async (db, p) => {
      const m = monthOf(p);
      const year = comparedYear(await periodOf(db, p), m.year);
      return enterpriseRecords(db, sql`${newHqMonthsWhere(year, p)} AND month(certified_on) <= ${m.month}`);
    },
  },
  hqTaxMonth: {
    keyYear: (key) => monthKey(key)?.year,
    title: (key) => monthTitle(key, '总部企业税收'),
    definition:
      '该月的总部企业税收明细合计：本年为截至数据截至日已认定（已认定或已备案，任一类别）的总部企业，上年为上年同一截至日已认定的总部企业（同比口径）。',
    tables: ['税收明细（tax）', '总部认定台账（certifications）'],
    filters: ['unit', 'hqType', 'origin', 'industry'],
    measure: 'sum',
    records: async (db, p) => {
      const m = monthOf(p);
      const period = await periodOf(db, p);
      const where = hqTaxMonthsWhere(
        comparedYear(period, m.year),
        hqTaxCertifiedBy(period, m.year),
        p.filters,
      );
      return taxRecords(db, sql`${where} AND month(period) = ${m.month}`);
    },
  },
  buildingTaxMonth: {
    keyYear: (key) => monthKey(key)?.year,
    title: (key) => monthTitle(key, '楼宇税收'),
    definition:
      '该月全部楼宇（选择属地时为该属地的楼宇）入驻企业（企业名录中所在楼宇编号为楼宇清单中的楼宇）的税收明细合计。',
    tables: BUILDING_TABLES,
    filters: ['unit'],
    measure: 'sum',
    records: async (db, p) => {
      const m = monthOf(p);
      return taxRecords(
        db,
        sql`year(period) = ${m.year} AND month(period) = ${m.month} AND ${buildingTenantsWhere(p.filters)}`,
      );
    },
  },
};

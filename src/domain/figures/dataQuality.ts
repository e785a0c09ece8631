/**
 * The data page's 数据质量 checks: rows that load (DOMAIN.md keeps them) but do not join up — tax
 * of enterprises missing from the enterprise list, enterprises in unknown buildings, buildings no
 * enterprise sits in, dates after today, certifications without an enterprise row — plus two cheap
 * extras: projects registered under an unknown credit code, and counted certifications without a
 * certification date (they fall out of every year's new-HQ count).
 *
 * Each check is one query whose columns carry Chinese names; the count is `count(*)` over the same
 * query, so the number shown and the rows listed can never disagree.
 */
import { ident, joinSql, raw, sql, type Db, type Sql } from '../../db';
import { TABLES } from '../schema';
import { unitName } from '../units';
import { COUNTED } from './common';

/** No enterprise row matches `alias.column` (a credit code, or a building's id). */
function noEnterprise(alias: string, column: 'credit_code' | 'building_id'): Sql {
  return raw(`NOT EXISTS (SELECT 1 FROM enterprises AS e WHERE e.${column} = ${alias}.${column})`);
}

export type QualityKey =
  | 'unknownTaxEnterprises'
  | 'unknownBuildings'
  | 'emptyBuildings'
  | 'futureDates'
  | 'orphanCertifications'
  | 'unknownProjectEnterprises'
  | 'undatedCertifications';

/** error: a value that cannot be right; warn: figures lose something; info: worth a look. */
export type QualitySeverity = 'error' | 'warn' | 'info';

export interface QualityCheck {
  key: QualityKey;
  label: string;
  /** How many rows `dataQualityRows` lists for this check. */
  count: number;
  severity: QualitySeverity;
  /** A second number that helps read the count (rows behind grouped enterprises …). */
  note?: string;
}

/** One listed row: Chinese field name → value. */
export type QualityRow = Record<string, string | number | null>;

/** How a field reads: kinds named as the data table's cell kinds (money in 元). */
export interface QualityField {
  name: string;
  kind: 'text' | 'count' | 'yuan' | 'number';
}

export interface QualityParams {
  /** ISO date the future-date check compares with; default the local date of today. */
  today?: string;
}

const SOURCE = raw(`source_file || ' 第 ' || source_row || ' 行'`);
const sourceOf = (alias: string) => raw(`${alias}.source_file || ' 第 ' || ${alias}.source_row || ' 行'`);
const ymd = (column: Sql) => sql`strftime(${column}, '%Y-%m-%d')`;

interface CheckDef {
  key: QualityKey;
  label: (today: string) => string;
  severity: QualitySeverity;
  fields: readonly QualityField[];
  query: (today: string) => Sql;
  note?: (db: Db) => Promise<string | undefined>;
}

const text = (name: string): QualityField => ({ name, kind: 'text' });
const REGION_FIELDS = ['属地', '认定地'];

/** Tax rows whose credit code is not in the enterprise list, one line per credit code. */
const unknownTaxEnterprises: CheckDef = {
  key: 'unknownTaxEnterprises',
  label: () => '税收明细中的企业不在企业名录',
  severity: 'warn',
  fields: [
    text('统一社会信用代码'),
    { name: '行数', kind: 'count' },
    { name: '月数', kind: 'count' },
    text('所属期'),
    { name: '税额合计', kind: 'yuan' },
    text('认定记录'),
  ],
  query: () => sql`
    SELECT t.credit_code AS "统一社会信用代码", count(*) AS "行数", count(DISTINCT t.period) AS "月数",
      CASE WHEN min(t.period) = max(t.period) THEN strftime(min(t.period), '%Y-%m')
        ELSE strftime(min(t.period), '%Y-%m') || ' 至 ' || strftime(max(t.period), '%Y-%m') END AS "所属期",
      round(sum(t.amount), 2) AS "税额合计",
      (SELECT string_agg(c.category || c.status, '、' ORDER BY c.category)
         FROM certifications AS c WHERE c.credit_code = t.credit_code) AS "认定记录"
    FROM tax AS t
    WHERE ${noEnterprise('t', 'credit_code')}
    GROUP BY t.credit_code
    ORDER BY abs(sum(t.amount)) DESC, t.credit_code`,
  note: async (db) => {
    const [row] = await db.query<{ n: number }>(sql`
      SELECT count(*) AS n FROM tax AS t
      WHERE ${noEnterprise('t', 'credit_code')}`);
    return row && row.n > 0 ? `共 ${row.n} 行税收明细（无属地与楼宇，不计入楼宇税收）` : undefined;
  },
};

const unknownBuildings: CheckDef = {
  key: 'unknownBuildings',
  label: () => '企业所在楼宇不在楼宇清单',
  severity: 'warn',
  fields: ['统一社会信用代码', '企业名称', '属地', '楼宇编号', '来源'].map(text),
  query: () => sql`
    SELECT e.credit_code AS "统一社会信用代码", e.name AS "企业名称", e.region AS "属地",
      e.building_id AS "楼宇编号", ${sourceOf('e')} AS "来源"
    FROM enterprises AS e
    WHERE e.building_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM buildings AS b WHERE b.building_id = e.building_id)
    ORDER BY e.building_id, e.credit_code`,
};

const emptyBuildings: CheckDef = {
  key: 'emptyBuildings',
  label: () => '楼宇没有入驻企业',
  severity: 'info',
  fields: [
    text('楼宇编号'),
    text('楼宇名称'),
    text('属地'),
    { name: '建筑面积（㎡）', kind: 'number' },
    { name: '已入驻面积（㎡）', kind: 'number' },
    text('来源'),
  ],
  query: () => sql`
    SELECT b.building_id AS "楼宇编号", b.name AS "楼宇名称", b.region AS "属地",
      b.floor_area AS "建筑面积（㎡）", b.occupied_area AS "已入驻面积（㎡）", ${sourceOf('b')} AS "来源"
    FROM buildings AS b
    WHERE ${noEnterprise('b', 'building_id')}
    ORDER BY b.region, b.building_id`,
};

/**
 * Every date and month column of every table (from schema.ts), one line per value after today.
 * A month counts as future when it starts after today. Tax has no key: its rows are named by credit
 * code and tax type (the month is the value shown).
 */
function futureDatesQuery(today: string): Sql {
  const parts = TABLES.flatMap((table) => {
    const key = table.key.length > 0 ? table.key : ['credit_code', 'tax_type'];
    const keyText = sql`concat_ws(' / ', ${joinSql(key.map((k) => sql`${ident(k)}::VARCHAR`))})`;
    return table.columns
      .filter((c) => c.kind.type === 'date' || c.kind.type === 'month')
      .map((c) => {
        const format = c.kind.type === 'month' ? '%Y-%m' : '%Y-%m-%d';
        return sql`
          SELECT ${table.label} AS "数据表", ${keyText} AS "键", ${c.headers[0]!} AS "字段",
            strftime(${ident(c.name)}, ${format}) AS "日期", ${SOURCE} AS "来源",
            ${ident(c.name)} AS __date
          FROM ${ident(table.name)} WHERE ${ident(c.name)} > ${today}::DATE`;
      });
  });
  return sql`SELECT "数据表", "键", "字段", "日期", "来源" FROM (${joinSql(parts, ' UNION ALL ')})
    ORDER BY __date DESC, "数据表", "键"`;
}

const futureDates: CheckDef = {
  key: 'futureDates',
  label: (today) => `日期晚于今天（${today}）`,
  severity: 'error',
  fields: ['数据表', '键', '字段', '日期', '来源'].map(text),
  query: futureDatesQuery,
};

const orphanCertifications: CheckDef = {
  key: 'orphanCertifications',
  label: () => '认定记录的企业不在企业名录',
  severity: 'warn',
  fields: ['统一社会信用代码', '认定类别', '认定状态', '认定地', '认定日期', '来源'].map(text),
  query: () => sql`
    SELECT c.credit_code AS "统一社会信用代码", c.category AS "认定类别", c.status AS "认定状态",
      c.region AS "认定地", ${ymd(raw('c.certified_on'))} AS "认定日期", ${sourceOf('c')} AS "来源"
    FROM certifications AS c
    WHERE ${noEnterprise('c', 'credit_code')}
    ORDER BY c.credit_code, c.category`,
  note: async (db) => {
    const [row] = await db.query<{ n: number }>(sql`
      SELECT count(DISTINCT c.credit_code) AS n FROM certifications AS c
      WHERE ${noEnterprise('c', 'credit_code')}`);
    return row && row.n > 0 ? `涉及 ${row.n} 家企业，无法做认定条件核查` : undefined;
  },
};

const unknownProjectEnterprises: CheckDef = {
  key: 'unknownProjectEnterprises',
  label: () => '项目登记的信用代码不在企业名录',
  severity: 'info',
  fields: ['项目编号', '项目名称', '属地', '统一社会信用代码', '签约日期', '来源'].map(text),
  query: () => sql`
    SELECT p.project_id AS "项目编号", p.name AS "项目名称", p.region AS "属地",
      p.credit_code AS "统一社会信用代码", ${ymd(raw('p.signed_on'))} AS "签约日期", ${sourceOf('p')} AS "来源"
    FROM projects AS p
    WHERE p.credit_code IS NOT NULL
      AND ${noEnterprise('p', 'credit_code')}
    ORDER BY p.project_id`,
};

/** 已认定/已备案 without 认定日期: counted status, but no year to count it in. */
const undatedCertifications: CheckDef = {
  key: 'undatedCertifications',
  label: () => '已认定或已备案但缺认定日期（不计入任何年度）',
  severity: 'warn',
  fields: ['统一社会信用代码', '企业名称', '认定类别', '认定状态', '认定地', '来源'].map(text),
  query: () => sql`
    SELECT c.credit_code AS "统一社会信用代码", e.name AS "企业名称", c.category AS "认定类别",
      c.status AS "认定状态", c.region AS "认定地", ${sourceOf('c')} AS "来源"
    FROM certifications AS c LEFT JOIN enterprises AS e USING (credit_code)
    WHERE ${COUNTED} AND c.certified_on IS NULL
    ORDER BY c.credit_code, c.category`,
};

const CHECKS: readonly CheckDef[] = [
  unknownTaxEnterprises,
  unknownBuildings,
  emptyBuildings,
  futureDates,
  orphanCertifications,
  unknownProjectEnterprises,
  undatedCertifications,
];

/** The fields each check lists, in order, for the table that shows them. */
export const QUALITY_FIELDS = Object.fromEntries(CHECKS.map((c) => [c.key, c.fields])) as Record<
  QualityKey,
  readonly QualityField[]
>;

export function isQualityKey(key: string | undefined): key is QualityKey {
  return CHECKS.some((c) => c.key === key);
}

/** Today's local date as YYYY-MM-DD (the wall clock, not the data's as-of date). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every check with its count, in display order. */
export async function dataQuality(
  db: Db,
  { today = localToday() }: QualityParams = {},
): Promise<{ checks: QualityCheck[] }> {
  const checks: QualityCheck[] = [];
  for (const check of CHECKS) {
    const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM (${check.query(today)})`);
    const count = row?.n ?? 0;
    const note = count > 0 ? await check.note?.(db) : undefined;
    checks.push({
      key: check.key,
      label: check.label(today),
      count,
      severity: check.severity,
      ...(note ? { note } : {}),
    });
  }
  return { checks };
}

/** The rows behind one check (at most `limit`), units given by name. */
export async function dataQualityRows(
  db: Db,
  { key, limit = 5000, today = localToday() }: { key: QualityKey; limit?: number } & QualityParams,
): Promise<QualityRow[]> {
  const check = CHECKS.find((c) => c.key === key);
  if (!check) throw new Error(`unknown data-quality check ${key}`);
  const rows = await db.query<QualityRow>(sql`${check.query(today)} LIMIT ${limit}`);
  return rows.map((row) => {
    for (const field of REGION_FIELDS) {
      const code = row[field];
      if (typeof code === 'string') row[field] = unitName(code);
    }
    return row;
  });
}

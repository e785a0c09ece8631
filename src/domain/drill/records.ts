/**
 * The records behind a figure, as plain rows with their source file and row: enterprises (grouped
 * from their certifications), tax rows, projects and buildings. Each builder takes the figure's own
 * WHERE fragment (exported by the figure module), so the rows listed are exactly the rows counted.
 */
import { joinSql, sql, type Db, type Sql } from '../../db';
import { unitName } from '../units';

export type RecordKind = '企业' | '税收明细' | '项目' | '楼宇' | '认定案件';

/** A column of the record table (DataTable's kinds; money in 元, shown in the column's unit). */
export interface RecordColumn {
  key: string;
  header: string;
  kind?: 'text' | 'count' | 'yuan' | 'number';
  unit?: '万元' | '亿元';
  digits?: number;
}

export type RecordRow = Record<string, string | number | null>;

export interface RecordSet {
  kind: RecordKind;
  columns: RecordColumn[];
  /** At most ROW_LIMIT rows; `total` counts them all. */
  rows: RecordRow[];
  /** Every record under the figure's condition (the figure's count). */
  total: number;
  /** The sum of the records' money (元): tax, investment, building tax; null when there is none. */
  sum: number | null;
  /** What `sum` adds up ('税额合计'). */
  sumLabel?: string;
  truncated: boolean;
  /**
   * Every record, read again without the limit, for 导出XLSX / 导出CSV (the page keeps ROW_LIMIT
   * rows; an export of a truncated list must still hold all of them). Absent: `rows` are all.
   */
  everyRow?: () => Promise<RecordRow[]>;
}

/** Rows sent to the page at most (the total and the sum are over all of them). */
export const ROW_LIMIT = 5000;

const SOURCE: RecordColumn[] = [
  { key: 'source_file', header: '来源文件' },
  { key: 'source_row', header: '行号', kind: 'count' },
];

/** Region codes → names in the rows (the table shows names). */
function named(rows: RecordRow[]): RecordRow[] {
  return rows.map((r) =>
    typeof r.region === 'string' ? { ...r, region: r.region.split(',').map(unitName).join('、') } : r,
  );
}

/**
 * Enterprises whose certifications meet `where` (a condition over `certifications`), one row per
 * credit code — the figures count distinct credit codes — with the year's tax when `taxOf` is given.
 * An enterprise with two certifications in scope lists both sources.
 */
export async function enterpriseRecords(db: Db, where: Sql, taxOf?: Sql): Promise<RecordSet> {
  const rows = await db.query<RecordRow>(sql`
    WITH c AS (SELECT * FROM certifications WHERE ${where}),
    hq AS (
      SELECT credit_code, string_agg(DISTINCT region, ',' ORDER BY region) AS region,
        string_agg(DISTINCT category, '、') AS category, string_agg(DISTINCT status, '、') AS status,
        strftime(min(certified_on), '%Y-%m-%d') AS certified_on,
        string_agg(source_file, '；' ORDER BY source_row) AS source_file,
        min(source_row) AS source_row
      FROM c GROUP BY credit_code)
    SELECT hq.credit_code, e.name, hq.region, hq.category, hq.status, hq.certified_on, e.hq_type, e.origin,
      ${taxOf ? sql`coalesce(yt.tax, 0)::DOUBLE` : sql`NULL`} AS tax,
      hq.source_file, hq.source_row
    FROM hq LEFT JOIN enterprises AS e ON e.credit_code = hq.credit_code
    ${taxOf ? sql`LEFT JOIN (SELECT credit_code, sum(amount) AS tax FROM rollup_tax_month WHERE ${taxOf} GROUP BY 1) AS yt ON yt.credit_code = hq.credit_code` : sql``}
    ORDER BY hq.certified_on, hq.credit_code`);
  const columns: RecordColumn[] = [
    { key: 'credit_code', header: '统一社会信用代码' },
    { key: 'name', header: '企业名称' },
    { key: 'region', header: '认定地' },
    { key: 'category', header: '认定类别' },
    { key: 'status', header: '认定状态' },
    { key: 'certified_on', header: '认定日期' },
    { key: 'hq_type', header: '总部类型' },
    { key: 'origin', header: '企业来源' },
    ...(taxOf ? [{ key: 'tax', header: '当年税收', kind: 'yuan', unit: '万元' } as RecordColumn] : []),
    { key: 'source_file', header: '来源文件（认定台账）' },
    { key: 'source_row', header: '行号', kind: 'count' },
  ];
  const shown = rows.slice(0, ROW_LIMIT);
  return {
    kind: '企业',
    columns,
    rows: named(shown),
    total: rows.length,
    sum: null,
    truncated: rows.length > ROW_LIMIT,
    everyRow: async () => named(rows),
  };
}

/** Tax rows (of the raw `tax` table) meeting `where`, a condition over `period` and `credit_code`. */
export async function taxRecords(db: Db, where: Sql): Promise<RecordSet> {
  const [totals] = await db.query<{ n: number; total: number | null }>(
    sql`SELECT count(*) AS n, sum(amount) AS total FROM tax WHERE ${where}`,
  );
  const read = async (limit: Sql) =>
    named(
      await db.query<RecordRow>(sql`
    SELECT t.credit_code, e.name, e.region, strftime(t.period, '%Y-%m') AS period, t.tax_type,
      t.amount::DOUBLE AS amount, CASE WHEN t.outside THEN '是' ELSE '否' END AS outside,
      t.source_file, t.source_row
    FROM (SELECT * FROM tax WHERE ${where}) AS t LEFT JOIN enterprises AS e ON e.credit_code = t.credit_code
    ORDER BY t.period, t.credit_code, t.tax_type, t.source_file, t.source_row ${limit}`),
    );
  const rows = await read(sql`LIMIT ${ROW_LIMIT}`);
  const truncated = (totals?.n ?? 0) > ROW_LIMIT;
  return {
    kind: '税收明细',
    columns: [
      { key: 'credit_code', header: '统一社会信用代码' },
      { key: 'name', header: '企业名称' },
      { key: 'region', header: '属地' },
      { key: 'period', header: '所属期' },
      { key: 'tax_type', header: '税种' },
      { key: 'amount', header: '税额', kind: 'yuan', unit: '万元' },
      { key: 'outside', header: '市外经营' },
      ...SOURCE,
    ],
    rows,
    total: totals?.n ?? 0,
    sum: totals?.total ?? 0,
    sumLabel: '税额合计',
    truncated,
    // Tax rows can run to hundreds of thousands: only an export reads them all, in the same order.
    everyRow: async () => (truncated ? read(sql``) : rows),
  };
}

/** Projects by id, with a reason per project (an overdue warning, a stage) from the figure. */
export async function projectRecords(
  db: Db,
  ids: readonly string[],
  note: ReadonlyMap<string, string> = new Map(),
  noteHeader = '说明',
): Promise<RecordSet> {
  const rows = ids.length
    ? await db.query<RecordRow>(sql`
      SELECT project_id, name, region, credit_code, strftime(signed_on, '%Y-%m-%d') AS signed_on,
        strftime(registered_on, '%Y-%m-%d') AS registered_on,
        strftime(operating_on, '%Y-%m-%d') AS operating_on,
        (investment * 10000)::DOUBLE AS investment, subsidy, (subsidy_amount * 10000)::DOUBLE AS subsidy_amount,
        manager, source_file, source_row
      FROM projects WHERE project_id IN (${joinSql(ids.map((id) => sql`${id}`))})
      ORDER BY signed_on, project_id`)
    : [];
  const withNote = rows.map((r) => ({ ...r, note: note.get(String(r.project_id)) ?? null }));
  const sum = rows.reduce((s, r) => s + Number(r.investment ?? 0), 0);
  return {
    kind: '项目',
    columns: [
      { key: 'project_id', header: '项目编号' },
      { key: 'name', header: '项目名称' },
      { key: 'region', header: '属地' },
      ...(note.size ? [{ key: 'note', header: noteHeader }] : []),
      { key: 'signed_on', header: '签约日期' },
      { key: 'registered_on', header: '注册日期' },
      { key: 'operating_on', header: '投产日期' },
      { key: 'investment', header: '计划投资', kind: 'yuan', unit: '万元', digits: 0 },
      { key: 'subsidy', header: '开办补助' },
      { key: 'subsidy_amount', header: '补助金额', kind: 'yuan', unit: '万元' },
      { key: 'manager', header: '项目经理' },
      ...SOURCE,
    ],
    rows: named(withNote.slice(0, ROW_LIMIT)),
    total: rows.length,
    sum: Math.round(sum * 100) / 100,
    sumLabel: '计划投资合计',
    truncated: rows.length > ROW_LIMIT,
    everyRow: async () => named(withNote),
  };
}

/** Buildings by id with the tax the figure gave each (元). */
export async function buildingRecords(
  db: Db,
  taxes: ReadonlyMap<string, { tax: number; tier: string | null }>,
  note: ReadonlyMap<string, string> = new Map(),
  noteHeader = '说明',
): Promise<RecordSet> {
  const ids = [...taxes.keys()];
  const rows = ids.length
    ? await db.query<RecordRow>(sql`
      SELECT building_id, name, region, kind, platform, floor_area, source_file, source_row
      FROM buildings WHERE building_id IN (${joinSql(ids.map((id) => sql`${id}`))})`)
    : [];
  const withTax = rows
    .map(
      (r) =>
        ({
          ...r,
          ...taxes.get(String(r.building_id)),
          note: note.get(String(r.building_id)) ?? null,
        }) as RecordRow,
    )
    .sort((a, b) => Number(b.tax) - Number(a.tax));
  return {
    kind: '楼宇',
    columns: [
      { key: 'building_id', header: '楼宇编号' },
      { key: 'name', header: '楼宇名称' },
      { key: 'region', header: '属地' },
      { key: 'kind', header: '楼宇类型' },
      { key: 'platform', header: '所属平台' },
      { key: 'tier', header: '档次' },
      { key: 'tax', header: '楼宇税收', kind: 'yuan', unit: '亿元', digits: 2 },
      ...(note.size ? [{ key: 'note', header: noteHeader }] : []),
      { key: 'floor_area', header: '建筑面积（㎡）', kind: 'number', digits: 0 },
      ...SOURCE,
    ],
    rows: named(withTax),
    total: withTax.length,
    sum: Math.round(withTax.reduce((s, r) => s + Number(r.tax), 0) * 100) / 100,
    sumLabel: '楼宇税收合计',
    truncated: false,
  };
}

/** A figure's own number per case (the days a step took), listed after the case's dates. */
export interface CaseMeasure {
  value: Sql;
  header: string;
}

/**
 * Certification cases meeting `where` (one row per case: credit code and category), as they stood at
 * D, with `measure` (days in a step) when the figure is about one.
 */
export async function caseRecords(db: Db, where: Sql, stage: Sql, measure?: CaseMeasure): Promise<RecordSet> {
  const rows = await db.query<RecordRow>(sql`
    SELECT c.credit_code, e.name, c.region, c.category, c.stage,
      strftime(c.applied_on, '%Y-%m-%d') AS applied_on, strftime(c.certified_on, '%Y-%m-%d') AS certified_on,
      strftime(c.filed_on, '%Y-%m-%d') AS filed_on, c.measure, c.source_file, c.source_row
    FROM (SELECT *, ${stage} AS stage, ${measure ? measure.value : sql`NULL`}::DOUBLE AS measure
      FROM certifications WHERE ${where}) AS c
      LEFT JOIN enterprises AS e ON e.credit_code = c.credit_code
    ORDER BY ${measure ? sql`c.measure DESC NULLS LAST, ` : sql``}c.region, c.credit_code, c.category`);
  return {
    kind: '认定案件',
    columns: [
      { key: 'credit_code', header: '统一社会信用代码' },
      { key: 'name', header: '企业名称' },
      { key: 'region', header: '认定地' },
      { key: 'category', header: '认定类别' },
      { key: 'stage', header: '环节（截至日）' },
      // The figure's own number first, where the panel shows it without scrolling.
      ...(measure ? [{ key: 'measure', header: measure.header, kind: 'count' } as RecordColumn] : []),
      { key: 'applied_on', header: '申请日期' },
      { key: 'certified_on', header: '认定日期' },
      { key: 'filed_on', header: '备案日期' },
      ...SOURCE,
    ],
    rows: named(rows.slice(0, ROW_LIMIT)),
    total: rows.length,
    sum: null,
    truncated: rows.length > ROW_LIMIT,
    everyRow: async () => named(rows),
  };
}

/**
 * A staged file → typed, validated rows. Each mapped column gets a value (in the canonical unit)
 * and, when the value cannot be used, a Chinese reason. Rows with no reason and a key not seen
 * earlier in the file are accepted; the rest are listed with file, row, column, value and reason.
 */
import { ident, joinSql, raw, sql, type Db, type Sql } from '../db';
import { columnType } from '../domain/ddl';
import type { Column, Table } from '../domain/schema';
import type { HeaderMapping, MappedColumn } from './headers';
import { buildLookup, normaliserFor } from './lookups';
import { stageColumn, type Staged } from './stage';

export interface RowError {
  file: string;
  row: number;
  column: string;
  header: string;
  value: string | null;
  reason: string;
}

export interface DroppedRow {
  row: number;
  text: string;
}

export interface Checked {
  table: Table;
  /** Temp table of accepted rows, in the target table's columns plus source_row and extra. */
  accepted: Sql;
  rowsRead: number;
  acceptedCount: number;
  rejected: RowError[];
  /** 合计/总计 rows, dropped and reported. */
  totals: DroppedRow[];
}

/** How many rejected rows are listed in full; the count is always exact. */
export const MAX_LISTED_ERRORS = 100_000;

const NEGATIVE_ALLOWED = new Set(['amount', 'local_amount']);

function cleaned(i: number): Sql {
  return sql`NULLIF(trim(${stageColumn(i)}), '')`;
}

const rawName = (i: number) => ident(`r${i}`);
const valueName = (c: Column) => ident(`v_${c.name}`);
const errorName = (c: Column) => ident(`e_${c.name}`);

/** Value and reason of a column parsed in SQL (numbers and text). */
function parsedInSql(m: MappedColumn): { value: Sql; reason: Sql } {
  const r = rawName(m.index);
  const type = m.column.kind.type;
  if (type === 'text') return { value: r, reason: raw('CAST(NULL AS VARCHAR)') };
  const number = sql`hq_number(${r})`;
  if (type === 'integer') {
    return {
      value: sql`CASE WHEN ${number} = round(${number}) AND abs(${number}) < 2e9 THEN CAST(${number} AS INTEGER) END`,
      reason: raw(`'应为整数'`),
    };
  }
  // Money in 元 keeps cents; other converted units keep enough places to be exact after scaling.
  const digits = type === 'money' && m.column.kind.type === 'money' && m.column.kind.unit === '元' ? 2 : 6;
  const scaled = sql`round(${number} * ${raw(String(m.factor))}, ${raw(String(digits))})`;
  if (NEGATIVE_ALLOWED.has(m.column.name) || type === 'number') {
    return { value: scaled, reason: raw(type === 'money' ? `'无法识别的金额'` : `'无法识别的数值'`) };
  }
  return {
    value: sql`CASE WHEN ${scaled} >= 0 THEN ${scaled} END`,
    reason: raw(`CASE WHEN ${number.text} < 0 THEN '不能为负数' ELSE '无法识别的${type === 'money' ? '金额' : '数值'}' END`),
  };
}

export async function checkStaged(
  db: Db,
  file: string,
  staged: Staged,
  mapping: HeaderMapping,
  id: string,
): Promise<Checked> {
  const { table } = mapping;
  const rawColumns = Array.from({ length: staged.width }, (_, i) => sql`${cleaned(i)} AS ${rawName(i)}`);
  const joins: Sql[] = [];
  const values: Sql[] = [];
  const reasons: Sql[] = [];
  for (const m of mapping.columns) {
    const normalise = normaliserFor(m.column.kind);
    if (normalise) {
      const lookup = await buildLookup(
        db,
        `lk_${id}_${m.column.name}`,
        sql`SELECT DISTINCT ${cleaned(m.index)} AS v FROM ${staged.table} WHERE v IS NOT NULL`,
        normalise,
      );
      const alias = ident(`lk_${m.column.name}`);
      joins.push(sql`LEFT JOIN ${lookup} AS ${alias} ON ${alias}."raw" = ${rawName(m.index)}`);
      values.push(sql`CAST(${alias}."value" AS ${raw(columnType(m.column))}) AS ${valueName(m.column)}`);
      reasons.push(sql`${alias}."reason" AS ${ident(`why_${m.column.name}`)}`);
    } else {
      const parsed = parsedInSql(m);
      values.push(sql`${parsed.value} AS ${valueName(m.column)}`);
      reasons.push(sql`${parsed.reason} AS ${ident(`why_${m.column.name}`)}`);
    }
  }
  const errors = mapping.columns.map((m) => {
    const [r, v, why] = [rawName(m.index), valueName(m.column), ident(`why_${m.column.name}`)];
    const missing = m.column.required ? sql`WHEN ${r} IS NULL THEN '必填项为空' ` : raw('');
    return sql`CASE ${missing}WHEN ${r} IS NOT NULL AND ${v} IS NULL THEN ${why} END AS ${errorName(m.column)}`;
  });
  const firstCells = Array.from({ length: Math.min(3, staged.width) }, (_, i) => rawName(i));
  const totalTest = joinSql(
    firstCells.map((r) => sql`regexp_matches(coalesce(${r}, ''), '^(合\\s*计|总\\s*计)')`),
    ' OR ',
  );
  const blankTest = joinSql(
    Array.from({ length: staged.width }, (_, i) => sql`${rawName(i)} IS NULL`),
    ' AND ',
  );
  const checked = ident(`checked_${id}`);
  await db.run(sql`
    CREATE OR REPLACE TEMP TABLE ${checked} AS
    SELECT *, ${joinSql(errors)} FROM (
      SELECT s.*, ${joinSql([...values, ...reasons])}, (${totalTest}) AS __total FROM (
        SELECT ${staged.rowNumber} AS __row, ${joinSql(rawColumns)} FROM ${staged.table}
      ) AS s ${joinSql(joins, ' ')}
    ) WHERE NOT (${blankTest})`);

  const totals = await db.query<DroppedRow>(
    sql`SELECT __row AS "row", concat_ws(' ', ${joinSql(firstCells)}) AS "text" FROM ${checked} WHERE __total ORDER BY __row`,
  );
  const rejected = await listErrors(db, file, checked, mapping);
  const accepted = await acceptRows(db, file, checked, mapping, id, rejected);
  const [{ n: rowsRead }] = (await db.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${checked} WHERE NOT __total`,
  )) as [{ n: number }];
  return { table, accepted: accepted.table, rowsRead, acceptedCount: accepted.count, rejected, totals };
}

async function listErrors(db: Db, file: string, checked: Sql, mapping: HeaderMapping): Promise<RowError[]> {
  if (mapping.columns.length === 0) return [];
  const perColumn = mapping.columns.map(
    (m) => sql`SELECT __row AS "row", ${m.column.name} AS "column", ${m.header} AS header,
      ${rawName(m.index)} AS "value", ${errorName(m.column)} AS reason
      FROM ${checked} WHERE NOT __total AND ${errorName(m.column)} IS NOT NULL`,
  );
  const rows = await db.query<Omit<RowError, 'file'>>(
    sql`SELECT * FROM (${joinSql(perColumn, ' UNION ALL ')}) ORDER BY "row", "column" LIMIT ${MAX_LISTED_ERRORS}`,
  );
  return rows.map((r) => ({ file, ...r }));
}

/**
 * Valid rows; among rows sharing a key the first is kept and the later ones are rejected as
 * duplicates naming the first. Returns the accepted temp table and appends duplicates to `rejected`.
 */
async function acceptRows(
  db: Db,
  file: string,
  checked: Sql,
  mapping: HeaderMapping,
  id: string,
  rejected: RowError[],
): Promise<{ table: Sql; count: number }> {
  const { table } = mapping;
  const noError = mapping.columns.length
    ? joinSql(
        mapping.columns.map((m) => sql`${errorName(m.column)} IS NULL`),
        ' AND ',
      )
    : raw('true');
  const present = new Set(mapping.columns.map((m) => m.column.name));
  const selected = table.columns.map((c) =>
    present.has(c.name) ? sql`${valueName(c)} AS ${ident(c.name)}` : sql`CAST(NULL AS ${raw(columnType(c))}) AS ${ident(c.name)}`,
  );
  const extra = mapping.extras.length
    ? sql`map([${joinSql(mapping.extras.map((e) => sql`${e.text}`))}], [${joinSql(mapping.extras.map((e) => rawName(e.index)))}])`
    : raw('CAST(NULL AS MAP(VARCHAR, VARCHAR))');
  const key = table.key.map((k) => ident(k));
  const rank = key.length
    ? sql`row_number() OVER (PARTITION BY ${joinSql(key)} ORDER BY __row)`
    : raw('1');
  const first = key.length ? sql`first_value(__row) OVER (PARTITION BY ${joinSql(key)} ORDER BY __row)` : raw('__row');
  const valid = ident(`valid_${id}`);
  await db.run(sql`
    CREATE OR REPLACE TEMP TABLE ${valid} AS
    SELECT *, ${rank} AS __rank, ${first} AS __first FROM (
      SELECT __row AS source_row, ${joinSql(selected)}, ${extra} AS extra, __row
      FROM ${checked} WHERE NOT __total AND ${noError}
    )`);
  if (key.length) {
    const keyText = sql`concat_ws(' / ', ${joinSql(key.map((k) => sql`CAST(${k} AS VARCHAR)`))})`;
    const duplicates = await db.query<{ row: number; value: string; first: number }>(
      sql`SELECT __row AS "row", ${keyText} AS "value", __first AS "first" FROM ${valid} WHERE __rank > 1 ORDER BY __row`,
    );
    for (const d of duplicates) {
      rejected.push({
        file,
        row: d.row,
        column: table.key.join('+'),
        header: table.key.join('+'),
        value: d.value,
        reason: `主键重复（与第${d.first}行相同），已保留第${d.first}行`,
      });
    }
    rejected.sort((a, b) => a.row - b.row);
  }
  const accepted = ident(`accepted_${id}`);
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${accepted} AS SELECT * EXCLUDE (__rank, __first, __row) FROM ${valid} WHERE __rank = 1`);
  const [{ n }] = (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${accepted}`)) as [{ n: number }];
  return { table: accepted, count: n };
}

/**
 * A staged file → typed, validated rows. Each mapped column gets a value (in the canonical unit)
 * and, when the value cannot be used, a Chinese reason. Rows with no reason and a key not seen
 * earlier in the file are accepted; the rest are listed with file, row, column, value and reason.
 *
 * Written for a million-row tax file: the checked table keeps only values, reasons, and the raw
 * text of cells that failed; lookups join on the cell text as read.
 */
import { ident, joinSql, raw, sql, textLiteral, type Db, type Sql } from '../db';
import { columnType, defaultValue, MONEY_YUAN } from '../domain/ddl';
import type { Column, Table } from '../domain/schema';
import { keepsTaxNames, TAXPAYER_NAME, taxNameExtra } from '../domain/taxNames';
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
  /** The accepted rows (a temp table or a query over the checked table), in the target table's
   * columns plus source_row and extra (and, for tax, taxpayer_name: see domain/taxNames.ts). */
  accepted: Sql;
  /** Data rows read: every non-blank row under the header, 合计 rows included (accepted + rejected + totals). */
  rowsRead: number;
  acceptedCount: number;
  rejected: RowError[];
  /** 合计/总计 rows, dropped and reported. */
  totals: DroppedRow[];
  /** The first few names in the file as read (the desk shows them, so mojibake is seen before saving). */
  preview: string[];
}

export interface CheckOptions {
  /** The file held bytes that could not be decoded: a row with a U+FFFD in any cell is rejected. */
  undecodable?: boolean;
  /** Said in that rejection: the encoding the file was read with. */
  encodingLabel?: string;
}

/** A column (or extra cell) whose error the check lists: where its reason and failed text are. */
interface ErrorColumn {
  column: string;
  header: string;
  error: Sql;
  failed: Sql;
}

/** How many rejected rows are listed in full. */
export const MAX_LISTED_ERRORS = 100_000;

const NEGATIVE_ALLOWED = new Set(['amount', 'local_amount']);
const EMPTY_REQUIRED = `'必填项为空'`;

const cell = (m: MappedColumn) => stageColumn(m.index);
const valueName = (c: Column) => ident(`v_${c.name}`);
const errorName = (c: Column) => ident(`e_${c.name}`);
const failedText = (c: Column) => ident(`x_${c.name}`);
const extraName = (i: number) => ident(`extra_${i}`);
const extraError = (i: number) => ident(`e_extra_${i}`);
const extraFailed = (i: number) => ident(`x_extra_${i}`);
const UNDECODABLE = '\uFFFD';

/** A cell that holds nothing but spaces counts as empty. */
const isEmpty = (c: Sql, value: Sql) => sql`(${c} IS NULL OR (${value} IS NULL AND trim(${c}) = ''))`;

/** Value and error of a column parsed in SQL (numbers, money and text). */
function parsedInSql(m: MappedColumn): { value: Sql; error: Sql } {
  const c = cell(m);
  const type = m.column.kind.type;
  const empty = m.column.required ? raw(EMPTY_REQUIRED) : raw('CAST(NULL AS VARCHAR)');
  if (type === 'text') {
    const value = sql`NULLIF(trim(${c}), '')`;
    return { value, error: sql`CASE WHEN ${value} IS NULL THEN ${empty} END` };
  }
  const { parsed, value: converted } = type === 'money' ? money(m) : number(m);
  let value = converted;
  let reason: Sql = raw(`'无法识别的数值'`);
  if (type === 'money') {
    // A number DECIMAL cannot hold is said as such, not as unreadable: 1e20 is a number, just too large.
    const digits = 18 - (columnType(m.column) === MONEY_YUAN ? 2 : 6);
    reason = sql`CASE WHEN hq_number(${c}) IS NOT NULL THEN ${textLiteral(`金额超出范围（该列最多 ${digits} 位整数）`)} ELSE '无法识别的金额' END`;
  }
  if (type === 'integer') {
    value = sql`CASE WHEN ${parsed} = round(${parsed}) AND abs(${parsed}) < 2e9 THEN CAST(${parsed} AS INTEGER) END`;
    reason = raw(`'应为整数'`);
  } else if (!NEGATIVE_ALLOWED.has(m.column.name) && type !== 'number') {
    value = sql`CASE WHEN ${value} >= 0 THEN ${value} END`;
    reason = sql`CASE WHEN ${parsed} < 0 THEN '不能为负数' ELSE ${reason} END`;
  }
  return {
    value,
    error: sql`CASE WHEN ${isEmpty(c, value)} THEN ${empty} WHEN ${value} IS NULL THEN ${reason} END`,
  };
}

/** A number (DOUBLE) in the column's unit: areas, coordinates, counts, targets. */
function number(m: MappedColumn): { parsed: Sql; value: Sql } {
  const parsed = sql`hq_number(${cell(m)})`;
  return { parsed, value: sql`round(${parsed} * ${raw(String(m.factor))}, 6)` };
}

/**
 * Money, exact: parsed as DECIMAL and converted to the column's unit by a decimal factor, rounded to
 * the column's places (cents for 元). A value too large for the column is not a value (NULL → error).
 */
function money(m: MappedColumn): { parsed: Sql; value: Sql } {
  const type = columnType(m.column);
  const places = type === MONEY_YUAN ? 2 : 6;
  if (m.factor === 1) {
    const parsed = sql`${raw(`hq_money_${places}`)}(${cell(m)})`;
    return { parsed, value: parsed };
  }
  const parsed = sql`hq_money_6(${cell(m)})`;
  const scaled = sql`round(${parsed} * ${raw(decimalLiteral(m.factor))}, ${raw(String(places))})`;
  return { parsed, value: sql`TRY_CAST(${scaled} AS ${raw(type)})` };
}

/** 10000 → '10000', 0.0001 → '0.0001': a literal DuckDB reads as DECIMAL, never as DOUBLE ('1e-4'). */
function decimalLiteral(factor: number): string {
  return factor >= 1 ? String(factor) : factor.toFixed(12).replace(/0+$/, '');
}

/** Value and error of a column normalised per distinct value in JavaScript (lookups.ts). */
async function parsedByLookup(db: Db, staged: Staged, m: MappedColumn, id: string, joins: Sql[]) {
  const c = cell(m);
  const lookup = await buildLookup(
    db,
    `lk_${id}_${m.column.name}`,
    sql`SELECT DISTINCT ${c} AS v FROM ${staged.table} WHERE ${c} IS NOT NULL`,
    normaliserFor(m.column.kind)!,
  );
  const alias = ident(`lk_${m.column.name}`);
  joins.push(sql`LEFT JOIN ${lookup} AS ${alias} ON ${alias}."raw" = s.${c}`);
  const value = sql`CAST(${alias}."value" AS ${raw(columnType(m.column))})`;
  const empty = m.column.required ? raw(EMPTY_REQUIRED) : raw('CAST(NULL AS VARCHAR)');
  const error = sql`CASE WHEN ${c} IS NULL OR (${alias}."value" IS NULL AND ${alias}."reason" IS NULL) THEN ${empty}
    WHEN ${alias}."value" IS NULL THEN ${alias}."reason" END`;
  return { value, error };
}

function totalTest(width: number): Sql {
  const first = Array.from({ length: Math.min(3, width) }, (_, i) => stageColumn(i));
  // contains() is a cheap filter; the regular expression only sees cells with 计 in them.
  return joinSql(
    first.map(
      (c) => sql`coalesce(contains(${c}, '计') AND regexp_matches(${c}, '^\\s*(合\\s*计|总\\s*计)'), false)`,
    ),
    ' OR ',
  );
}

export async function checkStaged(
  db: Db,
  file: string,
  staged: Staged,
  mapping: HeaderMapping,
  id: string,
  options: CheckOptions = {},
): Promise<Checked> {
  const joins: Sql[] = [];
  const parts: Sql[] = [];
  const undecodableReason = `含无法识别的字节（按 ${options.encodingLabel ?? '所选编码'} 读取），为免保存乱码，此行不导入`;
  /** A cell holding U+FFFD: only looked for when the file had undecodable bytes (no cost otherwise). */
  const garbled = (c: Sql) => sql`contains(${c}, ${textLiteral(UNDECODABLE)})`;
  for (const m of mapping.columns) {
    const parsed = normaliserFor(m.column.kind)
      ? await parsedByLookup(db, staged, m, id, joins)
      : parsedInSql(m);
    const { value } = parsed;
    const error = options.undecodable
      ? sql`CASE WHEN ${garbled(cell(m))} THEN ${textLiteral(undecodableReason)} ELSE ${parsed.error} END`
      : parsed.error;
    // The default fills an empty cell after the error is known: a value that fails stays an error.
    const filled = defaultValue(m.column) ? sql`coalesce(${value}, ${defaultValue(m.column)!})` : value;
    parts.push(sql`${filled} AS ${valueName(m.column)}`, sql`${error} AS ${errorName(m.column)}`);
  }
  const cells = Array.from({ length: staged.width }, (_, i) => stageColumn(i));
  const blank = joinSql(
    cells.map((c) => sql`coalesce(${c}, '') = ''`),
    ' AND ',
  );
  const extras = mapping.extras.map((e, i) => sql`s.${stageColumn(e.index)} AS ${extraName(i)}`);
  if (options.undecodable) {
    mapping.extras.forEach((e, i) => {
      const c = stageColumn(e.index);
      parts.push(sql`CASE WHEN ${garbled(c)} THEN ${textLiteral(undecodableReason)} END AS ${extraError(i)}`);
    });
  }
  const failed = mapping.columns.map(
    (m) => sql`CASE WHEN ${errorName(m.column)} IS NOT NULL THEN ${cell(m)} END AS ${failedText(m.column)}`,
  );
  const errorColumns: ErrorColumn[] = [
    ...mapping.columns.map((m) => ({
      column: m.column.name,
      header: m.header,
      error: errorName(m.column),
      failed: failedText(m.column),
    })),
    ...(options.undecodable
      ? mapping.extras.map((e, i) => ({
          column: 'extra',
          header: e.text,
          error: extraError(i),
          failed: extraFailed(i),
        }))
      : []),
  ];
  if (options.undecodable) {
    mapping.extras.forEach((_, i) =>
      failed.push(sql`CASE WHEN ${extraError(i)} IS NOT NULL THEN ${extraName(i)} END AS ${extraFailed(i)}`),
    );
  }
  const firstCells = joinSql(cells.slice(0, 3));
  const checked = ident(`checked_${id}`);
  await db.run(sql`
    CREATE OR REPLACE TEMP TABLE ${checked} AS
    SELECT __row, __total, CASE WHEN __total THEN concat_ws(' ', ${firstCells}) END AS __total_text,
      ${joinSql([...mapping.columns.map((m) => valueName(m.column)), ...errorColumns.map((e) => e.error), ...failed, ...mapping.extras.map((_, i) => extraName(i))])}
    FROM (
      SELECT s.__row, s.${joinSql(cells, ', s.')}, ${joinSql([...parts, ...extras])}, (${totalTest(staged.width)}) AS __total
      FROM (SELECT ${staged.rowNumber} AS __row, * FROM ${staged.table}) AS s ${joinSql(joins, ' ')}
      WHERE NOT (${blank})
    )`);

  const totals = await db.query<DroppedRow>(
    sql`SELECT __row AS "row", __total_text AS "text" FROM ${checked} WHERE __total ORDER BY __row`,
  );
  const rejected = await listErrors(db, file, checked, errorColumns);
  const accepted = await acceptRows(
    db,
    file,
    checked,
    mapping,
    errorColumns,
    id,
    rejected,
    totals.length === 0,
  );
  const [{ n: rowsRead }] = (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${checked}`)) as [
    { n: number },
  ];
  return {
    table: mapping.table,
    accepted: accepted.relation,
    rowsRead,
    acceptedCount: accepted.count,
    rejected,
    totals,
    preview: await namePreview(db, staged, mapping),
  };
}

/** Headers whose cells are names: the table's own name column, else an extra such as 纳税人名称. */
const NAME_COLUMN = 'name';

/** The first five names of the file as read: what a person checks for mojibake at a glance. */
async function namePreview(db: Db, staged: Staged, mapping: HeaderMapping): Promise<string[]> {
  const index =
    mapping.columns.find((m) => m.column.name === NAME_COLUMN)?.index ??
    mapping.extras.find((e) => /名称|名字|姓名/.test(e.text))?.index;
  if (index === undefined) return [];
  const c = stageColumn(index);
  const rows = await db.query<{ v: string }>(
    sql`SELECT trim(${c}) AS v FROM ${staged.table} WHERE trim(coalesce(${c}, '')) <> '' LIMIT 5`,
  );
  return rows.map((r) => r.v.slice(0, 40));
}

async function listErrors(
  db: Db,
  file: string,
  checked: Sql,
  columns: readonly ErrorColumn[],
): Promise<RowError[]> {
  if (columns.length === 0) return [];
  const perColumn = columns.map(
    (e) => sql`SELECT __row AS "row", ${e.column} AS "column", ${e.header} AS header,
      ${e.failed} AS "value", ${e.error} AS reason
      FROM ${checked} WHERE NOT __total AND ${e.error} IS NOT NULL`,
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
  errorColumns: readonly ErrorColumn[],
  id: string,
  rejected: RowError[],
  noTotals: boolean,
): Promise<{ relation: Sql; count: number }> {
  const { table } = mapping;
  // A clean file (no rejected row, no 合计 row) needs no filter. It matters: DuckDB builds the extra
  // MAP about 3× slower on filtered rows (1M rows: 1.05 s against 0.30 s).
  const clean = noTotals && rejected.length === 0;
  const noError = errorColumns.length
    ? joinSql(
        errorColumns.map((e) => sql`${e.error} IS NULL`),
        ' AND ',
      )
    : raw('true');
  const present = new Set(mapping.columns.map((m) => m.column.name));
  const selected = table.columns.map((c) =>
    present.has(c.name)
      ? sql`${valueName(c)} AS ${ident(c.name)}`
      : sql`${defaultValue(c) ?? sql`CAST(NULL AS ${raw(columnType(c))})`} AS ${ident(c.name)}`,
  );
  // A tax row's 纳税人名称 goes to the commit as its own column, not into the MAP (domain/taxNames.ts).
  const nameAt = taxNameExtra(table, mapping.extras);
  const headers = uniqueHeaders(mapping.extras.map((e) => e.text));
  const others = mapping.extras.map((_, i) => i).filter((i) => i !== nameAt);
  const extra = extraMap(
    others.map((i) => headers[i]!),
    others.map((i) => extraName(i)),
  );
  const name = keepsTaxNames(table)
    ? sql`, ${nameAt < 0 ? raw('CAST(NULL AS VARCHAR)') : extraName(nameAt)} AS ${raw(TAXPAYER_NAME)}`
    : raw('');
  const where = clean ? raw('') : sql`WHERE NOT __total AND ${noError}`;
  const rows = sql`SELECT __row AS source_row, ${joinSql(selected)}, ${extra} AS extra${name} FROM ${checked} ${where}`;
  if (table.key.length === 0) {
    // Additive tables (tax) have no duplicates to weed out: the commit reads the checked rows
    // directly instead of copying a million rows into one more temp table first.
    const [{ n }] = (await db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM ${checked} WHERE NOT __total AND ${noError}`,
    )) as [{ n: number }];
    return { relation: sql`(${rows})`, count: n };
  }
  const key = joinSql(table.key.map((k) => ident(k)));
  const valid = ident(`valid_${id}`);
  // A row without any key value (a lead with no 线索编号) duplicates nothing.
  const noKey = joinSql(
    table.key.map((k) => sql`${ident(k)} IS NULL`),
    ' AND ',
  );
  await db.run(sql`
    CREATE OR REPLACE TEMP TABLE ${valid} AS
    SELECT *, CASE WHEN ${noKey} THEN 1 ELSE row_number() OVER (PARTITION BY ${key} ORDER BY source_row) END AS __rank,
      first_value(source_row) OVER (PARTITION BY ${key} ORDER BY source_row) AS __first
    FROM (${rows})`);
  await listDuplicates(db, file, valid, table, rejected);
  const accepted = ident(`accepted_${id}`);
  await db.run(
    sql`CREATE OR REPLACE TEMP TABLE ${accepted} AS SELECT * EXCLUDE (__rank, __first) FROM ${valid} WHERE __rank = 1`,
  );
  const [{ n }] = (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${accepted}`)) as [
    { n: number },
  ];
  return { relation: accepted, count: n };
}

/**
 * The row's extra columns as a MAP. A struct cast to MAP builds it 2.5× faster than map([keys],
 * [values]) (1M rows: 0.47 s against 1.17 s), but struct field names are case-insensitive and cannot
 * be empty: keys that differ only in case take the slow way.
 */
function extraMap(keys: readonly string[], values: readonly Sql[]): Sql {
  if (keys.length === 0) return raw('CAST(NULL AS MAP(VARCHAR, VARCHAR))');
  const folded = new Set(keys.map((k) => k.toLowerCase()));
  if (folded.size < keys.length || keys.some((k) => k === '' || k.includes('\u0000')))
    return sql`map([${joinSql(keys.map((k) => sql`${k}`))}], [${joinSql(values)}])`;
  const fields = keys.map((k, i) => sql`${textLiteral(k)}: CAST(${values[i]!} AS VARCHAR)`);
  return sql`CAST({${joinSql(fields)}} AS MAP(VARCHAR, VARCHAR))`;
}

/** Map keys must differ: a second 备注 becomes 备注(2). */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}(${n})`;
  });
}

async function listDuplicates(db: Db, file: string, valid: Sql, table: Table, rejected: RowError[]) {
  const keyText = sql`concat_ws(' / ', ${joinSql(table.key.map((k) => sql`CAST(${ident(k)} AS VARCHAR)`))})`;
  const duplicates = await db.query<{ row: number; value: string; first: number }>(
    sql`SELECT source_row AS "row", ${keyText} AS "value", __first AS "first" FROM ${valid} WHERE __rank > 1 ORDER BY source_row`,
  );
  const column = table.key.join('+');
  const header = table.key.map((k) => table.columns.find((c) => c.name === k)?.headers[0] ?? k).join('+');
  for (const d of duplicates) {
    rejected.push({
      file,
      row: d.row,
      column,
      header,
      value: d.value,
      reason: `主键重复（与第${d.first}行相同），已保留第${d.first}行`,
    });
  }
  rejected.sort((a, b) => a.row - b.row);
}

/**
 * Rows of `own` whose key an earlier file of the same import already carries are duplicates, as
 * inside one file: the earlier row is kept and the later one rejected, naming the file and row kept.
 * (Before, the file that came later replaced the earlier one's rows on commit, so which row won
 * depended on the file names.) Additive tables (tax) have no key: their rows all count.
 */
export async function rejectKeysOfEarlierFiles(
  db: Db,
  file: string,
  own: Checked,
  earlier: readonly { file: string; checked: Checked }[],
): Promise<Checked> {
  const { table } = own;
  if (table.key.length === 0 || earlier.length === 0) return own;
  const key = table.key.map((k) => ident(k));
  // Every earlier file's rows, in the import's order: the first of them is the row kept.
  const firsts = joinSql(
    earlier.map(
      (e, i) =>
        sql`SELECT ${joinSql(key)}, source_row, ${e.file} AS file, ${i} * 2147483648 + source_row AS place
            FROM ${e.checked.accepted}`,
    ),
    ' UNION ALL ',
  );
  const match = joinSql(
    key.map((k) => sql`o.${k} = e.${k}`),
    ' AND ',
  );
  const keyText = sql`concat_ws(' / ', ${joinSql(key.map((k) => sql`CAST(o.${k} AS VARCHAR)`))})`;
  const duplicates = await db.query<{ row: number; value: string; file: string; first: number }>(sql`
    SELECT o.source_row AS "row", ${keyText} AS "value", arg_min(e.file, e.place) AS file,
      arg_min(e.source_row, e.place) AS "first"
    FROM ${own.accepted} AS o JOIN (${firsts}) AS e ON ${match}
    GROUP BY ALL ORDER BY o.source_row`);
  if (duplicates.length === 0) return own;
  await db.run(sql`DELETE FROM ${own.accepted} WHERE source_row IN (
    SELECT o.source_row FROM ${own.accepted} AS o JOIN (${firsts}) AS e ON ${match})`);
  const column = table.key.join('+');
  const header = table.key.map((k) => table.columns.find((c) => c.name === k)?.headers[0] ?? k).join('+');
  const rejected = [
    ...own.rejected,
    ...duplicates.map((d) => ({
      file,
      row: d.row,
      column,
      header,
      value: d.value,
      reason: `主键重复（与「${d.file}」第${d.first}行相同），已保留「${d.file}」第${d.first}行`,
    })),
  ].sort((a, b) => a.row - b.row);
  return { ...own, rejected, acceptedCount: own.acceptedCount - duplicates.length };
}

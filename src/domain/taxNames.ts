/**
 * The taxpayer's name of a tax export (纳税人名称), kept once per enterprise and name instead of in
 * every row's `extra` MAP (issue 12, item 5; docs/DECISIONS.md "Taxpayer names").
 *
 * A bureau's export carries the name on every row (one per enterprise × month × tax type). The name
 * is not a column of `tax`, so it used to be one more entry of each row's `extra` MAP: about half a
 * tax row's memory, and 1.45 s of a million-row import's INSERT. Now:
 * - `tax_names` holds each distinct (credit_code, name) once, with a small integer id;
 * - each tax row keeps `name_id`, the name it came with (NULL when its file had no name, or the
 *   cell was empty): an enterprise renamed between months keeps both names, each on its months;
 * - the file's other extra cells (序号, 备注 …) stay in the row's `extra`; a file whose only extra
 *   column is the name builds no MAP at all.
 * `tax_names` only grows: undo, rollback and replace-all put rows back with their `name_id`, and the
 * ids they point to are still there, so nothing of it needs undoing. A name no row points to any
 * more (an undone import's) is a few bytes and shown nowhere.
 */
import { ident, raw, sql, type Db, type Sql } from '../db';
import { STATE_PREFIX } from '../ingest/historyTables';
import type { Table } from './schema';

/** The extra header whose cells are the taxpayer's name. */
export const TAX_NAME_HEADER = '纳税人名称';
/** The table of names; a snapshot and a published dataset carry it beside the data tables. */
export const TAX_NAMES = 'tax_names';
/** The checked rows' column carrying the name's text to the commit, which turns it into `name_id`. */
export const TAXPAYER_NAME = 'taxpayer_name';

/** Whether rows of `table` keep their taxpayer's name by id (tax only). */
export const keepsTaxNames = (table: Pick<Table, 'name'>): boolean => table.name === 'tax';

/** Which of a file's extra headers is the taxpayer's name (the first 纳税人名称), or -1. */
export function taxNameExtra(table: Pick<Table, 'name'>, extras: readonly { text: string }[]): number {
  return keepsTaxNames(table) ? extras.findIndex((e) => e.text === TAX_NAME_HEADER) : -1;
}

const names = ident(TAX_NAMES);

/**
 * Adds the (credit_code, name) pairs of `rows` (a relation with credit_code and `nameColumn`) that
 * `tax_names` does not have yet, numbered after the largest id. Run inside the commit's transaction,
 * so a refused or failed import adds no name.
 */
export async function registerTaxNames(db: Db, rows: Sql, nameColumn: Sql): Promise<void> {
  await db.run(sql`
    INSERT INTO ${names}
    SELECT (SELECT coalesce(max(id), 0) FROM ${names}) + row_number() OVER (ORDER BY credit_code, name),
      credit_code, name
    FROM (SELECT DISTINCT credit_code, ${nameColumn} AS name FROM ${rows}
          WHERE credit_code IS NOT NULL AND ${nameColumn} IS NOT NULL) AS n
    WHERE NOT EXISTS (SELECT 1 FROM ${names} AS k WHERE k.credit_code = n.credit_code AND k.name = n.name)`);
}

/**
 * `rows` (checked rows with `taxpayer_name`) with `name_id` in its place. Register the names first.
 * A LEFT JOIN on about as many names as enterprises: much cheaper than a MAP per row.
 */
export function withNameIds(rows: Sql): Sql {
  return sql`(SELECT r.* EXCLUDE (${raw(TAXPAYER_NAME)}), n.id AS name_id FROM ${rows} AS r
    LEFT JOIN ${names} AS n ON n.credit_code = r.credit_code AND n.name = r.${raw(TAXPAYER_NAME)})`;
}

/** The name of a tax row `t` (alias), for readers: `LEFT JOIN ${nameJoin('t')}` gives `n.name`. */
export function nameJoin(alias: string): Sql {
  return sql`${names} AS n ON n.id = ${raw(alias)}.name_id`;
}

// The key guards the readers' join: two imports committing the same new name at once fail, rather
// than leave the name twice (which would list each of its rows twice).
const createNames = sql`CREATE TABLE IF NOT EXISTS ${names} (
  id INTEGER, credit_code VARCHAR, name VARCHAR, PRIMARY KEY (credit_code, name))`;

/**
 * Brings stored data up to this layout: `tax_names` exists and every tax table (the data's, and the
 * undo states kept by the history, `history_before_<id>_tax`) has `name_id`. A tax table without it
 * was written by an earlier version, which kept the name in `extra`: its names are moved out once
 * (migrated at open rather than read from both places, so the merge's fingerprint, the export and
 * every reader see one form, and re-importing the same file stays 未变). One DESCRIBE when there is
 * nothing to do.
 */
export async function ensureTaxNames(db: Db): Promise<void> {
  await db.run(createNames);
  const columns = await db.query<{ column_name: string }>(sql`DESCRIBE tax`);
  if (columns.some((c) => c.column_name === 'name_id')) return;
  // The tables still without name_id (all of them, unless some were made by this version).
  const tables = await db.query<{ name: string }>(sql`
    SELECT table_name AS name FROM information_schema.tables AS t
    WHERE table_catalog = current_database() AND table_schema = 'main'
      AND (table_name = 'tax' OR (starts_with(table_name, ${STATE_PREFIX})
        AND table_name = ${STATE_PREFIX} || split_part(table_name, '_', 3) || '_tax'))
      AND NOT EXISTS (SELECT 1 FROM information_schema.columns AS c WHERE c.table_catalog = t.table_catalog
        AND c.table_schema = 'main' AND c.table_name = t.table_name AND c.column_name = 'name_id')
    ORDER BY table_name`);
  // In one transaction: a half-done upgrade would leave tax with name_id (so not tried again) and
  // undo states without it.
  await db.run(raw('BEGIN TRANSACTION'));
  try {
    for (const { name: table } of tables) {
      await db.run(sql`ALTER TABLE ${ident(table)} ADD COLUMN name_id INTEGER`);
      await moveTaxNames(db, table);
    }
    await db.run(raw('COMMIT'));
  } catch (error) {
    await db.run(raw('ROLLBACK'));
    throw error;
  }
}

/**
 * Moves 纳税人名称 out of the `extra` of `table`'s rows (kept so by an earlier version) into
 * `tax_names` and `name_id`, leaving the other extra cells (NULL when none is left, as an import
 * of the same file now writes them, so the merge compares them equal).
 */
export async function moveTaxNames(db: Db, table: string): Promise<void> {
  await db.run(createNames);
  const target = ident(table);
  const key = sql`${TAX_NAME_HEADER}`;
  const value = sql`extra[${key}]`;
  const rest = sql`CASE WHEN cardinality(extra) = 1 THEN NULL
    ELSE map_from_entries(list_filter(map_entries(extra), e -> e.key <> ${key})) END`;
  await registerTaxNames(db, target, value);
  await db.run(sql`UPDATE ${target} AS t SET name_id = n.id, extra = ${rest}
    FROM ${names} AS n WHERE n.credit_code = t.credit_code AND n.name = t.${value}`);
  // An empty name cell: no id, the key still goes.
  await db.run(sql`UPDATE ${target} SET extra = ${rest} WHERE map_contains(extra, ${key})`);
}

/**
 * The database's tables, created from the data contract (schema.ts). Every row also keeps where it
 * came from (file and row, so a figure can be traced back to the export) and the file's extra
 * columns (序号, 备注 …), which DOMAIN.md says are kept; a tax row's 纳税人名称 is kept once per
 * enterprise and name in `tax_names` (./taxNames.ts).
 */
import { ident, joinSql, raw, sql, textLiteral, type Db, type Sql } from '../db';
import { restoreSnapshot } from '../db/snapshot';
import { ensureRollups } from './rollups';
import { TABLES, type Column, type Table } from './schema';
import { ensureTaxNames, keepsTaxNames, moveTaxNames, TAX_NAMES } from './taxNames';

/** The tables of data a snapshot (the sample's, a published dataset) carries: the contract's and the names. */
export const DATA_TABLES: readonly string[] = [...TABLES.map((t) => t.name), TAX_NAMES];

/**
 * Money is exact (DOMAIN.md "Money is exact"): DECIMAL, never DOUBLE, so a building at exactly
 * 100,000,000.00 元 is a 亿元楼宇 whatever order its rows are summed in. Amounts in 元 keep cents;
 * columns kept in 万元 or 亿元 keep six places, enough for a value given in 元 (÷ 10,000) to stay exact.
 * DECIMAL(18, …) is a 64-bit integer inside DuckDB (measured at 1M rows: parsing as fast as DOUBLE,
 * sums exact); DECIMAL(38, …) is 128-bit and parses 50× slower, so it is never a column type.
 */
export const MONEY_YUAN = 'DECIMAL(18,2)';
export const MONEY_WAN = 'DECIMAL(18,6)';

export function columnType(column: Column): string {
  switch (column.kind.type) {
    case 'date':
    case 'month':
      return 'DATE';
    case 'year':
    case 'integer':
      return 'INTEGER';
    case 'boolean':
      return 'BOOLEAN';
    case 'money':
      return column.kind.unit === '元' ? MONEY_YUAN : MONEY_WAN;
    case 'area':
    case 'number':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

/** A column's default (schema.ts) as a SQL literal of its type. */
export function defaultValue(column: Column): Sql | undefined {
  if (column.default === undefined) return undefined;
  return sql`CAST(${textLiteral(column.default)} AS ${raw(columnType(column))})`;
}

function createTable(table: Table): Sql {
  const columns = table.columns.map((c) => sql`${ident(c.name)} ${raw(columnType(c))}`);
  // Tax rows point to their taxpayer's name (./taxNames.ts); last, as a table of an earlier version gets it.
  const nameId = keepsTaxNames(table) ? raw(', name_id INTEGER') : raw('');
  return sql`CREATE TABLE IF NOT EXISTS ${ident(table.name)} (
    ${joinSql(columns)}, source_file VARCHAR, source_row INTEGER, extra MAP(VARCHAR, VARCHAR)${nameId})`;
}

/**
 * Creates the tables that are missing and brings tables kept from an earlier version up to date,
 * with their rollups (./rollups.ts).
 */
export async function createTables(db: Db): Promise<void> {
  for (const table of TABLES) await db.run(createTable(table));
  await upgradeTables(db);
  await ensureTaxNames(db);
  await ensureRollups(db);
}

/**
 * A snapshot's data (the sample's, a published dataset's) into new tables of `db`. A dataset
 * published by an earlier version has no tax_names: its tax rows keep 纳税人名称 in their extra,
 * which is moved out as for stored data. (The rollups are the caller's: see src/app/useData.ts.)
 */
export async function restoreData(db: Db, snapshot: { file: Uint8Array; wal?: Uint8Array }): Promise<void> {
  await createTables(db);
  const missing = await restoreSnapshot(db, snapshot, DATA_TABLES);
  if (missing.includes(TAX_NAMES)) await moveTaxNames(db, 'tax');
}

/**
 * Data kept in the browser by an earlier version has money as DOUBLE and may have empty defaulted
 * cells (a blank 指标, a blank 是否市外经营): the money is rounded to the cent into DECIMAL, and the
 * defaults are filled, so keys compare as DOMAIN.md says. Money as DOUBLE in the tax table is what
 * marks such data: one DESCRIBE (the binder's answer, no table statistics read) when there is
 * nothing to do.
 */
async function upgradeTables(db: Db): Promise<void> {
  const tax = await db.query<{ column_name: string; column_type: string }>(sql`DESCRIBE tax`);
  if (tax.find((c) => c.column_name === 'amount')?.column_type === MONEY_YUAN) return;
  for (const table of TABLES) {
    const types = await db.query<{ column_name: string; column_type: string }>(
      sql`DESCRIBE ${ident(table.name)}`,
    );
    for (const column of table.columns) {
      const found = types.find((t) => t.column_name === column.name)?.column_type;
      if (found !== undefined && found !== columnType(column)) {
        await db.run(
          sql`ALTER TABLE ${ident(table.name)} ALTER ${ident(column.name)} TYPE ${raw(columnType(column))}`,
        );
      }
      const value = defaultValue(column);
      if (value) {
        await db.run(
          sql`UPDATE ${ident(table.name)} SET ${ident(column.name)} = ${value} WHERE ${ident(column.name)} IS NULL`,
        );
      }
    }
  }
}

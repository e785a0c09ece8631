/**
 * The database's tables, created from the data contract (schema.ts). Every row also keeps where it
 * came from (file and row, so a figure can be traced back to the export) and the file's extra
 * columns (序号, 备注 …), which DOMAIN.md says are kept.
 */
import { ident, joinSql, raw, sql, type Db, type Sql } from '../db';
import { TABLES, type Column, type Table } from './schema';

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
    case 'area':
    case 'number':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

function createTable(table: Table): Sql {
  const columns = table.columns.map((c) => sql`${ident(c.name)} ${raw(columnType(c))}`);
  return sql`CREATE TABLE IF NOT EXISTS ${ident(table.name)} (
    ${joinSql(columns)}, source_file VARCHAR, source_row INTEGER, extra MAP(VARCHAR, VARCHAR))`;
}

export async function createTables(db: Db): Promise<void> {
  for (const table of TABLES) await db.run(createTable(table));
}

/** Header text taken from the data contract (src/domain/schema.ts), so the files match the importer. */
import { tableByName, type TableName } from '../../src/domain/schema';

/** The column's `alt`-th accepted header (0 = canonical Chinese), with a unit suffix like （万元）. */
export function header(
  table: TableName,
  column: string,
  options: { unit?: string; alt?: number } = {},
): string {
  const col = tableByName(table).columns.find((c) => c.name === column);
  if (!col) throw new Error(`${table} has no column ${column}`);
  const text = col.headers[options.alt ?? 0];
  if (text === undefined) throw new Error(`${table}.${column} has no header #${options.alt}`);
  return options.unit ? `${text}（${options.unit}）` : text;
}

/**
 * The tables that keep what undoing an import needs (see history.ts), named here so the commit can
 * write them inside its own transaction and the history can read and drop them.
 */
import { ident, sql, type Db, type Sql } from '../db';

export const LOG = 'import_history';
export const STATE_PREFIX = 'history_before_';
export const KEYS_PREFIX = 'history_keys_';

/** The rows of `table` an import replaced (or, for a full copy, the whole table before it). */
export const stateTable = (id: number, table: string): Sql => ident(`${STATE_PREFIX}${id}_${table}`);
/** The name of the table of the replacement keys an import wrote to `table`. */
export const keysTableName = (id: number, table: string): string => `${KEYS_PREFIX}${id}_${table}`;
export const keysTable = (id: number, table: string): Sql => ident(keysTableName(id, table));

/**
 * Whether an import is recorded in `catalog` (default: the one in use). The data shown is the sample
 * exactly when none is: undoing the first import brings the sample back. Reads only, so opening a
 * stored file to ask writes nothing. The table is asked directly: looking it up in duckdb_tables()
 * first reads every table's statistics (~0.5 s on a stored million-row tax table, on each open).
 */
export async function hasImports(db: Db, catalog?: string): Promise<boolean> {
  const table = catalog ? sql`${ident(catalog)}.main.${ident(LOG)}` : ident(LOG);
  try {
    const [row] = await db.query<{ any: boolean }>(sql`SELECT EXISTS (FROM ${table}) AS any`);
    return row?.any === true;
  } catch (error) {
    // No history yet (the sample, a new file): no import recorded.
    if (/import_history does not exist/i.test(String(error))) return false;
    throw error;
  }
}

/**
 * The tables that keep what undoing an import needs (see history.ts), named here so the commit can
 * write them inside its own transaction and the history can read and drop them.
 */
import { ident, type Sql } from '../db';

export const LOG = 'import_history';
export const STATE_PREFIX = 'history_before_';
export const KEYS_PREFIX = 'history_keys_';

/** The rows of `table` an import replaced (or, for a full copy, the whole table before it). */
export const stateTable = (id: number, table: string): Sql => ident(`${STATE_PREFIX}${id}_${table}`);
/** The name of the table of the replacement keys an import wrote to `table`. */
export const keysTableName = (id: number, table: string): string => `${KEYS_PREFIX}${id}_${table}`;
export const keysTable = (id: number, table: string): Sql => ident(keysTableName(id, table));

/**
 * Import history and rollback. Each commit keeps, in its own transaction, what undoing it needs and
 * its line in `import_history` with its files (and their SHA-256 checksums) and counts (commit.ts
 * writes the state, as only the merge knows which keys it changed). Undo returns to the state before
 * the last import; rollback to the state before any recorded import, forgetting it and every later
 * one. The history is ordinary tables of the database, so it is saved wherever the data is saved.
 *
 * What is kept per import and table (`history_before_<id>_<table>`):
 * - A table whose replacement key always has a value (tax: enterprise, month and tax type;
 *   enterprises: the credit code …) keeps only the rows the import replaced, and the keys it wrote
 *   (`history_keys_<id>_<table>`; keys whose rows came in unchanged are neither). Undo deletes the
 *   rows of those keys and puts the replaced rows back. A monthly tax import on millions of kept
 *   rows thus keeps one month, not the whole table.
 * - Any other table (a key that may be empty, or a whole dataset replacing everything) keeps a
 *   full copy; undo puts the copy back.
 * Undos are applied newest first, so each one meets the table as its import left it.
 */
import { ident, joinSql, raw, sql, type Db } from '../db';
import { rollupChange } from '../domain/rollupChange';
import { TABLES, type TableName } from '../domain/schema';
import { KEYS_PREFIX, LOG, STATE_PREFIX, keysTable, keysTableName, stateTable } from './historyTables';

// Here for the callers that read and undo the history; it lives with the table names so the page's
// first screen can ask it without loading the importer.
export { hasImports } from './historyTables';
import type { ImportReport, PreparedImport } from './importFiles';
export { fileChecksum } from './checksum';

export interface HistoryEntry {
  id: number;
  /** ISO time of the commit. */
  at: string;
  files: { name: string; sha256: string; table: string; rows: number; rejected: number }[];
  committed: ImportReport['committed'];
}

/**
 * States are kept for the newest imports only, and each holds only what its import changed, so
 * memory and storage stay bounded on large data (a monthly tax import keeps the month it replaced).
 */
export const KEPT_STATES = 5;

async function ensureHistory(db: Db) {
  await db.run(
    sql`CREATE TABLE IF NOT EXISTS ${ident(LOG)} (id INTEGER PRIMARY KEY, committed_at VARCHAR, entry VARCHAR)`,
  );
}

/** Puts one table back as it was before import `id` (given it is as that import left it). */
async function undoTable(db: Db, id: number, name: TableName, keyed: boolean) {
  const target = ident(name);
  if (keyed) {
    // Matched on the key table's own columns: a tax state kept by an earlier version holds
    // enterprise-months, without the tax type.
    const columns = await db.query<{ name: string }>(
      sql`SELECT column_name AS name FROM information_schema.columns
          WHERE table_catalog = current_database() AND table_name = ${keysTableName(id, name)}`,
    );
    const match = joinSql(
      columns.map((c) => sql`t.${ident(c.name)} = k.${ident(c.name)}`),
      ' AND ',
    );
    await db.run(sql`DELETE FROM ${target} AS t USING ${keysTable(id, name)} AS k WHERE ${match}`);
  } else {
    await db.run(sql`DELETE FROM ${target}`);
  }
  await db.run(sql`INSERT INTO ${target} SELECT * FROM ${stateTable(id, name)}`);
}

/**
 * Commits a prepared import with what undoing it needs and its line in the log, all in the import's
 * one transaction. `checksums` (file name → SHA-256, see `fileChecksum`) are taken before the import:
 * the engine takes the files' bytes over.
 */
export async function commitWithHistory(
  db: Db,
  prepared: PreparedImport,
  checksums: Readonly<Record<string, string>>,
): Promise<{ report: ImportReport; entry: HistoryEntry }> {
  await ensureHistory(db);
  const [{ next }] = (await db.query<{ next: number }>(
    sql`SELECT coalesce(max(id), 0) + 1 AS next FROM ${ident(LOG)}`,
  )) as [{ next: number }];
  let entry: HistoryEntry | undefined;
  try {
    const report = await prepared.commit({
      historyId: next,
      beforeCommit: async (committed) => {
        entry = {
          id: next,
          at: new Date().toISOString(),
          files: prepared.files.map((f) => ({
            name: f.file,
            sha256: checksums[f.file] ?? '',
            table: f.table,
            rows: f.rowsRead,
            rejected: f.rejectedRows,
          })),
          committed,
        };
        await db.run(sql`INSERT INTO ${ident(LOG)} VALUES (${next}, ${entry.at}, ${JSON.stringify(entry)})`);
      },
    });
    await forgetOldStates(db, next);
    return { report, entry: entry! };
  } catch (error) {
    // Rolled back with the import; tables a failed statement left outside it are dropped too.
    await dropState(db, next);
    throw error;
  }
}

/** Newest first. */
export async function importHistory(db: Db): Promise<(HistoryEntry & { restorable: boolean })[]> {
  await ensureHistory(db);
  const rows = await db.query<{ entry: string }>(sql`SELECT entry FROM ${ident(LOG)} ORDER BY id DESC`);
  const kept = await keptStates(db);
  return rows.map((r) => {
    const entry = JSON.parse(r.entry) as HistoryEntry;
    return { ...entry, restorable: kept.has(entry.id) };
  });
}

/**
 * Restores the tables as they were before import `id`, and forgets it and every later import: the
 * later imports are undone newest first, in one transaction.
 */
export async function rollbackTo(db: Db, id: number): Promise<void> {
  const states = await keptStates(db);
  if (!states.has(id)) throw new Error(`第 ${id} 次导入之前的状态已不再保留，无法回滚`);
  const later = [...states.keys()].filter((s) => s >= id).sort((a, b) => b - a);
  const keyed = await keptKeys(db);
  const rollups = rollupChange(db);
  await db.run(raw('BEGIN TRANSACTION'));
  try {
    for (const state of later)
      for (const name of states.get(state)!) {
        const byKeys = keyed.has(`${state}_${name}`);
        await undoTable(db, state, name as TableName, byKeys);
        // The keys written, deleted now; the replaced rows put back are of some of them.
        await rollups.changed(name as TableName, byKeys ? keysTable(state, name) : undefined);
      }
    await rollups.apply();
    await db.run(sql`DELETE FROM ${ident(LOG)} WHERE id >= ${id}`);
    await db.run(raw('COMMIT'));
  } catch (error) {
    await db.run(raw('ROLLBACK'));
    throw error;
  }
  for (const state of later) await dropState(db, state);
}

/** Undoes the newest import. */
export async function undoLast(db: Db): Promise<void> {
  const [last] = await importHistory(db);
  if (!last) throw new Error('没有可撤销的导入');
  await rollbackTo(db, last.id);
}

/** Forgets every recorded import and kept state (after a reset to the sample data). */
export async function clearHistory(db: Db): Promise<void> {
  await ensureHistory(db);
  for (const state of (await keptStates(db)).keys()) await dropState(db, state);
  await db.run(sql`DELETE FROM ${ident(LOG)}`);
}

/** Kept states: import id → the tables its state holds. */
async function keptStates(db: Db): Promise<Map<number, Set<string>>> {
  const rows = await db.query<{ name: string }>(
    sql`SELECT table_name AS name FROM duckdb_tables()
        WHERE database_name = current_database() AND starts_with(table_name, ${STATE_PREFIX})`,
  );
  const states = new Map<number, Set<string>>();
  for (const { name } of rows) {
    const [id, ...table] = name.slice(STATE_PREFIX.length).split('_');
    const tables = states.get(Number(id)) ?? new Set<string>();
    tables.add(table.join('_'));
    states.set(Number(id), tables);
  }
  return states;
}

/** `<id>_<table>` of the states that keep replaced rows and keys. */
async function keptKeys(db: Db): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>(
    sql`SELECT table_name AS name FROM duckdb_tables()
        WHERE database_name = current_database() AND starts_with(table_name, ${KEYS_PREFIX})`,
  );
  return new Set(rows.map((r) => r.name.slice(KEYS_PREFIX.length)));
}

async function forgetOldStates(db: Db, newest: number) {
  for (const state of (await keptStates(db)).keys())
    if (state <= newest - KEPT_STATES) await dropState(db, state);
}

async function dropState(db: Db, id: number) {
  for (const t of TABLES) {
    await db.run(sql`DROP TABLE IF EXISTS ${stateTable(id, t.name)}`);
    await db.run(sql`DROP TABLE IF EXISTS ${keysTable(id, t.name)}`);
  }
}

/**
 * A snapshot is a DuckDB database file holding the dashboard's tables. The build writes one of the
 * sample data (so opening the app does not re-run the importer over 8 MB of exports on every visit),
 * and the browser copies it into its in-memory database in one statement per table.
 *
 * DuckDB-Wasm's Node build writes the data blocks but does not checkpoint into the file (CHECKPOINT
 * returns without writing the header), so a snapshot is the file together with its write-ahead log,
 * which DuckDB replays when the file is attached.
 */
import { ident, raw, sql } from './sql';
import type { Db } from './types';

const ALIAS = 'snapshot';

/** Writes `tables` of `db` into a new DuckDB file at `path` (Node: a real path). */
export async function writeSnapshot(db: Db, path: string, tables: readonly string[]): Promise<void> {
  await db.run(sql`ATTACH ${raw(quoted(path))} AS ${ident(ALIAS)}`);
  try {
    for (const table of tables) {
      await db.run(sql`CREATE TABLE ${ident(ALIAS)}.${ident(table)} AS SELECT * FROM ${ident(table)}`);
    }
  } finally {
    await db.run(sql`DETACH ${ident(ALIAS)}`);
  }
}

/**
 * Copies the snapshot's `tables` into the (already created, empty) tables of `db`, in one
 * transaction, so a failure leaves them empty rather than half filled. Returns the tables the
 * snapshot does not have (one written by an earlier version), which are left empty.
 */
export async function restoreSnapshot(
  db: Db,
  snapshot: { file: Uint8Array; wal?: Uint8Array },
  tables: readonly string[],
): Promise<string[]> {
  const file = `${ALIAS}.duckdb`;
  await db.registerFile(file, snapshot.file);
  if (snapshot.wal) await db.registerFile(`${file}.wal`, snapshot.wal);
  await db.run(sql`ATTACH ${raw(quoted(file))} AS ${ident(ALIAS)} (READ_ONLY)`);
  try {
    const present = await db.query<{ name: string }>(
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_catalog = ${ALIAS}`,
    );
    const missing = tables.filter((t) => !present.some((p) => p.name === t));
    await db.run(sql`BEGIN TRANSACTION`);
    try {
      for (const table of tables) {
        if (missing.includes(table)) continue;
        await db.run(sql`INSERT INTO ${ident(table)} BY NAME SELECT * FROM ${ident(ALIAS)}.${ident(table)}`);
      }
      await db.run(sql`COMMIT`);
      return missing;
    } catch (error) {
      await db.run(sql`ROLLBACK`);
      throw error;
    }
  } finally {
    await db.run(sql`DETACH ${ident(ALIAS)}`);
    await db.dropFile(file);
    if (snapshot.wal) await db.dropFile(`${file}.wal`);
  }
}

/** A file path as a SQL string literal; paths come from code and the build, never from data. */
function quoted(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

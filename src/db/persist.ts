/**
 * What the user imported survives a reload and a browser restart: a DuckDB database file in the
 * browser's origin-private file system (OPFS: `hq_dashboard.duckdb` and its `.wal`). Measured against
 * Arrow IPC and DuckDB-file bytes in IndexedDB in docs/PERSISTENCE.md (scripts/bench-persist.ts): the
 * OPFS file reopens without reading the data, and a save writes only what changed (a CHECKPOINT).
 *
 * - No file yet (a first visit, or after a reset): nothing is opened or written; the sample goes into
 *   the in-memory database as before, so the first visit opens as fast as it did.
 * - The first save creates the file, attaches it as the catalog `hq_dashboard`, copies the in-memory
 *   tables into it in one transaction, makes it the default catalog (`USE`) and frees the in-memory
 *   copies. Later imports write straight into the file; a save is then a CHECKPOINT.
 * - A file exists: the database is opened on it, with an in-memory catalog `mem` attached for the
 *   sample in case the file holds no imported data.
 * - OPFS access handles are exclusive: a second tab cannot open or create the file. It gets an
 *   in-memory database and `problem` (or, on saving, a `PersistError`) saying why.
 *
 * DuckDB-Wasm 1.32 refuses to ATTACH an `opfs://` file it has just created ("exists, but it is not a
 * valid DuckDB database file": the new file is 0 bytes), so a new file is first given the bytes of an
 * empty database (emptyDatabase.ts).
 */
import { DuckDBAccessMode, DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import { browserEngine, type BrowserEngine } from './browser';
import { emptyDatabaseFile } from './emptyDatabase';
import { roomForImport, storageHasRoom } from './storageFull';
import { ident, raw, sql } from './sql';
import type { Db } from './types';

const NAME = 'hq_dashboard';
const FILE_NAME = `${NAME}.duckdb`;
const FILE = `opfs://${FILE_NAME}`;
/** The in-memory catalog next to an opened file: the sample, or an import not yet saved. */
const MEM = 'mem';
const META = 'hq_persisted';
/** A reload terminates the old page's worker; its file locks are released a moment later. */
const LOCK_RETRIES = [100, 250, 500, 1000];
const MB = 1024 ** 2;

export interface PersistentDb {
  db: Db;
  /** The stored file holds imported data, now the default catalog. */
  hasData: boolean;
  /** Saving can work in this tab; when false, `problem` says why (in Chinese, for the user). */
  persistent: boolean;
  problem?: string;
  /** When the stored data was last saved (ISO), if there is any. */
  savedAt?: string;
}

/** An error whose message is meant for the user. */
export class PersistError extends Error {
  constructor(
    message: string,
    readonly kind: 'locked' | 'unavailable' | 'quota' | 'failed',
  ) {
    super(message);
    this.name = 'PersistError';
  }
}

/** Where this page stands: the stored catalog once the file is open, or why it cannot be. */
type State = { stored?: string; problem?: string };
let opened: Promise<State> | undefined;

/**
 * Starts the page's engine, on the stored file when there is one. Never rejects for a storage
 * problem: then the database is in memory and `problem` says why nothing will be saved. The default
 * catalog is the stored one when it holds imported data (`hasData`), else an empty in-memory one,
 * ready for the sample.
 */
export async function openPersistentDb(): Promise<PersistentDb> {
  const engine = await browserEngine();
  opened ??= openStored(engine);
  const state = await opened;
  const { db } = engine;
  if (state.problem) return { db, hasData: false, persistent: false, problem: state.problem };
  if (!state.stored) return { db, hasData: false, persistent: true };
  const meta = await readMeta(db, state.stored);
  const hasData = meta.source === 'imported';
  await db.run(sql`USE ${ident(hasData ? state.stored : MEM)}`);
  return { db, hasData, persistent: true, ...(meta.savedAt ? { savedAt: meta.savedAt } : {}) };
}

async function openStored(engine: BrowserEngine): Promise<State> {
  let size: number;
  try {
    size = await storedFileSize();
  } catch (error) {
    return { problem: toPersistError(error).message };
  }
  if (size === 0) return {};
  try {
    await withLockRetries(engine, () =>
      engine.reopen({ path: FILE, accessMode: DuckDBAccessMode.READ_WRITE }),
    );
    await engine.db.run(sql`ATTACH ':memory:' AS ${ident(MEM)}`);
    return { stored: NAME };
  } catch (error) {
    // Back to a plain in-memory database, the app's path before persistence existed.
    await engine.reopen({});
    return { problem: toPersistError(error).message };
  }
}

/**
 * The stored file's size, 0 when there is none. Where OPFS is missing (an old browser, some private
 * modes) or refused, a `PersistError` of kind 'unavailable'.
 */
async function storedFileSize(): Promise<number> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) {
    throw new PersistError(MESSAGES.unavailable, 'unavailable');
  }
  const root = await navigator.storage.getDirectory();
  let handle: FileSystemFileHandle;
  try {
    handle = await root.getFileHandle(FILE_NAME);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return 0;
    throw error;
  }
  try {
    return (await handle.getFile()).size;
  } catch {
    // Unreadable while another page holds it: opening it tells which.
    return 1;
  }
}

/**
 * Makes what was just committed durable. Call after every successful import commit. Rejects with a
 * `PersistError` (quota full, storage unavailable, another tab) whose message can be shown as it is;
 * the data in the page is unchanged then, and the stored data is what was saved before.
 */
export async function saveAfterCommit(db: Db): Promise<void> {
  const engine = await browserEngine();
  opened ??= openStored(engine);
  const state = await opened;
  if (state.problem) throw new PersistError(state.problem, 'unavailable');
  try {
    const stored = await makeStoredCurrent(engine, db, state);
    await writeMeta(db, stored);
    await db.run(sql`CHECKPOINT ${ident(stored)}`);
  } catch (error) {
    const full = !(await storageHasRoom(MB));
    throw full ? new PersistError(MESSAGES.quota, 'quota') : toPersistError(error);
  }
}

/**
 * Call before an import's commit. The first import of a page showing the sample writes straight
 * into the stored file: the (small) sample tables are moved there first, instead of the imported
 * rows after (measured with a 1M-row file: the first save no longer copies the million rows). The
 * file is not marked as holding imported data until `saveAfterCommit`, so a failed commit leaves a
 * reload showing the sample. Where storage is unavailable, nothing happens and the import stays in
 * memory; `saveAfterCommit` then says why. Rejects with a `PersistError` when the storage has no
 * room for the import (`fileBytes`: the size of its files), before anything is written.
 */
export async function storeBeforeCommit(db: Db, fileBytes: number): Promise<void> {
  const engine = await browserEngine();
  opened ??= openStored(engine);
  const state = await opened;
  if (state.problem) return;
  // Refused before anything is written: a write that runs out of room can break the engine.
  if (!(await storageHasRoom(roomForImport(fileBytes))))
    throw new PersistError(MESSAGES.quotaOnCommit, 'quota');
  try {
    await makeStoredCurrent(engine, db, state);
  } catch {
    // Left to saveAfterCommit, which tries again after the commit and reports what failed.
  }
}

/** The stored file attached (created when there is none) and its catalog the one in use. */
async function makeStoredCurrent(engine: BrowserEngine, db: Db, state: State): Promise<string> {
  if (!state.stored) {
    await attachNewFile(engine);
    state.stored = NAME;
  }
  const current = await currentCatalog(db);
  if (current !== state.stored) await moveIntoStore(db, current, state.stored);
  return state.stored;
}

/**
 * What to tell the user when an import's commit failed. Once the data is kept on OPFS the commit
 * writes into the file, so a full storage fails the commit itself (rolled back, nothing changed).
 */
export async function commitFailureMessage(error: unknown): Promise<string> {
  if (error instanceof PersistError) return error.message;
  const state = opened ? await opened : {};
  if (state.stored && !(await storageHasRoom(MB))) return MESSAGES.quotaOnCommit;
  const text = error instanceof Error ? error.message : String(error);
  // A trap inside the engine (seen when a write failed): what it answers next cannot be trusted.
  if (/RuntimeError|null function|unreachable/i.test(text)) return `${MESSAGES.engineBroken}（${text}）`;
  return text;
}

/**
 * Forgets the stored data and leaves an empty in-memory database as the default catalog: the caller
 * then loads the sample into it. The file is deleted, so the next visit opens like a first one.
 */
export async function clearPersisted(db: Db): Promise<void> {
  const engine = await browserEngine();
  const state = opened ? await opened : {};
  if (!state.stored) {
    await dropTables(db, await currentCatalog(db));
    return;
  }
  try {
    // Emptied first, so a file that cannot be deleted below holds nothing to show.
    await db.run(sql`USE ${ident(MEM)}`);
    await dropTables(db, state.stored);
    await db.run(sql`CHECKPOINT ${ident(state.stored)}`);
  } catch (error) {
    throw toPersistError(error);
  }
  await engine.reopen({});
  delete state.stored;
  await engine.engine.dropFile(FILE).catch(() => undefined);
  await engine.engine.dropFile(`${FILE}.wal`).catch(() => undefined);
  const root = await navigator.storage.getDirectory();
  for (const name of [FILE_NAME, `${FILE_NAME}.wal`]) await root.removeEntry(name).catch(() => undefined);
}

/** Creates the file (an empty database's bytes, see emptyDatabase.ts) and attaches it as `NAME`. */
async function attachNewFile(engine: BrowserEngine): Promise<void> {
  const { db } = engine;
  const root = await navigator.storage.getDirectory();
  if ((await storedFileSize()) === 0) {
    const writable = await (await root.getFileHandle(FILE_NAME, { create: true })).createWritable();
    await writable.write(new Uint8Array(emptyDatabaseFile()));
    await writable.close();
  }
  // Registered as handles with direct IO, as `open({ path: 'opfs://…' })` does: registering by name
  // leaves the still empty WAL unregistered, and the first commit fails ("File is not opened in
  // write mode").
  await withLockRetries(engine, async () => {
    for (const name of [FILE_NAME, `${FILE_NAME}.wal`]) {
      const handle = await root.getFileHandle(name, { create: true });
      await engine.engine.registerFileHandle(
        `opfs://${name}`,
        handle,
        DuckDBDataProtocol.BROWSER_FSACCESS,
        true,
      );
    }
  });
  await db.run(sql`ATTACH ${raw(`'${FILE}'`)} AS ${ident(NAME)} (READ_WRITE)`);
}

/** The user-facing message for any error of persistence. */
export function persistenceMessage(error: unknown): string {
  return toPersistError(error).message;
}

const MESSAGES = {
  locked:
    '数据已在另一个标签页中打开：同一时间只能有一个标签页保存数据。请关闭其他标签页后刷新本页；在此之前本页显示样例数据，导入的内容不会保存。',
  unavailable:
    '浏览器不允许本页保存数据（可能处于隐私/无痕模式，或存储被禁用）：本页的数据只在关闭前有效，刷新后需要重新导入。',
  quota: '浏览器存储空间已满，数据未能保存：请清理浏览器的网站数据后重试。之前保存的数据没有改动。',
  engineBroken: '数据库引擎出错，本次导入没有完成：请刷新页面后重试。已保存的数据没有改动。',
  quotaOnCommit:
    '浏览器存储空间已满，本次导入没有写入：请清理浏览器的网站数据，或回滚不再需要的导入后重试。之前的数据没有改动。',
  failed: '数据保存失败',
};

function toPersistError(error: unknown): PersistError {
  if (error instanceof PersistError) return error;
  const text = errorText(error);
  if (isLocked(text)) return new PersistError(MESSAGES.locked, 'locked');
  if (/quota|no space|disk full|ENOSPC/i.test(text)) return new PersistError(MESSAGES.quota, 'quota');
  if (/SecurityError|NotAllowedError|getDirectory|storage.*(disabled|not allowed)/i.test(text)) {
    return new PersistError(MESSAGES.unavailable, 'unavailable');
  }
  return new PersistError(`${MESSAGES.failed}：${text}`, 'failed');
}

/** Chromium's words when another page holds the file's access handle. */
function isLocked(text: string): boolean {
  return /NoModificationAllowedError|another open Access Handle|Access Handles cannot be created|InvalidStateError.*handle/i.test(
    text,
  );
}

async function withLockRetries(engine: BrowserEngine, open: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      const wait = LOCK_RETRIES[attempt];
      if (!isLocked(errorText(error)) || wait === undefined) throw error;
      // Release whatever half was opened before trying again.
      await engine.engine.dropFile(FILE).catch(() => undefined);
      await engine.engine.dropFile(`${FILE}.wal`).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Copies every table of `from` into the stored catalog, atomically, then makes it the default. */
async function moveIntoStore(db: Db, from: string, stored: string): Promise<void> {
  const tables = await tablesOf(db, from);
  await db.run(sql`BEGIN TRANSACTION`);
  try {
    await dropTables(db, stored);
    for (const table of tables) {
      await db.run(
        sql`CREATE TABLE ${ident(stored)}.main.${ident(table)} AS SELECT * FROM ${ident(from)}.main.${ident(table)}`,
      );
    }
    await db.run(sql`COMMIT`);
  } catch (error) {
    await db.run(sql`ROLLBACK`).catch(() => undefined);
    throw error;
  }
  await db.run(sql`USE ${ident(stored)}`);
  // The stored copy is now the data; the in-memory one would only take memory.
  await dropTables(db, from);
}

/** Drops the catalog's tables (the bookkeeping table included). */
async function dropTables(db: Db, catalog: string): Promise<void> {
  for (const table of await tablesOf(db, catalog)) {
    await db.run(sql`DROP TABLE ${ident(catalog)}.main.${ident(table)}`);
  }
}

async function tablesOf(db: Db, catalog: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    sql`SELECT table_name AS name FROM duckdb_tables()
        WHERE database_name = ${catalog} AND schema_name = 'main' AND NOT temporary ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

async function currentCatalog(db: Db): Promise<string> {
  const [row] = await db.query<{ name: string }>(sql`SELECT current_database() AS name`);
  return row?.name ?? 'memory';
}

function metaTable(stored: string) {
  return sql`${ident(stored)}.main.${ident(META)}`;
}

/** What the file says of itself; a file without the table (never saved to) says nothing. */
async function readMeta(db: Db, stored: string): Promise<{ source?: string; savedAt?: string }> {
  // Creating the table when missing is cheaper than asking the catalog whether it exists.
  await db.run(sql`CREATE TABLE IF NOT EXISTS ${metaTable(stored)} (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  const rows = await db.query<{ key: string; value: string }>(
    sql`SELECT key, value FROM ${metaTable(stored)}`,
  );
  const get = (key: string) => rows.find((r) => r.key === key)?.value;
  const source = get('source');
  const savedAt = get('saved_at');
  return { ...(source ? { source } : {}), ...(savedAt ? { savedAt } : {}) };
}

async function writeMeta(db: Db, stored: string): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS ${metaTable(stored)} (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  await db.run(
    sql`INSERT OR REPLACE INTO ${metaTable(stored)} VALUES ('source', 'imported'), ('saved_at', ${new Date().toISOString()})`,
  );
}

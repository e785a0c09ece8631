/**
 * What the user imported survives a reload and a browser restart: a DuckDB database file (in the
 * browser, `hq_dashboard.duckdb` and its `.wal` on OPFS, opfs.ts; in Node, a file in a folder,
 * node.ts) ATTACHed beside the engine's in-memory database. Measurements and reasons:
 * docs/PERSISTENCE.md. This module is the state machine only; where the file lives is a
 * `StoredFile`, so every transition runs in Node on the real engine (test/persist.test.ts).
 *
 *   memory ──beforeImport/afterChange──► stored ──reset──► memory
 *     ▲  open: no file, or a file without a recorded import (deleted) │
 *     └──────────────────────────────────────────────────────────────┘ open: a file with imports
 *   unavailable: storage missing, refused, or held by another tab — the data stays in memory.
 *
 * - memory: the default catalog is the in-memory one (`memory`); nothing is written. The caller
 *   loads the sample into it (a first visit, after a reset).
 * - stored: the file is attached as `hq_dashboard` and is the default catalog of every connection.
 *   The first import moves the (small) in-memory tables there before it commits, so its rows are
 *   written once, into the file; a later change is followed by a CHECKPOINT.
 * - Whether the data is the sample is not kept here: it is the sample iff no import is recorded
 *   (`holdsImports`, given by the caller). A file holding none (its imports undone, or a commit
 *   that failed after the sample moved in) is deleted on open, and the sample shows.
 *
 * The engine is never reopened: no connection is replaced, so nothing set on one is lost.
 */
import { roomForImport } from './storageFull';
import { ident, raw, sql } from './sql';
import type { Db } from './types';

/** The stored file's catalog, and the engine's own in-memory one. */
export const STORED = 'hq_dashboard';
export const MEMORY = 'memory';
const MB = 1024 ** 2;

/** Where a stored database lives (OPFS in the browser, a folder in Node). */
export interface StoredFile {
  /** What ATTACH opens: `opfs://hq_dashboard.duckdb` in the browser, a path in Node. */
  readonly path: string;
  /** Whether a stored database exists. Rejects where storage cannot be used at all. */
  exists(): Promise<boolean>;
  /**
   * Makes the file ready to ATTACH, giving a missing one an empty database's bytes first. Rejects
   * when another tab holds it (after the retries a reload needs).
   */
  prepare(): Promise<void>;
  /** Lets go of what `prepare` took, after DETACH (or a failed ATTACH). */
  release(): Promise<void>;
  /** Deletes the database and its WAL (released before). */
  remove(): Promise<void>;
  /** Whether `bytes` more can be written. */
  hasRoom(bytes: number): Promise<boolean>;
}

export type Where = 'memory' | 'stored' | 'unavailable';

export interface Opened {
  /** The stored data (which holds imports) is the default catalog; else the empty in-memory one. */
  stored: boolean;
  /** Saving can work in this tab; when false, `problem` says why (in Chinese, for the user). */
  persistent: boolean;
  problem?: string;
}

export interface Persistence {
  /** Where the data is now. */
  where(): Where;
  /** Opens what was stored; answers the same on every call. Never rejects for storage problems. */
  open(db: Db): Promise<Opened>;
  /**
   * Before an import's commit (`fileBytes`: its files' size): the data moves into the stored file
   * if it is not there yet. Rejects with a `PersistError` when the storage has no room for the
   * import, before anything is written.
   */
  beforeImport(db: Db, fileBytes: number): Promise<void>;
  /**
   * After a commit, undo or rollback: makes it durable. Rejects with a `PersistError` whose message
   * can be shown as it is; the page's data is unchanged then, the stored data what was saved before.
   */
  afterChange(db: Db): Promise<void>;
  /** Forgets the stored data: the default catalog is the in-memory one, empty; the file is deleted. */
  reset(db: Db): Promise<void>;
  /** What to tell the user when an import's commit failed. */
  commitFailureMessage(error: unknown): Promise<string>;
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

/**
 * `holdsImports(db, catalog)`: whether an import is recorded in `catalog` (the importer's history
 * decides; this layer does not know its tables).
 */
export function createPersistence(
  file: StoredFile,
  holdsImports: (db: Db, catalog: string) => Promise<boolean>,
): Persistence {
  let where: Where = 'memory';
  let problem: string | undefined;
  let attached = false;
  let opened: Promise<Opened> | undefined;

  const unavailable = (error: unknown): Opened => {
    where = 'unavailable';
    problem = toPersistError(error).message;
    return { stored: false, persistent: false, problem };
  };

  async function attach(db: Db) {
    await file.prepare();
    try {
      await db.run(sql`ATTACH ${raw(quoted(file.path))} AS ${ident(STORED)} (READ_WRITE)`);
    } catch (error) {
      await file.release().catch(() => undefined);
      throw error;
    }
    attached = true;
  }

  async function detach(db: Db) {
    if (!attached) return;
    await db.run(sql`DETACH ${ident(STORED)}`);
    attached = false;
    await file.release();
  }

  /** The data moved into the stored file (attached, created when missing), now the default. */
  async function store(db: Db) {
    if (!attached) await attach(db);
    await copyTables(db, MEMORY, STORED);
    await db.use(STORED);
    where = 'stored';
    // The stored copy is now the data; the in-memory one would only take memory.
    await dropTables(db, MEMORY);
  }

  async function openStored(db: Db): Promise<Opened> {
    let exists: boolean;
    try {
      exists = await file.exists();
    } catch (error) {
      return unavailable(error);
    }
    if (!exists) return { stored: false, persistent: true };
    try {
      await attach(db);
    } catch (error) {
      return unavailable(error);
    }
    try {
      if (await holdsImports(db, STORED)) {
        await db.use(STORED);
        where = 'stored';
        return { stored: true, persistent: true };
      }
      // Nothing imported is kept there: the sample shows, and the next import starts a new file.
      await detach(db);
      await file.remove();
      return { stored: false, persistent: true };
    } catch (error) {
      await detach(db).catch(() => undefined);
      return unavailable(error);
    }
  }

  function mustBeOpen() {
    if (!opened) throw new Error('persistence used before open()');
    return opened;
  }

  return {
    where: () => where,
    open(db) {
      opened ??= openStored(db);
      return opened;
    },
    async beforeImport(db, fileBytes) {
      await mustBeOpen();
      if (where === 'unavailable') return;
      // Refused before anything is written: a write that runs out of room can break the engine.
      if (!(await file.hasRoom(roomForImport(fileBytes)))) {
        throw new PersistError(MESSAGES.quotaOnCommit, 'quota');
      }
      if (where === 'memory') {
        // Left to afterChange when it fails: it tries again after the commit and says what failed.
        await store(db).catch(() => undefined);
      }
    },
    async afterChange(db) {
      await mustBeOpen();
      if (where === 'unavailable') throw new PersistError(problem ?? MESSAGES.unavailable, 'unavailable');
      try {
        if (where === 'memory') await store(db);
        await db.run(sql`CHECKPOINT ${ident(STORED)}`);
      } catch (error) {
        const full = !(await file.hasRoom(MB));
        throw full ? new PersistError(MESSAGES.quota, 'quota') : toPersistError(error);
      }
    },
    async reset(db) {
      await mustBeOpen();
      try {
        if (where === 'stored') {
          await db.use(MEMORY);
          where = 'memory';
        }
        await dropTables(db, MEMORY);
        if (attached) {
          // Emptied first: a file that cannot be deleted below then holds no import, and is
          // deleted by the next open.
          await dropTables(db, STORED);
          await db.run(sql`CHECKPOINT ${ident(STORED)}`);
          await detach(db);
          await file.remove();
        }
      } catch (error) {
        throw toPersistError(error);
      }
    },
    async commitFailureMessage(error) {
      if (error instanceof PersistError) return error.message;
      if (where === 'stored' && !(await file.hasRoom(MB))) return MESSAGES.quotaOnCommit;
      const text = error instanceof Error ? error.message : String(error);
      // A trap inside the engine (seen when a write failed): what it answers next cannot be trusted.
      if (/RuntimeError|null function|unreachable/i.test(text)) return `${MESSAGES.engineBroken}（${text}）`;
      return text;
    },
  };
}

export const MESSAGES = {
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

/** The user-facing message for any error of persistence. */
export function persistenceMessage(error: unknown): string {
  return toPersistError(error).message;
}

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
export function isLocked(error: unknown): boolean {
  return /NoModificationAllowedError|another open Access Handle|Access Handles cannot be created|InvalidStateError.*handle/i.test(
    errorText(error),
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Copies every table of `from` into `to` (emptied first), in one transaction. */
async function copyTables(db: Db, from: string, to: string): Promise<void> {
  const tables = await tablesOf(db, from);
  await db.run(sql`BEGIN TRANSACTION`);
  try {
    await dropTables(db, to);
    for (const table of tables) {
      await db.run(
        sql`CREATE TABLE ${ident(to)}.main.${ident(table)} AS SELECT * FROM ${ident(from)}.main.${ident(table)}`,
      );
    }
    await db.run(sql`COMMIT`);
  } catch (error) {
    await db.run(sql`ROLLBACK`).catch(() => undefined);
    throw error;
  }
}

/** Drops the catalog's tables (the import history included). */
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

/** A path as a SQL string literal; paths come from code, never from data. */
function quoted(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

/**
 * A test page for persistence (test/browser/persist.test.ts, scripts/bench-persist.ts): the real
 * src/db/persist.ts, plus the IndexedDB candidates the benchmark compares it with. Everything is on
 * `window.harness`, driven by page.evaluate; each function answers plain data and timings (ms).
 */
import { tableToIPC } from 'apache-arrow';
import { browserEngine } from '../../../src/db/browser';
import { opfsStoredFile } from '../../../src/db/opfs';
import { createPersistence, type Persistence } from '../../../src/db/persist';
import { restoreSnapshot } from '../../../src/db/snapshot';
import { raw, sql } from '../../../src/db/sql';
import { createTables } from '../../../src/domain/ddl';
import { TABLES } from '../../../src/domain/schema';
import { commitWithHistory, hasImports } from '../../../src/ingest/history';
import { prepareImport } from '../../../src/ingest/importFiles';

const names = TABLES.map((t) => t.name);
const now = () => performance.now();

async function db() {
  return (await browserEngine()).db;
}

/** The build's sample snapshot, restored into the in-memory tables (what a first visit does). */
async function loadSample(): Promise<number> {
  const t0 = now();
  const [file, wal] = await Promise.all(
    ['sample/sample.duckdb', 'sample/sample.duckdb.wal'].map(async (u) => {
      const r = await fetch(u);
      return r.ok ? new Uint8Array(await r.arrayBuffer()) : undefined;
    }),
  );
  const d = await db();
  await createTables(d);
  await restoreSnapshot(d, { file: file!, ...(wal ? { wal } : {}) }, names);
  return now() - t0;
}

/** Replaces the tax table's rows with `rows` synthetic rows, made in SQL (an `extra` map on some). */
async function bigTax(rows: number): Promise<number> {
  const t0 = now();
  const d = await db();
  await d.run(sql`DELETE FROM tax`);
  await d.run(
    sql`INSERT INTO tax (credit_code, period, tax_type, amount, outside, local_amount, source_file, source_row, extra)
        SELECT '91330300' || lpad((i % 20000)::VARCHAR, 10, '0'),
               DATE '2019-01-01' + to_months(((i // 20000) % 81)::INTEGER),
               ['增值税', '企业所得税', '个人所得税', '其他'][(i % 4) + 1],
               round(random() * 1e6, 2), i % 7 = 0, round(random() * 4e5, 2),
               'bench.csv', i::INTEGER,
               CASE WHEN i % 10 = 0 THEN MAP {'备注': 'r' || (i % 100)} ELSE MAP {} END
        FROM range(${rows}::BIGINT) t(i)`,
  );
  return now() - t0;
}

async function firstQuery(): Promise<{ ms: number; rows: number; total: number }> {
  const t0 = now();
  const [row] = await (
    await db()
  ).query<{ rows: number; total: number }>(
    sql`SELECT count(*)::DOUBLE AS rows, round(sum(amount), 2) AS total FROM tax`,
  );
  return { ms: now() - t0, rows: row!.rows, total: row!.total };
}

/** Engine start alone (worker + wasm to a connection), the baseline no reopen can beat. */
async function engineStart(): Promise<number> {
  const t0 = now();
  await browserEngine();
  return now() - t0;
}

// ---- (a) the real mechanism: DuckDB file on OPFS ----

let keeper: Persistence | undefined;

/** The app's persistence (src/db/persist.ts) on this page's engine and OPFS. */
async function persistence(): Promise<Persistence> {
  keeper ??= createPersistence(opfsStoredFile((await browserEngine()).engine), hasImports);
  return keeper;
}

async function opfsOpen() {
  const t0 = now();
  await browserEngine();
  const t1 = now();
  const opened = await (await persistence()).open(await db());
  const t2 = now();
  return {
    engineMs: t1 - t0,
    openMs: t2 - t1,
    hasData: opened.stored,
    persistent: opened.persistent,
    problem: opened.problem ?? null,
  };
}

/**
 * Records an import (one enterprise, through the real importer and history): stored data is
 * imported data exactly when an import is recorded, so a save without one would not reopen.
 */
async function recordImport(): Promise<void> {
  const d = await db();
  const csv = '统一社会信用代码,企业名称,属地\n91330302MA2HQ0001Q,甲总部有限公司,鹿城区\n';
  const prepared = await prepareImport(d, [{ name: 'harness.csv', bytes: new TextEncoder().encode(csv) }]);
  await commitWithHistory(d, prepared, {});
}

/** An import recorded, then the save after it (timed alone). */
async function opfsSave(): Promise<number> {
  await recordImport();
  const t0 = now();
  await (await persistence()).afterChange(await db());
  return now() - t0;
}

async function opfsClear(): Promise<void> {
  await (await persistence()).reset(await db());
}

/** A later commit: one more month of `rows` tax rows, then the save. */
async function addMonth(rows: number): Promise<number> {
  const d = await db();
  await d.run(
    sql`INSERT INTO tax (credit_code, period, tax_type, amount, source_file, source_row, extra)
        SELECT '91330300' || lpad(i::VARCHAR, 10, '0'), DATE '2025-10-01', '增值税', 100, 'month.csv', i::INTEGER, MAP {}
        FROM range(${rows}::BIGINT) t(i)`,
  );
  const t0 = now();
  await (await persistence()).afterChange(d);
  return now() - t0;
}

async function opfsFiles(): Promise<Record<string, number>> {
  const root = await navigator.storage.getDirectory();
  const sizes: Record<string, number> = {};
  for await (const [name, handle] of root as unknown as AsyncIterable<[string, FileSystemHandle]>) {
    if (handle.kind === 'file') sizes[name] = (await (handle as FileSystemFileHandle).getFile()).size;
  }
  return sizes;
}

// ---- (b) IndexedDB: Arrow IPC per table, or the bytes of a DuckDB file ----

const IDB_NAME = 'hq-persist-bench';

function idb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(IDB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('blobs');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function idbPut(entries: Record<string, Uint8Array>): Promise<void> {
  const base = await idb();
  await new Promise<void>((resolve, reject) => {
    const tx = base.transaction('blobs', 'readwrite');
    const store = tx.objectStore('blobs');
    store.clear();
    for (const [key, value] of Object.entries(entries)) store.put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  base.close();
}

async function idbGetAll(): Promise<Record<string, Uint8Array>> {
  const base = await idb();
  const entries = await new Promise<Record<string, Uint8Array>>((resolve, reject) => {
    const tx = base.transaction('blobs', 'readonly');
    const store = tx.objectStore('blobs');
    const out: Record<string, Uint8Array> = {};
    const cursor = store.openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve(out);
      out[String(c.key)] = c.value as Uint8Array;
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
  base.close();
  return entries;
}

/** A connection of the engine's own API (Arrow in and out), on the in-memory catalog. */
async function withRawConnection<T>(
  work: (
    conn: Awaited<ReturnType<Awaited<ReturnType<typeof browserEngine>>['engine']['connect']>>,
  ) => Promise<T>,
): Promise<T> {
  const conn = await (await browserEngine()).engine.connect();
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}

async function idbArrowSave(): Promise<{ ms: number; bytes: number }> {
  const t0 = now();
  const entries: Record<string, Uint8Array> = {};
  await withRawConnection(async (conn) => {
    for (const table of names)
      entries[table] = tableToIPC(await conn.query(`SELECT * FROM "${table}"`), 'stream');
  });
  await idbPut(entries);
  return { ms: now() - t0, bytes: Object.values(entries).reduce((s, b) => s + b.length, 0) };
}

async function idbArrowRestore(): Promise<number> {
  const t0 = now();
  const entries = await idbGetAll();
  await createTables(await db());
  await withRawConnection(async (conn) => {
    for (const table of names) {
      if (entries[table]) await conn.insertArrowFromIPCStream(entries[table], { name: table, create: false });
    }
  });
  return now() - t0;
}

/** Runs one step, naming it in the error: the engine's own errors here say only "Exception". */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function idbFileSave(): Promise<{ ms: number; bytes: number }> {
  const t0 = now();
  const { engine } = await browserEngine();
  const d = await db();
  const file = 'persist-copy.duckdb';
  const from = await catalog();
  await engine.dropFile(file).catch(() => undefined);
  await step('registerEmptyFileBuffer', () => engine.registerEmptyFileBuffer(file));
  await step('ATTACH', () => d.run(sql`ATTACH ${raw(`'${file}'`)} AS copy`));
  await step('COPY FROM DATABASE', () => d.run(sql`COPY FROM DATABASE ${raw(from)} TO copy`));
  await step('DETACH', () => d.run(sql`DETACH copy`));
  const entries: Record<string, Uint8Array> = {
    file: await step('copyFileToBuffer', () => engine.copyFileToBuffer(file)),
  };
  const wal = await engine.copyFileToBuffer(`${file}.wal`).catch(() => undefined);
  if (wal?.length) entries.wal = wal;
  await engine.dropFile(file);
  await idbPut(entries);
  return { ms: now() - t0, bytes: Object.values(entries).reduce((s, b) => s + b.length, 0) };
}

async function idbFileRestore(): Promise<number> {
  const t0 = now();
  const entries = await idbGetAll();
  const d = await db();
  await createTables(d);
  await restoreSnapshot(d, { file: entries.file!, ...(entries.wal ? { wal: entries.wal } : {}) }, names);
  return now() - t0;
}

async function catalog(): Promise<string> {
  const [row] = await (await db()).query<{ name: string }>(sql`SELECT current_database() AS name`);
  return row!.name;
}

async function idbClear(): Promise<void> {
  await idbPut({});
}

async function run(text: string): Promise<void> {
  await (await db()).run(raw(text));
}

async function query(text: string): Promise<unknown[]> {
  return (await db()).query(raw(text));
}

/**
 * The floor an import through the desk is measured against (scripts/bench-desk.ts): DuckDB's own
 * read_csv of a UTF-8 CSV at `url` into a table, all columns as text; the fetch is not timed.
 */
async function readCsvFloor(url: string): Promise<{ ms: number; rows: number }> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const d = await db();
  await d.registerFile('floor.csv', bytes);
  const t0 = now();
  await d.run(
    raw(
      `CREATE OR REPLACE TABLE floor AS SELECT * FROM read_csv('floor.csv', all_varchar = true, header = true)`,
    ),
  );
  const ms = now() - t0;
  const [row] = await d.query<{ n: number }>(raw('SELECT count(*) AS n FROM floor'));
  await d.run(raw('DROP TABLE floor'));
  await d.dropFile('floor.csv');
  return { ms, rows: row!.n };
}

const harness = {
  readCsvFloor,
  engineStart,
  loadSample,
  bigTax,
  firstQuery,
  opfsOpen,
  opfsSave,
  opfsClear,
  addMonth,
  opfsFiles,
  idbArrowSave,
  idbArrowRestore,
  idbFileSave,
  idbFileRestore,
  idbClear,
  run,
  query,
};
export type Harness = typeof harness;
(window as unknown as { harness: Harness }).harness = harness;
document.getElementById('status')!.textContent = 'ready';

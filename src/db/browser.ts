/**
 * The DuckDB-Wasm engine in the browser: the eh/mvp bundles shipped by Vite (no CDN), a Web Worker,
 * started once per page through a module-level promise.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { tableToRows } from './rows';
import type { Sql } from './sql';
import type { Db } from './types';
import { ENGINE_CONFIG, SETUP_SQL } from './config';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** The engine behind a `Db`, for the few callers in src/db that need its own API (persistence). */
export interface BrowserEngine {
  engine: duckdb.AsyncDuckDB;
  /** The current connection (a reopen replaces it). */
  conn(): duckdb.AsyncDuckDBConnection;
  db: Db;
  /**
   * Opens another database in the same worker (e.g. a file on OPFS) and reconnects; `db` stays the
   * same object and now answers from the new database.
   */
  reopen(config: duckdb.DuckDBConfig): Promise<void>;
}

let started: Promise<BrowserEngine> | undefined;
const MAX_PREPARED = 200;

async function evictOldest(prepared: Map<string, Promise<duckdb.AsyncPreparedStatement>>) {
  const [text, statement] = prepared.entries().next().value ?? [];
  if (text === undefined || !statement) return;
  prepared.delete(text);
  await (await statement).close();
}

/** The page's one database; the engine starts on first use. */
export async function browserDb(): Promise<Db> {
  return (await browserEngine()).db;
}

/** The page's one engine, started on first use (the same one `browserDb()` answers with). */
export function browserEngine(): Promise<BrowserEngine> {
  started ??= startEngine().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

/** A new worker with an in-memory database and one connection (benchmarks start several). */
export async function startEngine(): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const engine = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await engine.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await engine.open(ENGINE_CONFIG);
  let conn = await connect(engine);
  const { db, forgetPrepared } = wrap(engine, () => conn, worker);
  return {
    engine,
    conn: () => conn,
    db,
    async reopen(config) {
      forgetPrepared();
      await conn.close();
      // When the open fails the connection stays closed: the caller reopens something else.
      await engine.open({ ...ENGINE_CONFIG, ...config });
      conn = await connect(engine);
    },
  };
}

async function connect(engine: duckdb.AsyncDuckDB): Promise<duckdb.AsyncDuckDBConnection> {
  const conn = await engine.connect();
  for (const statement of SETUP_SQL) await conn.query(statement);
  return conn;
}

/**
 * Statements that change which catalog a name resolves to (persistence switches between the
 * in-memory catalog and the stored one): a statement prepared before them may still point at the
 * old tables, so the cache is emptied. The old statements are not closed, as a query running at that
 * moment may still use one; the few left behind are freed with the connection.
 */
const CHANGES_NAMES = /^\s*(USE|DETACH)\b/i;

function wrap(
  engine: duckdb.AsyncDuckDB,
  conn: () => duckdb.AsyncDuckDBConnection,
  worker: Worker,
): { db: Db; forgetPrepared: () => void } {
  // Each worker round trip costs more than a small query: prepared statements are kept by their
  // text (a screen asks the same questions with new values), so a query is one message, not three.
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const statementFor = (text: string) => {
    let statement = prepared.get(text);
    if (!statement) {
      if (prepared.size >= MAX_PREPARED) void evictOldest(prepared);
      statement = conn().prepare(text);
      statement.catch(() => prepared.delete(text));
      prepared.set(text, statement);
    }
    return statement;
  };
  const execute = async (query: Sql) => {
    if (CHANGES_NAMES.test(query.text)) {
      prepared.clear();
      return conn().query(query.text);
    }
    if (query.params.length === 0) return conn().query(query.text);
    return (await statementFor(query.text)).query(...query.params);
  };

  const db: Db = {
    async query<T>(query: Sql) {
      return tableToRows<T>(await execute(query));
    },
    async run(query: Sql) {
      await execute(query);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      // The engine takes the buffer over (it is transferred to the worker): hand it a copy, so the
      // caller's bytes stay readable — the desk checks the same files again after a changed choice.
      await engine.registerFileBuffer(name, bytes.slice());
    },
    async dropFile(name: string) {
      await engine.dropFile(name);
    },
    async close() {
      prepared.clear();
      await conn().close();
      await engine.terminate();
      worker.terminate();
      if (started && (await started.catch(() => undefined))?.db === db) started = undefined;
    },
  };
  return { db, forgetPrepared: () => prepared.clear() };
}

/**
 * The DuckDB-Wasm engine in the browser: the eh/mvp bundles shipped by Vite (no CDN), a Web Worker,
 * started once per page through a module-level promise. The engine opens an in-memory database
 * and is never reopened: persistence ATTACHes its OPFS file beside it (persist.ts, opfs.ts), so
 * no connection is ever replaced under the code using it.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { openDatabase, type EngineConnection } from './connections';
import { raw } from './sql';
import { tableToRows } from './rows';
import type { Db } from './types';
import { ENGINE_CONFIG, SETUP_SQL } from './config';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** The engine behind a `Db`, for the few callers in src/db that need its own API (OPFS files). */
export interface BrowserEngine {
  engine: duckdb.AsyncDuckDB;
  db: Db;
}

let started: Promise<BrowserEngine> | undefined;
const MAX_PREPARED = 200;

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

/** A new worker with an in-memory database and its first connection (benchmarks start several). */
export async function startEngine(): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const engine = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await engine.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await engine.open(ENGINE_CONFIG);
  const db: Db = await openDatabase(
    {
      connect: async () => connection(await engine.connect()),
      // The engine takes the buffer over (it is transferred to the worker): hand it a copy, so the
      // caller's bytes stay readable — the desk checks the same files again after a changed choice.
      registerFile: (name, bytes) => engine.registerFileBuffer(name, bytes.slice()),
      dropFile: async (name) => {
        await engine.dropFile(name);
      },
      async terminate() {
        await engine.terminate();
        worker.terminate();
        if (started && (await started.catch(() => undefined))?.db === db) started = undefined;
      },
    },
    [['offline', SETUP_SQL.map(raw)]],
  );
  return { engine, db };
}

/**
 * One connection. Each worker round trip costs more than a small query: prepared statements are
 * kept by their text (a screen asks the same questions with new values), so a query is one
 * message, not three. Forgotten statements are not closed, as a query running at that moment may
 * still use one; the few left behind are freed with the connection.
 */
function connection(conn: duckdb.AsyncDuckDBConnection): EngineConnection {
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const evictOldest = async () => {
    const [text, statement] = prepared.entries().next().value ?? [];
    if (text === undefined || !statement) return;
    prepared.delete(text);
    await (await statement).close();
  };
  const statementFor = (text: string) => {
    let statement = prepared.get(text);
    if (!statement) {
      if (prepared.size >= MAX_PREPARED) evictOldest().catch(() => undefined);
      statement = conn.prepare(text);
      statement.catch(() => prepared.delete(text));
      prepared.set(text, statement);
    }
    return statement;
  };
  return {
    async execute(text, params) {
      if (params.length === 0) return tableToRows(await conn.query(text));
      return tableToRows(await (await statementFor(text)).query(...params));
    },
    forgetPrepared: () => prepared.clear(),
    async close() {
      prepared.clear();
      await conn.close();
    },
  };
}

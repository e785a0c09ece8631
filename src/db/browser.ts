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

let started: Promise<Db> | undefined;
const MAX_PREPARED = 200;

async function evictOldest(prepared: Map<string, Promise<duckdb.AsyncPreparedStatement>>) {
  const [text, statement] = prepared.entries().next().value ?? [];
  if (text === undefined || !statement) return;
  prepared.delete(text);
  await (await statement).close();
}

/** The page's one database; the engine starts on first use. */
export function browserDb(): Promise<Db> {
  started ??= openBrowserDb();
  return started;
}

async function openBrowserDb(): Promise<Db> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const engine = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await engine.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await engine.open(ENGINE_CONFIG);
  const conn = await engine.connect();
  for (const statement of SETUP_SQL) await conn.query(statement);

  // Each worker round trip costs more than a small query: prepared statements are kept by their
  // text (a screen asks the same questions with new values), so a query is one message, not three.
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const statementFor = (text: string) => {
    let statement = prepared.get(text);
    if (!statement) {
      if (prepared.size >= MAX_PREPARED) void evictOldest(prepared);
      statement = conn.prepare(text);
      statement.catch(() => prepared.delete(text));
      prepared.set(text, statement);
    }
    return statement;
  };
  const execute = async (query: Sql) => {
    if (query.params.length === 0) return conn.query(query.text);
    return (await statementFor(query.text)).query(...query.params);
  };

  return {
    async query<T>(query: Sql) {
      return tableToRows<T>(await execute(query));
    },
    async run(query: Sql) {
      await execute(query);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await engine.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      await engine.dropFile(name);
    },
    async close() {
      prepared.clear();
      await conn.close();
      await engine.terminate();
      worker.terminate();
      started = undefined;
    },
  };
}

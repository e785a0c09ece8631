/**
 * The DuckDB-Wasm engine in Node, through the package's blocking Node build: the same wasm and SQL
 * as the browser, used by tests, the report command and the benchmark.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Blocking from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { tableToRows } from './rows';
import type { Sql } from './sql';
import type { Db } from './types';
import { ENGINE_CONFIG, SETUP_SQL } from './config';

const require = createRequire(import.meta.url);

export async function openNodeDb(): Promise<Db> {
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof Blocking;
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const engine = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: path.join(dist, 'duckdb-mvp.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: {
        mainModule: path.join(dist, 'duckdb-eh.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
      },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await engine.instantiate();
  engine.open(ENGINE_CONFIG);
  const conn = engine.connect();
  for (const statement of SETUP_SQL) conn.query(statement);

  const execute = (query: Sql): Table => {
    if (query.params.length === 0) return conn.query(query.text);
    const statement = conn.prepare(query.text);
    try {
      return statement.query(...query.params);
    } finally {
      statement.close();
    }
  };

  return {
    async query<T>(query: Sql) {
      return tableToRows<T>(execute(query));
    },
    async run(query: Sql) {
      execute(query);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      engine.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      engine.dropFile(name);
    },
    async close() {
      conn.close();
      engine.reset();
    },
  };
}

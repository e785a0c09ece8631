/**
 * The DuckDB-Wasm engine in Node, through the package's blocking Node build: the same wasm and SQL
 * as the browser, used by tests, the report command and the benchmark. It has the browser's
 * lifecycle (connections.ts), and `nodeStoredFile` keeps a database file in a folder the way the
 * browser keeps one on OPFS, so persistence is tested in Node on the browser's path.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Blocking from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { openDatabase, type EngineConnection } from './connections';
import { emptyDatabaseFile } from './emptyDatabase';
import type { StoredFile } from './persist';
import { raw } from './sql';
import { tableToRows } from './rows';
import type { Db } from './types';
import { ENGINE_CONFIG, SETUP_SQL } from './config';

const require = createRequire(import.meta.url);
const duckdb = () => require('@duckdb/duckdb-wasm/blocking') as typeof Blocking;
/** The engine of each database opened here, for `nodeStoredFile`. */
const engines = new WeakMap<Db, NodeEngine>();
type NodeEngine = Awaited<ReturnType<typeof Blocking.createDuckDB>>;

export async function openNodeDb(): Promise<Db> {
  const { createDuckDB, VoidLogger, NODE_RUNTIME } = duckdb();
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const engine = await createDuckDB(
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
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await engine.instantiate();
  engine.open(ENGINE_CONFIG);
  const db = await openDatabase(
    {
      connect: async () => connection(engine.connect()),
      registerFile: async (name, bytes) => engine.registerFileBuffer(name, bytes),
      dropFile: async (name) => engine.dropFile(name),
      terminate: async () => engine.reset(),
    },
    [['offline', SETUP_SQL.map(raw)]],
  );
  engines.set(db, engine);
  return db;
}

function connection(conn: Blocking.DuckDBConnection): EngineConnection {
  const execute = (text: string, params: readonly unknown[]): Table => {
    if (params.length === 0) return conn.query(text);
    const statement = conn.prepare(text);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  };
  return {
    execute: async (text, params) => tableToRows(execute(text, params)),
    // Statements are prepared per query here: nothing is kept.
    forgetPrepared: () => undefined,
    close: async () => conn.close(),
  };
}

/**
 * The database file `name` in `dir`, kept as the browser keeps its OPFS file (opfs.ts): a new file
 * gets an empty database's bytes, and the file and its WAL are registered with the engine (as
 * native files with direct IO) before ATTACH. Without the registration this build never finds the
 * WAL again (its runtime answers "does not exist" for any file it has not opened itself), and a
 * reattached file loses what was not checkpointed. `db` must come from `openNodeDb`.
 */
export function nodeStoredFile(db: Db, dir: string, name = 'hq_dashboard.duckdb'): StoredFile {
  const engine = engines.get(db);
  if (!engine) throw new Error('nodeStoredFile needs a database from openNodeDb()');
  const file = path.join(dir, name);
  const files = [file, `${file}.wal`];
  const NODE_FS = duckdb().DuckDBDataProtocol.NODE_FS;
  return {
    path: file,
    exists: async () => fs.existsSync(file) && fs.statSync(file).size > 0,
    async prepare() {
      if (!fs.existsSync(file) || fs.statSync(file).size === 0) fs.writeFileSync(file, emptyDatabaseFile());
      for (const f of files) engine.registerFileURL(f, f, NODE_FS, true);
    },
    async release() {
      for (const f of files) engine.dropFile(f);
    },
    async remove() {
      for (const f of files) fs.rmSync(f, { force: true });
    },
    hasRoom: async () => true,
  };
}

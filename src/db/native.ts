/**
 * Native DuckDB (`@duckdb/node-api`) behind the same `Db` seam, for the report and publish commands
 * on data that does not fit a browser tab: multi-threaded, spilling to disk, with the same SQL and
 * the same connection lifecycle (connections.ts) as the wasm engines. It is Node-only and never
 * bundled into the page (only scripts import it).
 *
 * Registered files (the importer's staged CSV bytes) are written to a temporary folder that every
 * connection searches (`file_search_path`), so `read_csv('import_1.csv')` reads them as in the wasm
 * engines' virtual file system. Results are converted to the values rows.ts gives for Arrow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBTimestampValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { openDatabase, type EngineConnection } from './connections';
import { SETUP_SQL } from './config';
import { raw, type SqlValue } from './sql';
import type { Db, Row } from './types';

/** Opens an in-memory native database (`path` for a database file). */
export async function openNativeDb(file = ':memory:'): Promise<Db> {
  const instance = await DuckDBInstance.create(file);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-native-'));
  const search = `SET file_search_path = '${files.replaceAll("'", "''")}'`;
  return openDatabase(
    {
      connect: async () => connection(await instance.connect()),
      registerFile: async (name, bytes) => fs.writeFileSync(inFolder(files, name), bytes),
      dropFile: async (name) => fs.rmSync(inFolder(files, name), { force: true }),
      terminate: async () => {
        instance.closeSync();
        fs.rmSync(files, { recursive: true, force: true });
      },
    },
    [['offline', [...SETUP_SQL, search].map(raw)]],
  );
}

/** Registered names come from code (import_<id>.csv); a name with a path in it is refused. */
function inFolder(folder: string, name: string): string {
  if (name !== path.basename(name)) throw new Error(`not a file name: ${name}`);
  return path.join(folder, name);
}

function connection(conn: DuckDBConnection): EngineConnection {
  // One statement at a time per connection, as the wasm worker runs them: figures ask several at once
  // (Promise.all), and the native client fails a statement started while another runs.
  let tail: Promise<unknown> = Promise.resolve();
  const run = async (text: string, params: readonly SqlValue[]) => {
    const reader = await conn.runAndReadAll(text, params.length ? params.map(bindable) : undefined);
    return reader.getRowObjects().map((row) => {
      const out: Row = {};
      for (const [key, value] of Object.entries(row)) out[key] = plain(value);
      return out;
    });
  };
  return {
    execute(text, params) {
      const result = tail.then(() => run(text, params));
      tail = result.catch(() => undefined);
      return result;
    },
    // The native client prepares per call here: nothing is kept.
    forgetPrepared: () => undefined,
    close: async () => conn.closeSync(),
  };
}

/** Parameters as the wasm engines bind them: integers as BIGINT-compatible numbers, text, booleans, null. */
function bindable(value: SqlValue): DuckDBValue {
  return value as DuckDBValue;
}

/** A native value → what rows.ts gives for the same column in Arrow. */
function plain(value: DuckDBValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return Number(String(value.value)) / 10 ** value.scale;
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue) return new Date(Number(value.micros / 1000n)).toISOString();
  if (value instanceof DuckDBListValue) return value.items.map(plain);
  if (typeof value === 'object') return String(value);
  return value;
}

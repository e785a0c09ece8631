import type { Sql } from './sql';

export type Row = Record<string, unknown>;

/**
 * One DuckDB database with one connection, the same in the browser (a Web Worker) and in Node
 * (tests, the report command). Code above this layer never sees the engine's own API.
 */
export interface Db {
  /** Runs a query with bound parameters; rows are plain objects (numbers, strings, ISO dates). */
  query<T = Row>(query: Sql): Promise<T[]>;
  /** Runs statements that return nothing of interest (DDL, INSERT, BEGIN …). */
  run(query: Sql): Promise<void>;
  /** Makes bytes readable by SQL under `name` (e.g. `read_csv('name')`); the caller's bytes stay usable. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
}

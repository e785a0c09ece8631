import type { Sql } from './sql';

export type Row = Record<string, unknown>;

/**
 * A connection to the page's one DuckDB database, the same in the browser (a Web Worker) and in Node
 * (tests, the report command). Code above this layer never sees the engine's own API.
 *
 * State that lives on a connection — settings, TEMP macros, the default catalog — has one owner:
 * the database. It is registered once (`setup`, `use`) and every connection carries it, those open
 * now and those opened later (`session`). A `USE` through `run` is refused for that reason.
 */
export interface Db {
  /** Runs a query with bound parameters; rows are plain objects (numbers, strings, ISO dates). */
  query<T = Row>(query: Sql): Promise<T[]>;
  /** Runs statements that return nothing of interest (DDL, INSERT, BEGIN …). */
  run(query: Sql): Promise<void>;
  /** Makes bytes readable by SQL under `name` (e.g. `read_csv('name')`); the caller's bytes stay usable. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /**
   * Registers state every connection must carry (settings, TEMP macros) under `name`: the
   * statements run now on every open connection and on every connection opened later. A name
   * already registered is not run again, so callers may call it before each use.
   */
  setup(name: string, statements: readonly Sql[]): Promise<void>;
  /** Makes `catalog` the default catalog of every connection, open now or opened later. */
  use(catalog: string): Promise<void>;
  /**
   * Another connection to the same database, itself a `Db` carrying every setup and the default
   * catalog. Its temporary tables and transactions are its own: an import's staged rows and its
   * commit live there while other connections keep reading the committed data.
   */
  session(): Promise<Db>;
  /** A session's `close` closes that connection only; the database's closes the engine. */
  close(): Promise<void>;
}

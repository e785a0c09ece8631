/**
 * The database and its connections, the same for the browser's engine and Node's: state that lives
 * on a connection has one owner here. DuckDB keeps settings, TEMP macros, prepared statements and
 * the default catalog (`USE`) per connection, and two bugs came from code that set them on one
 * connection and lost them on the next (STYLE.md, "Own the connection's state"). So:
 *
 * - `setup(name, statements)` registers state once; it runs on every open connection now, and on
 *   every connection opened later, before the connection is handed out.
 * - `use(catalog)` sets the default catalog of every connection, now and later, and empties their
 *   prepared-statement caches (a name may now resolve to other tables).
 * - `session()` opens another connection carrying all of it; closing it closes only that one.
 *
 * Registry changes and new connections are serialised, so a connection never misses a setup made
 * while it was being opened. Register setups before transactions start (at open, or before an
 * import): a TEMP macro created inside another caller's transaction would vanish with its rollback.
 */
import { ident, type Sql, type SqlValue } from './sql';
import type { Db, Row } from './types';

/** One connection of an engine, as this module needs it. */
export interface EngineConnection {
  /**
   * Runs one statement; with parameters, as a prepared statement. Rows are plain objects
   * (64-bit integers and decimals as numbers, dates 'YYYY-MM-DD', timestamps ISO): each engine
   * converts its own results (rows.ts for Arrow, native.ts for the native client) to the same values.
   */
  execute(text: string, params: readonly SqlValue[]): Promise<Row[]>;
  /** Forgets prepared statements: after a USE or DETACH a name may resolve to other tables. */
  forgetPrepared(): void;
  close(): Promise<void>;
}

/** What this module needs of an engine (browser.ts: the worker; node.ts: the blocking build; native.ts). */
export interface Engine {
  connect(): Promise<EngineConnection>;
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Stops the engine; every connection has been closed before. */
  terminate(): Promise<void>;
}

interface Link {
  conn: EngineConnection;
  /** Names of the setups this connection has run. */
  applied: Set<string>;
  catalog?: string;
  closed: boolean;
}

const USE = /^\s*USE\b/i;
const DETACH = /^\s*DETACH\b/i;

/**
 * The database on `engine` and its first connection, which carries `setups` (run in order); the
 * answer's `close()` closes every connection and stops the engine.
 */
export async function openDatabase(
  engine: Engine,
  setups: readonly (readonly [string, readonly Sql[]])[] = [],
): Promise<Db> {
  const registered = new Map<string, readonly string[]>();
  let catalog: string | undefined;
  const links = new Set<Link>();
  let queue: Promise<unknown> = Promise.resolve();
  let terminated = false;

  /** Runs registry work one at a time, in call order. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  }

  /** Brings a connection up to the registry: missing setups, then the default catalog. */
  async function bring(link: Link) {
    if (link.closed) return;
    for (const [name, statements] of registered) {
      if (link.applied.has(name)) continue;
      for (const statement of statements) await link.conn.execute(statement, []);
      link.applied.add(name);
    }
    if (catalog !== undefined && link.catalog !== catalog) {
      await link.conn.execute(`USE ${ident(catalog).text}`, []);
      link.catalog = catalog;
      link.conn.forgetPrepared();
    }
  }

  async function connect(): Promise<Link> {
    if (terminated) throw new Error('database closed');
    const link: Link = { conn: await engine.connect(), applied: new Set(), closed: false };
    links.add(link);
    try {
      await bring(link);
    } catch (error) {
      links.delete(link);
      link.closed = true;
      await link.conn.close().catch(() => undefined);
      throw error;
    }
    return link;
  }

  async function execute(link: Link, query: Sql): Promise<Row[]> {
    if (link.closed) throw new Error('connection closed');
    if (USE.test(query.text)) {
      throw new Error('USE must go through db.use(catalog), so that every connection follows it');
    }
    // A detached catalog's tables are gone: no connection may keep a statement bound to them.
    if (DETACH.test(query.text)) for (const l of links) l.conn.forgetPrepared();
    return link.conn.execute(query.text, query.params);
  }

  async function closeLink(link: Link) {
    if (link.closed) return;
    link.closed = true;
    links.delete(link);
    await link.conn.close();
  }

  function dbOn(link: Link, main: boolean): Db {
    return {
      async query<T>(query: Sql) {
        return (await execute(link, query)) as T[];
      },
      async run(query: Sql) {
        await execute(link, query);
      },
      registerFile: (name, bytes) => engine.registerFile(name, bytes),
      dropFile: (name) => engine.dropFile(name),
      setup: (name, statements) =>
        serial(async () => {
          const fresh = !registered.has(name);
          if (fresh) registered.set(name, statements.map(textOf));
          try {
            for (const l of links) await bring(l);
          } catch (error) {
            // Statements that fail are not kept: every later connection would fail on them.
            if (fresh) registered.delete(name);
            throw error;
          }
        }),
      use: (next) =>
        serial(async () => {
          const previous = catalog;
          catalog = next;
          try {
            for (const l of links) await bring(l);
          } catch (error) {
            catalog = previous;
            for (const l of links) await bring(l).catch(() => undefined);
            throw error;
          }
        }),
      session: () => serial(async () => dbOn(await connect(), false)),
      close: () =>
        serial(async () => {
          if (!main) return closeLink(link);
          if (terminated) return;
          terminated = true;
          for (const l of [...links]) await closeLink(l).catch(() => undefined);
          await engine.terminate();
        }),
    };
  }

  for (const [name, statements] of setups) registered.set(name, statements.map(textOf));
  return dbOn(await serial(connect), true);
}

function textOf(statement: Sql): string {
  if (statement.params.length) throw new Error('a setup statement takes no parameters');
  return statement.text;
}

/**
 * The database owns what lives on a connection (src/db/connections.ts), on the real engine: a setup
 * or a default catalog registered once is carried by every connection, open or opened later; a
 * session's temporary tables and transaction are its own, and other connections read committed
 * data while it writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../src/db/node';
import { raw, sql, type Db } from '../src/db';

let db: Db;
beforeEach(async () => {
  db = await openNodeDb();
});
afterEach(async () => {
  await db.close();
});

const plusOne = async (d: Db) => (await d.query<{ y: number }>(raw('SELECT hq_plus_one(41) AS y')))[0]!.y;
const count = async (d: Db, table: string) =>
  (await d.query<{ n: number }>(raw(`SELECT count(*)::INTEGER AS n FROM ${table}`)))[0]!.n;

describe('setup', () => {
  it('runs on every open connection and on every connection opened later', async () => {
    const before = await db.session();
    await db.setup('plus one', [raw('CREATE OR REPLACE TEMP MACRO hq_plus_one(x) AS x + 1')]);
    const after = await db.session();
    expect([await plusOne(db), await plusOne(before), await plusOne(after)]).toEqual([42, 42, 42]);
    // A session's session carries it too.
    const nested = await after.session();
    expect(await plusOne(nested)).toBe(42);
  });

  it('is registered once: a second call runs nothing again', async () => {
    // Not idempotent as SQL: run twice on one connection, it would fail ("already exists").
    const marker = [raw('CREATE TEMP TABLE setup_runs AS SELECT 1 AS x')];
    await db.setup('marker', marker);
    await db.setup('marker', marker);
    const session = await db.session();
    await session.setup('marker', marker);
    expect([await count(db, 'setup_runs'), await count(session, 'setup_runs')]).toEqual([1, 1]);
  });

  it('keeps nothing that failed, so later connections still open', async () => {
    await expect(db.setup('broken', [raw('CREATE TEMP MACRO')])).rejects.toThrow();
    const session = await db.session();
    expect(await count(session, '(SELECT 1)')).toBe(1);
  });

  it('carries the offline settings on every connection', async () => {
    const session = await db.session();
    const setting = async (d: Db) =>
      (
        await d.query<{ value: string }>(
          raw(`SELECT value FROM duckdb_settings() WHERE name = 'autoload_known_extensions'`),
        )
      )[0]!.value;
    expect([await setting(db), await setting(session)]).toEqual(['false', 'false']);
  });
});

describe('use', () => {
  it('sets the default catalog of every connection, open now or opened later', async () => {
    await db.run(raw(`ATTACH ':memory:' AS other`));
    await db.run(raw('CREATE TABLE other.main.t AS SELECT 7 AS x'));
    const before = await db.session();
    await db.use('other');
    const after = await db.session();
    for (const d of [db, before, after]) expect(await d.query(raw('SELECT x FROM t'))).toEqual([{ x: 7 }]);
    await db.use('memory');
    for (const d of [db, before, after]) await expect(d.query(raw('SELECT x FROM t'))).rejects.toThrow();
  });

  it('refuses a catalog that does not exist and keeps the one in use', async () => {
    await db.run(raw('CREATE TABLE here AS SELECT 1 AS x'));
    await expect(db.use('nowhere')).rejects.toThrow();
    const session = await db.session();
    expect(await count(session, 'here')).toBe(1);
  });

  it('is the only way to change it: a USE through run is refused', async () => {
    await expect(db.run(raw('USE memory'))).rejects.toThrow('db.use');
  });
});

describe('session', () => {
  it('keeps its temporary tables to itself and closes alone', async () => {
    const session = await db.session();
    await session.run(raw('CREATE TEMP TABLE staged AS SELECT 1 AS x'));
    await expect(db.query(raw('SELECT * FROM staged'))).rejects.toThrow();
    await session.close();
    await expect(session.query(raw('SELECT 1'))).rejects.toThrow('closed');
    expect(await count(db, '(SELECT 1)')).toBe(1);
  });

  it('writes in its own transaction while the other connections read the committed data', async () => {
    await db.run(raw('CREATE TABLE tax AS SELECT range AS i FROM range(10)'));
    const session = await db.session();
    await session.run(raw('BEGIN TRANSACTION'));
    await session.run(raw('INSERT INTO tax SELECT range FROM range(5)'));
    expect(await count(session, 'tax')).toBe(15);
    expect(await count(db, 'tax')).toBe(10);
    await session.run(raw('COMMIT'));
    expect(await count(db, 'tax')).toBe(15);
  });

  it('binds parameters like the database does', async () => {
    const session = await db.session();
    expect(await session.query(sql`SELECT ${'甲'} AS a, ${2} AS b`)).toEqual([{ a: '甲', b: 2 }]);
  });
});

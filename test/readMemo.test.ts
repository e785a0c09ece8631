/**
 * Reads of one data version asked once (src/db/readMemo.ts), on the real engine: a repeat of the same
 * query and parameters is answered from the first answer (the engine asked once), each caller gets
 * rows of its own, and neither failures nor large answers are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql, type Db, type Row, type Sql } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { memoizeReads } from '../src/db/readMemo';

let db: Db;
/** The queries that reached the engine. */
const asked: string[] = [];
let reads: Db;

beforeAll(async () => {
  db = await openNodeDb();
  await db.run(raw('CREATE TABLE t AS SELECT range AS i, range % 3 AS g FROM range(3000)'));
  const counted: Db = {
    ...db,
    query: <T = Row>(q: Sql) => {
      asked.push(q.text);
      return db.query<T>(q);
    },
  };
  reads = memoizeReads(counted);
});
afterAll(async () => {
  await db.close();
});

describe('memoizeReads', () => {
  it('asks the engine once for the same query and parameters, at once or later', async () => {
    asked.length = 0;
    const q = (g: number) => sql`SELECT count(*)::INTEGER AS n FROM t WHERE g = ${g}`;
    const [a, b] = await Promise.all([reads.query(q(1)), reads.query(q(1))]);
    const c = await reads.query(q(1));
    expect([a, b, c]).toEqual([[{ n: 1000 }], [{ n: 1000 }], [{ n: 1000 }]]);
    expect(asked).toHaveLength(1);
    // Other parameters are another question.
    expect(await reads.query(q(2))).toEqual([{ n: 1000 }]);
    expect(asked).toHaveLength(2);
  });

  it('gives every caller rows of its own', async () => {
    const q = sql`SELECT g, count(*)::INTEGER AS n FROM t GROUP BY g ORDER BY g`;
    const first = await reads.query<{ g: number; n: number }>(q);
    first.reverse();
    first[0]!.n = -1;
    expect(await reads.query(q)).toEqual([
      { g: 0, n: 1000 },
      { g: 1, n: 1000 },
      { g: 2, n: 1000 },
    ]);
  });

  it('does not keep a failure: the same query runs again', async () => {
    const q = sql`SELECT count(*)::INTEGER AS n FROM later`;
    await expect(reads.query(q)).rejects.toThrow(/later/);
    await db.run(raw('CREATE TABLE later AS SELECT 1 AS x'));
    expect(await reads.query(q)).toEqual([{ n: 1 }]);
  });

  it('does not keep large answers (record lists)', async () => {
    asked.length = 0;
    const q = sql`SELECT i FROM t ORDER BY i`;
    expect(await reads.query(q)).toHaveLength(3000);
    expect(await reads.query(q)).toHaveLength(3000);
    expect(asked).toHaveLength(2);
  });
});

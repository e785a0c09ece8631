/**
 * Figures computed ahead (src/app/prefetch.ts) on the real engine: nothing is sent while a screen's
 * figure is computing, then the queued figures run one query at a time and their answers are kept
 * for their data version only; a new data version drops the queue. And the views one click away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql, type Db, type Row, type Sql } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { answered } from '../src/app/answers';
import { neighbourViews, offerPrefetch, trackReal } from '../src/app/prefetch';
import { screenDb } from '../src/app/versionReads';

let db: Db;
/** Queries that reached the engine, and the most that were in it at once. */
const asked: string[] = [];
let inEngine = 0;
let mostInEngine = 0;
let counted: Db;

beforeAll(async () => {
  db = await openNodeDb();
  await db.run(raw('CREATE TABLE t AS SELECT range AS i, range % 7 AS g FROM range(5000)'));
  counted = {
    ...db,
    query: async <T = Row>(q: Sql) => {
      asked.push(JSON.stringify(q.params));
      mostInEngine = Math.max(mostInEngine, ++inEngine);
      try {
        return await db.query<T>(q);
      } finally {
        inEngine--;
      }
    },
  };
});
afterAll(async () => {
  await db.close();
});

/** A figure that asks several queries at once, as the overview's does. */
async function groupSums(reads: Db, params: { year: number }): Promise<number[]> {
  const sums = await Promise.all(
    [0, 1, 2, 3].map((g) =>
      reads.query<{ s: number }>(sql`SELECT sum(i)::DOUBLE + ${params.year} AS s FROM t WHERE g = ${g}`),
    ),
  );
  return sums.map((rows) => rows[0]!.s);
}

/** Until `check()` holds (the prefetch runs on its own promises). */
async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('figures computed ahead', () => {
  it('waits for the real work, then asks one query at a time and keeps the answers', async () => {
    const reads = screenDb(counted, 1, 'overview');
    let finish!: () => void;
    const real = trackReal(reads, new Promise<void>((resolve) => (finish = resolve)));
    const keys = [2023, 2025].map((year) => JSON.stringify({ year }));
    offerPrefetch(reads, 'view 2024', groupSums, keys);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
    finish();
    await real;
    await until(() => keys.every((k) => answered(reads, groupSums, k)));
    expect(asked).toHaveLength(8);
    expect(mostInEngine).toBe(1);
    const kept = answered<number[]>(reads, groupSums, keys[0]!);
    expect(kept).toEqual({ status: 'ready', data: await groupSums(db, { year: 2023 }) });
  });

  it('keeps nothing for a newer data version, and drops the older version’s queue', async () => {
    const old = screenDb(counted, 1, 'overview');
    let finish!: () => void;
    trackReal(old, new Promise<void>((resolve) => (finish = resolve))).catch(() => undefined);
    offerPrefetch(old, 'view 2024', groupSums, [JSON.stringify({ year: 2030 })]);
    const newer = screenDb(counted, 2, 'overview');
    expect(newer).not.toBe(old);
    expect(answered(newer, groupSums, JSON.stringify({ year: 2023 }))).toBeUndefined();
    offerPrefetch(newer, 'view 2024', groupSums, [JSON.stringify({ year: 2031 })]);
    await until(() => answered(newer, groupSums, JSON.stringify({ year: 2031 })) !== undefined);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered(old, groupSums, JSON.stringify({ year: 2030 }))).toBeUndefined();
  });

  it('never computes ahead on the data page’s own database', () => {
    const own = screenDb(counted, 2, 'data');
    offerPrefetch(own, 'data', groupSums, [JSON.stringify({ year: 2040 })]);
    expect(answered(own, groupSums, JSON.stringify({ year: 2040 }))).toBeUndefined();
  });
});

describe('the views one click away', () => {
  it('are the year before and after, then the city and each unit, nearest first', () => {
    const views = neighbourViews(
      2024,
      [2025, 2024, 2023, 2022],
      { unit: '330302', hqType: '地区总部' },
      true,
    );
    expect(views.slice(0, 3)).toEqual([
      { year: 2023, filters: { unit: '330302', hqType: '地区总部' } },
      { year: 2025, filters: { unit: '330302', hqType: '地区总部' } },
      { year: 2024, filters: { hqType: '地区总部' } },
    ]);
    expect(views.some((v) => v.filters.unit === '330302' && v.year === 2024)).toBe(false);
    expect(views.find((v) => v.filters.unit === '330381')).toEqual({
      year: 2024,
      filters: { hqType: '地区总部', unit: '330381' },
    });
  });

  it('are only other years on a screen that does not follow the unit, and no year without data', () => {
    expect(neighbourViews(2025, [2025, 2024], {}, false)).toEqual([{ year: 2024, filters: {} }]);
  });
});

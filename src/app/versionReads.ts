/**
 * The reading side of the database for the screens, one per data version (src/db/readMemo.ts): a
 * repeated figure query of the same data is answered once. The data page gets the database itself,
 * since its desk and history write and read what they wrote.
 */
import type { Db } from '../db';
import { memoizeReads } from '../db/readMemo';
import type { ScreenPath } from './route';

let current: { db: Db; version: number; reads: Db } | undefined;
/** Every database `screenDb` made: reads of one data version (src/app/useFigure.ts keeps answers of them). */
const made = new WeakSet<Db>();

export function isVersionReads(db: Db): boolean {
  return made.has(db);
}

export function screenDb(db: Db, version: number, screen: ScreenPath): Db {
  if (screen === 'data') return db;
  if (current?.db !== db || current.version !== version) {
    current = { db, version, reads: memoizeReads(db) };
    made.add(current.reads);
  }
  return current.reads;
}

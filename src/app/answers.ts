/**
 * The figure answers of one data version, kept in memory: a figure the screens already computed (or
 * prefetched, src/app/prefetch.ts) on the same data is answered at once, in the first render.
 *
 * Only for the screens' reads of one data version (src/app/versionReads.ts): on it a figure
 * function's answer depends on its params alone (figures read nothing but the database and their
 * params), as the read memo under it already assumes. Never for the data page's own database,
 * which its desk writes. Bounded like the read memo: a few hundred answers, the oldest dropped
 * first, no long record lists.
 */
import type { Db } from '../db';
import { isVersionReads } from './versionReads';

export type FigureState<T> =
  | { status: 'loading' }
  /** `pending`: figures kept from an earlier visit of the same data, shown until the engine confirms. */
  | { status: 'ready'; data: T; pending?: boolean }
  | { status: 'failed'; message: string };

export type FigureFn = (db: Db, params: never) => Promise<unknown>;

const MAX_ANSWERS = 300;
const MAX_ROWS = 2_000;

interface VersionAnswers {
  byFigure: Map<FigureFn, Map<string, FigureState<unknown>>>;
  /** Every kept answer, oldest first, for dropping the oldest when full. */
  order: [FigureFn, string][];
}

const answers = new WeakMap<Db, VersionAnswers>();

export function answered<T>(db: Db, figure: FigureFn, key: string): FigureState<T> | undefined {
  return answers.get(db)?.byFigure.get(figure)?.get(key) as FigureState<T> | undefined;
}

/** The ready state of `data`, kept for this data version when it may be (one object per answer). */
export function remember<T>(db: Db, figure: FigureFn, key: string, data: T): FigureState<T> {
  const state: FigureState<T> = { status: 'ready', data };
  if (!isVersionReads(db) || rowCount(data) > MAX_ROWS) return state;
  // A new data version starts afresh; the old version's db is unreachable, and its answers with it.
  let kept = answers.get(db);
  if (!kept) answers.set(db, (kept = { byFigure: new Map(), order: [] }));
  let byKey = kept.byFigure.get(figure);
  if (!byKey) kept.byFigure.set(figure, (byKey = new Map()));
  if (!byKey.has(key)) kept.order.push([figure, key]);
  byKey.set(key, state as FigureState<unknown>);
  while (kept.order.length > MAX_ANSWERS) {
    const [oldFigure, oldKey] = kept.order.shift()!;
    kept.byFigure.get(oldFigure)?.delete(oldKey);
  }
  return state;
}

/** Answers computed ahead (src/app/prefetch.ts) that no screen has shown yet. */
const unshown = new WeakSet<object>();

/** Keeps `data` as computed ahead: when a screen first shows it, it is also kept for a revisit. */
export function rememberAhead(db: Db, figure: FigureFn, key: string, data: unknown): void {
  unshown.add(remember(db, figure, key, data));
}

/** Whether `state` was computed ahead and is shown now for the first time (and marks it shown). */
export function firstShown(state: FigureState<unknown>): boolean {
  return unshown.delete(state);
}

/** How many answers are kept for `db` (for tests and the prefetch's bound). */
export function answerCount(db: Db): number {
  return answers.get(db)?.order.length ?? 0;
}

/** The rows of a list, or of a drill's record set (`{ rows }`): long ones are not kept. */
function rowCount(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  const rows = (data as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? rows.length : 0;
}

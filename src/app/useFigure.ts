import { useEffect, useState } from 'react';
import type { Db } from '../db';
import type { ViewName } from '../domain/viewFigures';
import { cachedFigures, keepFigures } from './figureCache';
import { isVersionReads } from './versionReads';

export type FigureState<T> =
  | { status: 'loading' }
  /** `pending`: figures kept from an earlier visit of the same data, shown until the engine confirms. */
  | { status: 'ready'; data: T; pending?: boolean }
  | { status: 'failed'; message: string };

type Settled<T> = { key: string; state: FigureState<T> };

/**
 * Runs a figure function `(db, params) → data` and re-runs it when the params change (compared by
 * value). Components render the data; they never write SQL. The state belongs to the params it was
 * computed for, so a change of params reads as loading until its own result arrives — or, for a
 * view's one figure function (`view`, see src/domain/viewFigures.ts), as the figures kept for the
 * same data version and params, marked pending, until the engine's answer replaces them.
 *
 * A figure the screens already computed on the same data version (a leader stepping back to a unit
 * or year seen a minute ago) is answered at once from `answers` below, in the first render: no
 * loading line that unmounts the charts, no kept figures drawn and then drawn again.
 */
export function useFigure<P, T>(
  db: Db,
  figure: (db: Db, params: P) => Promise<T>,
  params: P,
  view?: ViewName,
): FigureState<T> {
  const key = JSON.stringify(params);
  const known = answered<T>(db, figure, key);
  const [settled, setSettled] = useState<Settled<T>>();
  useEffect(() => {
    if (answered(db, figure, key)) return;
    let live = true;
    figure(db, JSON.parse(key) as P).then(
      (data) => {
        if (view) keepFigures(view, key, data);
        const state = remember(db, figure, key, data);
        if (live) setSettled({ key, state });
      },
      (error: unknown) => live && setSettled({ key, state: { status: 'failed', message: String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [db, figure, key, view]);
  if (known) return known;
  if (settled?.key === key) return settled.state;
  const kept = view ? cachedFigures<T>(view, key) : undefined;
  return kept === undefined ? { status: 'loading' } : pendingState(kept);
}

// ---- answers of one data version --------------------------------------------------------------
// Only for the screens' reads of one data version (src/app/versionReads.ts): on it a figure
// function's answer depends on its params alone (figures read nothing but the database and their
// params), as the read memo under it already assumes. Never for the data page's own database,
// which its desk writes. Bounded like the read memo: a few hundred answers, no long record lists.

type FigureFn = (db: Db, params: never) => Promise<unknown>;
const MAX_ANSWERS = 300;
const MAX_ROWS = 2_000;
const answers = new WeakMap<Db, Map<FigureFn, Map<string, FigureState<unknown>>>>();
let count = 0;

function answered<T>(db: Db, figure: FigureFn, key: string): FigureState<T> | undefined {
  return answers.get(db)?.get(figure)?.get(key) as FigureState<T> | undefined;
}

/** The ready state of `data`, kept for this data version when it may be (one object per answer). */
function remember<T>(db: Db, figure: FigureFn, key: string, data: T): FigureState<T> {
  const state: FigureState<T> = { status: 'ready', data };
  if (!isVersionReads(db) || rowCount(data) > MAX_ROWS) return state;
  let byFigure = answers.get(db);
  if (!byFigure || count >= MAX_ANSWERS) {
    // A new data version (or a full one) starts afresh; the old version's db is unreachable.
    if (byFigure) byFigure.clear();
    byFigure = byFigure ?? new Map();
    answers.set(db, byFigure);
    count = 0;
  }
  let byKey = byFigure.get(figure);
  if (!byKey) byFigure.set(figure, (byKey = new Map()));
  byKey.set(key, state as FigureState<unknown>);
  count++;
  return state;
}

/** The rows of a list, or of a drill's record set (`{ rows }`): long ones are not kept. */
function rowCount(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  const rows = (data as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? rows.length : 0;
}

/** One pending state per kept figures object, so a re-render does not hand the charts a new one. */
const pending = new WeakMap<object, FigureState<unknown>>();

function pendingState<T>(kept: T): FigureState<T> {
  if (typeof kept !== 'object' || kept === null) return { status: 'ready', data: kept, pending: true };
  let state = pending.get(kept);
  if (!state) pending.set(kept, (state = { status: 'ready', data: kept, pending: true }));
  return state as FigureState<T>;
}

import { useEffect, useState } from 'react';
import type { Db } from '../db';
import type { ViewName } from '../domain/viewFigures';
import { cachedFigures, keepFigures } from './figureCache';

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
 */
export function useFigure<P, T>(
  db: Db,
  figure: (db: Db, params: P) => Promise<T>,
  params: P,
  view?: ViewName,
): FigureState<T> {
  const key = JSON.stringify(params);
  const [settled, setSettled] = useState<Settled<T>>();
  useEffect(() => {
    let live = true;
    figure(db, JSON.parse(key) as P).then(
      (data) => {
        if (view) keepFigures(view, key, data);
        if (live) setSettled({ key, state: { status: 'ready', data } });
      },
      (error: unknown) => live && setSettled({ key, state: { status: 'failed', message: String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [db, figure, key, view]);
  if (settled?.key === key) return settled.state;
  const kept = view ? cachedFigures<T>(view, key) : undefined;
  return kept === undefined ? { status: 'loading' } : { status: 'ready', data: kept, pending: true };
}

import { useEffect, useState } from 'react';
import type { Db } from '../db';

export type FigureState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; message: string };

type Settled<T> = { key: string; state: FigureState<T> };

/**
 * Runs a figure function `(db, params) → data` and re-runs it when the params change (compared by
 * value). Components render the data; they never write SQL. The state belongs to the params it was
 * computed for, so a change of params reads as loading until its own result arrives.
 */
export function useFigure<P, T>(
  db: Db,
  figure: (db: Db, params: P) => Promise<T>,
  params: P,
): FigureState<T> {
  const key = JSON.stringify(params);
  const [settled, setSettled] = useState<Settled<T>>();
  useEffect(() => {
    let live = true;
    figure(db, JSON.parse(key) as P).then(
      (data) => live && setSettled({ key, state: { status: 'ready', data } }),
      (error: unknown) => live && setSettled({ key, state: { status: 'failed', message: String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [db, figure, key]);
  return settled?.key === key ? settled.state : { status: 'loading' };
}

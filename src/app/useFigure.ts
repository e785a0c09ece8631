import { useContext, useEffect, useState } from 'react';
import type { Db } from '../db';
import type { ViewName } from '../domain/viewFigures';
import { answered, firstShown, remember, type FigureState } from './answers';
import { cachedFigures, keepFigures } from './figureCache';
import { AroundContext, offerPrefetch, trackReal, type View } from './prefetch';

export type { FigureState } from './answers';

type Settled<T> = { key: string; state: FigureState<T> };

/**
 * Runs a figure function `(db, params) → data` and re-runs it when the params change (compared by
 * value). Components render the data; they never write SQL. The state belongs to the params it was
 * computed for, so a change of params reads as loading until its own result arrives — or, for a
 * view's one figure function (`view`, see src/domain/viewFigures.ts), as the figures kept for the
 * same data version and params, marked pending, until the engine's answer replaces them.
 *
 * A figure the screens already computed on the same data version (a leader stepping back to a unit
 * or year seen a minute ago) is answered at once from the version's answers (src/app/answers.ts),
 * in the first render: no loading line that unmounts the charts, no kept figures drawn and then
 * drawn again. `paramsOf` (the params of this figure for another view of the screen) lets it be
 * computed ahead for the views one click away (src/app/prefetch.ts) once its own answer is in.
 */
export function useFigure<P, T>(
  db: Db,
  figure: (db: Db, params: P) => Promise<T>,
  params: P,
  view?: ViewName,
  paramsOf?: (view: View) => P,
): FigureState<T> {
  const key = JSON.stringify(params);
  const known = answered<T>(db, figure, key);
  const [settled, setSettled] = useState<Settled<T>>();
  useEffect(() => {
    const ahead = answered(db, figure, key);
    // Figures computed ahead are kept for a revisit (figures before the engine) once shown, as the
    // engine's answer to a screen's own ask is.
    if (ahead?.status === 'ready' && view && firstShown(ahead)) keepFigures(view, key, ahead.data);
    if (ahead) return;
    let live = true;
    trackReal(db, figure(db, JSON.parse(key) as P)).then(
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
  const state: FigureState<T> | undefined = known ?? (settled?.key === key ? settled.state : undefined);

  // Once answered, the same figure for the views one click away, computed in the background.
  const around = useContext(AroundContext);
  const ready = state?.status === 'ready';
  const aroundKeys =
    ready && paramsOf ? JSON.stringify(around.views.map((v) => JSON.stringify(paramsOf(v)))) : '';
  useEffect(() => {
    if (!aroundKeys) return;
    const keys = (JSON.parse(aroundKeys) as string[]).filter((k) => k !== key);
    offerPrefetch(db, around.id, figure, keys);
  }, [db, figure, key, around.id, aroundKeys]);

  if (state) return state;
  const kept = view ? cachedFigures<T>(view, key) : undefined;
  return kept === undefined ? { status: 'loading' } : pendingState(kept);
}

/** One pending state per kept figures object, so a re-render does not hand the charts a new one. */
const pending = new WeakMap<object, FigureState<unknown>>();

function pendingState<T>(kept: T): FigureState<T> {
  if (typeof kept !== 'object' || kept === null) return { status: 'ready', data: kept, pending: true };
  let state = pending.get(kept);
  if (!state) pending.set(kept, (state = { status: 'ready', data: kept, pending: true }));
  return state as FigureState<T>;
}

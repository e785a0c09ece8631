/**
 * The figures of a view as plain JSON, produced by one function per view, and the data version
 * they belong to (docs/VIEW-FIGURES.md). The app keeps them per data version and shows them at
 * once, marked 更新中, until the engine confirms them (src/app/figureCache.ts); a `publish` command
 * can write the same JSON to files for a reader without the engine.
 */
import type { Db } from '../db';
import { beltsFigures } from './figures/belts';
import { buildingsScreenFigures } from './figures/buildings';
import { dataContext } from './figures/dataStatus';
import { overviewFigures } from './figures/overview';
import { rankingIndicators } from './figures/ranking';

export { dataVersion } from './dataVersion';

/** Each view's one figure function: `(db, params) → plain data`. */
export const VIEW_FIGURES = {
  /** The data's as-of date and years: what every view needs before its own figures. */
  context: dataContext,
  overview: overviewFigures,
  buildings: buildingsScreenFigures,
  belts: beltsFigures,
  ranking: rankingIndicators,
} as const;

export type ViewName = keyof typeof VIEW_FIGURES;
type ViewFunction<V extends ViewName> = (typeof VIEW_FIGURES)[V];
export type ViewParams<V extends ViewName> = Parameters<ViewFunction<V>>[1];
export type ViewData<V extends ViewName> = Awaited<ReturnType<ViewFunction<V>>>;

/** The figures of `view` for `params`: the same call the view's screen makes. */
export function viewFigures<V extends ViewName>(
  db: Db,
  view: V,
  params: ViewParams<V>,
): Promise<ViewData<V>> {
  const figure = VIEW_FIGURES[view] as (db: Db, params: ViewParams<V>) => Promise<ViewData<V>>;
  return figure(db, params);
}

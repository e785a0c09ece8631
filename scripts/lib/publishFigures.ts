/**
 * The figures cache per view that a published dataset may carry (issue 14, item 1): one JSON file
 * per view under `figures/`, so a viewer's screen can show its figures before the engine is up.
 *
 * The view-figures functions (one per view, plain JSON keyed by data version) are being built under
 * the speed issue; this is the hook they plug into. Until `VIEW_FIGURES` is set, publish writes no
 * `figures/` folder and the manifest says `figures: null`, which the page reads as "no cache".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db';
import type { CaliberSettings } from '../../src/domain/caliber';

export interface ViewFiguresParams {
  /** The data's end (数据截至): the as-of date the views open on. */
  asOf: string;
  caliber: CaliberSettings;
}

/** Per view name, its figures as plain JSON. */
export type ViewFigures = (db: Db, params: ViewFiguresParams) => Promise<Record<string, unknown>>;

/** Set this to the speed work's per-view figures function to have publish write `figures/`. */
export const VIEW_FIGURES: ViewFigures | undefined = undefined;

/** Writes `figures/<view>.json` into `dir` when a view-figures function is available; the views written, or null. */
export async function writeFiguresCache(
  db: Db,
  dir: string,
  params: ViewFiguresParams,
  figures: ViewFigures | undefined = VIEW_FIGURES,
): Promise<string[] | null> {
  if (!figures) return null;
  const views = await figures(db, params);
  fs.mkdirSync(path.join(dir, 'figures'), { recursive: true });
  for (const [view, data] of Object.entries(views)) {
    if (!/^[a-z][a-z0-9-]*$/.test(view)) throw new Error(`view name not usable as a file name: ${view}`);
    fs.writeFileSync(path.join(dir, 'figures', `${view}.json`), JSON.stringify(data));
  }
  return Object.keys(views).sort();
}

/**
 * The figures a first visit shows before the engine is up (issue 12, goal "cold open with the sample
 * to KPIs ≤ 2 s"): one file, `figures/desk.json`, written beside the sample's snapshot by the build
 * and beside a published dataset by `publish`, holding the views a viewer opens first — the data
 * context, the overview of every year, and the other screens' opening views — each with the exact
 * params its screen passes (docs/VIEW-FIGURES.md). The page reads it only when it has no figures
 * kept from an earlier visit and the data it will show is that file's data (src/app/firstFigures.ts).
 */
import type { ViewName } from './viewFigures';

export const FIRST_FIGURES_FILE = 'figures/desk.json';
export const FIRST_FIGURES_FORMAT = 'hq-desk-figures-1';

export interface FirstFigureEntry {
  view: ViewName;
  params: unknown;
  figures: unknown;
}

export interface FirstFigures {
  format: typeof FIRST_FIGURES_FORMAT;
  entries: FirstFigureEntry[];
}

const VIEWS: readonly string[] = ['context', 'overview', 'buildings', 'belts', 'ranking'];

/** The file's entries, or undefined for anything else (another format, a server's HTML fallback). */
export function readFirstFigures(json: unknown): FirstFigureEntry[] | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { format, entries } = json as Partial<FirstFigures>;
  if (format !== FIRST_FIGURES_FORMAT || !Array.isArray(entries)) return undefined;
  const usable = (e: unknown): e is FirstFigureEntry =>
    typeof e === 'object' &&
    e !== null &&
    VIEWS.includes((e as FirstFigureEntry).view) &&
    typeof (e as FirstFigureEntry).params === 'object' &&
    (e as FirstFigureEntry).figures !== undefined;
  return entries.every(usable) ? entries : undefined;
}

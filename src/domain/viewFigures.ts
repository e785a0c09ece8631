/**
 * The figures of a view as plain JSON, produced by one function per view, and the data version
 * they belong to (docs/VIEW-FIGURES.md). The app keeps them per data version and shows them at
 * once, marked 更新中, until the engine confirms them (src/app/figureCache.ts); a `publish` command
 * can write the same JSON to files for a reader without the engine.
 */
import { sql, type Db } from '../db';
import { beltsFigures } from './figures/belts';
import { buildingsScreenFigures } from './figures/buildings';
import { dataContext } from './figures/dataStatus';
import { overviewFigures } from './figures/overview';
import { rankingIndicators } from './figures/ranking';

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

/**
 * The data's version: a hash of the import history (each import's id, time and files' SHA-256),
 * so the same data has the same version in every tab and visit, and any import, undo or rollback
 * changes it. The sample (no import recorded) is versioned by what it holds: its tax rows and
 * as-of date, read from the rollups.
 */
export async function dataVersion(db: Db): Promise<string> {
  let entries: { entry: string }[] = [];
  try {
    entries = await db.query<{ entry: string }>(sql`SELECT entry FROM import_history ORDER BY id`);
  } catch (error) {
    if (!/import_history does not exist/i.test(String(error))) throw error;
  }
  let text: string;
  if (entries.length) {
    text = JSON.stringify(
      entries.map((e) => {
        const entry = JSON.parse(e.entry) as { id: number; at: string; files: { sha256: string }[] };
        return [entry.id, entry.at, entry.files.map((f) => f.sha256)];
      }),
    );
  } else {
    const [facts] = await db.query<{ rows: number; asOf: string | null }>(
      sql`SELECT (SELECT coalesce(sum(rows), 0) FROM rollup_tax_month) AS rows, as_of::VARCHAR AS "asOf"
          FROM rollup_facts`,
    );
    text = `sample:${facts?.rows ?? 0}:${facts?.asOf ?? ''}`;
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

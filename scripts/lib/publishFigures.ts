/**
 * The figures cache per view that a published dataset may carry (issue 14, item 1): one JSON file
 * per view under `figures/`, so a viewer's screen can show its figures before the engine is up.
 *
 * Each file is the view's one figure function (src/domain/viewFigures.ts, the same call its screen
 * makes) on the view a viewer opens first — 全市, the data's end, the year each screen opens on — with
 * the params it was computed for: `{ "params": …, "figures": … }` (docs/VIEW-FIGURES.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db';
import { defaultYear } from '../../src/app/route';
import type { CaliberSettings } from '../../src/domain/caliber';
import { dataContext } from '../../src/domain/figures/dataStatus';
import {
  VIEW_FIGURES as VIEW_FUNCTIONS,
  viewFigures,
  type ViewName,
  type ViewParams,
} from '../../src/domain/viewFigures';
import {
  FIRST_FIGURES_FILE,
  FIRST_FIGURES_FORMAT,
  type FirstFigureEntry,
  type FirstFigures,
} from '../../src/domain/firstFigures';
import { phoneFiguresOf, phoneYear, type PhoneFigures } from '../../src/domain/figures/phone';
import {
  PHONE_CITY,
  PHONE_DIR,
  PHONE_FIRST,
  PHONE_FORMAT,
  PHONE_INDEX,
  type PhoneIndex,
} from '../../src/domain/phone';
import { firstScreenHtml } from './firstScreen';

export interface ViewFiguresParams {
  /** The data's end (数据截至): the as-of date the views open on. */
  asOf: string;
  caliber: CaliberSettings;
}

/** Per view name, its figures as plain JSON. */
export type ViewFigures = (db: Db, params: ViewFiguresParams) => Promise<Record<string, unknown>>;

/** The views as a viewer first opens them, each with the params its screen passes. */
export const VIEW_FIGURES: ViewFigures = async (db, { asOf, caliber }) => {
  const context = await dataContext(db);
  const year = (screen: 'overview' | 'ranking') => defaultYear(screen, asOf, context.years);
  const { targetTypes } = caliber;
  const views = {
    overview: { year: year('overview'), asOf, filters: {}, targetTypes },
    buildings: { year: year('overview'), asOf, filters: {} },
    belts: { year: year('overview'), asOf, filters: {} },
    // capCompletion only when on, as the ranking screen asks (its kept figures are keyed by the params).
    ranking: {
      year: year('ranking'),
      asOf,
      targetTypes,
      ...(caliber.capCompletion ? { capCompletion: true } : {}),
    },
  };
  return {
    context: { params: {}, figures: context },
    overview: { params: views.overview, figures: await viewFigures(db, 'overview', views.overview) },
    buildings: { params: views.buildings, figures: await viewFigures(db, 'buildings', views.buildings) },
    belts: { params: views.belts, figures: await viewFigures(db, 'belts', views.belts) },
    ranking: { params: views.ranking, figures: await viewFigures(db, 'ranking', views.ranking) },
  };
};

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
  await writeFirstFigures(db, dir, params, views);
  return Object.keys(views).sort();
}

/**
 * The overview's years a first visit finds figures for: the five up to the data's end (the policy's
 * five-year target period). Each costs publish (and the build) one overview.
 */
const FIRST_FIGURES_YEARS = 5;

type Written = { params: unknown; figures: unknown };
const isWritten = (v: unknown): v is Written =>
  typeof v === 'object' && v !== null && 'params' in v && 'figures' in v;

/**
 * `figures/desk.json` (src/domain/firstFigures.ts): the views just written, plus the overview of
 * the other recent years (a link or a bookmark opens on any of them), in one file a first visit
 * reads before the engine is up.
 */
async function writeFirstFigures(db: Db, dir: string, p: ViewFiguresParams, views: Record<string, unknown>) {
  const entries: FirstFigureEntry[] = Object.entries(views)
    .filter((e): e is [ViewName, Written] => e[0] in VIEW_FUNCTIONS && isWritten(e[1]))
    .map(([view, { params, figures }]) => ({ view, params, figures }));
  const overview = entries.find((e) => e.view === 'overview')?.params as ViewParams<'overview'> | undefined;
  if (overview) {
    const last = Number(p.asOf.slice(0, 4));
    for (const year of (await dataContext(db)).years) {
      if (year === overview.year || year > last || year <= last - FIRST_FIGURES_YEARS) continue;
      const params = { ...overview, year };
      entries.push({ view: 'overview', params, figures: await viewFigures(db, 'overview', params) });
    }
  }
  const file: FirstFigures = { format: FIRST_FIGURES_FORMAT, entries };
  fs.writeFileSync(path.join(dir, FIRST_FIGURES_FILE), JSON.stringify(file));
}

/** What the phone's index names besides the years: the dataset, its 口径 and when it was published. */
export interface PhoneIndexParams extends ViewFiguresParams {
  name: string;
  caliberRef: { name: string; hash: string };
  publishedAt: string;
}

/**
 * Years a phone offers by default, newest first (`publish --phone-years`): between meetings a leader
 * asks about this year and the last two, and each year costs publish a 简报 per unit (≈ 0.5–1.5 s
 * each on the wasm engine). Older years are on the full dashboard.
 */
export const PHONE_YEARS = 3;

/**
 * Writes the 掌上驾驶舱's figures (issue 16, docs/PHONE.md): `m/index.json` (dataset, 口径, as-of
 * date, years, units) and `m/<year>/<unit code | city>.json`, each the phoneFigures of that year and
 * scope as of the data's end, for the newest `maxYears` years. Returns the number of figure files.
 */
export async function writePhoneFigures(
  db: Db,
  dir: string,
  p: PhoneIndexParams,
  maxYears = PHONE_YEARS,
): Promise<number> {
  const context = await dataContext(db);
  const last = Number(p.asOf.slice(0, 4));
  const years = context.years
    .filter((y) => y <= last)
    .sort((a, b) => b - a)
    .slice(0, maxYears);
  if (years.length === 0) return 0;
  const root = path.join(dir, PHONE_DIR);
  let written = 0;
  let units: { code: string; name: string }[] = [];
  const year = defaultYear('overview', p.asOf, context.years);
  let opening: PhoneFigures | undefined;
  for (const y of years) {
    fs.mkdirSync(path.join(root, String(y)), { recursive: true });
    const params = { year: y, asOf: p.asOf, caliber: p.caliber };
    const shared = await phoneYear(db, params);
    units = shared.cockpit.units.map(({ code, name }) => ({ code, name }));
    for (const unit of [undefined, ...units.map((u) => u.code)]) {
      const figures = await phoneFiguresOf(db, shared, { ...params, unit });
      if (!unit && (y === year || !opening)) opening = figures;
      fs.writeFileSync(path.join(root, String(y), `${unit ?? PHONE_CITY}.json`), JSON.stringify(figures));
      written++;
    }
  }
  const index: PhoneIndex = {
    format: PHONE_FORMAT,
    name: p.name,
    asOf: p.asOf,
    publishedAt: p.publishedAt,
    caliber: p.caliberRef,
    year: opening!.year,
    years,
    units,
    opening: opening!,
  };
  fs.writeFileSync(path.join(dir, PHONE_INDEX), JSON.stringify(index));
  fs.writeFileSync(path.join(dir, PHONE_FIRST), firstScreenHtml(index));
  return written;
}

/**
 * Answer before the click (issue 12, filters ≤ 100 ms): once a screen's figures have settled and
 * the engine has nothing else to do, the figures of the views a leader clicks next — the year
 * before and after in the same scope, the city, each unit of the filter bar in the same year — are
 * computed in the background into the per-version answers (src/app/answers.ts), so the click is
 * answered in its first render instead of waiting for the engine.
 *
 * The engine's worker answers one query at a time, so the prefetch must never stand in front of a
 * real one for long: it sends one query at a time (waiting for its answer), and only while no
 * figure of a screen is being computed (a real query waits for at most the one prefetch query in
 * the worker). The queue belongs
 * to one view on one data version: another view replaces it (its neighbours come first), a data
 * change drops it (its answers would be of the old data, and are kept only under the old version's
 * database, which nothing reads any more), and it stops while the import desk is at work.
 */
import { createContext } from 'react';
import type { Db, Row, Sql } from '../db';
import type { Filters } from '../domain/filters';
import { UNITS } from '../domain/units';
import { answered, rememberAhead, type FigureFn } from './answers';
import { deskActivity } from './deskActivity';
import { isVersionReads } from './versionReads';

/** A view a filter click leads to: its year and filters (as the screen follows them). */
export interface View {
  year: number;
  filters: Filters;
}

/** The view on screen (`id`) and the views one click away from it, nearest first. */
export interface Around {
  id: string;
  views: View[];
}

export const AroundContext = createContext<Around>({ id: '', views: [] });

/**
 * The views one filter click away: the year before and after (those with data), then — for a
 * screen that follows the unit — the city and each unit of the filter bar, in the bar's order.
 */
export function neighbourViews(
  year: number,
  years: readonly number[],
  filters: Filters,
  followsUnit: boolean,
): View[] {
  const views: View[] = [year - 1, year + 1]
    .filter((y) => years.includes(y))
    .map((y) => ({ year: y, filters }));
  if (!followsUnit) return views;
  const { unit, ...rest } = filters;
  const units = [undefined, ...UNITS.map((u) => u.code)].filter((code) => code !== unit);
  for (const code of units) views.push({ year, filters: code ? { ...rest, unit: code } : rest });
  return views;
}

interface Task {
  figure: FigureFn;
  key: string;
  /** Its view's place among the neighbours: nearer views first, whatever figure offered them. */
  rank: number;
}

let queue: { db: Db; view: string; tasks: Task[] } | undefined;
let running = false;
/**
 * Figures the screens are computing now, per database: while any is on the queue's, no prefetch
 * query is sent. Per database, since a page showing kept figures before the engine (src/app/useData.ts
 * NOT_YET_DB) asks a database that never answers, and that is no work of the engine's.
 */
const realWork = new WeakMap<Db, number>();
/** Prefetch queries waiting for the real work to end. */
let waiting: (() => void)[] = [];

class Cancelled extends Error {}

function wakeWaiting() {
  const ready = waiting;
  waiting = [];
  ready.forEach((go) => go());
}

/** Counts `work` (a screen's figure being computed on `db`) as real work until it settles. */
export function trackReal<T>(db: Db, work: Promise<T>): Promise<T> {
  realWork.set(db, (realWork.get(db) ?? 0) + 1);
  const end = () => {
    const left = realWork.get(db)! - 1;
    realWork.set(db, left);
    if (left > 0) return;
    wakeWaiting();
  };
  work.then(end, end);
  return work;
}

/**
 * Offers the figure's params for the views around `view` (JSON keys, nearest first) for computing
 * in the background. Only on a screen's reads of one data version (src/app/versionReads.ts).
 */
export function offerPrefetch(db: Db, view: string, figure: FigureFn, keys: string[]): void {
  if (!isVersionReads(db) || deskActivity() !== undefined) return;
  if (queue?.db !== db || queue.view !== view) {
    const otherVersion = queue !== undefined && queue.db !== db;
    queue = { db, view, tasks: [] };
    // A query of the old version's queue waiting for its real work gives up now (see `gated`).
    if (otherVersion) wakeWaiting();
  }
  const tasks = queue.tasks;
  keys.forEach((key, rank) => {
    if (answered(db, figure, key) || tasks.some((t) => t.figure === figure && t.key === key)) return;
    tasks.push({ figure, key, rank });
  });
  // Stable: among one view's tasks, the figures offered first (the screen's main figure) lead.
  tasks.sort((a, b) => a.rank - b.rank);
  setBusy(tasks.length > 0 || running);
  if (!running) run().catch(() => undefined);
}

/** Computes the queued figures one after another, each answer kept for its data version. */
async function run(): Promise<void> {
  running = true;
  try {
    for (let task = next(); task; task = next()) {
      const { db } = queue!;
      try {
        const data = await task.figure(gated(db), JSON.parse(task.key) as never);
        // Kept only for the version it was computed on; a newer version's screens never see it.
        if (queue?.db === db) rememberAhead(db, task.figure, task.key, data);
      } catch {
        // Cancelled, or the figure failed: nothing kept. A real ask will show its own error.
      }
    }
  } finally {
    running = false;
    setBusy(false);
  }
}

function next(): Task | undefined {
  const tasks = queue?.tasks;
  let task = tasks?.shift();
  while (task && answered(queue!.db, task.figure, task.key)) task = tasks!.shift();
  return task;
}

/**
 * `db` whose queries go one at a time (a figure may ask several at once: the worker would queue them
 * all in front of a real query), each only once no screen is computing; it fails (and the prefetch
 * stops) once the queue belongs to another data version or the import desk is at work.
 */
function gated(db: Db): Db {
  let lane: Promise<unknown> = Promise.resolve();
  const ask = async <T = Row>(q: Sql): Promise<T[]> => {
    while (queue?.db === db && (realWork.get(db) ?? 0) > 0)
      await new Promise<void>((resolve) => waiting.push(resolve));
    if (queue?.db !== db) throw new Cancelled();
    if (deskActivity() !== undefined) {
      queue = undefined;
      throw new Cancelled();
    }
    return db.query<T>(q);
  };
  const query = <T = Row>(q: Sql): Promise<T[]> => {
    const turn = lane.then(() => ask<T>(q));
    lane = turn.catch(() => undefined);
    return turn;
  };
  return { ...db, query };
}

/** `<html data-prefetch="busy|idle">`: whether the background computing runs (tests wait for idle). */
function setBusy(busy: boolean) {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.prefetch = busy ? 'busy' : 'idle';
}

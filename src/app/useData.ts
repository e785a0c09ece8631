import { useEffect, useState, useSyncExternalStore } from 'react';
import { browserEngine } from '../db/browser';
import { opfsStoredFile } from '../db/opfs';
import { createPersistence, STORED, type Persistence as Keeper } from '../db/persist';
import type { Db } from '../db';
import { restoreData } from '../domain/ddl';
import { ensureTaxNames } from '../domain/taxNames';
import { ensureRollups, refreshRollups } from '../domain/rollups';
import { dataVersion } from '../domain/dataVersion';
import { forgetFiguresVersion, keepFigures, setFiguresVersion } from './figureCache';
import { dataContext } from '../domain/figures/dataStatus';
import type { ImportReport, SourceFile } from '../ingest';
import { hasImports } from '../ingest/historyTables';
import { dropLeftoverRows } from '../ingest/leftoverRows';
import { fetchSampleFiles, fetchSampleSnapshot } from './sampleFiles';
import { officeMode } from './officeMode';
import { fetchPublishedDataset, type PublishedDataset } from './publishedDataset';
import { setPublishedCaliber } from './settings';
import type { DatasetManifest } from '../domain/published';

/**
 * Which data the page shows: the build's sample, what the user imported (kept across visits), or
 * the published dataset deployed beside the app (read-only, the same for every viewer).
 */
export type DataSource = '样例数据' | '已导入数据' | '发布数据';

/** Whether this tab can keep what is imported; when not, `problem` says why, for the user. */
export interface Persistence {
  persistent: boolean;
  problem?: string;
}

export type DataState =
  | { status: 'loading'; step: string }
  | {
      status: 'ready';
      db: Db;
      imported: ImportReport;
      source: DataSource;
      context: DataContext;
      persistence: Persistence;
      /** The published dataset's manifest when the page shows one. */
      dataset?: DatasetManifest;
    }
  | { status: 'failed'; message: string };

/** The as-of date and years of the loaded data, read once with the data (every screen needs them). */
export type DataContext = Awaited<ReturnType<typeof dataContext>>;

interface Loaded {
  db: Db;
  imported: ImportReport;
  source: DataSource;
  context: DataContext;
  persistence: Persistence;
  dataset?: DatasetManifest;
}

/** Stored data carries no import report of the sample kind; the desk keeps its own history. */
const NO_REPORT: ImportReport = { files: [], committed: [] };

let loaded: Promise<Loaded> | undefined;
/** Where the page's data is kept (src/db/persist.ts), created with the engine. */
let keeper: Keeper | undefined;
/** The latest loaded state, replaced by `afterChange` / `resetToSample`, watched by `useData`. */
let latest: Loaded | undefined;
const listeners = new Set<() => void>();

function publish(next: Loaded) {
  latest = next;
  listeners.forEach((l) => l());
}

/**
 * Starts the engine and loads the data once per page: what the user imported and saved in an earlier
 * visit, else the sample (the build's snapshot, else the exports).
 */
export function startLoading() {
  loaded ??= loadData().then(async (data) => {
    const ready = { ...data, context: await versionedContext(data.db) };
    latest ??= ready;
    return ready;
  });
  return loaded;
}

/**
 * The data's context, after telling the figure cache which data version is shown (so the views
 * keep their figures under it) and keeping the context itself for a page without the engine yet.
 */
async function versionedContext(db: Db): Promise<DataContext> {
  setFiguresVersion(await dataVersion(db));
  const context = await dataContext(db);
  keepFigures('context', '{}', context);
  return context;
}

/**
 * A database for the screens a page shows before its engine is up (figures kept from the last
 * visit, see ./figureCache.ts): it answers nothing, so those screens show only kept figures; the
 * screens on the real database replace them as soon as the data is ready.
 */
export const NOT_YET_DB: Db = {
  query: () => new Promise(() => undefined),
  run: () => new Promise(() => undefined),
  registerFile: () => new Promise(() => undefined),
  dropFile: () => new Promise(() => undefined),
  setup: () => new Promise(() => undefined),
  use: () => new Promise(() => undefined),
  session: () => new Promise(() => undefined),
  close: () => Promise.resolve(),
};

async function loadData(): Promise<Omit<Loaded, 'context'>> {
  // Marks for the open-time benchmark (scripts/bench-open.ts).
  performance.mark('hq:start');
  // A published dataset beside the app is what every viewer sees; the office sees its own imports.
  const published = officeMode() ? Promise.resolve(undefined) : fetchPublishedDataset();
  published.catch(() => undefined);
  // The sample only where no dataset is published: its 13 MB are not fetched for nothing.
  const sample = published.then((dataset) => (dataset ? undefined : fetchSampleSnapshot()));
  // Not awaited when stored data is shown: a failed fetch then must not surface as unhandled.
  sample.catch(() => undefined);
  const { engine, db } = await browserEngine();
  performance.mark('hq:engine');
  const dataset = await published;
  if (dataset) return openPublished(db, dataset);
  keeper = createPersistence(opfsStoredFile(engine), hasImports);
  const { stored, persistent, problem } = await keeper.open(db);
  const kept = { persistent, ...(problem ? { problem } : {}) };
  if (stored) {
    // An import's rows a closed tab or a crash left behind (slices.ts): never committed.
    await dropLeftoverRows(db, STORED);
    // Data kept by a version without rollups or tax_names gets them once (a no-op read otherwise).
    await ensureTaxNames(db);
    await ensureRollups(db);
    performance.mark('hq:data');
    return { db, imported: NO_REPORT, source: '已导入数据', persistence: kept };
  }
  return {
    db,
    imported: await loadSample(db, await fetchSample(sample)),
    source: '样例数据',
    persistence: kept,
  };
}

/**
 * The published dataset, read-only: its tables copied into the page's in-memory database, its 口径
 * made the published one. Nothing is kept in the browser's storage and no import can reach it.
 */
async function openPublished(db: Db, dataset: PublishedDataset): Promise<Omit<Loaded, 'context'>> {
  await restoreData(db, dataset.snapshot);
  // The figures read the rollups (src/domain/rollups.ts); a dataset carries only the tables.
  await refreshRollups(db);
  setPublishedCaliber(dataset.caliber);
  performance.mark('hq:data');
  return {
    db,
    imported: dataset.imported,
    source: '发布数据',
    persistence: { persistent: false },
    dataset: dataset.manifest,
  };
}

/** The data is the sample exactly when no import is recorded (undoing the first brings it back). */
async function sourceOf(db: Db): Promise<DataSource> {
  return (await hasImports(db)) ? '已导入数据' : '样例数据';
}

async function opened(): Promise<{ current: Loaded; keeper: Keeper }> {
  const current = await startLoading();
  // A published dataset is read-only: nothing on this page may write over it.
  if (!keeper) throw new Error('正在显示发布数据（只读），不能导入或修改数据');
  return { current, keeper };
}

type Snapshot = NonNullable<Awaited<ReturnType<typeof fetchSampleSnapshot>>>;
/** What the sample is loaded from: the build's snapshot, else (the dev server) the exports themselves. */
type Sample = { snapshot: Snapshot } | { files: SourceFile[] };

async function fetchSample(
  snapshot: ReturnType<typeof fetchSampleSnapshot> = fetchSampleSnapshot(),
): Promise<Sample> {
  const fetched = await snapshot;
  return fetched ? { snapshot: fetched } : { files: await fetchSampleFiles() };
}

/** The sample into the (empty) default catalog. */
async function loadSample(db: Db, sample: Sample): Promise<ImportReport> {
  if ('files' in sample) {
    // No snapshot (the dev server): import the exports; the importer loads only on this path.
    const { importFiles } = await import('../ingest');
    return importFiles(db, sample.files);
  }
  await restoreData(db, sample.snapshot);
  await refreshRollups(db);
  performance.mark('hq:data');
  return sample.snapshot.imported;
}

/**
 * Call before an import commits, on the connection that will commit it (`fileBytes`: the size of
 * its files): its rows then go straight to where they are kept. Rejects with a message for the
 * user when the storage has no room for them.
 */
export async function beforeImport(session: Db, fileBytes: number): Promise<void> {
  const { keeper } = await opened();
  forgetFiguresVersion();
  await keeper.beforeImport(session, fileBytes);
}

/**
 * Call after the data changed (an import committed, an undo, a rollback): saves it (on OPFS, a
 * CHECKPOINT) so it survives a reload and a browser restart, and says again whether the page shows
 * 样例数据 or 已导入数据. Rejects with a message for the user (storage full, another tab holds the
 * data, storage unavailable); the data in the page stays as changed, and the label follows it.
 */
export async function afterChange(): Promise<void> {
  const { current, keeper } = await opened();
  let failure: unknown;
  await keeper.afterChange(current.db).catch((error: unknown) => (failure = error));
  performance.mark('导入：已保存');
  const { db } = current;
  publish({ ...(latest ?? current), source: await sourceOf(db), context: await versionedContext(db) });
  if (failure !== undefined) throw failure;
}

/**
 * Forgets the saved data and shows the sample again (the caller asks the user to confirm first).
 * The sample is fetched before anything is forgotten, so a failed fetch changes nothing. Runs on a
 * connection of its own, so the screens' queries never run inside its transactions.
 */
export async function resetToSample(): Promise<void> {
  const { current, keeper } = await opened();
  const sample = await fetchSample();
  forgetFiguresVersion();
  const session = await current.db.session();
  let imported: ImportReport;
  try {
    await keeper.reset(session);
    imported = await loadSample(session, sample);
  } finally {
    await session.close();
  }
  publish({
    ...(latest ?? current),
    imported,
    source: '样例数据',
    context: await versionedContext(current.db),
  });
}

/** What to tell the user when an import's commit failed (a full storage is said as such). */
export async function commitFailureMessage(error: unknown): Promise<string> {
  return (await opened()).keeper.commitFailureMessage(error);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useData(): DataState {
  const [failed, setFailed] = useState<string>();
  const ready = useSyncExternalStore(subscribe, () => latest);
  useEffect(() => {
    let live = true;
    startLoading().then(
      () => live && listeners.forEach((l) => l()),
      (error: unknown) => live && setFailed(String(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed !== undefined) return { status: 'failed', message: failed };
  if (!ready) return { status: 'loading', step: '正在启动分析引擎并载入数据…' };
  return { status: 'ready', ...ready };
}

import { useEffect, useState, useSyncExternalStore } from 'react';
import { browserDb } from '../db/browser';
import { clearPersisted, openPersistentDb, saveAfterCommit, storeBeforeCommit } from '../db/persist';
import { restoreSnapshot } from '../db/snapshot';
import type { Db } from '../db';
import { createTables } from '../domain/ddl';
import { dataContext } from '../domain/figures/dataStatus';
import { TABLES } from '../domain/schema';
import type { ImportReport } from '../ingest';
import { fetchSampleFiles, fetchSampleSnapshot } from './sampleFiles';

/** Which data the page shows: the build's sample, or what the user imported (kept across visits). */
export type DataSource = '样例数据' | '已导入数据';

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
}

/** Stored data carries no import report of the sample kind; the desk keeps its own history. */
const NO_REPORT: ImportReport = { files: [], committed: [] };

let loaded: Promise<Loaded> | undefined;
/** The latest loaded state, replaced by `afterImport` / `resetToSample`, watched by `useData`. */
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
    const ready = { ...data, context: await dataContext(data.db) };
    latest ??= ready;
    return ready;
  });
  return loaded;
}

async function loadData(): Promise<Omit<Loaded, 'context'>> {
  // Marks for the open-time benchmark (scripts/bench-open.ts).
  performance.mark('hq:start');
  const sample = fetchSampleSnapshot();
  // Not awaited when stored data is shown: a failed fetch then must not surface as unhandled.
  sample.catch(() => undefined);
  await browserDb();
  performance.mark('hq:engine');
  const { db, hasData, persistent, problem } = await openPersistentDb();
  const persistence = { persistent, ...(problem ? { problem } : {}) };
  if (hasData) {
    performance.mark('hq:data');
    return { db, imported: NO_REPORT, source: '已导入数据', persistence };
  }
  return { db, imported: await loadSample(db, await sample), source: '样例数据', persistence };
}

/** The sample into the (empty) default catalog: the build's snapshot, else the exports themselves. */
async function loadSample(
  db: Db,
  snapshot: Awaited<ReturnType<typeof fetchSampleSnapshot>>,
): Promise<ImportReport> {
  if (!snapshot) {
    // No snapshot (the dev server): import the exports; the importer loads only on this path.
    const { importFiles } = await import('../ingest');
    return importFiles(db, await fetchSampleFiles());
  }
  await createTables(db);
  await restoreSnapshot(
    db,
    snapshot,
    TABLES.map((t) => t.name),
  );
  performance.mark('hq:data');
  return snapshot.imported;
}

/**
 * Call before an import commits (`fileBytes`: the size of its files): its rows then go straight to
 * where they are kept. Rejects with a message for the user when the storage has no room for them.
 */
export async function beforeImport(fileBytes: number): Promise<void> {
  await storeBeforeCommit((await startLoading()).db, fileBytes);
}

/**
 * Call after an import committed: saves the data (on OPFS, a CHECKPOINT) so it survives a reload and
 * a browser restart, and marks the source as 已导入数据. Rejects with a message for the user (storage
 * full, another tab holds the data, storage unavailable); the data in the page stays as committed.
 */
export async function afterImport(): Promise<void> {
  const current = await startLoading();
  await saveAfterCommit(current.db);
  performance.mark('导入：已保存');
  const base = latest ?? current;
  publish({ ...base, source: '已导入数据', context: await dataContext(base.db) });
}

/** Forgets the saved data and shows the sample again (the caller asks the user to confirm first). */
export async function resetToSample(): Promise<void> {
  const current = await startLoading();
  const { db } = current;
  await clearPersisted(db);
  const imported = await loadSample(db, await fetchSampleSnapshot());
  publish({ ...(latest ?? current), imported, source: '样例数据', context: await dataContext(db) });
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

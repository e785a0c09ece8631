import { useEffect, useState } from 'react';
import { browserDb } from '../db/browser';
import { restoreSnapshot } from '../db/snapshot';
import type { Db } from '../db';
import { createTables } from '../domain/ddl';
import { dataContext } from '../domain/figures/dataStatus';
import { TABLES } from '../domain/schema';
import type { ImportReport } from '../ingest';
import { fetchSampleFiles, fetchSampleSnapshot } from './sampleFiles';

export type DataState =
  | { status: 'loading'; step: string }
  | { status: 'ready'; db: Db; imported: ImportReport; source: '样例数据'; context: DataContext }
  | { status: 'failed'; message: string };

/** The as-of date and years of the loaded data, read once with the data (every screen needs them). */
export type DataContext = Awaited<ReturnType<typeof dataContext>>;

let loaded: Promise<{ db: Db; imported: ImportReport; context: DataContext }> | undefined;

/** Starts the engine and loads the sample data once per page: the build's snapshot, else the exports. */
export function startLoading() {
  loaded ??= loadData().then(async (data) => ({ ...data, context: await dataContext(data.db) }));
  return loaded;
}

async function loadData(): Promise<{ db: Db; imported: ImportReport }> {
  // Marks for the open-time benchmark (scripts/bench-open.ts).
  performance.mark('hq:start');
  const engine = browserDb().then((db) => (performance.mark('hq:engine'), db));
  const [db, snapshot] = await Promise.all([engine, fetchSampleSnapshot()]);
  if (!snapshot) {
    // No snapshot (the dev server): import the exports; the importer loads only on this path.
    const { importFiles } = await import('../ingest');
    return { db, imported: await importFiles(db, await fetchSampleFiles()) };
  }
  await createTables(db);
  await restoreSnapshot(
    db,
    snapshot,
    TABLES.map((t) => t.name),
  );
  performance.mark('hq:data');
  return { db, imported: snapshot.imported };
}

export function useData(): DataState {
  const [state, setState] = useState<DataState>({ status: 'loading', step: '正在启动分析引擎并载入数据…' });
  useEffect(() => {
    let live = true;
    startLoading().then(
      ({ db, imported, context }) =>
        live && setState({ status: 'ready', db, imported, source: '样例数据', context }),
      (error: unknown) => live && setState({ status: 'failed', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

import { useEffect, useState } from 'react';
import { browserDb } from '../db/browser';
import { restoreSnapshot } from '../db/snapshot';
import type { Db } from '../db';
import { createTables } from '../domain/ddl';
import { TABLES } from '../domain/schema';
import type { ImportReport } from '../ingest';
import { fetchSampleFiles, fetchSampleSnapshot } from './sampleFiles';

export type DataState =
  | { status: 'loading'; step: string }
  | { status: 'ready'; db: Db; imported: ImportReport; source: '样例数据' }
  | { status: 'failed'; message: string };

let loaded: Promise<{ db: Db; imported: ImportReport }> | undefined;

/** Starts the engine and loads the sample data once per page: the build's snapshot, else the exports. */
function loadOnce() {
  loaded ??= (async () => {
    // Marks for the open-time benchmark (scripts/bench-open.ts).
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
  })();
  return loaded;
}

export function useData(): DataState {
  const [state, setState] = useState<DataState>({ status: 'loading', step: '正在启动分析引擎并载入数据…' });
  useEffect(() => {
    let live = true;
    loadOnce().then(
      ({ db, imported }) => live && setState({ status: 'ready', db, imported, source: '样例数据' }),
      (error: unknown) => live && setState({ status: 'failed', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

import { useEffect, useState } from 'react';
import { browserDb } from '../db/browser';
import type { Db } from '../db';
import { importFiles, type ImportReport } from '../ingest';
import { fetchSampleFiles } from './sampleFiles';

export type DataState =
  | { status: 'loading'; step: string }
  | { status: 'ready'; db: Db; imported: ImportReport; source: '样例数据' }
  | { status: 'failed'; message: string };

let loaded: Promise<{ db: Db; imported: ImportReport }> | undefined;

/** Starts the engine and loads the sample data once per page. */
function loadOnce() {
  loaded ??= (async () => {
    const db = await browserDb();
    const imported = await importFiles(db, await fetchSampleFiles());
    return { db, imported };
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

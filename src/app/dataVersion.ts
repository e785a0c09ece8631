/**
 * The data's version in this page: bumped by every committed import, so the screens are rebuilt
 * and their figures read the new tables instead of results kept for the same params. It also
 * keeps the report of the import that bumped it, for the data page.
 */
import { createStore, useStore } from './store';
import type { ImportReport } from '../ingest';

interface DataVersion {
  version: number;
  imported?: ImportReport;
  /** A problem the change met that the user must know (the import is in the page but not saved). */
  warning?: string;
}

const current = createStore<DataVersion>({ version: 0 });

export function bumpDataVersion(imported?: ImportReport, warning?: string) {
  current.set({
    version: current.get().version + 1,
    ...(imported ? { imported } : {}),
    ...(warning ? { warning } : {}),
  });
}

/** Told after every change of the data version (the import desk forgets a check made stale). */
export function onDataVersion(listener: (version: DataVersion) => void): () => void {
  return current.subscribe(() => listener(current.get()));
}

export function useDataVersion(): DataVersion {
  return useStore(current);
}

/**
 * The data's version in this page: bumped by every committed import, so the screens are rebuilt
 * and their figures read the new tables instead of results kept for the same params. It also
 * keeps the report of the import that bumped it, for the data page.
 */
import { useSyncExternalStore } from 'react';
import type { ImportReport } from '../ingest';

interface DataVersion {
  version: number;
  imported?: ImportReport;
  /** A problem the change met that the user must know (the import is in the page but not saved). */
  warning?: string;
}

let current: DataVersion = { version: 0 };
const listeners = new Set<() => void>();

export function bumpDataVersion(imported?: ImportReport, warning?: string) {
  current = {
    version: current.version + 1,
    ...(imported ? { imported } : {}),
    ...(warning ? { warning } : {}),
  };
  listeners.forEach((l) => l());
}

/** Told after every change of the data version (the import desk forgets a check made stale). */
export function onDataVersion(listener: (version: DataVersion) => void): () => void {
  const tell = () => listener(current);
  listeners.add(tell);
  return () => listeners.delete(tell);
}

export function useDataVersion(): DataVersion {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/**
 * Whether the import desk is at work (checking files, or committing them), for the top bar: the user
 * may look at other screens meanwhile, and sees there that the import goes on. Written by the desk's
 * session (views/data/deskSession.ts); kept here so the shell does not load the importer to read it.
 */
import { useSyncExternalStore } from 'react';

export type DeskActivity = 'checking' | 'running' | undefined;

let current: DeskActivity;
const listeners = new Set<() => void>();

export function setDeskActivity(activity: DeskActivity) {
  if (activity === current) return;
  current = activity;
  listeners.forEach((l) => l());
}

export function useDeskActivity(): DeskActivity {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

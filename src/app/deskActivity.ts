/**
 * Whether the import desk is at work (checking files, or committing them), for the top bar: the user
 * may look at other screens meanwhile, and sees there that the import goes on. Written by the desk's
 * session (views/data/deskSession.ts); kept here so the shell does not load the importer to read it.
 */
import { createStore, useStore } from './store';

export type DeskActivity = 'checking' | 'running' | undefined;

const activity = createStore<DeskActivity>(undefined);

export function setDeskActivity(next: DeskActivity) {
  if (next !== activity.get()) activity.set(next);
}

export function useDeskActivity(): DeskActivity {
  return useStore(activity);
}

/** The desk's activity now, outside React (the prefetch stops while the desk works). */
export function deskActivity(): DeskActivity {
  return activity.get();
}

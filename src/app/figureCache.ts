/**
 * Figures before the engine (issue 12): the JSON of each view's figures (src/domain/viewFigures.ts)
 * kept in localStorage per data version and params, so a revisit shows the last figures at once,
 * marked 更新中, while the engine starts and computes them again; the engine's answer replaces them.
 *
 * The version in use is remembered too (`hq:figures:version`): a page that has no engine yet reads
 * the figures of the data it showed last. When the data changes (an import, an undo, a reset) the
 * engine's version differs, its figures are kept under the new version and the old ones dropped.
 * Storage is best effort: a full or disabled localStorage only means no figures before the engine.
 */
import type { ViewName } from '../domain/viewFigures';

const PREFIX = 'hq:figures:';
const VERSION_KEY = `${PREFIX}version`;
/** Entries kept per version, newest last: plenty for the views and filters a meeting goes through. */
const MAX_ENTRIES = 60;

let version: string | undefined = read(VERSION_KEY) ?? undefined;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function entryKey(view: ViewName, params: string): string {
  return `${PREFIX}${version}:${view}:${params}`;
}

/**
 * What was read back, by entry: a screen renders several times while its kept figures show, and
 * each render must get the same object (a new one would make every chart draw again).
 */
let parsed = new Map<string, { text: string; value: unknown }>();

/**
 * A first visit's figures (src/app/firstFigures.ts): the figures of the data the page is about to
 * show, shipped beside it, answered while no data version is known and dropped when one is. Kept in
 * memory only: the version the engine computes decides what is kept in localStorage.
 */
let firstFigures: Map<string, unknown> | undefined;
const listeners = new Set<() => void>();

/**
 * Answers `cachedFigures` from `entries` until the engine's version is set. Refused (false) when
 * figures of a version are already kept: those are the figures of the data this browser showed.
 */
export function seedFigures(
  entries: readonly { view: ViewName; params: unknown; figures: unknown }[],
): boolean {
  if (version !== undefined) return false;
  firstFigures = new Map(entries.map((e) => [`${e.view}:${JSON.stringify(e.params)}`, e.figures]));
  listeners.forEach((l) => l());
  return true;
}

/** Told when first-visit figures arrive (App renders the opening screen from them). */
export function onFiguresSeeded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The figures of `view` for `params` (JSON) kept for the current data version, if any. */
export function cachedFigures<T>(view: ViewName, params: string): T | undefined {
  if (version === undefined) return firstFigures?.get(`${view}:${params}`) as T | undefined;
  const key = entryKey(view, params);
  const text = read(key);
  if (text === null) return undefined;
  const known = parsed.get(key);
  if (known?.text === text) return known.value as T;
  try {
    const value = JSON.parse(text) as T;
    parsed.set(key, { text, value });
    return value;
  } catch {
    return undefined;
  }
}

/** Keeps the engine's figures of `view` for `params` under the current data version. */
export function keepFigures(view: ViewName, params: string, data: unknown): void {
  if (version === undefined) return;
  try {
    localStorage.setItem(entryKey(view, params), JSON.stringify(data));
    const ours = ownKeys().filter((k) => k.startsWith(`${PREFIX}${version}:`));
    // Oldest first is not known from localStorage; dropping any surplus keeps the store bounded.
    for (const key of ours.slice(0, Math.max(0, ours.length - MAX_ENTRIES))) localStorage.removeItem(key);
  } catch {
    // Full or disabled storage: the figures are simply not kept.
  }
}

/** The data version the engine computed (`dataVersion`); figures of other versions are dropped. */
export function setFiguresVersion(next: string): void {
  firstFigures = undefined;
  const changed = next !== version;
  version = next;
  if (changed) parsed = new Map();
  try {
    // Written even when unchanged: a change that failed after `forgetFiguresVersion` removed it.
    localStorage.setItem(VERSION_KEY, next);
    if (!changed) return;
    for (const key of ownKeys())
      if (key !== VERSION_KEY && !key.startsWith(`${PREFIX}${next}:`)) localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/**
 * Before the data changes (an import commits, an undo, a reset): no version is in use until the
 * engine computes the new one (`setFiguresVersion`). A page opened meanwhile, or after the tab died
 * between the change and that, shows no kept figures rather than those of the data before.
 */
export function forgetFiguresVersion(): void {
  version = undefined;
  parsed = new Map();
  try {
    localStorage.removeItem(VERSION_KEY);
  } catch {
    // As above.
  }
}

export function figuresVersion(): string | undefined {
  return version;
}

function ownKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

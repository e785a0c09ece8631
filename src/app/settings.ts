/**
 * The 口径 in force in this page (src/domain/caliber): the published one — the dataset's
 * `rules.json`, or the default 口径 without a dataset — with this browser's own edits over it.
 * Edits (weights, method, certification rules, thresholds, local shares, reward tiers, what counts
 * toward the target) are kept in localStorage per item, so they survive a reload; an item set back
 * to the published value is forgotten, so "本机修改（未发布）" shows exactly when the 口径 in force
 * differs from the published one. Figures take the settings as parameters, so a change recomputes
 * at once. Every change is written to the audit trail (auditLog.ts).
 */
import { useSyncExternalStore } from 'react';
import {
  canonicalJson,
  caliberContent,
  DEFAULT_CALIBER,
  DEFAULT_CALIBER_SETTINGS,
  diffCaliber,
  makeCaliber,
  parseCaliber,
  caliberFileText,
  type Caliber,
  type CaliberChange,
  type CaliberSettings,
} from '../domain/caliber';
import { recordAudit } from './auditLog';

export type Settings = CaliberSettings;
export const DEFAULT_SETTINGS: Settings = DEFAULT_CALIBER_SETTINGS;

const KEY = 'hq-dashboard.settings.v1';
/** The name of a 口径 file imported here (导入口径), shown while its items are in force. */
const NAME_KEY = 'hq-dashboard.caliber-name.v1';
const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const listeners = new Set<() => void>();

export interface CaliberState {
  /** The 口径 in force here: the published one with this browser's edits. */
  effective: Caliber;
  published: Caliber;
  /** 本机修改（未发布）: the 口径 in force is not the published one. */
  modified: boolean;
  /** What differs from the published 口径, item by item. */
  changes: CaliberChange[];
  /**
   * Counts changes made other than by typing in an editor (恢复发布口径, 导入口径, another tab): the
   * editors are keyed on it, so their half-typed text gives way to the new 口径.
   */
  revision: number;
}

let published: Caliber = DEFAULT_CALIBER;
/** This browser's edits over `published` (read from storage on first use; kept here if storage refuses). */
let overrides: Partial<Settings> | undefined;
let cached: CaliberState | undefined;
let revision = 0;

const sameValue = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Whether `settings` is a usable 口径 content, by the file reader's own rules. */
function usable(settings: Settings): boolean {
  try {
    return parseCaliber(caliberFileText(makeCaliber('检查', settings))).ok;
  } catch {
    return false;
  }
}

/**
 * The stored edits that are usable over `base`: known items only, each kept only if the 口径 stays
 * valid with it (a garbled or hand-edited item falls back to the published value, never throws).
 */
export function readOverrides(
  base: Settings,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Partial<Settings> {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const kept: Partial<Settings> = {};
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(stored, key)) continue;
    const value = (stored as Record<string, unknown>)[key];
    const candidate = { ...base, ...kept, [key]: value } as Settings;
    if (!sameValue(value, base[key]) && usable(candidate)) Object.assign(kept, { [key]: value });
  }
  return kept;
}

function readName(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function state(): CaliberState {
  if (cached) return cached;
  overrides ??= readOverrides(published.settings);
  const settings = { ...published.settings, ...overrides };
  const modified = !sameValue(caliberContent(settings), caliberContent(published.settings));
  const name = modified ? (readName() ?? `${published.name}（本机修改）`) : published.name;
  cached = {
    effective: modified ? makeCaliber(name, settings) : published,
    published,
    modified,
    changes: modified ? diffCaliber(published.settings, settings) : [],
    revision,
  };
  return cached;
}

function store(overrides: Partial<Settings>, name?: string | null) {
  try {
    localStorage.setItem(KEY, JSON.stringify(overrides));
    if (name === null) localStorage.removeItem(NAME_KEY);
    else if (name !== undefined) localStorage.setItem(NAME_KEY, name);
  } catch {
    // Storage full or disabled: nothing to keep across a reload; this page follows below.
  }
}

/** Applies `next` (full settings) as this browser's 口径 and records what changed. */
function apply(next: Settings, summary: string, name?: string | null) {
  const before = state();
  overrides = Object.fromEntries(
    SETTING_KEYS.filter((k) => !sameValue(next[k], published.settings[k])).map((k) => [k, next[k]]),
  ) as Partial<Settings>;
  store(overrides, Object.keys(overrides).length === 0 ? null : name);
  cached = undefined;
  const after = state();
  const changes = diffCaliber(before.effective.settings, after.effective.settings);
  if (changes.length > 0) {
    recordAudit({
      kind: 'rules',
      summary,
      caliber: { name: after.effective.name, hash: after.effective.hash },
      changes,
    });
  }
  listeners.forEach((l) => l());
}

export function updateSettings(change: Partial<Settings>) {
  apply({ ...state().effective.settings, ...change }, '本机修改口径');
}

/** 恢复默认 of an editor: its items go back to the published 口径. */
export function resetSettings(keys: readonly (keyof Settings)[]) {
  revision += 1;
  const next = { ...state().effective.settings };
  for (const k of keys) Object.assign(next, { [k]: published.settings[k] });
  apply(next, '恢复为发布口径（部分项目）');
}

/** 恢复发布口径: forget every edit made here. */
export function revertToPublished() {
  revision += 1;
  apply(published.settings, `恢复为发布口径「${published.name}」`, null);
}

/** 导入口径: a 口径 file (already read strictly) becomes this browser's 口径. */
export function importCaliber(caliber: Caliber) {
  revision += 1;
  apply(caliber.settings, `导入口径文件「${caliber.name}」`, caliber.name);
}

/** The dataset's 口径, set once when the page loads a published dataset (before screens render). */
export function setPublishedCaliber(caliber: Caliber) {
  published = caliber;
  revision += 1;
  overrides = undefined;
  cached = undefined;
  listeners.forEach((l) => l());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY || e.key === NAME_KEY) {
      revision += 1;
      overrides = undefined;
      cached = undefined;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
};

export function useCaliber(): CaliberState {
  return useSyncExternalStore(subscribe, state);
}

export function useSettings(): Settings {
  return useCaliber().effective.settings;
}

/**
 * The rules, weights and thresholds a user edits (certification rules per unit, assessment weights
 * and method, project thresholds, local shares, reward tiers, what counts toward the target). They persist in localStorage, so an
 * edit survives a reload; figures take them as parameters, so a change recomputes at once.
 */
import { useSyncExternalStore } from 'react';
import {
  DEFAULT_LOCAL_SHARES,
  DEFAULT_PROJECT_THRESHOLDS,
  DEFAULT_REWARD_TIERS,
  DEFAULT_WEIGHTS,
  type CertificationRules,
  type LocalShares,
  type ProjectThresholds,
  type RewardTier,
  type ScoreMethod,
  type ScoreWeights,
  type TargetTypes,
} from '../domain/defaults';

export interface Settings {
  weights: ScoreWeights;
  method: ScoreMethod;
  rules: CertificationRules;
  thresholds: ProjectThresholds;
  shares: LocalShares;
  tiers: readonly RewardTier[];
  /** DOMAIN.md 13: every HQ type counts toward the target, or only 综合型 and 功能型. */
  targetTypes: TargetTypes;
}

export const DEFAULT_SETTINGS: Settings = {
  weights: DEFAULT_WEIGHTS,
  method: 'ratio',
  rules: {},
  thresholds: DEFAULT_PROJECT_THRESHOLDS,
  shares: DEFAULT_LOCAL_SHARES,
  tiers: DEFAULT_REWARD_TIERS,
  targetTypes: 'all',
};

const KEY = 'hq-dashboard.settings.v1';
const listeners = new Set<() => void>();
let cached: Settings | undefined;

/** Stored settings over the defaults; anything unreadable falls back to the default, never throws. */
export function readSettings(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Settings {
  try {
    const stored = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Settings>;
    return { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function current(): Settings {
  cached ??= readSettings();
  return cached;
}

export function updateSettings(change: Partial<Settings>) {
  cached = { ...current(), ...change };
  try {
    localStorage.setItem(KEY, JSON.stringify(cached));
  } catch {
    // Storage full or disabled: the edit still applies to this page.
  }
  listeners.forEach((l) => l());
}

export function resetSettings(keys: readonly (keyof Settings)[]) {
  updateSettings(Object.fromEntries(keys.map((k) => [k, DEFAULT_SETTINGS[k]])));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
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

export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, current);
}

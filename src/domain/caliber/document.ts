/**
 * The 口径 (assessment rules) as one document: weights and method, certification rules per unit,
 * project thresholds, local shares, reward tiers and what counts toward the target. One published
 * 口径 goes with the dataset; the page, the report and publish all read it through this module.
 *
 * The file carries a schema version, a name and a content hash. The hash is SHA-256 of the
 * canonical JSON (keys sorted at every level, no spaces) of the schema version and the content: the
 * same rules give the same hash whatever the key order or the name, so two meetings can compare
 * rankings by the hash alone. The name is a title for people and is not hashed.
 */
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
  type OfficeScope,
  type TargetTypes,
} from '../defaults';
import { sha256Text } from './sha256';

/** What the screens and figures take: the 口径's content, in the app's own names. */
export interface CaliberSettings {
  weights: ScoreWeights;
  method: ScoreMethod;
  rules: CertificationRules;
  thresholds: ProjectThresholds;
  shares: LocalShares;
  tiers: readonly RewardTier[];
  /** DOMAIN.md 13: every HQ type counts toward the target, or only 综合型 and 功能型. */
  targetTypes: TargetTypes;
  /** Ranking ①: completion rate capped at 100% (an option of DOMAIN.md 10; default not capped). */
  capCompletion: boolean;
  /** DOMAIN.md 14: the office-subsidy output check's scope (default: 市区 and the platforms). */
  officeScope: OfficeScope;
}

export const DEFAULT_CALIBER_SETTINGS: CaliberSettings = {
  weights: DEFAULT_WEIGHTS,
  method: 'ratio',
  rules: {},
  thresholds: DEFAULT_PROJECT_THRESHOLDS,
  shares: DEFAULT_LOCAL_SHARES,
  tiers: DEFAULT_REWARD_TIERS,
  targetTypes: 'all',
  capCompletion: false,
  officeScope: 'policy',
};

export const CALIBER_SCHEMA = 'hq-return-caliber';
export const CALIBER_VERSION = 1;
export const DEFAULT_CALIBER_NAME = '默认口径（政策与规范默认值）';

export interface Caliber {
  name: string;
  settings: CaliberSettings;
  /** `sha256:<64 hex>` of the content (see above). */
  hash: string;
}

/** The content block of the file: its keys are the file's, spelled for a reader of the JSON. */
export function caliberContent(s: CaliberSettings) {
  return {
    weights: [...s.weights],
    method: s.method,
    targetTypes: s.targetTypes,
    certificationRules: Object.fromEntries(
      Object.entries(s.rules).map(([code, r]) => [
        code,
        { minOutsideShare: r.minOutsideShare, minPaidInCapital: r.minPaidInCapital },
      ]),
    ),
    projectThresholds: {
      signedToRegisteredDays: s.thresholds.signedToRegisteredDays,
      registeredToOperatingDays: s.thresholds.registeredToOperatingDays,
    },
    localShares: { ...s.shares },
    rewardTiers: s.tiers.map((t) => ({ upTo: t.upTo, rate: t.rate })),
    // Written only away from their defaults, so every 口径 written before them keeps its hash.
    ...(s.capCompletion ? { capCompletion: true } : {}),
    ...(s.officeScope !== 'policy' ? { officeScope: s.officeScope } : {}),
  };
}

export type CaliberContent = ReturnType<typeof caliberContent>;

/** JSON with keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function caliberHash(settings: CaliberSettings): string {
  const hashed = { schemaVersion: CALIBER_VERSION, content: caliberContent(settings) };
  return `sha256:${sha256Text(canonicalJson(hashed))}`;
}

export function makeCaliber(name: string, settings: CaliberSettings): Caliber {
  return { name, settings, hash: caliberHash(settings) };
}

export const DEFAULT_CALIBER: Caliber = makeCaliber(DEFAULT_CALIBER_NAME, DEFAULT_CALIBER_SETTINGS);

/** The short form printed on sheets and slides: the first 12 hex digits. */
export const shortHash = (hash: string): string => hash.replace(/^sha256:/, '').slice(0, 12);

/** The 口径 as the file people exchange (pretty-printed; `parseCaliber` reads it back). */
export function caliberFileText(caliber: Caliber): string {
  const file = {
    schema: CALIBER_SCHEMA,
    schemaVersion: CALIBER_VERSION,
    name: caliber.name,
    hash: caliber.hash,
    content: caliberContent(caliber.settings),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Two settings are the same 口径 exactly when their hashes are equal. */
export const sameCaliber = (a: CaliberSettings, b: CaliberSettings): boolean =>
  caliberHash(a) === caliberHash(b);

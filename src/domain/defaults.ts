/**
 * Defaults from the policy and DOMAIN.md; each is editable in the app and passed to the figures as
 * parameters, so the same figure function serves the defaults and the edited rules.
 */
import type { TaxType } from './enums';

/** Policy 二(一): 30 new HQ in 2019, 150 within five years. Used when no target row is loaded. */
export const DEFAULT_TARGETS: readonly { year: string; target: number }[] = [
  { year: '2019', target: 30 },
  { year: '2019-2023', target: 150 },
];
export const DEFAULT_PLAN_WINDOW = { from: 2019, to: 2023 } as const;

export interface CertificationRule {
  /** Minimum share of the year's tax from operations outside Wenzhou (0–1). */
  minOutsideShare: number;
  /** Minimum paid-in capital, 万元. */
  minPaidInCapital: number;
}

export const DEFAULT_CERTIFICATION_RULE: CertificationRule = { minOutsideShare: 0.3, minPaidInCapital: 1000 };

/** Rules per unit code; a unit without its own rule uses the default. */
export type CertificationRules = Readonly<Record<string, CertificationRule>>;

export function ruleFor(rules: CertificationRules | undefined, unit: string): CertificationRule {
  return rules?.[unit] ?? DEFAULT_CERTIFICATION_RULE;
}

/**
 * What counts toward the new-HQ target (DOMAIN.md 13): every HQ type (`all`, the default), or only
 * the 综合型总部 and 功能型总部 that policy 二(一) names (`named`).
 */
export type TargetTypes = 'all' | 'named';
export const TARGET_TYPES: readonly TargetTypes[] = ['all', 'named'];
export const NAMED_HQ_TYPES = ['综合型总部', '功能型总部'] as const;

/**
 * Office-subsidy scope (DOMAIN.md 14, policy 三(三)1): the unit-area output check concerns new HQ in
 * 市区 (鹿城, 龙湾, 瓯海, 洞头) and the industrial platforms (`policy`, the default; the others are
 * 不适用), or every enterprise with output and office area (`all`).
 */
export type OfficeScope = 'policy' | 'all';
export const OFFICE_SCOPES: readonly OfficeScope[] = ['policy', 'all'];
/** 市区 of policy 三(三)1; the functional zones (kind 'zone') are the platforms. */
export const OFFICE_SCOPE_COUNTIES = ['330302', '330303', '330304', '330305'] as const;

/** Unit-area output that meets the office-subsidy requirement, 元/㎡. */
export const UNIT_AREA_OUTPUT_THRESHOLD = 10_000;

export type ScoreWeights = readonly [number, number, number, number, number];
/** i1 completion, i2 new HQ, i3 projects signed, i4 investment signed, i5 new-HQ tax. */
export const DEFAULT_WEIGHTS: ScoreWeights = [30, 20, 15, 15, 20];
export type ScoreMethod = 'ratio' | 'efficacy';

/** Local share of each tax type when an export gives no 地方财政贡献. */
export type LocalShares = Readonly<Record<TaxType, number>>;
export const DEFAULT_LOCAL_SHARES: LocalShares = { 增值税: 0.5, 企业所得税: 0.4, 个人所得税: 0.4, 其他: 1 };

export interface RewardTier {
  /** Upper bound of the increment band, 万元; null for the open top band. */
  upTo: number | null;
  rate: number;
}
export const DEFAULT_REWARD_TIERS: readonly RewardTier[] = [
  { upTo: 500, rate: 0.2 },
  { upTo: 2000, rate: 0.3 },
  { upTo: null, rate: 0.4 },
];
/** A 本土 HQ certified in year C is rewarded in C … C+4. */
export const REWARD_YEARS = 5;

export interface ProjectThresholds {
  /** Days after signing without registration before a project is overdue. */
  signedToRegisteredDays: number;
  /** Days after registration without operating before a project is overdue. */
  registeredToOperatingDays: number;
}
export const DEFAULT_PROJECT_THRESHOLDS: ProjectThresholds = {
  signedToRegisteredDays: 180,
  registeredToOperatingDays: 365,
};

/** Building tiers by building tax, 元. */
export const BUILDING_TIERS = [
  { name: '十亿元楼宇', min: 1e9 },
  { name: '五亿元楼宇', min: 5e8 },
  { name: '亿元楼宇', min: 1e8 },
  { name: '培育楼宇', min: 5e7 },
] as const;
export const BILLION = 1e8;

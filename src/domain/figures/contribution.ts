/**
 * Figures 8 and 9 of DOMAIN.md: local fiscal contribution (地方财政贡献) and the 本土总部
 * contribution reward by progressive tiers.
 */
import { joinSql, sql, type Db } from '../../db';
import {
  DEFAULT_LOCAL_SHARES,
  DEFAULT_REWARD_TIERS,
  REWARD_YEARS,
  type LocalShares,
  type RewardTier,
} from '../defaults';
import { TAX_TYPES } from '../enums';
import { enterpriseMatches, unitMatches, type Filters } from '../filters';
import { COUNTED } from './common';
import { datedBy, periodOf, type AsOfParams } from './period';

/**
 * Per enterprise and year: local_amount where given, else amount × the tax type's local share, over
 * months 1…`throughMonth` of each year — a part year's contribution is compared with the same months
 * of another year (DOMAIN.md "Part years").
 */
function contributionSql(shares: LocalShares, throughMonth: number) {
  const shareRows = TAX_TYPES.map((t) => sql`(${t}, ${shares[t]}::DOUBLE)`);
  return sql`
    SELECT t.credit_code, year(t.period) AS year,
      sum(coalesce(t.local_amount, t.amount * s.share)) AS contribution
    FROM tax AS t JOIN (VALUES ${joinSql(shareRows)}) AS s(tax_type, share) USING (tax_type)
    WHERE month(t.period) <= ${throughMonth}
    GROUP BY 1, 2`;
}

export async function localContributions(
  db: Db,
  params: AsOfParams & { shares?: LocalShares },
): Promise<{ creditCode: string; contribution: number }[]> {
  const p = await periodOf(db, params);
  return db.query(sql`
    SELECT credit_code AS "creditCode", contribution
    FROM (${contributionSql(params.shares ?? DEFAULT_LOCAL_SHARES, p.months)})
    WHERE year = ${p.year} ORDER BY contribution DESC, credit_code`);
}

/** Reward for an increment (元) under progressive tiers whose bounds are in 万元. */
export function tieredReward(increment: number, tiers: readonly RewardTier[] = DEFAULT_REWARD_TIERS): number {
  if (increment <= 0) return 0;
  let reward = 0;
  let lower = 0;
  for (const tier of tiers) {
    const upper = tier.upTo === null ? Infinity : tier.upTo * 1e4;
    if (increment > lower) reward += (Math.min(increment, upper) - lower) * tier.rate;
    lower = upper;
  }
  return reward;
}

export interface LocalReward {
  creditCode: string;
  name: string | null;
  region: string;
  certifiedYear: number;
  /** Contribution in the year before certification (the base), over the same months as `contribution`, 元. */
  base: number;
  /** Contribution in Y up to D's month, 元. */
  contribution: number;
  increment: number;
  reward: number;
}

export interface RewardParams extends AsOfParams {
  shares?: LocalShares;
  tiers?: readonly RewardTier[];
  filters?: Filters;
}

/**
 * Rewards in Y as of D for 本土 HQ certified by D in Y−4 … Y. For a part year the increment compares
 * Y's contribution up to D's month with the same months of C−1 (January–September against
 * January–September, never against a whole base year). With filters, only those whose certifying unit
 * (the `region` reported, which pays the reward) is the chosen unit and whose directory entry has the
 * chosen attributes.
 */
export async function localRewards(db: Db, params: RewardParams): Promise<LocalReward[]> {
  const { year, shares = DEFAULT_LOCAL_SHARES, tiers = DEFAULT_REWARD_TIERS, filters } = params;
  const p = await periodOf(db, params);
  const rows = await db.query<Omit<LocalReward, 'increment' | 'reward'>>(sql`
    WITH contribution AS (${contributionSql(shares, p.months)}),
    local AS (
      SELECT credit_code, min(region) AS region, min(year(certified_on)) AS certified_year FROM certifications
      WHERE category = '本土' AND ${COUNTED} AND ${datedBy(sql`certified_on`, p)} GROUP BY 1)
    SELECT l.credit_code AS "creditCode", e.name, l.region, l.certified_year AS "certifiedYear",
      coalesce(b.contribution, 0) AS base, coalesce(c.contribution, 0) AS contribution
    FROM local AS l
    LEFT JOIN enterprises AS e USING (credit_code)
    LEFT JOIN contribution AS b ON b.credit_code = l.credit_code AND b.year = l.certified_year - 1
    LEFT JOIN contribution AS c ON c.credit_code = l.credit_code AND c.year = ${year}
    WHERE ${year} BETWEEN l.certified_year AND l.certified_year + ${REWARD_YEARS - 1}
      AND ${unitMatches(filters, sql`l.region`)} AND ${enterpriseMatches(filters, sql`l.credit_code`)}
    ORDER BY l.credit_code`);
  return rows.map((r) => {
    const increment = r.contribution - r.base;
    return { ...r, increment, reward: tieredReward(increment, tiers) };
  });
}

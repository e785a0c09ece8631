/**
 * How stable each unit's rank is (issue 13 item 4): its rank under the other scoring method, and the
 * best and worst rank it takes when any one weight moves by ±5 (never below 0). A county that is
 * 3rd under every variant can rely on it; one that swings from 2nd to 7th cannot.
 */
import type { ScoreMethod, ScoreWeights } from '../defaults';
import { scoreUnits } from './ranking';

type Five = [number, number, number, number, number];

export interface RankStability {
  code: string;
  rank: number;
  /** The rank under the other method (比值法 ↔ 功效系数法), same weights. */
  otherMethodRank: number;
  /** Best and worst rank over the ten weight variants (each weight ±5) and the other method. */
  best: number;
  worst: number;
}

export const WEIGHT_STEP = 5;

/** The ten variants: each weight in turn moved by +5 and by −5 (a weight below 0 is left at 0). */
export function weightVariants(weights: ScoreWeights, step = WEIGHT_STEP): ScoreWeights[] {
  return weights.flatMap((_, k) =>
    [step, -step].map(
      (d) => weights.map((w, i) => (i === k ? Math.max(0, w + d) : w)) as unknown as ScoreWeights,
    ),
  );
}

export function rankStability(
  rows: readonly { code: string; name: string; indicators: Five }[],
  weights: ScoreWeights,
  method: ScoreMethod,
): RankStability[] {
  const ranksOf = (w: ScoreWeights, m: ScoreMethod) =>
    new Map(scoreUnits(rows, w, m).map((r) => [r.code, r.rank]));
  const base = ranksOf(weights, method);
  const other = ranksOf(weights, method === 'ratio' ? 'efficacy' : 'ratio');
  const variants = [other, ...weightVariants(weights).map((w) => ranksOf(w, method))];
  return rows.map(({ code }) => {
    const ranks = [base.get(code)!, ...variants.map((v) => v.get(code)!)];
    return {
      code,
      rank: base.get(code)!,
      otherMethodRank: other.get(code)!,
      best: Math.min(...ranks),
      worst: Math.max(...ranks),
    };
  });
}

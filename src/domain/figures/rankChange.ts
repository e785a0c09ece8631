/**
 * Figure 16 of DOMAIN.md: a unit's rank in Y against its rank in Y−1 under the same method and
 * weights (the cockpit's ranking with ↑↓). Y−1 is taken over the same months when Y is a part year
 * (as of the same day of Y−1), like every other comparison between years; a whole year against the
 * whole year before.
 */
import type { Db } from '../../db';
import { previousYearPeriod } from '../asOf';
import { periodOf } from './period';
import { ranking, type RankedUnit, type RankingParams } from './ranking';

export interface RankChange {
  code: string;
  name: string;
  score: number;
  rank: number;
  /** The rank in Y−1; null when Y−1 has nothing to rank (every score 0: the order is by code only). */
  previousRank: number | null;
  /** previousRank − rank: positive moved up (↑), negative moved down (↓), 0 held; null as above. */
  change: number | null;
}

/** Pure: the current ranking with each unit's move against the previous one. */
export function rankChanges(current: readonly RankedUnit[], previous: readonly RankedUnit[]): RankChange[] {
  // A year with no score anywhere ranks by unit code alone: no rank to move from.
  const ranked = previous.some((r) => r.score > 0);
  const before = new Map(previous.map((r) => [r.code, r.rank]));
  return current.map((r) => {
    const previousRank = ranked ? (before.get(r.code) ?? null) : null;
    return {
      code: r.code,
      name: r.name,
      score: r.score,
      rank: r.rank,
      previousRank,
      change: previousRank === null ? null : previousRank - r.rank,
    };
  });
}

export interface RankChangeFigure {
  year: number;
  /** The Y−1 period compared: its year and as-of date (31 Dec, or the same day for a part year). */
  previous: { year: number; asOf: string };
  units: RankChange[];
}

export async function rankingWithChange(db: Db, params: RankingParams): Promise<RankChangeFigure> {
  const p = await periodOf(db, params);
  const before = previousYearPeriod(p);
  const same = {
    targetTypes: params.targetTypes,
    capCompletion: params.capCompletion,
    weights: params.weights,
    method: params.method,
  };
  const [current, previous] = await Promise.all([
    ranking(db, { ...same, year: p.year, asOf: p.asOf }),
    ranking(db, { ...same, year: before.year, asOf: before.asOf }),
  ]);
  return {
    year: p.year,
    previous: { year: before.year, asOf: before.asOf },
    units: rankChanges(current, previous),
  };
}

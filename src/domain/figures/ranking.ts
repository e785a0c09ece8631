/**
 * Figure 10 of DOMAIN.md: the county attraction score (招商考核得分) from five indicators,
 * normalised against the best unit (or by the 功效系数法), weighted, ranked.
 */
import { taxThrough } from '../rollups';
import { sql, type Db } from '../../db';
import { DEFAULT_WEIGHTS, type ScoreMethod, type ScoreWeights, type TargetTypes } from '../defaults';
import { UNITS } from '../units';
import { COUNTED } from './common';
import { newHq } from './newHq';
import { datedBy, datedInYear, periodOf, type AsOfParams } from './period';

export const INDICATORS = ['完成率', '新引进总部', '签约项目数', '签约投资额', '新引进总部税收'] as const;

export interface RankedUnit {
  code: string;
  name: string;
  /** i1 … i5: completion ratio, new HQ, projects signed, investment signed (万元), new-HQ tax (元). */
  indicators: [number, number, number, number, number];
  normalised: [number, number, number, number, number];
  /** Weighted points per indicator; they add up to the score. */
  points: [number, number, number, number, number];
  score: number;
  rank: number;
}

export interface IndicatorParams extends AsOfParams {
  /** What counts toward the target (i1, i2): DOMAIN.md 13. */
  targetTypes?: TargetTypes;
  /** i1 capped at 100% (a unit with target 1 and 3 new HQ counts 100%, not 300%); default not capped. */
  capCompletion?: boolean;
}

export interface RankingParams extends IndicatorParams {
  weights?: ScoreWeights;
  method?: ScoreMethod;
}

type Five = [number, number, number, number, number];

export async function ranking(db: Db, params: RankingParams) {
  const { year, asOf, targetTypes, capCompletion, weights = DEFAULT_WEIGHTS, method = 'ratio' } = params;
  const rows = await rankingIndicators(db, { year, asOf, targetTypes, capCompletion });
  return scoreUnits(
    rows.map(({ code, name, indicators }) => ({ code, name, indicators })),
    weights,
    method,
  );
}

export interface UnitIndicators {
  code: string;
  name: string;
  indicators: Five;
  /** The unit's new-HQ target of the year (null when none), so a table can show i1 as x / target. */
  target: number | null;
}

/**
 * The raw indicators i1 … i5 of every unit for year Y as of D, before any weighting: the assessment
 * screen fetches them once and re-scores with `scoreUnits` on every weight edit, without the database.
 */
export async function rankingIndicators(db: Db, params: IndicatorParams): Promise<UnitIndicators[]> {
  const p = await periodOf(db, params);
  const hq = await newHq(db, { year: p.year, asOf: p.asOf, targetTypes: params.targetTypes });
  const projects = await db.query<{ region: string; n: number; investment: number }>(sql`
    SELECT region, count(*) AS n, coalesce(sum(investment), 0) AS investment
    FROM projects WHERE ${datedInYear(sql`signed_on`, p)} GROUP BY 1`);
  const taxes = await db.query<{ region: string; tax: number }>(sql`
    WITH certified AS (
      SELECT DISTINCT credit_code, region FROM certifications
      WHERE category = '新引进' AND ${COUNTED} AND ${datedBy(sql`certified_on`, p)})
    SELECT c.region, sum(t.amount) AS tax
    FROM certified AS c JOIN (${taxThrough(p)}) AS t USING (credit_code) GROUP BY 1`);
  return UNITS.map((u) => {
    const count = hq.byRegion.find((r) => r.code === u.code)!;
    const project = projects.find((p) => p.region === u.code);
    const ratio = count.target ? count.actual / count.target : count.actual > 0 ? 1 : 0;
    const completion = params.capCompletion ? Math.min(1, ratio) : ratio;
    const indicators: Five = [
      completion,
      count.actual,
      project?.n ?? 0,
      project?.investment ?? 0,
      taxes.find((t) => t.region === u.code)?.tax ?? 0,
    ];
    return { code: u.code, name: u.name, indicators, target: count.target ?? null };
  });
}

/** Normalise, weight and rank; pure, so the weight editor can recompute without the database. */
export function scoreUnits(
  rows: readonly { code: string; name: string; indicators: Five }[],
  weights: ScoreWeights = DEFAULT_WEIGHTS,
  method: ScoreMethod = 'ratio',
): RankedUnit[] {
  const columns = [0, 1, 2, 3, 4].map((k) => rows.map((r) => r.indicators[k]!));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const scored = rows.map((r) => {
    const normalised = r.indicators.map((x, k) => normalise(x, columns[k]!, method)) as Five;
    const points = normalised.map((n, k) =>
      weightSum > 0 ? (100 * weights[k]! * n) / weightSum : 0,
    ) as Five;
    return { ...r, normalised, points, score: points.reduce((a, b) => a + b, 0), rank: 0 };
  });
  // Scores equal in arithmetic can differ in the last bits (30 × 2/11 vs 20 × 3/11): compare them at
  // 1e-9 so such ties fall to the unit code, as DOMAIN.md 10 asks.
  const key = (score: number) => Math.round(score * 1e9);
  scored.sort((a, b) => key(b.score) - key(a.score) || (a.code < b.code ? -1 : 1));
  scored.forEach((r, i) => (r.rank = i + 1));
  return scored;
}

function normalise(x: number, all: readonly number[], method: ScoreMethod): number {
  const max = Math.max(...all);
  if (method === 'ratio') return max === 0 ? 0 : x / max;
  const min = Math.min(...all);
  return max === min ? 1 : 0.6 + (0.4 * (x - min)) / (max - min);
}

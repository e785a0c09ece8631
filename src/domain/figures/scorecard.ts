/**
 * The county scorecard (issue 13 item 4): one unit's assessment of year Y as of D — its five
 * indicators with their normalised values and points, score and rank, the rank change against Y−1
 * under the same method and weights (DOMAIN.md 16), and the records behind each indicator: the new
 * HQ it counts, the projects signed, the new-HQ tax by enterprise; then its overdue projects and its
 * buildings. Every number is the ranking's own (figure 10), so the card and the ranking agree.
 */
import { taxThrough } from '../rollups';
import { sql, type Db } from '../../db';
import { previousYearPeriod } from '../asOf';
import {
  DEFAULT_PROJECT_THRESHOLDS,
  type ProjectThresholds,
  type ScoreMethod,
  type ScoreWeights,
  type TargetTypes,
} from '../defaults';
import { targetTypesMatch } from '../filters';
import { unitName } from '../units';
import { buildingTaxes, type BuildingFigure } from './buildings';
import { COUNTED } from './common';
import { projectFigures, type ProjectFigure } from './projects';
import { datedBy, datedInYear, periodOf } from './period';
import { rankChanges, type RankChange } from './rankChange';
import { ranking, rankingIndicators, scoreUnits, type RankedUnit } from './ranking';

export interface ScorecardParams {
  year: number;
  asOf?: string;
  unit: string;
  weights?: ScoreWeights;
  method?: ScoreMethod;
  targetTypes?: TargetTypes;
  /** Ranking ① capped at 100% (the 口径's option). */
  capCompletion?: boolean;
  thresholds?: ProjectThresholds;
}

export interface Scorecard {
  year: number;
  asOf: string;
  /** '1—9月' while D falls inside Y. */
  months: string | null;
  code: string;
  name: string;
  units: number;
  ranked: RankedUnit;
  target: number | null;
  /** DOMAIN.md 16 (`rankChanges`): the rank of Y−1 and the move, null when Y−1 has nothing to rank. */
  rankChange: Pick<RankChange, 'previousRank' | 'change'>;
  newHq: { creditCode: string; name: string | null; certifiedOn: string; hqType: string | null }[];
  projects: ProjectFigure[];
  taxByEnterprise: { creditCode: string; name: string | null; tax: number }[];
  overdue: ProjectFigure[];
  buildings: BuildingFigure[];
}

export async function countyScorecard(db: Db, params: ScorecardParams): Promise<Scorecard> {
  const p = await periodOf(db, params);
  const { unit } = params;
  const indicators = await rankingIndicators(db, {
    year: p.year,
    asOf: p.asOf,
    targetTypes: params.targetTypes,
    capCompletion: params.capCompletion,
  });
  const all = scoreUnits(
    indicators.map(({ code, name, indicators }) => ({ code, name, indicators })),
    params.weights,
    params.method,
  );
  const ranked = all.find((r) => r.code === unit);
  if (!ranked) throw new Error(`未知属地：${unit}`);
  const before = previousYearPeriod(p);
  const previous = await ranking(db, { ...params, year: before.year, asOf: before.asOf });
  const { previousRank, change } = rankChanges(all, previous).find((c) => c.code === unit)!;

  const newHq = await db.query<Scorecard['newHq'][number]>(sql`
    SELECT DISTINCT c.credit_code AS "creditCode", e.name, strftime(c.certified_on, '%Y-%m-%d') AS "certifiedOn",
      e.hq_type AS "hqType"
    FROM certifications AS c LEFT JOIN enterprises AS e USING (credit_code)
    WHERE c.category = '新引进' AND ${COUNTED} AND ${datedInYear(sql`c.certified_on`, p)} AND c.region = ${unit}
      AND ${targetTypesMatch(params.targetTypes, sql`c.credit_code`)}
    ORDER BY "certifiedOn", "creditCode"`);
  const taxByEnterprise = await db.query<Scorecard['taxByEnterprise'][number]>(sql`
    WITH certified AS (
      SELECT DISTINCT credit_code FROM certifications
      WHERE category = '新引进' AND ${COUNTED} AND ${datedBy(sql`certified_on`, p)} AND region = ${unit})
    SELECT c.credit_code AS "creditCode", e.name, sum(t.amount) AS tax
    FROM certified AS c JOIN (${taxThrough(p)}) AS t USING (credit_code) LEFT JOIN enterprises AS e USING (credit_code)
    GROUP BY 1, 2 ORDER BY tax DESC, "creditCode"`);
  const mine = (
    await projectFigures(db, { asOf: p.at, thresholds: params.thresholds ?? DEFAULT_PROJECT_THRESHOLDS })
  ).filter((pr) => pr.region === unit);
  return {
    year: p.year,
    asOf: p.asOf,
    months: p.label,
    code: unit,
    name: unitName(unit),
    units: all.length,
    ranked,
    target: indicators.find((u) => u.code === unit)?.target ?? null,
    rankChange: { previousRank, change },
    newHq,
    projects: mine.filter((pr) => pr.signedOn >= p.from && pr.signedOn <= p.at),
    taxByEnterprise,
    overdue: mine.filter((pr) => pr.overdue !== null),
    buildings: (await buildingTaxes(db, { year: p.year, asOf: p.asOf })).filter((b) => b.region === unit),
  };
}

/**
 * The overview screen's figures in one call: the same figure functions as the report (so with no
 * filter its KPI cards equal `npm run report --json`), narrowed by the global filters, all as of D.
 */
import { sql, type Db } from '../../db';
import { yearPeriod } from '../asOf';
import type { TargetTypes } from '../defaults';
import { ORIGINS } from '../enums';
import { enterpriseMatches, targetTypesMatch, unitMatches, type Filters } from '../filters';
import { billionBuildings, buildingTaxes } from './buildings';
import { COUNTED } from './common';
import { hqTax, localHq } from './hqStock';
import { fiveYear, newHq, timeProgress } from './newHq';
import { datedInYear, periodOf, type AsOfParams } from './period';

export interface OverviewParams {
  year: number;
  /** D, 数据截至: the app always passes the date of its as-of control. */
  asOf: string;
  filters?: Filters;
  /** DOMAIN.md 13: what counts toward the target (the overview's 口径 switch). */
  targetTypes?: TargetTypes;
}

export async function overviewFigures(db: Db, { year, asOf, filters, targetTypes }: OverviewParams) {
  const period = yearPeriod(year, asOf);
  const common = { year, asOf };
  // Independent figures, asked at once: in the browser each query is a round trip to the worker.
  const [hq, window, buildings, local, tax, byOrigin] = await Promise.all([
    newHq(db, { ...common, filters, targetTypes }),
    fiveYear(db, { ...common, filters, targetTypes }),
    buildingTaxes(db, common),
    localHq(db, { ...common, filters }),
    hqTax(db, { ...common, filters }),
    newHqByOrigin(db, { ...common, filters, targetTypes }),
  ]);
  return {
    year,
    asOf,
    /** The effective date min(D, end of Y). */
    at: period.at,
    /** '1—9月' while D falls inside Y: the flows and sums are part-year, the stocks 截至 `at`. */
    months: period.label,
    targetTypes: targetTypes ?? 'all',
    timeProgress: timeProgress(year, asOf),
    newHq: hq,
    fiveYear: window,
    localHq: local,
    hqTax: tax,
    billionBuildings: billionBuildings(buildings.filter((b) => !filters?.unit || b.region === filters.unit))
      .length,
    byOrigin,
  };
}

export type OverviewFigures = Awaited<ReturnType<typeof overviewFigures>>;

/** New HQ of Y as of D by the enterprise's origin (温商回归, 500强 …); 未登记 when the directory has none. */
export async function newHqByOrigin(
  db: Db,
  params: AsOfParams & { filters?: Filters; targetTypes?: TargetTypes },
): Promise<{ origin: string; count: number }[]> {
  const { filters, targetTypes } = params;
  const p = await periodOf(db, params);
  const rows = await db.query<{ origin: string; count: number }>(sql`
    WITH counted AS (
      SELECT DISTINCT credit_code FROM certifications
      WHERE category = '新引进' AND ${COUNTED} AND ${datedInYear(sql`certified_on`, p)}
        AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}
        AND ${targetTypesMatch(targetTypes, sql`credit_code`)})
    SELECT coalesce(e.origin, '未登记') AS origin, count(*) AS count
    FROM counted LEFT JOIN enterprises AS e USING (credit_code) GROUP BY 1`);
  const order = [...ORIGINS, '未登记'] as string[];
  return rows.sort((a, b) => order.indexOf(a.origin) - order.indexOf(b.origin));
}

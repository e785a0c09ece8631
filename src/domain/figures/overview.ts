/**
 * The overview screen's figures in one call: the same figure functions as the report (so with no
 * filter its KPI cards equal `npm run report --json`), narrowed by the global filters.
 */
import { sql, type Db } from '../../db';
import { ORIGINS } from '../enums';
import { enterpriseMatches, unitMatches, type Filters } from '../filters';
import { billionBuildings, buildingTaxes } from './buildings';
import { COUNTED } from './common';
import { hqTax, localHq } from './hqStock';
import { fiveYear, newHq, planWindow, timeProgress } from './newHq';

export interface OverviewParams {
  year: number;
  asOf: string;
  filters?: Filters;
}

export async function overviewFigures(db: Db, { year, asOf, filters }: OverviewParams) {
  // Independent figures, asked at once: in the browser each query is a round trip to the worker.
  const [hq, window, buildings, local, tax, byOrigin] = await Promise.all([
    newHq(db, { year, filters }),
    planWindow(db, year).then((w) => fiveYear(db, w, filters)),
    buildingTaxes(db, { year }),
    localHq(db, { year, filters }),
    hqTax(db, { year, filters }),
    newHqByOrigin(db, { year, filters }),
  ]);
  return {
    year,
    asOf,
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

/** New HQ of Y by the enterprise's origin (温商回归, 500强 …); 未登记 when the directory has none. */
export async function newHqByOrigin(
  db: Db,
  { year, filters }: { year: number; filters?: Filters },
): Promise<{ origin: string; count: number }[]> {
  const rows = await db.query<{ origin: string; count: number }>(sql`
    WITH counted AS (
      SELECT DISTINCT credit_code FROM certifications
      WHERE category = '新引进' AND ${COUNTED} AND year(certified_on) = ${year}
        AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)})
    SELECT coalesce(e.origin, '未登记') AS origin, count(*) AS count
    FROM counted LEFT JOIN enterprises AS e USING (credit_code) GROUP BY 1`);
  const order = [...ORIGINS, '未登记'] as string[];
  return rows.sort((a, b) => order.indexOf(a.origin) - order.indexOf(b.origin));
}

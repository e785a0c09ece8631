/**
 * Period comparison (issue 13 item 6): the year month by month against its target path and the
 * years before — cumulative new HQ of Y, Y−1 and Y−2, and HQ tax and building tax by month, Y against
 * Y−1. Every month of Y after D's is null (not yet happened), never 0; the earlier years are whole.
 * The figures are the monthly breakdown of figures 1, 4 and 5: the last month of Y sums to them.
 * Tax is read from the rollups (src/domain/rollups.ts), as those figures read it.
 */
import { sql, type Db, type Sql } from '../../db';
import { previousYearPeriod, yearPeriod, type YearPeriod } from '../asOf';
import { enterpriseMatches, targetTypesMatch, unitMatches, type Filters } from '../filters';
import { COUNTED } from './common';
import { newHq, type NewHqFilter } from './newHq';
import { datedBy, datedInYear, periodOf } from './period';

/** One year's twelve months; null for a month not yet reached by D. */
export interface MonthSeries {
  year: number;
  values: (number | null)[];
}

export interface NewHqByMonth {
  year: number;
  /** Months of Y counted (D's month), 12 for a whole year. */
  months: number;
  target: number | null;
  /** The straight-line path to the target at the end of each month; null without a target. */
  path: number[] | null;
  /** Cumulative new HQ by the end of each month: Y, then Y−1 and Y−2. */
  series: MonthSeries[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Monthly values of a query returning (m, v), cumulated or not, cut after `months`. */
function monthly(
  rows: readonly { m: number; v: number }[],
  months: number,
  cumulative: boolean,
): (number | null)[] {
  let running = 0;
  return MONTHS.map((m) => {
    const v = rows.find((r) => r.m === m)?.v ?? 0;
    running = cumulative ? running + v : v;
    return m <= months ? running : null;
  });
}

/** The new HQ of a year's months (the drill reads a month's point with it, up to that month). */
export const newHqMonthsWhere = (p: YearPeriod, params: NewHqFilter) => {
  const { filters, targetTypes } = params;
  return sql`category = '新引进' AND ${COUNTED} AND ${datedInYear(sql`certified_on`, p)}
      AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}
      AND ${targetTypesMatch(targetTypes, sql`credit_code`)}`;
};

/** The year of a point of the chart: Y as of D, an earlier year whole. */
export const comparedYear = (p: YearPeriod, year: number): YearPeriod =>
  year === p.year ? p : yearPeriod(year, `${year}-12-31`);

async function newHqMonths(db: Db, p: YearPeriod, params: NewHqFilter): Promise<MonthSeries> {
  const rows = await db.query<{ m: number; v: number }>(sql`
    SELECT month(certified_on) AS m, count(DISTINCT credit_code) AS v FROM certifications
    WHERE ${newHqMonthsWhere(p, params)}
    GROUP BY 1`);
  return { year: p.year, values: monthly(rows, p.months, true) };
}

export async function newHqByMonth(db: Db, params: NewHqFilter): Promise<NewHqByMonth> {
  const p = await periodOf(db, params);
  const { target } = (await newHq(db, { ...params, asOf: p.asOf })).city;
  const series = [await newHqMonths(db, p, params)];
  for (const k of [p.year - 1, p.year - 2]) series.push(await newHqMonths(db, comparedYear(p, k), params));
  return {
    year: p.year,
    months: p.months,
    target,
    path: target === null ? null : MONTHS.map((m) => Math.round(((target * m) / 12) * 10) / 10),
    series,
  };
}

export interface TaxByMonth {
  year: number;
  months: number;
  /** 总部企业税收 by month, 元: Y (to D's month), Y−1 whole. */
  hqTax: MonthSeries[];
  /** 楼宇税收 (every tenant of a building of the unit), 元: Y, Y−1. */
  buildingTax: MonthSeries[];
}

export interface TaxByMonthParams extends NewHqFilter {
  filters?: Filters;
}

/**
 * `column` (a month's DATE) in `year`: a range on the column itself, so the engine skips the row
 * groups of other years (the rollups are stored by month) instead of computing year() on every row.
 */
const wholeYear = (column: Sql, year: number) =>
  sql`${column} BETWEEN ${`${year}-01-01`}::DATE AND ${`${year}-12-31`}::DATE`;

/**
 * HQ tax by month of `taxYear`, of the enterprises with a counted certification by `certifiedBy`
 * (figure 4's set: for Y−1 the HQ certified by the same day a year earlier, as its 同比 reads it).
 */
export const hqTaxMonthsWhere = (taxYear: YearPeriod, certifiedBy: YearPeriod, filters?: Filters) =>
  sql`${wholeYear(sql`period`, taxYear.year)} AND credit_code IN (
      SELECT credit_code FROM certifications WHERE ${COUNTED} AND ${datedBy(sql`certified_on`, certifiedBy)}
        AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)})`;

/** For the chart's year k of Y: the HQ certified by D (Y) or by the same day a year earlier (Y−1). */
export const hqTaxCertifiedBy = (p: YearPeriod, year: number): YearPeriod =>
  year === p.year ? p : previousYearPeriod(p);

async function hqTaxMonths(db: Db, taxYear: YearPeriod, certifiedBy: YearPeriod, filters?: Filters) {
  const rows = await db.query<{ m: number; v: number }>(sql`
    SELECT month(period) AS m, sum(amount) AS v FROM rollup_tax_month
    WHERE ${hqTaxMonthsWhere(taxYear, certifiedBy, filters)}
    GROUP BY 1`);
  return { year: taxYear.year, values: monthly(rows, taxYear.months, false) };
}

const buildingUnit = (filters?: Filters) =>
  unitMatches(filters?.unit ? { unit: filters.unit } : undefined, sql`b.region`);

/** The tenants of the buildings of the chosen unit (all buildings without one), by credit code. */
export const buildingTenantsWhere = (filters?: Filters) =>
  sql`credit_code IN (SELECT e.credit_code FROM enterprises AS e JOIN buildings AS b USING (building_id)
    WHERE ${buildingUnit(filters)})`;

/** Building tax by month: every tenant of a building (of the chosen unit), as figure 5 counts it. */
async function buildingTaxMonths(db: Db, p: YearPeriod, unit: Sql) {
  const rows = await db.query<{ m: number; v: number }>(sql`
    SELECT month(t.period) AS m, sum(t.amount) AS v
    FROM rollup_building_month AS t JOIN buildings AS b USING (building_id)
    WHERE ${wholeYear(sql`t.period`, p.year)} AND ${unit}
    GROUP BY 1`);
  return { year: p.year, values: monthly(rows, p.months, false) };
}

export async function taxByMonth(db: Db, params: TaxByMonthParams): Promise<TaxByMonth> {
  const { filters } = params;
  const p = await periodOf(db, params);
  const before = yearPeriod(p.year - 1, `${p.year - 1}-12-31`);
  const unit = buildingUnit(filters);
  return {
    year: p.year,
    months: p.months,
    hqTax: [
      await hqTaxMonths(db, p, p, filters),
      await hqTaxMonths(db, before, previousYearPeriod(p), filters),
    ],
    buildingTax: [await buildingTaxMonths(db, p, unit), await buildingTaxMonths(db, before, unit)],
  };
}

/** Figure 4 of DOMAIN.md: 本土总部 stock and flow, and the tax of all certified HQ with its change. */
import { taxThrough } from '../rollups';
import { sql, type Db } from '../../db';
import { monthsLabel, previousYearPeriod, type YearPeriod } from '../asOf';
import { enterpriseMatches, unitMatches, type Filters } from '../filters';
import { COUNTED, one } from './common';
import { datedBy, datedInYear, periodOf, type AsOfParams } from './period';

export interface LocalHq {
  year: number;
  /** Counted 本土 certifications certified on or before min(D, end of Y). */
  stock: number;
  /** … of which certified in Y. */
  flow: number;
}

export interface StockParams extends AsOfParams {
  filters?: Filters;
}

/** The 本土 stock's certifications (the drill-through reads the same rows). */
export const localHqWhere = (p: YearPeriod, filters: Filters | undefined) =>
  sql`category = '本土' AND ${COUNTED} AND ${datedBy(sql`certified_on`, p)}
    AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}`;

export async function localHq(db: Db, params: StockParams): Promise<LocalHq> {
  const { year, filters } = params;
  const p = await periodOf(db, params);
  const row = await one<{ stock: number; flow: number }>(
    db,
    sql`SELECT count(DISTINCT credit_code) AS stock,
          count(DISTINCT credit_code) FILTER (WHERE ${datedInYear(sql`certified_on`, p)}) AS flow
        FROM certifications WHERE ${localHqWhere(p, filters)}`,
  );
  return { year, ...row };
}

export interface HqTax {
  year: number;
  /** 元, the months of Y up to D's month. */
  tax: number;
  /** 元, the same months of Y−1 (同期): a year read to September compares with Jan–Sep. */
  previous: number;
  /** (tax − previous) ÷ previous; null when the previous period has no tax. */
  change: number | null;
  /** '1—9月' when the figure covers part of Y (and `previous` the same months of Y−1), else null. */
  months: string | null;
}

/** The enterprises whose tax is HQ tax: a counted certification by the period's effective date. */
const hqTaxPayers = (p: YearPeriod, filters: Filters | undefined) => sql`
  SELECT credit_code FROM certifications WHERE ${COUNTED} AND ${datedBy(sql`certified_on`, p)}
    AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}`;

/**
 * Raw tax rows that HQ tax sums (the drill-through lists them): the period's months, no later than
 * `throughMonth`, of the HQ tax payers. The figure reads the same months from the year-to-date
 * rollup (`taxThrough`, proven equal to these rows by test/rollups.test.ts).
 */
export const hqTaxWhere = (p: YearPeriod, throughMonth: number, filters: Filters | undefined) =>
  sql`${datedInYear(sql`period`, p)} AND month(period) <= ${throughMonth}
    AND credit_code IN (${hqTaxPayers(p, filters)})`;

/** Tax of the period's months of every enterprise with a counted certification by its effective date. */
async function hqTaxOf(db: Db, p: YearPeriod, throughMonth: number, filters?: Filters): Promise<number> {
  const row = await one<{ tax: number | null }>(
    db,
    sql`SELECT sum(amount) AS tax FROM (${taxThrough(p, throughMonth)})
        WHERE credit_code IN (${hqTaxPayers(p, filters)})`,
  );
  return row.tax ?? 0;
}

/** The last month of Y with tax rows loaded; 12 when Y has none (compare whole years). */
export async function loadedThrough(db: Db, year: number): Promise<number> {
  const row = await one<{ month: number | null }>(
    db,
    sql`SELECT max(last_month) AS month FROM rollup_tax_years WHERE year = ${year}`,
  );
  return row.month ?? 12;
}

/**
 * HQ tax of Y as of D and its 同比. Y−1 is read on the same definition a year earlier (HQ certified
 * by the same day, tax of the same months). The months compared are those of D, and no more than Y
 * has loaded: a D later than the data would otherwise set nine months against twelve.
 */
export async function hqTax(db: Db, params: StockParams): Promise<HqTax> {
  const { year, filters } = params;
  const p = await periodOf(db, params);
  const through = Math.min(p.months, await loadedThrough(db, year));
  const tax = await hqTaxOf(db, p, through, filters);
  const previous = await hqTaxOf(db, previousYearPeriod(p), through, filters);
  const months = through < 12 ? monthsLabel(through) : null;
  return { year, tax, previous, change: previous > 0 ? (tax - previous) / previous : null, months };
}

/** Figure 4 of DOMAIN.md: 本土总部 stock and flow, and the tax of all certified HQ with its change. */
import { sql, type Db } from '../../db';
import { enterpriseMatches, unitMatches, type Filters } from '../filters';
import { COUNTED, endOfYear, one } from './common';

export interface LocalHq {
  year: number;
  /** Counted 本土 certifications certified on or before the end of Y. */
  stock: number;
  /** … of which certified in Y. */
  flow: number;
}

export async function localHq(
  db: Db,
  { year, filters }: { year: number; filters?: Filters },
): Promise<LocalHq> {
  const row = await one<{ stock: number; flow: number }>(
    db,
    sql`SELECT count(DISTINCT credit_code) AS stock,
          count(DISTINCT credit_code) FILTER (WHERE year(certified_on) = ${year}) AS flow
        FROM certifications
        WHERE category = '本土' AND ${COUNTED} AND certified_on <= ${endOfYear(year)}
          AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}`,
  );
  return { year, ...row };
}

export interface HqTax {
  year: number;
  /** 元, every loaded month of Y. */
  tax: number;
  /** 元, the same months of Y−1 (同期): a year loaded to September compares with Jan–Sep. */
  previous: number;
  /** (tax − previous) ÷ previous; null when the previous period has no tax. */
  change: number | null;
}

/** Tax in months 1…throughMonth of Y of every enterprise with a counted certification by the end of Y. */
async function hqTaxOfYear(db: Db, year: number, throughMonth: number, filters?: Filters): Promise<number> {
  const row = await one<{ tax: number | null }>(
    db,
    sql`SELECT sum(amount) AS tax FROM tax
        WHERE year(period) = ${year} AND month(period) <= ${throughMonth} AND credit_code IN (
          SELECT credit_code FROM certifications WHERE ${COUNTED} AND certified_on <= ${endOfYear(year)}
            AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)})`,
  );
  return row.tax ?? 0;
}

/** The last month of Y with tax rows loaded; 12 when Y has none (compare whole years). */
async function loadedThrough(db: Db, year: number): Promise<number> {
  const row = await one<{ month: number | null }>(
    db,
    sql`SELECT max(month(period)) AS month FROM tax WHERE year(period) = ${year}`,
  );
  return row.month ?? 12;
}

export async function hqTax(db: Db, { year, filters }: { year: number; filters?: Filters }): Promise<HqTax> {
  const through = await loadedThrough(db, year);
  const tax = await hqTaxOfYear(db, year, 12, filters);
  const previous = await hqTaxOfYear(db, year - 1, through, filters);
  return { year, tax, previous, change: previous > 0 ? (tax - previous) / previous : null };
}

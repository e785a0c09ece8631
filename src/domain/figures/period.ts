/**
 * The as-of rule (../asOf.ts) on the database side: every figure of year Y resolves its period here
 * and narrows its dates with these fragments, so "dated in Y on or before D" is written once.
 */
import { sql, type Db, type Sql } from '../../db';
import { defaultAsOf, yearPeriod, type YearPeriod } from '../asOf';
import { dataAsOf } from './dataStatus';

/** Params every figure of a year takes: Y, and D (absent: the data's end, see `defaultAsOf`). */
export interface AsOfParams {
  year: number;
  asOf?: string;
}

/** Y as of D; D absent reads the data's end from the tax table (one cheap query). */
export async function periodOf(db: Db, { year, asOf }: AsOfParams): Promise<YearPeriod> {
  return yearPeriod(year, asOf ?? defaultAsOf(await dataAsOf(db)));
}

/** `column` (a DATE) falls in Y on or before the effective date. Empty when Y has not begun. */
export function datedInYear(column: Sql, p: YearPeriod): Sql {
  return sql`${column} BETWEEN ${p.from}::DATE AND ${p.at}::DATE`;
}

/** `column` (a DATE) is on or before the effective date: stocks (certified by D, signed by D). */
export function datedBy(column: Sql, p: YearPeriod): Sql {
  return sql`${column} <= ${p.at}::DATE`;
}

/** What is loaded: rows per table, the newest tax month (数据截至), orphan tax rows. */
import { ident, sql, type Db } from '../../db';
import { TABLES, type TableName } from '../schema';
import { one } from './common';

/** The as-of date of the data: the last day of the newest tax month, or null without tax rows. */
export async function dataAsOf(db: Db): Promise<string | null> {
  const row = await one<{ asOf: string | null }>(db, sql`SELECT last_day(max(period)) AS "asOf" FROM tax`);
  return row.asOf;
}

export async function rowCounts(db: Db): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const t of TABLES) {
    counts[t.name] = (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${ident(t.name)}`)).n;
  }
  return counts;
}

/** Tax rows whose enterprise is not in the enterprise list (kept, shown as a warning). */
export async function orphanTaxRows(db: Db): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM tax WHERE credit_code NOT IN (SELECT credit_code FROM enterprises)`,
  );
  return row.n;
}

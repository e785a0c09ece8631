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

/** The years the data speaks about (tax months, certifications, signed projects), newest first. */
export async function dataYears(db: Db): Promise<number[]> {
  const rows = await db.query<{ year: number }>(sql`
    SELECT DISTINCT year FROM (
      SELECT year(period) AS year FROM tax
      UNION SELECT year(certified_on) FROM certifications
      UNION SELECT year(signed_on) FROM projects)
    WHERE year IS NOT NULL ORDER BY year DESC`);
  return rows.map((r) => r.year);
}

/** Where the data stands: its as-of date and years, read once when a screen opens. */
export async function dataContext(db: Db): Promise<{ asOf: string | null; years: number[] }> {
  return { asOf: await dataAsOf(db), years: await dataYears(db) };
}

/** Per table: rows, and the source files the rows came from. */
export async function loadedFiles(db: Db): Promise<{ table: TableName; file: string; rows: number }[]> {
  const parts = TABLES.map(
    (t) =>
      sql`SELECT ${t.name} AS "table", source_file AS file, count(*) AS rows FROM ${ident(t.name)} GROUP BY 2`,
  );
  const rows: { table: TableName; file: string; rows: number }[] = [];
  for (const part of parts)
    rows.push(...(await db.query<{ table: TableName; file: string; rows: number }>(part)));
  return rows;
}

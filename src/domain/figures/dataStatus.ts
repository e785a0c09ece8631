/** What is loaded: rows per table, the newest tax month (数据截至), orphan tax rows. */
import { ident, sql, type Db } from '../../db';
import { TABLES, type TableName } from '../schema';
import { one } from './common';

/** The as-of date of the data: the last day of the newest tax month, or null without tax rows. */
export async function dataAsOf(db: Db): Promise<string | null> {
  // Per data version in the rollups (../rollups.ts): no scan of the tax rows on each figure.
  const row = await one<{ asOf: string | null }>(db, sql`SELECT as_of AS "asOf" FROM rollup_facts`);
  return row.asOf;
}

export async function rowCounts(db: Db): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const t of TABLES) {
    counts[t.name] = (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${ident(t.name)}`)).n;
  }
  return counts;
}

/**
 * Tax rows whose enterprise is not in the enterprise list (kept, shown as a warning): counted once
 * per data version, with the rollups.
 */
export async function orphanTaxRows(db: Db): Promise<number> {
  const row = await one<{ n: number }>(db, sql`SELECT orphan_tax_rows AS n FROM rollup_facts`);
  return row.n;
}

/**
 * The years the data speaks about, newest first: every year from the earliest to the latest tax
 * month, certification or signed project (three min/max scans, cheap enough to run on every open).
 */
export async function dataYears(db: Db): Promise<number[]> {
  const row = await one<{ first: number | null; last: number | null }>(
    db,
    sql`SELECT least(t.first, c.first, p.first) AS first, greatest(t.last, c.last, p.last) AS last
        FROM (SELECT min(year) AS first, max(year) AS last FROM rollup_tax_years) AS t,
             (SELECT year(min(certified_on)) AS first, year(max(certified_on)) AS last FROM certifications) AS c,
             (SELECT year(min(signed_on)) AS first, year(max(signed_on)) AS last FROM projects) AS p`,
  );
  if (row.first === null || row.last === null) return [];
  return Array.from({ length: row.last - row.first + 1 }, (_, i) => row.last! - i);
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

export interface TableStatus {
  table: TableName;
  label: string;
  rows: number;
  /** The span of the table's main date (tax month, certification date, signing date …), ISO. */
  from: string | null;
  to: string | null;
  dateLabel: string | null;
}

/** The column that dates each table's rows, for "what is loaded" (date range per table). */
const DATED: Partial<Record<TableName, { column: string; label: string }>> = {
  tax: { column: 'period', label: '所属期' },
  certifications: { column: 'certified_on', label: '认定日期' },
  projects: { column: 'signed_on', label: '签约日期' },
  enterprises: { column: 'registered_on', label: '成立日期' },
};

/** Rows and date range per table. */
export async function tableStatus(db: Db): Promise<TableStatus[]> {
  const result: TableStatus[] = [];
  for (const t of TABLES) {
    const dated = DATED[t.name];
    const range = dated
      ? sql`min(${ident(dated.column)})::VARCHAR AS "from", max(${ident(dated.column)})::VARCHAR AS "to"`
      : sql`NULL AS "from", NULL AS "to"`;
    const row = await one<{ rows: number; from: string | null; to: string | null }>(
      db,
      sql`SELECT count(*) AS rows, ${range} FROM ${ident(t.name)}`,
    );
    result.push({ table: t.name, label: t.label, ...row, dateLabel: dated?.label ?? null });
  }
  return result;
}

/** Everything the data page shows about what is loaded. */
export async function dataStatus(db: Db) {
  return {
    asOf: await dataAsOf(db),
    tables: await tableStatus(db),
    files: await loadedFiles(db),
    orphanTaxRows: await orphanTaxRows(db),
  };
}

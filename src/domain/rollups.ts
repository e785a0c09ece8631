/**
 * Rollups: small tables derived from the raw rows, built when the data changes (an import's commit,
 * an undo or rollback, the sample restored, stored data from an earlier version opened) and read by
 * the figures instead of the raw rows. The raw rows stay for drill-down and the data page.
 *
 * - `rollup_tax_month`: tax per enterprise and month, with the part from outside operations (市外;
 *   NULL when the month has no such row, as `sum(…) FILTER (WHERE outside)` over the raw rows).
 *   A tax export has one row per enterprise, month and tax type: this holds about a quarter of the
 *   rows, and every figure of tax in Y as of D still reads whole months (DOMAIN.md "As of a date":
 *   tax by period, months up to D's month), so the as-of rule holds unchanged on it.
 * - `rollup_tax_year`: per enterprise and year, its tax through each month (`ytd[m]`, m = 1…12, NULL
 *   until its first month with rows), with the 市外 part likewise. "Tax of Y as of D" is then one list
 *   element of about enterprises × years rows (30k × 7 at 10M tax rows) instead of the months of Y of
 *   the monthly rollup (a quarter of the tax rows): the figures of a filter change stay small at any
 *   scale. `taxThrough` (below) is the one way the figures read it.
 * - `rollup_building_month`: building tax per building and month (tenants by enterprises.building_id).
 * - `rollup_tax_years`: per year, the last month with tax rows (the 同比 compares those months).
 * - `rollup_facts`: what does not depend on filters, per data version: the data's as-of date and
 *   the tax rows whose enterprise is not in the directory (a `NOT IN` over the monthly rollup).
 * - `rollup_directory`: each enterprise's building as the rollups last saw it, so a change of the
 *   directory is found by comparing (below), whatever made it.
 * Money stays exact: sums of DECIMAL(18,2) are DECIMAL(38,2) in DuckDB, kept as DECIMAL(18,2)
 * (16 integer digits of 元, far beyond any enterprise's or building's tax).
 *
 * Kept up to date inside the change's own transaction, so a reader never sees rollups of another
 * version than the rows. A commit or undo tells `rollupChange` (./rollupChange.ts) the tax keys
 * it wrote or restored (the merge's `merge_keys`, the history's `history_keys_*`); only those enterprise-months, their
 * enterprise-years, the building-months of their enterprises and the years they fall in are
 * recomputed, then the facts from the monthly rollup. A month's import thus costs about its own
 * rows, not the history's (docs/PERFORMANCE.md "Incremental rollups"). Enterprises that came, went
 * or moved are found against `rollup_directory`; every month of their old and new building is
 * recomputed. Rebuilt whole instead: a whole dataset, the undo of one, keys of half the monthly
 * rollup or more (an import into empty tables), the sample restored, data kept by an earlier
 * version (`ensureRollups`). test/rollupsIncremental.test.ts checks both ways give the same rows.
 */
import { raw, sql, type Db, type Sql } from '../db';
import type { YearPeriod } from './asOf';
import { MONEY_YUAN } from './ddl';
import type { TableName } from './schema';

/** The raw tables the rollups are built from: a change to any of them brings them up to date. */
export const ROLLED_UP: readonly TableName[] = ['tax', 'enterprises'];

export const ROLLUP_TABLES = [
  'rollup_tax_month',
  'rollup_tax_year',
  'rollup_building_month',
  'rollup_tax_years',
  'rollup_facts',
  'rollup_directory',
] as const;

/** A function, not a constant: ddl.ts and this module import each other. */
const creates = () => [
  sql`CREATE TABLE IF NOT EXISTS rollup_tax_month (credit_code VARCHAR, period DATE,
    amount ${raw(MONEY_YUAN)}, outside_amount ${raw(MONEY_YUAN)}, rows INTEGER)`,
  // DECIMAL(38,2): a year's running sums may pass the 16 integer digits one month's sum is kept to.
  sql`CREATE TABLE IF NOT EXISTS rollup_tax_year (credit_code VARCHAR, year INTEGER,
    ytd DECIMAL(38, 2)[], outside_ytd DECIMAL(38, 2)[])`,
  sql`CREATE TABLE IF NOT EXISTS rollup_building_month (building_id VARCHAR, period DATE,
    amount ${raw(MONEY_YUAN)})`,
  sql`CREATE TABLE IF NOT EXISTS rollup_tax_years (year INTEGER, last_month INTEGER)`,
  sql`CREATE TABLE IF NOT EXISTS rollup_facts (as_of DATE, orphan_tax_rows BIGINT)`,
  sql`CREATE TABLE IF NOT EXISTS rollup_directory (credit_code VARCHAR, building_id VARCHAR)`,
];

/**
 * `rollup_tax_year` from `rollup_tax_month`: every enterprise-year gets twelve months (a grid), and a
 * running sum over them fills each month with the tax so far. A running SUM stays NULL until the first
 * month with rows, so `ytd[m]` is NULL exactly when the monthly rollup has no row of that enterprise
 * in months 1…m, as a `WHERE period BETWEEN …` over it would find none.
 */
export const yearToDate = (only: Sql = raw('')) => sql`INSERT INTO rollup_tax_year
  WITH months AS (
    SELECT credit_code, year(period) AS year, month(period) AS month, amount, outside_amount
    FROM rollup_tax_month ${only}),
  grid AS (
    SELECT credit_code, year, month FROM (SELECT DISTINCT credit_code, year FROM months)
    CROSS JOIN range(1, 13) AS r(month)),
  running AS (
    SELECT g.credit_code, g.year, g.month,
      sum(m.amount) OVER w AS ytd, sum(m.outside_amount) OVER w AS outside_ytd
    FROM grid AS g LEFT JOIN months AS m USING (credit_code, year, month)
    WINDOW w AS (PARTITION BY g.credit_code, g.year ORDER BY g.month ROWS UNBOUNDED PRECEDING))
  SELECT credit_code, year, list(ytd ORDER BY month), list(outside_ytd ORDER BY month)
  FROM running GROUP BY 1, 2 ORDER BY 2, 1`;

/**
 * Tax per enterprise of Y's months 1…m, m the period's month (no later than `throughMonth`): rows
 * `(credit_code, amount, outside_amount)`, one per enterprise with tax rows in those months — what
 * `SELECT … FROM rollup_tax_month WHERE period BETWEEN <Y's start> AND <D> GROUP BY credit_code`
 * gives, read from one list element per enterprise. Nothing when Y has not begun by D.
 */
export function taxThrough(p: YearPeriod, throughMonth = 12): Sql {
  const month = Math.min(p.months, throughMonth);
  if (month < 1)
    return sql`SELECT credit_code, ytd[1] AS amount, outside_ytd[1] AS outside_amount FROM rollup_tax_year WHERE FALSE`;
  const at = sql`${month}::INTEGER`;
  return sql`SELECT credit_code, ytd[${at}] AS amount, outside_ytd[${at}] AS outside_amount
    FROM rollup_tax_year WHERE year = ${p.year} AND ytd[${at}] IS NOT NULL`;
}

/**
 * Builds the rollups when they are not built: tables kept by an earlier version, or just created.
 * Built rollups always hold one `rollup_facts` row, so one tiny read tells (asking duckdb_tables()
 * instead reads every table's statistics, ~0.5 s with a million tax rows kept); reading the newest
 * rollup tables too tells data kept by a version that did not have them.
 */
export async function ensureRollups(db: Db): Promise<void> {
  let built = false;
  try {
    const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM rollup_facts`);
    // Only bound, never scanned: fails on data kept by a version without these rollups.
    await db.query(sql`SELECT credit_code FROM rollup_tax_year LIMIT 0`);
    await db.query(sql`SELECT credit_code FROM rollup_directory LIMIT 0`);
    built = row?.n === 1;
  } catch (error) {
    if (!/rollup_\w+ does not exist/i.test(String(error))) throw error;
  }
  if (!built) await refreshRollups(db);
}

/** A function, not a constant: MONEY_YUAN is not yet defined when this module loads (see `creates`). */
const money = () => raw(MONEY_YUAN);

/** Tax per enterprise and month from the raw rows (`only`: a join or filter on `tax AS t`). */
export const taxMonths = (only: Sql = raw('')) => sql`INSERT INTO rollup_tax_month
  SELECT t.credit_code, t.period, sum(t.amount)::${money()},
    (sum(t.amount) FILTER (WHERE t.outside))::${money()}, count(*)::INTEGER
  FROM tax AS t ${only} GROUP BY t.credit_code, t.period ORDER BY t.period, t.credit_code`;

/** Building tax per month from the monthly rollup (`only`: a join on `rollup_tax_month AS t` and `enterprises AS e`). */
export const buildingMonths = (only: Sql = raw('')) => sql`INSERT INTO rollup_building_month
  SELECT e.building_id, t.period, sum(t.amount)::${money()}
  FROM rollup_tax_month AS t JOIN enterprises AS e USING (credit_code) ${only}
  WHERE e.building_id IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1`;

export const lastMonths = (only: Sql = raw('')) => sql`INSERT INTO rollup_tax_years
  SELECT year(period), max(month(period)) FROM rollup_tax_month ${only} GROUP BY 1`;

/** From the monthly rollup, whole: a scan of about a quarter of the tax rows' count, not of the rows. */
export const facts = () => sql`INSERT INTO rollup_facts
  SELECT (SELECT last_day(max(period)) FROM rollup_tax_month),
    (SELECT coalesce(sum(rows), 0) FROM rollup_tax_month
     WHERE credit_code NOT IN (SELECT credit_code FROM enterprises))`;

/**
 * Rebuilds every rollup from the raw tables. Call it inside the transaction that changed them, or
 * on its own (it then runs in one transaction of its own).
 */
export async function refreshRollups(db: Db, { inTransaction = false } = {}): Promise<void> {
  if (!inTransaction) await db.run(raw('BEGIN TRANSACTION'));
  try {
    for (const statement of creates()) await db.run(statement);
    for (const table of ROLLUP_TABLES) await db.run(sql`DELETE FROM ${raw(table)}`);
    // Ordered by month, so a year's figures read only the row groups of its months (zone maps).
    await db.run(taxMonths());
    await db.run(yearToDate());
    await db.run(buildingMonths());
    await db.run(lastMonths());
    await db.run(facts());
    await db.run(sql`INSERT INTO rollup_directory SELECT credit_code, building_id FROM enterprises`);
    if (!inTransaction) await db.run(raw('COMMIT'));
  } catch (error) {
    if (!inTransaction) await db.run(raw('ROLLBACK'));
    throw error;
  }
}

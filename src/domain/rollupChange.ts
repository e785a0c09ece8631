/**
 * The rollups (./rollups.ts) brought up to date after a change to the raw tables, by the keys the
 * change touched, instead of rebuilt whole: an import's commit and an undo tell what they wrote, and
 * `apply` recomputes only those enterprise-months, their enterprise-years, the building-months of
 * their enterprises and the years in range (docs/PERFORMANCE.md, "Incremental rollups"). Apart from
 * ./rollups.ts, which the first screen reads: only the importer and the history need this.
 */
import { raw, sql, type Db, type Sql } from '../db';
import {
  buildingMonths,
  facts,
  lastMonths,
  refreshRollups,
  ROLLED_UP,
  taxMonths,
  yearToDate,
} from './rollups';
import type { TableName } from './schema';

/** What a change did to the raw tables, told as it happens; `apply` then brings the rollups up to date. */
export interface RollupChange {
  /**
   * Rows of `table` were written or deleted. For tax, `keys` is a relation with the columns
   * `credit_code, period` of every key whose rows changed (more is harmless), or undefined when the
   * whole table was replaced. Other tables need no keys: the directory is compared with its copy.
   */
  changed(table: TableName, keys?: Sql): Promise<void>;
  /** Inside the change's transaction, after it: the rollups of the rows as they now are. */
  apply(): Promise<void>;
}

/** Performance marks set when a change's rollups are done: brought up to date by keys, or rebuilt. */
export const ROLLUPS_BY_KEYS = '汇总：按键更新';
export const ROLLUPS_REBUILT = '汇总：整体重建';

/** The tax keys a change touched, gathered across the tables and undos of one transaction. */
const TOUCHED = raw('temp.rollup_touched');
const SCRATCH = ['rollup_touched', 'rollup_touched_years', 'rollup_touched_buildings', 'rollup_moved'];

export function rollupChange(db: Db): RollupChange {
  let rolledUp = false;
  let whole = false;
  let touched = false;
  return {
    async changed(table, keys) {
      if (!ROLLED_UP.includes(table)) return;
      rolledUp = true;
      if (table !== 'tax') return;
      // Without keys the table was replaced whole: so are the rollups, whatever else is told.
      whole ||= !keys;
      if (whole || !keys) return;
      if (!touched)
        await db.run(sql`CREATE OR REPLACE TEMP TABLE rollup_touched (credit_code VARCHAR, period DATE)`);
      touched = true;
      // EXCEPT keeps each key once, however many changes name it.
      await db.run(sql`INSERT INTO ${TOUCHED}
        SELECT credit_code, period FROM ${keys} EXCEPT SELECT credit_code, period FROM ${TOUCHED}`);
    },
    async apply() {
      if (!rolledUp) return;
      const byKeys = !whole && (await updateRollups(db, touched));
      if (!byKeys) await refreshRollups(db, { inTransaction: true });
      for (const t of SCRATCH) await db.run(sql`DROP TABLE IF EXISTS temp.${raw(t)}`);
      // Which way it went, for bench:desk's timeline and the tests.
      performance.mark(byKeys ? ROLLUPS_BY_KEYS : ROLLUPS_REBUILT);
    },
  };
}

/**
 * The rollups brought up to date by the touched tax keys and the directory's moves; false (nothing
 * done) when the keys are so many that rebuilding whole costs less: half the monthly rollup or more,
 * which includes any import into empty tables.
 */
async function updateRollups(db: Db, touched: boolean): Promise<boolean> {
  if (touched) {
    const [range] = await db.query<{ keys: number; rolled: number; from: string; to: string }>(
      sql`SELECT count(*) AS keys, (SELECT count(*) FROM rollup_tax_month) AS rolled,
        min(period)::VARCHAR AS "from", max(period)::VARCHAR AS "to" FROM ${TOUCHED}`,
    );
    if (!range || (range.keys > 0 && range.keys * 2 >= range.rolled)) return false;
    if (range.keys > 0) await updateByKeys(db, range.from, range.to);
  }
  await followMoves(db);
  await db.run(sql`DELETE FROM rollup_facts`);
  await db.run(facts());
  return true;
}

/**
 * The rollup rows of the touched (enterprise, month)s, their enterprise-years, the building-months
 * their enterprises are in and the years from `from` to `to`, recomputed from the rows as they are
 * now. `from`…`to` (the touched months) is also a literal filter on the scans: a month's import is
 * the last rows written, so the scan of the tax rows reads only its row groups (zone maps).
 */
async function updateByKeys(db: Db, from: string, to: string) {
  const months = sql`t.period BETWEEN ${from}::DATE AND ${to}::DATE`;
  const years = sql`period BETWEEN make_date(year(${from}::DATE), 1, 1) AND make_date(year(${to}::DATE), 12, 31)`;
  await db.run(sql`DELETE FROM rollup_tax_month AS r USING ${TOUCHED} AS k
    WHERE r.credit_code = k.credit_code AND r.period = k.period`);
  await db.run(
    taxMonths(sql`SEMI JOIN ${TOUCHED} AS k ON t.credit_code = k.credit_code AND t.period = k.period
      WHERE ${months}`),
  );

  await db.run(sql`CREATE OR REPLACE TEMP TABLE rollup_touched_years AS
    SELECT DISTINCT credit_code AS y_code, year(period) AS y_year FROM ${TOUCHED}`);
  await db.run(sql`DELETE FROM rollup_tax_year AS r USING temp.rollup_touched_years AS y
    WHERE r.credit_code = y.y_code AND r.year = y.y_year`);
  await db.run(
    yearToDate(sql`SEMI JOIN temp.rollup_touched_years ON credit_code = y_code AND year(period) = y_year
      WHERE ${years}`),
  );

  await db.run(sql`CREATE OR REPLACE TEMP TABLE rollup_touched_buildings AS
    SELECT DISTINCT e.building_id AS b_id, k.period AS b_period
    FROM ${TOUCHED} AS k JOIN enterprises AS e USING (credit_code) WHERE e.building_id IS NOT NULL`);
  await db.run(sql`DELETE FROM rollup_building_month AS r USING temp.rollup_touched_buildings AS b
    WHERE r.building_id = b.b_id AND r.period = b.b_period`);
  await db.run(
    buildingMonths(sql`SEMI JOIN temp.rollup_touched_buildings AS b
      ON e.building_id = b.b_id AND t.period = b.b_period`),
  );

  // Every year of the range, touched or not: recomputing an untouched one gives it back unchanged.
  await db.run(sql`DELETE FROM rollup_tax_years
    WHERE year BETWEEN year(${from}::DATE) AND year(${to}::DATE)`);
  await db.run(lastMonths(sql`WHERE ${years}`));
}

/**
 * Enterprises that came, went or changed building since the rollups were last brought up to date
 * (the directory against its copy `rollup_directory`, a few thousand rows): every month of their
 * old and new buildings is recomputed, and the copy follows. Any directory change is followed
 * this way, whatever made it (an import, an undo), and however large (at worst every building).
 */
async function followMoves(db: Db) {
  const directory = sql`SELECT credit_code, building_id FROM enterprises`;
  const copy = sql`SELECT credit_code, building_id FROM rollup_directory`;
  await db.run(sql`CREATE OR REPLACE TEMP TABLE rollup_moved AS
    (${directory} EXCEPT ${copy}) UNION ALL (${copy} EXCEPT ${directory})`);
  const [moved] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM temp.rollup_moved`);
  if (!moved?.n) return;
  const buildings = sql`SELECT building_id FROM temp.rollup_moved WHERE building_id IS NOT NULL`;
  await db.run(sql`DELETE FROM rollup_building_month WHERE building_id IN (${buildings})`);
  await db.run(buildingMonths(sql`SEMI JOIN (${buildings}) AS m ON e.building_id = m.building_id`));
  const codes = sql`SELECT credit_code FROM temp.rollup_moved`;
  await db.run(sql`DELETE FROM rollup_directory WHERE credit_code IN (${codes})`);
  await db.run(sql`INSERT INTO rollup_directory ${directory} WHERE credit_code IN (${codes})`);
}

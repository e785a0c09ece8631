/**
 * Accepted rows → the database, all files of an import in one transaction (DOMAIN.md, "Tax rows add
 * up within an import; a later import replaces"):
 * - the rows of all files of one import are added together — two tax files for the same enterprise
 *   and month (个人所得税 exported on its own) both count, whatever their names;
 * - a row's replacement key is the table's key, or for tax (credit_code, period, tax_type): an import
 *   replaces the committed rows of each key it carries, and nothing else;
 * - a key whose committed rows are exactly the incoming ones is left alone and reported 未变, so
 *   re-importing the same files changes nothing and says so.
 * What undoing the import needs is kept in the same transaction (history.ts reads it back).
 */
import { ident, joinSql, raw, sql, type Db, type Sql } from '../db';
import { refreshRollups } from '../domain/rollups';
import { rollupChange } from '../domain/rollupChange';
import { nullable, TABLES, tableByName, type Table, type TableName } from '../domain/schema';
import { keepsTaxNames, registerTaxNames, TAXPAYER_NAME, withNameIds } from '../domain/taxNames';
import type { Checked } from './check';
import { keysTable, stateTable } from './historyTables';

export interface CommitCounts {
  table: string;
  /** Incoming rows of keys the table did not have. */
  added: number;
  /** Incoming rows of keys whose committed rows they replaced. */
  replaced: number;
  /** Incoming rows identical to the committed rows of their key: nothing written. */
  unchanged: number;
}

export interface CommitOptions {
  /** A whole dataset (导出全部数据, or the first import over the sample): every table is emptied first. */
  replaceAll?: boolean;
  /** Keep, under this id, what undoing the import needs (history.ts). */
  historyId?: number;
  /** Runs inside the transaction once the rows are written, before COMMIT (the history's log line). */
  beforeCommit?: (counts: CommitCounts[]) => Promise<void>;
}

/** The columns whose values an incoming row replaces: the key, or for tax its enterprise-month-type. */
export function replacementKey(table: Table): readonly string[] {
  return table.key.length ? table.key : ['credit_code', 'period', 'tax_type'];
}

/**
 * Whether undoing can work from replaced rows and written keys: every key column always has a value.
 * A key that may be empty (a lead without 线索编号, appended, never matched) needs a full copy.
 */
export function keyedUndo(table: Table): boolean {
  return replacementKey(table).every((k) => !nullable(table.columns.find((c) => c.name === k)!));
}

export async function commitChecked(
  db: Db,
  files: readonly { file: string; checked: Checked }[],
  options: CommitOptions = {},
): Promise<CommitCounts[]> {
  const counts: CommitCounts[] = [];
  const rollups = rollupChange(db);
  await db.run(raw('BEGIN TRANSACTION'));
  try {
    if (options.replaceAll) {
      for (const table of TABLES) {
        await keepWholeTable(db, table, options.historyId);
        await db.run(sql`DELETE FROM ${ident(table.name)}`);
      }
    }
    const tables = byTable(files);
    for (const [name, parts] of tables) {
      counts.push(await mergeTable(db, tableByName(name), parts, options));
      // The keys the merge wrote, while merge_keys holds this table's.
      if (!options.replaceAll)
        await rollups.changed(name, sql`(SELECT * FROM temp.merge_keys WHERE state <> 'same')`);
    }
    // In the same transaction: no reader sees rollups of other rows than the tables'.
    performance.mark('导入：汇总');
    if (options.replaceAll) await refreshRollups(db, { inTransaction: true });
    else await rollups.apply();
    await options.beforeCommit?.(counts);
    await db.run(raw('COMMIT'));
  } catch (error) {
    await db.run(raw('ROLLBACK'));
    throw error;
  } finally {
    await db.run(raw('DROP TABLE IF EXISTS temp.merge_keys'));
  }
  return counts;
}

type Part = { file: string; checked: Checked };

/** Files grouped by table, in the order the files came. */
function byTable(files: readonly Part[]): Map<TableName, Part[]> {
  const groups = new Map<TableName, Part[]>();
  for (const f of files) groups.set(f.checked.table.name, [...(groups.get(f.checked.table.name) ?? []), f]);
  return groups;
}

async function keepWholeTable(db: Db, table: Table, historyId: number | undefined) {
  if (historyId === undefined) return;
  await db.run(
    sql`CREATE OR REPLACE TABLE ${stateTable(historyId, table.name)} AS FROM ${ident(table.name)}`,
  );
}

const dataColumns = (table: Table) => [
  ...table.columns.map((c) => ident(c.name)),
  raw('source_row'),
  raw('extra'),
  ...(keepsTaxNames(table) ? [raw('name_id')] : []),
];

/** Every file's accepted rows in the table's columns, with the file they came from. */
function incomingRows(table: Table, parts: readonly Part[], where?: (alias: Sql) => Sql): Sql {
  const columns = joinSql(dataColumns(table));
  return joinSql(
    parts.map(({ file, checked }) => {
      const alias = raw('i');
      const filter = where ? sql`WHERE ${where(alias)}` : raw('');
      const rows = keepsTaxNames(table) ? withNameIds(checked.accepted) : checked.accepted;
      return sql`SELECT ${columns}, ${file} AS source_file FROM ${rows} AS ${alias} ${filter}`;
    }),
    ' UNION ALL ',
  );
}

function keyMatch(table: Table, left: Sql, right: Sql): Sql {
  return joinSql(
    replacementKey(table).map((k) => sql`${left}.${ident(k)} = ${right}.${ident(k)}`),
    ' AND ',
  );
}

/**
 * A key's rows as one comparable value, whatever their order: the count and the sum of the rows'
 * 64-bit hashes (values and extra columns besides the key). Measured at 1M rows, sorted lists of the
 * rows took 20 s to compare; this takes about a second. Two different sets of rows give the same
 * pair only by a hash collision (about 2⁻⁶⁴ per key), and then the incoming rows are reported
 * 未变 and not written.
 */
function fingerprint(table: Table): Sql {
  const key = replacementKey(table);
  const values = table.columns.filter((c) => !key.includes(c.name)).map((c) => ident(c.name));
  // A tax row's name is data: the same rows under a changed name are a change.
  const more = [raw('extra'), ...(keepsTaxNames(table) ? [raw('name_id')] : [])];
  return sql`count(*) AS n, sum(hash(row(${joinSql([...values, ...more])})))::HUGEINT AS h`;
}

async function mergeTable(db: Db, table: Table, parts: readonly Part[], options: CommitOptions) {
  const target = ident(table.name);
  const total = parts.reduce((n, p) => n + p.checked.acceptedCount, 0);
  if (keepsTaxNames(table))
    for (const p of parts) await registerTaxNames(db, p.checked.accepted, raw(TAXPAYER_NAME));
  const insert = (where?: (alias: Sql) => Sql) =>
    db.run(
      sql`INSERT INTO ${target} (${joinSql(dataColumns(table))}, source_file) ${incomingRows(table, parts, where)}`,
    );
  if (options.replaceAll) {
    await insert();
    return { table: table.name, added: total, replaced: 0, unchanged: 0 };
  }
  const key = replacementKey(table).map((k) => ident(k));
  const keys = raw('temp.merge_keys');
  // Keys of the incoming rows with how their rows compare with the committed ones: 'new' (no
  // committed row), 'same' (the same rows, as a multiset), 'changed'. A key with an empty part
  // (a lead without 线索编号) matches nothing: its rows are appended.
  const complete = joinSql(
    key.map((k) => sql`${k} IS NOT NULL`),
    ' AND ',
  );
  const incomingKeys = sql`SELECT ${joinSql(key)}, count(*) AS n FROM (${incomingRows(table, parts)}) WHERE ${complete} GROUP BY ALL`;
  await db.run(
    sql`CREATE OR REPLACE TEMP TABLE merge_keys AS SELECT *, 'new' AS state FROM (${incomingKeys})`,
  );
  const [{ n: present }] = (await db.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${target} AS t SEMI JOIN ${keys} AS k ON ${keyMatch(table, raw('t'), raw('k'))}`,
  )) as [{ n: number }];
  if (present > 0) await classify(db, table, parts);

  const keyed = keyedUndo(table);
  if (options.historyId !== undefined) await keepState(db, table, options.historyId, keyed);
  // Committed rows of changed keys go; the incoming rows of new and changed keys come in.
  if (present > 0) {
    await db.run(sql`DELETE FROM ${target} AS t USING ${keys} AS k
      WHERE k.state = 'changed' AND ${keyMatch(table, raw('t'), raw('k'))}`);
    await insert(
      (i) =>
        sql`NOT EXISTS (SELECT 1 FROM ${keys} AS k WHERE k.state = 'same' AND ${keyMatch(table, i, raw('k'))})`,
    );
  } else {
    // Nothing to compare (a first import, new months): the rows go in unfiltered, which matters for
    // a million-row file (DuckDB builds the extra MAP about 3× slower on filtered rows).
    await insert();
  }
  const tally = await db.query<{ state: string; n: number }>(
    sql`SELECT state, sum(n)::BIGINT AS n FROM ${keys} GROUP BY state`,
  );
  const of = (state: string) => tally.find((t) => t.state === state)?.n ?? 0;
  const replaced = of('changed');
  const unchanged = of('same');
  return { table: table.name, added: total - replaced - unchanged, replaced, unchanged };
}

/** Marks each incoming key 'same' or 'changed' where the table has rows of it. */
async function classify(db: Db, table: Table, parts: readonly Part[]) {
  const key = joinSql(replacementKey(table).map((k) => ident(k)));
  const keys = raw('temp.merge_keys');
  const committed = sql`SELECT ${key}, ${fingerprint(table)} FROM ${ident(table.name)} AS t
    SEMI JOIN ${keys} AS k ON ${keyMatch(table, raw('t'), raw('k'))} GROUP BY ALL`;
  const incoming = sql`SELECT ${key}, ${fingerprint(table)} FROM (${incomingRows(table, parts)}) GROUP BY ALL`;
  await db.run(sql`
    CREATE OR REPLACE TEMP TABLE merge_keys AS
    SELECT k.* EXCLUDE (state),
      CASE WHEN c.n IS NULL THEN 'new' WHEN c.n = i.n AND c.h = i.h THEN 'same' ELSE 'changed' END AS state
    FROM ${keys} AS k JOIN (${incoming}) AS i USING (${key}) LEFT JOIN (${committed}) AS c USING (${key})`);
}

/**
 * What undoing needs, written before the table changes: the committed rows of the changed keys and
 * the keys written (new and changed); or, where keys can be empty, a copy of the whole table.
 */
async function keepState(db: Db, table: Table, id: number, keyed: boolean) {
  if (!keyed) return keepWholeTable(db, table, id);
  const key = joinSql(replacementKey(table).map((k) => ident(k)));
  const keys = raw('temp.merge_keys');
  await db.run(sql`CREATE OR REPLACE TABLE ${keysTable(id, table.name)} AS
    SELECT ${key} FROM ${keys} WHERE state <> 'same'`);
  // The changed keys are picked before the join: with `k.state = 'changed'` in its ON clause DuckDB
  // plans a blockwise nested-loop join, every kept row against every incoming key — a month of
  // 12k keys on 1M kept tax rows took 30 s (docs/PERFORMANCE.md), against 15 ms as a hash join.
  await db.run(sql`CREATE OR REPLACE TABLE ${stateTable(id, table.name)} AS
    SELECT t.* FROM ${ident(table.name)} AS t
    SEMI JOIN (SELECT * FROM ${keys} WHERE state = 'changed') AS k
    ON ${keyMatch(table, raw('t'), raw('k'))}`);
}

/**
 * Accepted rows → the database, all files of an import in one transaction. Merge rules: keyed
 * tables are upserted by their key; tax rows replace the existing rows of the same enterprise-months
 * present in the file, so loading a month twice changes nothing and a corrected month replaces it.
 */
import { ident, joinSql, raw, sql, type Db } from '../db';
import { TABLES, type Table } from '../domain/schema';
import type { Checked } from './check';

export interface CommitCounts {
  table: string;
  added: number;
  replaced: number;
}

/**
 * `replaceAll` (a whole dataset exported by the app, imported elsewhere): every table is emptied
 * first, in the same transaction, so the result is the dataset and nothing else.
 */
export async function commitChecked(
  db: Db,
  files: readonly { file: string; checked: Checked }[],
  { replaceAll = false }: { replaceAll?: boolean } = {},
) {
  const counts: CommitCounts[] = [];
  await db.run(raw('BEGIN TRANSACTION'));
  try {
    if (replaceAll) for (const table of TABLES) await db.run(sql`DELETE FROM ${ident(table.name)}`);
    for (const { file, checked } of files) counts.push(await mergeOne(db, file, checked));
    await db.run(raw('COMMIT'));
  } catch (error) {
    await db.run(raw('ROLLBACK'));
    throw error;
  }
  return counts;
}

/** The columns whose values an incoming row replaces: the key, or for tax its enterprise-month. */
export function replacementKey(table: Table): readonly string[] {
  return table.key.length ? table.key : ['credit_code', 'period'];
}

async function mergeOne(db: Db, file: string, checked: Checked): Promise<CommitCounts> {
  const { table, accepted } = checked;
  const target = ident(table.name);
  const key = replacementKey(table);
  // NULL matches NULL (a target without 指标 replaces the same target without 指标), but an incoming
  // row whose key is wholly empty (a lead without 线索编号) has no key and replaces nothing.
  const match = joinSql(
    [
      ...key.map((k) => sql`${target}.${ident(k)} IS NOT DISTINCT FROM incoming.${ident(k)}`),
      sql`NOT (${joinSql(
        key.map((k) => sql`incoming.${ident(k)} IS NULL`),
        ' AND ',
      )})`,
    ],
    ' AND ',
  );
  // DELETE answers with the number of rows it removed: the rows this file replaces.
  const [{ Count: replaced }] = (await db.query<{ Count: number }>(sql`
    DELETE FROM ${target} USING (SELECT DISTINCT ${joinSql(key.map((k) => ident(k)))} FROM ${accepted}) AS incoming
    WHERE ${match}`)) as [{ Count: number }];
  const columns = [...table.columns.map((c) => ident(c.name)), raw('source_row'), raw('extra')];
  await db.run(sql`
    INSERT INTO ${target} (${joinSql(columns)}, source_file)
    SELECT ${joinSql(columns)}, ${file} FROM ${accepted}`);
  return { table: table.name, added: checked.acceptedCount, replaced };
}

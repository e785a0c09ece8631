/**
 * The importer: files → recognised, checked, and committed in one transaction. A refused file
 * refuses the whole import (nothing is committed); rejected rows are reported and skipped.
 */
import { ident, raw, type Db } from '../db';
import { createTables } from '../domain/ddl';
import type { TableName } from '../domain/schema';
import { checkStaged, type DroppedRow, type RowError } from './check';
import { commitChecked, type CommitCounts } from './commit';
import type { Encoding } from './decode';
import type { MappedColumn } from './headers';
import { FileRefused, ImportRefused } from './refusal';
import { readSource, type SourceFile } from './source';
import { stageSource } from './stage';
import { ensureValueMacros } from './valueSql';

export interface FileReport {
  file: string;
  table: TableName;
  tableLabel: string;
  encoding: Encoding | 'xlsx';
  headerRow: number;
  columns: { header: string; column: string; factor: number }[];
  extras: string[];
  rowsRead: number;
  accepted: number;
  rejected: RowError[];
  totals: DroppedRow[];
}

export interface ImportReport {
  files: FileReport[];
  committed: CommitCounts[];
}

export interface ImportOptions {
  /** Per file name: the table it holds or the encoding to decode it with, when not detected. */
  overrides?: Record<string, { table?: TableName; encoding?: Encoding }>;
}

let importCounter = 0;

export async function importFiles(
  db: Db,
  files: readonly SourceFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  await createTables(db);
  await ensureValueMacros(db);
  const refusals: FileRefused[] = [];
  const checkedFiles = [];
  const reports: FileReport[] = [];
  const temps: string[] = [];
  try {
    for (const file of files) {
      const id = `${++importCounter}`;
      temps.push(id);
      try {
        const source = await readSource(file, options.overrides?.[file.name]);
        const staged = await stageSource(db, source, id);
        const checked = await checkStaged(db, file.name, staged, source.mapping, id);
        checkedFiles.push({ file: file.name, checked });
        reports.push({
          file: file.name,
          table: source.mapping.table.name,
          tableLabel: source.mapping.table.label,
          encoding: source.encoding,
          headerRow: source.headerRow,
          columns: source.mapping.columns.map(describeColumn),
          extras: source.mapping.extras.map((e) => e.text),
          rowsRead: checked.rowsRead,
          accepted: checked.acceptedCount,
          rejected: checked.rejected,
          totals: checked.totals,
        });
      } catch (error) {
        if (!(error instanceof FileRefused)) throw error;
        refusals.push(error);
      }
    }
    if (refusals.length) throw new ImportRefused(refusals);
    const committed = await commitChecked(db, checkedFiles);
    return { files: reports, committed };
  } finally {
    await dropTemps(db, temps);
  }
}

function describeColumn(m: MappedColumn) {
  return { header: m.header, column: m.column.name, factor: m.factor };
}

async function dropTemps(db: Db, ids: readonly string[]) {
  const tables = await db.query<{ name: string }>(
    raw(`SELECT table_name AS name FROM duckdb_tables() WHERE temporary`),
  );
  for (const { name } of tables) {
    if (ids.some((id) => name.endsWith(`_${id}`) || name.startsWith(`lk_${id}_`))) {
      await db.run(raw(`DROP TABLE IF EXISTS temp.${ident(name).text}`));
    }
  }
}

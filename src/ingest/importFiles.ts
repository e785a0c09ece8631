/**
 * The importer: files → recognised, checked, and committed in one transaction. A refused file
 * refuses the whole import (nothing is committed); rejected rows are reported and skipped.
 * `prepareImport` stops before the commit, so the data desk can show what would be accepted and
 * rejected and commit only on 确认导入; `importFiles` does both for the report command and tests.
 */
import { ident, raw, sql, type Db, type Sql } from '../db';
import { createTables } from '../domain/ddl';
import { TABLES, type TableName } from '../domain/schema';
import { checkStaged, rejectKeysOfEarlierFiles, type Checked, type DroppedRow, type RowError } from './check';
import { commitChecked, type CommitCounts, type CommitOptions } from './commit';
import { encodingLabel, type ChosenEncoding, type Encoding } from './decode';
import type { ManualMapping, MappedColumn } from './headers';
import { FileRefused, ImportRefused } from './refusal';
import {
  fileBytes,
  fileSize,
  readSource,
  type ImportFile,
  type Source,
  type SourceOptions,
  type SourceWarning,
} from './source';
import { checkInSlices, SLICE_BYTES, sliceBody } from './slices';
import { ROWS_PREFIX } from './leftoverRows';
import { stageSource } from './stage';
import { ensureValueMacros } from './valueSql';

export interface FileReport {
  file: string;
  table: TableName;
  tableLabel: string;
  /** What the file was read as: CSV text, or a spreadsheet (XLSX, Excel 97–2003, an HTML table). */
  format: Source['format'];
  encoding: Encoding | 'xlsx';
  headerRow: number;
  columns: { header: string; column: string; factor: number }[];
  extras: string[];
  /**
   * Data rows read: every non-blank row under the header. Always rowsRead = accepted + rejectedRows +
   * totals.length (the 合计 rows dropped); blank rows are not data and are not counted.
   */
  rowsRead: number;
  accepted: number;
  /** Rows rejected (a row with two bad values is one row); `rejected` lists each error. */
  rejectedRows: number;
  rejected: RowError[];
  totals: DroppedRow[];
  /** Things to know about a file that loads: rows padded, bytes that could not be decoded. */
  warnings: SourceWarning[];
  /** The first names in the file as read, to see garbled text before saving. */
  preview: string[];
}

export interface ImportReport {
  files: FileReport[];
  committed: CommitCounts[];
}

export interface ImportOptions {
  /**
   * Per file name: the table it holds, the encoding to decode it with, and the user's mapping of
   * headers — where detection got it wrong or could not tell.
   */
  overrides?: Record<string, { table?: TableName; encoding?: ChosenEncoding; columns?: ManualMapping }>;
  /** Empty every table before the commit: the files are a whole dataset (导出全部数据). */
  replaceAll?: boolean;
  /** Told as each file moves through reading, staging and checking (for a progress bar). */
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between steps: when it says so, the work stops and the staged rows are dropped. */
  cancelled?: () => boolean;
  /**
   * A CSV body larger than this is checked in slices of about this many bytes (slices.ts); tests
   * set a few hundred bytes to cut small files.
   */
  sliceBytes?: number;
  /** Reads a file's header and body; the page passes one that runs in a worker (sourceInWorker.ts). */
  read?: (file: ImportFile, options?: SourceOptions) => Promise<Source>;
}

export interface ImportProgress {
  /** 0-based index of the file being worked on, of `files`. */
  file: number;
  files: number;
  name: string;
  phase: '读取' | '暂存' | '校验' | '完成';
  /** Bytes of the files done so far, and of all files. */
  bytesDone: number;
  bytesTotal: number;
  /** Rows of the current file, once staged. */
  rows?: number;
  /**
   * How far the whole check is, 0–1, for the bar: bytes of the files done plus the current file's
   * bytes weighted by its step (of a 1M-row GBK tax file's check, reading takes about 17%, staging
   * 40% and checking 43%, measured with `npm run bench:desk`).
   */
  fraction: number;
}

const STEP_SHARE: Record<ImportProgress['phase'], number> = { 读取: 0, 暂存: 0.17, 校验: 0.57, 完成: 1 };

/** The user cancelled a long import; nothing was committed. */
export class ImportCancelled extends Error {
  constructor() {
    super('导入已取消，数据未改变');
    this.name = 'ImportCancelled';
  }
}

/** Files read and checked, nothing committed yet. */
export interface PreparedImport {
  files: FileReport[];
  refused: FileRefused[];
  /** The tables the commit will change (all of them for a whole dataset). */
  tables: TableName[];
  /** Every table is emptied first: the files are a whole dataset. */
  replacesAll: boolean;
  /** The rows each file will write (temp relations, valid until the commit or discard). */
  incoming: { table: TableName; rows: Sql }[];
  /**
   * Commits every checked file in one transaction; refused when any file was refused. `history`
   * keeps what undoing needs and writes the log line inside the same transaction (history.ts).
   */
  commit(history?: Pick<CommitOptions, 'historyId' | 'beforeCommit'>): Promise<ImportReport>;
  /** Drops the staged rows without committing; call it when the import is abandoned. */
  discard(): Promise<void>;
}

let importCounter = 0;

export async function importFiles(
  db: Db,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const prepared = await prepareImport(db, files, options);
  try {
    return await prepared.commit();
  } finally {
    await prepared.discard();
  }
}

export async function prepareImport(
  db: Db,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<PreparedImport> {
  await createTables(db);
  await ensureValueMacros(db);
  const refused: FileRefused[] = [];
  const checkedFiles: { file: string; checked: Checked }[] = [];
  const reports: FileReport[] = [];
  const temps: string[] = [];
  const read =
    options.read ?? (async (file: ImportFile, o?: SourceOptions) => readSource(await fileBytes(file), o));
  try {
    const bytesTotal = files.reduce((n, f) => n + fileSize(f), 0);
    let bytesDone = 0;
    for (const [index, file] of files.entries()) {
      const id = `${++importCounter}`;
      temps.push(id);
      const size = fileSize(file);
      /** `share`: how far this file is (0–1), where its step alone does not say (a slice's steps). */
      const tell = (phase: ImportProgress['phase'], rows?: number, share = STEP_SHARE[phase]) => {
        if (options.cancelled?.()) throw new ImportCancelled();
        // Marks for the browser's performance timeline (and bench:desk): where a large import's time goes.
        performance.mark(`导入：${phase}`, { detail: file.name });
        const done = phase === '完成' ? bytesDone : bytesDone + size * share;
        options.onProgress?.({
          file: index,
          files: files.length,
          name: file.name,
          phase,
          bytesDone,
          bytesTotal,
          rows,
          fraction: bytesTotal > 0 ? done / bytesTotal : 1,
        });
      };
      try {
        tell('读取');
        const source = await read(file, options.overrides?.[file.name]);
        const checkOptions = {
          undecodable: source.undecodable > 0,
          encodingLabel: encodingLabel(source.encoding),
        };
        const parts = sliceBody(source.body.utf8, options.sliceBytes ?? SLICE_BYTES);
        let own: Checked;
        if (parts.length <= 1) {
          tell('暂存');
          const staged = await stageSource(db, source, id);
          tell('校验', staged.rows);
          own = await checkStaged(db, file.name, staged, source.mapping, id, checkOptions);
        } else {
          own = await checkInSlices(db, file.name, source, parts, id, checkOptions, {
            newId: () => {
              const sid = `${++importCounter}`;
              temps.push(sid);
              return sid;
            },
            step: (phase, slice, slices, rows) => tell(phase, rows, sliceShare(phase, slice, slices)),
            drop: (sid) => dropTemps(db, [sid]),
          });
        }
        // A key already in an earlier file of this import is a duplicate too, whatever the names.
        const earlier = checkedFiles.filter((f) => f.checked.table.name === own.table.name);
        const checked = await rejectKeysOfEarlierFiles(db, file.name, own, earlier);
        bytesDone += size;
        tell('完成', checked.rowsRead);
        checkedFiles.push({ file: file.name, checked });
        reports.push(fileReport(file.name, source, checked));
      } catch (error) {
        if (!(error instanceof FileRefused)) throw error;
        bytesDone += size;
        refused.push(error);
      }
    }
  } catch (error) {
    await dropTemps(db, temps);
    throw error;
  }
  let done = false;
  return {
    files: reports,
    refused,
    tables: options.replaceAll ? TABLES.map((t) => t.name) : [...new Set(reports.map((r) => r.table))],
    replacesAll: options.replaceAll ?? false,
    incoming: checkedFiles.map(({ checked }) => ({ table: checked.table.name, rows: checked.accepted })),
    async commit(history = {}) {
      if (done) throw new Error('这批文件已提交或已放弃');
      if (refused.length) throw new ImportRefused(refused);
      const committed = await commitChecked(db, checkedFiles, { ...history, replaceAll: options.replaceAll });
      done = true;
      await dropTemps(db, temps);
      return { files: reports, committed };
    },
    async discard() {
      done = true;
      await dropTemps(db, temps);
    },
  };
}

/** A slice's step as a share of its file: reading is the first 17%, then the slices in turn. */
function sliceShare(phase: '暂存' | '校验', slice: number, slices: number): number {
  const within = phase === '暂存' ? 0 : (STEP_SHARE.校验 - STEP_SHARE.暂存) / (1 - STEP_SHARE.暂存);
  return STEP_SHARE.暂存 + (1 - STEP_SHARE.暂存) * ((slice + within) / slices);
}

function fileReport(file: string, source: Source, checked: Checked): FileReport {
  return {
    file,
    table: source.mapping.table.name,
    tableLabel: source.mapping.table.label,
    format: source.format,
    encoding: source.encoding,
    headerRow: source.headerRow,
    columns: source.mapping.columns.map(describeColumn),
    extras: source.mapping.extras.map((e) => e.text),
    rowsRead: checked.rowsRead,
    accepted: checked.acceptedCount,
    rejectedRows: checked.rowsRead - checked.acceptedCount - checked.totals.length,
    rejected: checked.rejected,
    totals: checked.totals,
    warnings: source.warnings,
    preview: checked.preview,
  };
}

function describeColumn(m: MappedColumn) {
  return { header: m.header, column: m.column.name, factor: m.factor };
}

/** Drops an import's temp tables, and its rows kept in the stored catalog (slices.ts). */
async function dropTemps(db: Db, ids: readonly string[]) {
  const tables = await db.query<{ catalog: string; name: string; temporary: boolean }>(
    raw(`SELECT database_name AS catalog, table_name AS name, temporary FROM duckdb_tables()
         WHERE temporary OR starts_with(table_name, '${ROWS_PREFIX}')`),
  );
  for (const { catalog, name, temporary } of tables) {
    if (!ids.some((id) => name.endsWith(`_${id}`) || name.startsWith(`lk_${id}_`))) continue;
    const table = temporary ? sql`temp.${ident(name)}` : sql`${ident(catalog)}.main.${ident(name)}`;
    await db.run(sql`DROP TABLE IF EXISTS ${table}`);
  }
}

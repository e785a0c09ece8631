/**
 * A file → its header row and its body, before any value is looked at. CSV bodies stay text that
 * DuckDB parses in bulk; XLSX sheets (and CSVs whose line numbers DuckDB could not keep, see
 * below) become CSV text again with the row number the user sees in a first column. Either way the
 * body is UTF-8 bytes for DuckDB's read_csv: plain data that crosses from the parsing worker
 * (sourceWorker.ts) to the page by transfer, without a copy.
 */
import Papa from 'papaparse';
import { toCsvText } from './csvText';
import { toUtf8, type Encoding } from './decode';
import { lfLineEnds, mixedLineEnds, scanText } from './utf8Bytes';
import { recogniseTable, type HeaderCell, type HeaderMapping, type ManualMapping } from './headers';
import { FileRefused } from './refusal';
import type { TableName } from '../domain/schema';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

export interface SourceOptions {
  encoding?: Encoding;
  table?: TableName;
  /** The user's mapping of headers (header text → column name, or '' for extra). */
  columns?: ManualMapping;
}

export type SourceBody =
  /** The file's own CSV text in UTF-8; data row k (0-based) is file row `firstRow + k`. */
  | { kind: 'csv'; utf8: Uint8Array; delimiter: string; skipLines: number; firstRow: number }
  /** Rows as comma-separated, fully quoted UTF-8 text: the file row number, then `width` cells. */
  | { kind: 'numbered'; utf8: Uint8Array };

interface NumberedRow {
  row: number;
  cells: (string | null)[];
}

export interface Source {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: Encoding | 'xlsx';
  /** 1-based row number of the header row in the file. */
  headerRow: number;
  mapping: HeaderMapping;
  width: number;
  body: SourceBody;
}

/** Header rows are looked for among the first rows, under any title rows. */
const HEADER_SEARCH_ROWS = 30;

export async function readSource(file: SourceFile, options: SourceOptions = {}): Promise<Source> {
  if (file.bytes.length === 0) throw new FileRefused(file.name, '文件为空');
  return isZip(file.bytes) ? readXlsx(file, options) : readCsv(file, options);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findHeader(
  file: string,
  rows: readonly (readonly (string | null)[])[],
  { table: only, columns: manual }: SourceOptions,
): { index: number; mapping: HeaderMapping } {
  let best: { index: number; mapping: HeaderMapping } | undefined;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const cells: HeaderCell[] = row.map((text, i) => ({ index: i, text: text ?? '' }));
    const mapping = recogniseTable(cells, only, manual);
    if (mapping && (!best || mapping.columns.length > best.mapping.columns.length)) best = { index, mapping };
  });
  if (!best)
    throw new FileRefused(file, '找不到表头行，无法识别为任何一种数据表（请检查表头是否为规定的中文列名）');
  if (best.mapping.missing.length > 0) {
    const missing = best.mapping.missing.map((c) => `${c.headers[0]}（${c.name}）`).join('、');
    throw new FileRefused(file, `识别为「${best.mapping.table.label}」，但缺少必填列：${missing}`);
  }
  return best;
}

async function readXlsx(file: SourceFile, options: SourceOptions): Promise<Source> {
  // Loaded on demand: the reader is large and most imports are CSV.
  const XLSX = await import('@e965/xlsx');
  let sheet;
  try {
    const book = XLSX.read(file.bytes, { type: 'array', cellDates: false, dense: false });
    const first = book.SheetNames[0];
    sheet = first === undefined ? undefined : book.Sheets[first];
  } catch (error) {
    throw new FileRefused(file.name, `不是有效的 Excel 文件（${(error as Error).message}）`);
  }
  if (!sheet || !sheet['!ref']) throw new FileRefused(file.name, '第一个工作表为空');
  const firstRow = XLSX.utils.decode_range(sheet['!ref']).s.r + 1;
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  const rows = grid.map((cells) => cells.map(cellText));
  const { index, mapping } = findHeader(file.name, rows, options);
  // The sheet's range may run wider than the header (a wide title row); cells right of the last
  // header are outside the table.
  const width = lastFilled(rows[index]!) + 1;
  return {
    file: file.name,
    format: 'xlsx',
    encoding: 'xlsx',
    headerRow: firstRow + index,
    mapping,
    width,
    body: numbered(
      file.name,
      rows.slice(index + 1).map((cells, k) => ({ row: firstRow + index + 1 + k, cells })),
      width,
    ),
  };
}

/**
 * As DuckDB does for CSV text: a row with values beyond the header is refused, not cut short (a
 * shifted row would put values under the wrong headers). Empty trailing cells are harmless.
 */
function numbered(file: string, rows: readonly NumberedRow[], width: number): SourceBody {
  const columns = Math.max(width, 1);
  const wide = rows.find((r) => r.cells.slice(columns).some((c) => c !== null && c.trim() !== ''));
  if (wide) throw new FileRefused(file, `第${wide.row}行的列数多于表头`);
  const text = toCsvText(
    rows.map((r) => [r.row, ...Array.from({ length: columns }, (_, i) => r.cells[i] ?? null)]),
  );
  return { kind: 'numbered', utf8: new TextEncoder().encode(text) };
}

function lastFilled(cells: readonly (string | null)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] ?? '').trim() !== '') return i;
  return -1;
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function readCsv(file: SourceFile, options: SourceOptions): Promise<Source> {
  const decoded = toUtf8(file.bytes, options.encoding);
  const scan = scanText(decoded.utf8);
  if (scan.nul) throw new FileRefused(file.name, '不是文本文件（含二进制内容），请上传 CSV 或 XLSX');
  // Mixed line endings (a file edited by hand, or pieced together from two exports) become LF:
  // DuckDB's strict parser takes one kind of line ending per file and refuses the rest.
  const utf8 = mixedLineEnds(scan) ? lfLineEnds(decoded.utf8) : decoded.utf8;
  const head = new TextDecoder().decode(utf8.subarray(0, 256 * 1024));
  const preview = Papa.parse<string[]>(head, { preview: HEADER_SEARCH_ROWS + 1 });
  const delimiter = preview.meta.delimiter || ',';
  const { index, mapping } = findHeader(file.name, preview.data, options);
  const headRows = preview.data.slice(0, index + 1);
  const source = {
    file: file.name,
    format: 'csv' as const,
    encoding: decoded.encoding,
    headerRow: index + 1,
    mapping,
    width: preview.data[index]!.length,
  };
  // DuckDB skips blank lines and counts a quoted line break as a new line, so its row numbers match
  // the file's only when neither occurs before or among the data. Otherwise PapaParse reads it all.
  // An odd number of quote characters means a quote is never closed: DuckDB reads such a field to
  // the end of the file without an error (rows silently lost), so PapaParse reads it and refuses.
  const linesAreRows =
    !scan.blankLineInside && !headRows.some((r) => r.some((c) => /[\r\n]/.test(c))) && scan.quotes % 2 === 0;
  if (linesAreRows) {
    return { ...source, body: { kind: 'csv', utf8, delimiter, skipLines: index + 1, firstRow: index + 2 } };
  }
  const text = new TextDecoder().decode(utf8);
  return {
    ...source,
    body: numbered(file.name, parseAllRows(file.name, text, delimiter, index), source.width),
  };
}

function parseAllRows(file: string, text: string, delimiter: string, headerIndex: number): NumberedRow[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    throw new FileRefused(
      file,
      `第${(quoteError.row ?? 0) + 1}行引号未闭合（${quoteError.message}），文件可能被截断或格式损坏`,
    );
  }
  return parsed.data.slice(headerIndex + 1).map((cells, k) => ({ row: headerIndex + 2 + k, cells }));
}

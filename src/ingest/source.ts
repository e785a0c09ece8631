/**
 * A file → its header row and its body, before any value is looked at. CSV bodies stay text that
 * DuckDB parses in bulk; spreadsheets (XLSX, `.xls`, HTML tables) and CSVs whose line numbers DuckDB
 * could not keep (see below) become CSV text again with the row number the user sees in a first
 * column. Either way the body is UTF-8 bytes for DuckDB's read_csv: plain data that crosses from the
 * parsing worker (sourceWorker.ts) to the page by transfer, without a copy.
 */
import Papa from 'papaparse';
import { toCsvText } from './csvText';
import { encodingLabel, toUtf8, utf16Bom, type ChosenEncoding, type Encoding } from './decode';
import { lfLineEnds, mixedLineEnds, scanText } from './utf8Bytes';
import { recogniseTable, type HeaderCell, type HeaderMapping, type ManualMapping } from './headers';
import { recordShapes, type RecordShapes } from './recordShapes';
import { FileRefused } from './refusal';
import { presentIndices, readSheetRows, type SheetFormat, type SheetRow } from './sheet';
import type { TableName } from '../domain/schema';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file the page picked, left where the browser keeps it (a File is a Blob backed by the disk) until
 * the parsing worker reads it: the page holds no copy of a 740 MB export, and the desk can hand the
 * same file to a check again after a changed choice.
 */
export interface PickedFile {
  name: string;
  blob: Blob;
}

export type ImportFile = SourceFile | PickedFile;

export function fileSize(file: ImportFile): number {
  return 'blob' in file ? file.blob.size : file.bytes.length;
}

/** The file's bytes: read from its Blob (a copy of its own), or the bytes given. */
export async function fileBytes(file: ImportFile): Promise<SourceFile> {
  return 'blob' in file ? { name: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) } : file;
}

export interface SourceOptions {
  encoding?: ChosenEncoding;
  table?: TableName;
  /** The user's mapping of headers (header text → column name, or '' for extra). */
  columns?: ManualMapping;
}

export type SourceBody =
  /** The file's own CSV text in UTF-8; data row k (0-based) is file row `firstRow + k`. */
  | { kind: 'csv'; utf8: Uint8Array; delimiter: string; skipLines: number; firstRow: number }
  /** Rows as comma-separated, fully quoted UTF-8 text: the file row number, then `width` cells. */
  | { kind: 'numbered'; utf8: Uint8Array };

type NumberedRow = SheetRow;

/** Something the user should know about a file that still loads (shown on the desk and in the report). */
export interface SourceWarning {
  kind: 'short-rows' | 'undecodable';
  message: string;
  /** The rows concerned (at most MAX_LISTED_ROWS of them). */
  rows?: number[];
}

export interface Source {
  file: string;
  format: 'csv' | SheetFormat;
  /** The text's encoding; 'xlsx' for a binary workbook (XLSX or .xls), whose text is Unicode. */
  encoding: Encoding | 'xlsx';
  /** Byte sequences that could not be decoded (U+FFFD): rows that hold one are rejected. */
  undecodable: number;
  warnings: SourceWarning[];
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
  if (isZip(file.bytes))
    return readSheet(file.name, 'xlsx', await readSheetRows(file.name, 'xlsx', file.bytes), options);
  if (isCfb(file.bytes))
    return readSheet(file.name, 'xls', await readSheetRows(file.name, 'xls', file.bytes), options);
  return readText(file, options);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The compound file of Excel 97–2003 (BIFF8 `.xls`). */
function isCfb(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

/** An HTML page with a table, as saved under an `.xls` name by many systems. */
function isHtmlTable(head: string): boolean {
  return /^\s*</.test(head) && /<table[\s>]/i.test(head);
}

function findHeader(
  file: string,
  rows: readonly (readonly (string | null)[])[],
  { table: only, columns: manual }: SourceOptions,
  text?: { encoding: Encoding; undecodable: number },
): { index: number; mapping: HeaderMapping } {
  let best: { index: number; mapping: HeaderMapping } | undefined;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const cells: HeaderCell[] = row.map((text, i) => ({ index: i, text: text ?? '' }));
    const mapping = recogniseTable(cells, only, manual);
    if (mapping && (!best || mapping.columns.length > best.mapping.columns.length)) best = { index, mapping };
  });
  if (!best) {
    // Headers that do not decode are an encoding problem, not a missing header: say which.
    const garbled = text && text.undecodable > 0 && rows.some((r) => r.some((c) => c?.includes('\uFFFD')));
    throw new FileRefused(
      file,
      garbled
        ? `按 ${encodingLabel(text.encoding)} 读取时表头含无法识别的字节，找不到表头行：文件可能不是 UTF-8 或 GBK 编码，或已损坏`
        : '找不到表头行，无法识别为任何一种数据表（请检查表头是否为规定的中文列名）',
    );
  }
  if (best.mapping.missing.length > 0) {
    const missing = best.mapping.missing.map((c) => `${c.headers[0]}（${c.name}）`).join('、');
    throw new FileRefused(file, `识别为「${best.mapping.table.label}」，但缺少必填列：${missing}`);
  }
  return best;
}

function readSheet(
  file: string,
  format: SheetFormat,
  rows: readonly SheetRow[],
  options: SourceOptions,
  text?: { encoding: Encoding; undecodable: number },
): Source {
  const { index, mapping } = findHeader(
    file,
    rows.slice(0, HEADER_SEARCH_ROWS).map((r) => Array.from(r.cells, (c) => c ?? null)),
    options,
  );
  const header = rows[index]!;
  // The sheet may run wider than the header (a wide title row); cells right of the last header are
  // outside the table.
  const width = lastFilled(header.cells) + 1;
  const undecodable = text?.undecodable ?? 0;
  return {
    file,
    format,
    encoding: text?.encoding ?? 'xlsx',
    headerRow: header.row,
    mapping,
    width,
    undecodable,
    warnings: text ? undecodableWarning(text.encoding, undecodable) : [],
    body: numbered(file, rows.slice(index + 1), width),
  };
}

/**
 * As DuckDB does for CSV text: a row with values beyond the header is refused, not cut short (a
 * shifted row would put values under the wrong headers). Empty trailing cells are harmless.
 */
function numbered(file: string, rows: readonly NumberedRow[], width: number): SourceBody {
  const columns = Math.max(width, 1);
  const wide = rows.find((r) =>
    presentIndices(r.cells).some((i) => i >= columns && (r.cells[i] ?? '').trim() !== ''),
  );
  if (wide) throw new FileRefused(file, `第${wide.row}行的列数多于表头`);
  const text = toCsvText(
    rows.map((r) => [r.row, ...Array.from({ length: columns }, (_, i) => r.cells[i] ?? null)]),
  );
  return { kind: 'numbered', utf8: new TextEncoder().encode(text) };
}

function lastFilled(cells: readonly (string | null)[]): number {
  const present = presentIndices(cells);
  for (let k = present.length - 1; k >= 0; k--)
    if ((cells[present[k]!] ?? '').trim() !== '') return present[k]!;
  return -1;
}

function undecodableWarning(encoding: Encoding, count: number): SourceWarning[] {
  if (count === 0) return [];
  return [
    {
      kind: 'undecodable',
      message: `按 ${encodingLabel(encoding)} 读取时有 ${count} 处字节无法识别（文件可能部分损坏或混有其他编码）：含这些字节的行被拒绝，不保存乱码`,
    },
  ];
}

function shortRowsWarning(shapes: RecordShapes, width: number): SourceWarning[] {
  if (shapes.shortCount === 0) return [];
  const listed = shapes.shortRows.slice(0, 10).join('、');
  const more = shapes.shortCount > 10 ? ` 等 ${shapes.shortCount} 行` : '';
  return [
    {
      kind: 'short-rows',
      message: `第 ${listed} 行${more}的列数少于表头（${width} 列）：缺少的末尾各列按空值读取`,
      rows: shapes.shortRows,
    },
  ];
}

const BINARY = '不是文本文件（含二进制内容），请上传 CSV、Excel 或文本文件';

async function readText(file: SourceFile, options: SourceOptions): Promise<Source> {
  // A NUL byte near the start is a binary file (UTF-16 text, which has them, is known by its mark):
  // said as such before any encoding is weighed.
  if (!utf16Bom(file.bytes) && file.bytes.subarray(0, 64 * 1024).includes(0))
    throw new FileRefused(file.name, BINARY);
  const decoded = toUtf8(file.name, file.bytes, options.encoding);
  let utf8 = decoded.utf8;
  let scan = scanText(utf8);
  if (scan.nul) throw new FileRefused(file.name, BINARY);
  // Mixed line endings (a file edited by hand, or pieced together from two exports) and the lone CRs
  // of old Mac exports become LF: DuckDB's strict parser takes one kind per file and refuses the rest.
  const crOnly = scan.cr > 0 && scan.lf === 0;
  if (crOnly || mixedLineEnds(scan)) utf8 = lfLineEnds(utf8);
  if (crOnly) scan = scanText(utf8);
  const head = new TextDecoder().decode(utf8.subarray(0, 256 * 1024));
  const text = { encoding: decoded.encoding, undecodable: decoded.undecodable };
  if (isHtmlTable(head)) {
    const rows = await readSheetRows(file.name, 'html', new TextDecoder().decode(utf8));
    return readSheet(file.name, 'html', rows, options, text);
  }
  const preview = Papa.parse<string[]>(head, { preview: HEADER_SEARCH_ROWS + 1 });
  const delimiter = preview.meta.delimiter || ',';
  const { index, mapping } = findHeader(file.name, preview.data, options, text);
  const headRows = preview.data.slice(0, index + 1);
  const width = preview.data[index]!.length;
  const shapes = recordShapes(utf8, delimiter, width, index);
  if (shapes.suspect.length > 0) throw strayQuote(file.name, shapes);
  const source = {
    file: file.name,
    format: 'csv' as const,
    encoding: decoded.encoding,
    headerRow: index + 1,
    mapping,
    width,
    undecodable: decoded.undecodable,
    warnings: [
      ...undecodableWarning(decoded.encoding, decoded.undecodable),
      ...shortRowsWarning(shapes, width),
    ],
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
  return {
    ...source,
    body: numbered(
      file.name,
      parseAllRows(file.name, new TextDecoder().decode(utf8), delimiter, index),
      width,
    ),
  };
}

/** A quoted field that swallowed whole lines: said with the lines, so the user can find the quote. */
function strayQuote(file: string, shapes: RecordShapes): FileRefused {
  const spans = shapes.suspect
    .slice(0, 3)
    .map((s) => `第${s.firstLine}—${s.lastLine}行`)
    .join('、');
  const more = shapes.suspect.length > 3 ? ` 等 ${shapes.suspect.length} 处` : '';
  return new FileRefused(
    file,
    `${spans}${more}被引号连成了一行（引号内跨行并含有分隔符，或列数与表头不符），疑似多余或缺失的引号（"）：请检查这些行的引号`,
  );
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

/**
 * Spreadsheets → rows with their row numbers: XLSX, Excel 97–2003 `.xls` (BIFF8), and the HTML
 * tables many government systems save under an `.xls` name — all through the same XLSX reader.
 *
 * The work is bounded by the cells actually present, never by the sheet's declared dimension: a
 * sheet declaring `A1:XFD1048576` over five rows made the reader walk 17 billion empty cells (the
 * report hung), and a cell at row 2,000,000 produced two million blank rows. Only rows that hold
 * a cell are visited, each by the cells it holds.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { FileRefused } from './refusal';
import { checkUnpackedSize, MAX_XLSX_UNPACKED } from './zipLimits';

export type SheetFormat = 'xlsx' | 'xls' | 'html';

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Sparse: a missing index is an empty cell (read with presentIndices). */
  cells: (string | null)[];
}

const FORMAT_NAME: Record<SheetFormat, string> = {
  xlsx: 'Excel 文件',
  xls: 'Excel 97–2003（.xls）文件',
  html: '网页表格（HTML）文件',
};

/** The first sheet's rows that hold any cell, in order. `html` is the page's decoded text. */
export async function readSheetRows(
  file: string,
  format: SheetFormat,
  input: Uint8Array | string,
): Promise<SheetRow[]> {
  if (format === 'xlsx' && typeof input !== 'string') checkUnpackedSize(file, input, MAX_XLSX_UNPACKED);
  // Loaded on demand: the reader is large and most imports are CSV.
  const XLSX = await import('@e965/xlsx');
  let sheet: WorkSheet | undefined;
  try {
    const book =
      typeof input === 'string'
        ? // HTML cells stay text (raw): an all-digit credit code must not become a rounded number.
          XLSX.read(input, { type: 'string', raw: true, dense: true, cellDates: false })
        : XLSX.read(input, { type: 'array', dense: true, cellDates: false });
    const first = book.SheetNames[0];
    sheet = first === undefined ? undefined : book.Sheets[first];
  } catch (error) {
    throw new FileRefused(file, `不是有效的 ${FORMAT_NAME[format]}（${(error as Error).message}）`);
  }
  const rows = sheet ? presentRows(sheet) : [];
  if (rows.length === 0) throw new FileRefused(file, '第一个工作表为空');
  return rows;
}

/** Indices of an array's elements that exist, without walking the holes of a sparse one. */
export function presentIndices(list: readonly unknown[]): number[] {
  if (list.length < 4096) {
    const out: number[] = [];
    for (let i = 0; i < list.length; i++) if (list[i] !== undefined) out.push(i);
    return out;
  }
  return Object.keys(list).map(Number);
}

function presentRows(sheet: WorkSheet): SheetRow[] {
  const data = (sheet['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: SheetRow[] = [];
  for (const r of presentIndices(data)) {
    const cells = data[r]!;
    const texts: (string | null)[] = [];
    let any = false;
    for (const c of presentIndices(cells)) {
      const text = cellText(cells[c]);
      if (text === null) continue;
      texts[c] = text;
      any = true;
    }
    // Left sparse: a row with one cell at column XFD is not filled with 16,383 nulls.
    if (any) rows.push({ row: r + 1, cells: texts });
  }
  return rows;
}

function cellText(cell: CellObject | undefined): string | null {
  const value: unknown = cell?.v;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

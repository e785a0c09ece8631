/**
 * Sheet rows → an .xlsx file. The writer (@e965/xlsx, the same library the importer reads with) is
 * loaded on the first export only, so it never weighs on the first load. Cells are built one by
 * one — text as text cells, numbers as number cells with their display format — so no text is ever
 * read as a formula.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { guardFormula } from './guard';
import type { SheetCell } from './table';

export interface SheetSpec {
  /** At most 31 characters; characters Excel forbids in a sheet name are replaced. */
  name: string;
  rows: readonly (readonly SheetCell[])[];
  /** Cell ranges to merge, e.g. a title over the table's width: rows and columns 0-based, inclusive. */
  merges?: readonly { from: [row: number, col: number]; to: [row: number, col: number] }[];
}

/** Excel refuses longer text in one cell. */
const MAX_TEXT = 32_767;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Display width of text in Excel's character units: CJK and full-width characters count twice. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

function cellObject(cell: Exclude<SheetCell, null>): CellObject {
  // Guarded here too (idempotent), so no sheet written by this module can carry a formula.
  if (typeof cell === 'string') return { t: 's', v: guardFormula(cell).slice(0, MAX_TEXT) };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  return { t: 'n', v: cell.v, z: cell.z };
}

function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*:[\]]/g, '_').slice(0, 31) || 'Sheet';
  let unique = base;
  for (let k = 2; taken.has(unique); k++) unique = `${base.slice(0, 28)}(${k})`;
  taken.add(unique);
  return unique;
}

export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const spec of sheets) {
    const sheet: WorkSheet = {};
    const width = Math.max(1, ...spec.rows.map((r) => r.length));
    const widths = new Array<number>(width).fill(6);
    const merged = new Set((spec.merges ?? []).map((m) => m.from[0]));
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        sheet[XLSX.utils.encode_cell({ r, c })] = cellObject(cell);
        // A merged title row would widen its first column for nothing.
        if (!merged.has(r)) {
          const shown = typeof cell === 'string' ? cell : String(typeof cell === 'number' ? cell : cell.v);
          widths[c] = Math.max(widths[c]!, Math.min(50, textWidth(shown) + 2));
        }
      }),
    );
    sheet['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, spec.rows.length - 1), c: width - 1 },
    });
    sheet['!cols'] = widths.map((wch) => ({ wch }));
    if (spec.merges?.length) {
      sheet['!merges'] = spec.merges.map((m) => ({
        s: { r: m.from[0], c: m.from[1] },
        e: { r: m.to[0], c: m.to[1] },
      }));
    }
    XLSX.utils.book_append_sheet(book, sheet, sheetName(spec.name, taken));
  }
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(bytes);
}

export async function xlsxBlob(sheets: readonly SheetSpec[]): Promise<Blob> {
  const bytes = await writeXlsx(sheets);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}

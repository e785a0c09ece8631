/**
 * Sheet rows → an .xlsx file. The writer (@e965/xlsx, the same library the importer reads with) is
 * loaded on the first export only, so it never weighs on the first load. Cells are built one by
 * one — text as text cells, numbers as number cells with their display format, YYYY-MM-DD as date
 * cells — so no text is ever read as a formula: a text cell is typed text, and the CSV guard's
 * apostrophe would only show in it. The header rows stay in view (frozen) when the sheet scrolls.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { SheetCell } from './table';

export interface SheetSpec {
  /** At most 31 characters; characters Excel forbids in a sheet name are replaced. */
  name: string;
  rows: readonly (readonly SheetCell[])[];
  /** Cell ranges to merge, e.g. a title over the table's width: rows and columns 0-based, inclusive. */
  merges?: readonly { from: [row: number, col: number]; to: [row: number, col: number] }[];
  /** Rows kept in view while scrolling (the header, or a title block and the header); default 1. */
  freeze?: number;
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel's serial day of a YYYY-MM-DD (days since 1899-12-30), or null for other text. */
export function excelDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  return back === text ? (ms - Date.UTC(1899, 11, 30)) / 86_400_000 : null;
}

function cellObject(cell: Exclude<SheetCell, null>): CellObject {
  if (typeof cell === 'string') {
    const day = excelDate(cell);
    if (day !== null) return { t: 'n', v: day, z: 'yyyy-mm-dd' };
    return { t: 's', v: cell.slice(0, MAX_TEXT) };
  }
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
  return freezePanes(
    new Uint8Array(bytes),
    sheets.map((s) => s.freeze ?? 1),
  );
}

/**
 * The writer has no frozen panes (a paid feature of SheetJS), so each sheet's view gets its pane in
 * the written XML: rows above `rows[k]` of sheet k stay in view.
 */
export function freezePanes(xlsx: Uint8Array, rows: readonly number[]): Uint8Array {
  const files = unzipSync(xlsx);
  rows.forEach((n, k) => {
    const path = `xl/worksheets/sheet${k + 1}.xml`;
    const xml = files[path];
    if (!xml || n < 1) return;
    const pane = `<pane ySplit="${n}" topLeftCell="A${n + 1}" activePane="bottomLeft" state="frozen"/>`;
    const text = strFromU8(xml).replace(
      /<sheetView ([^>]*?)\/>/,
      (_all, attributes: string) => `<sheetView ${attributes}>${pane}</sheetView>`,
    );
    files[path] = strToU8(text);
  });
  return zipSync(files, { level: 6 });
}

export async function xlsxBlob(sheets: readonly SheetSpec[]): Promise<Blob> {
  const bytes = await writeXlsx(sheets);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}

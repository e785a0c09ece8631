/**
 * A table as the rows of a sheet or as CSV text, from the same column definitions the screen shows:
 * the header as in the table (with its unit), the raw value of each cell, money converted into the
 * column's unit (万元/亿元) as a number. Numbers stay numbers — real numeric cells, plain digits in
 * CSV — so a reader can sum them. CSV shows each number as the table does (its decimals, shares as
 * 47.2%, which spreadsheets read back as numbers) and guards text against formula injection; in
 * XLSX a text cell is never a formula, so it is written as it is (src/export/xlsx.ts).
 */
import type { Column } from '../app/DataTable';
import { guardFormula } from './guard';

/** A column as exported: its definition plus the title the table shows (DataTable's `columnTitle`). */
export type ExportColumn<T> = Pick<Column<T>, 'value' | 'kind' | 'unit' | 'digits'> & { title: string };

/** A number cell with its Excel display format (it stays a number; the format only shows it). */
export interface NumberCell {
  v: number;
  z: string;
}

export type SheetCell = string | number | NumberCell | null;

/** A numeric column's text value that is a plain decimal (a fixed-digit score such as '31.0'). */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * One cell's exported value: null for empty; money in the column's unit; a numeric column's
 * decimal text as a number; any other text guarded. Text columns keep digits as text (unit codes,
 * credit codes keep their leading zeros).
 */
export function exportValue<T>(
  value: string | number | null,
  column: Pick<ExportColumn<T>, 'kind' | 'unit'>,
): string | number | null {
  if (value === null || value === '') return null;
  const numeric = column.kind !== undefined && column.kind !== 'text';
  if (typeof value === 'string') {
    return numeric && DECIMAL.test(value.trim()) ? Number(value) : value;
  }
  if (!Number.isFinite(value)) return null;
  if (column.kind === 'yuan') {
    const divisor = column.unit === '亿元' ? 1e8 : 1e4;
    // Rounded to 0.01 元 (万元) / 1 元 (亿元): no 5300.200000000001 from the division.
    return Number((value / divisor).toFixed(divisor === 1e8 ? 8 : 6));
  }
  return value;
}

/** The Excel number format that shows a value as the table does. */
function numberFormat<T>(column: Pick<ExportColumn<T>, 'kind' | 'digits'>, raw: string | number): string {
  const decimals = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');
  switch (column.kind) {
    case 'percent':
      return '0.0%';
    case 'count':
      return '#,##0';
    case 'yuan':
      return `#,##0${decimals(column.digits ?? 2)}`;
    default:
      // A fixed-digit text ('0.857') keeps its digits; a number shows as General.
      return typeof raw === 'string' ? `0${decimals(raw.split('.')[1]?.length ?? 0)}` : 'General';
  }
}

/** Header row + one row per table row; numbers carry their display format. */
export function tableToSheetRows<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): SheetCell[][] {
  const header: SheetCell[] = columns.map((c) => c.title);
  return [
    header,
    ...rows.map((row) =>
      columns.map((c): SheetCell => {
        const raw = c.value(row);
        const value = exportValue(raw, c);
        if (typeof value !== 'number' || raw === null) return value;
        const z = numberFormat(c, raw);
        return z === 'General' ? value : { v: value, z };
      }),
    ),
  ];
}

/** A number as plain digits, never '1e-7' or '1.2e+21'. */
export function plainNumber(n: number): string {
  const text = String(n);
  return /e/i.test(text)
    ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : text;
}

/**
 * A formatted number as its format shows it, without grouping: '0.0%' → '47.2%', '#,##0.00' →
 * '5300.20', '#,##0' → '1234'. Never the raw binary fraction (190190.613761, 0.4717…).
 */
export function csvNumber(cell: NumberCell): string {
  const decimals = /\.(0+)/.exec(cell.z)?.[1]?.length ?? 0;
  if (cell.z.endsWith('%')) return `${(cell.v * 100).toFixed(decimals)}%`;
  return cell.v.toFixed(decimals);
}

function csvField(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return plainNumber(cell);
  if (typeof cell === 'object') return csvNumber(cell);
  const text = guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Sheet rows as CSV: UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, RFC 4180 quoting. */
export function sheetRowsToCsv(rows: readonly (readonly SheetCell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function tableToCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  return sheetRowsToCsv(tableToSheetRows(rows, columns));
}

export const csvBlob = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

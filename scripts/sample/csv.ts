/** CSV text and the three encodings the bureau's systems export in. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import iconv from 'iconv-lite';

export type Cell = string | number | undefined;
export type Encoding = 'utf8' | 'utf8-bom' | 'gbk';

/** RFC 4180 quoting: only cells with a comma, quote or line break are quoted. */
export function csvCell(cell: Cell): string {
  if (cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}

/**
 * GBK bytes of the text. iconv-lite silently writes '?' for a character GBK lacks (㎡ is one
 * trap), which would corrupt a header unnoticed; decoding back and comparing catches that.
 */
export function gbkBytes(text: string): Buffer {
  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error('text has a character GBK cannot encode');
  return bytes;
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gbk':
      return gbkBytes(text);
  }
}

export function writeFile(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

export function writeCsv(
  path: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  encoding: Encoding,
): void {
  writeFile(path, encode(csvText(header, rows), encoding));
}

/** 1234567.891 → "1234567.89": amounts in 元 carry fen, no float noise. */
export function money2(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

/** Thousands separators, the way spreadsheets show large areas ("137,381"). */
export function grouped(value: number, decimals = 0): string {
  // By hand rather than toLocaleString, whose output depends on the Node build's ICU data.
  const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const sign = value < 0 ? '-' : '';
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

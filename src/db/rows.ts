import { DataType, type Field, type Table } from 'apache-arrow';
import type { Row } from './types';

/**
 * Arrow results → plain rows: 64-bit integers as numbers, dates as 'YYYY-MM-DD', timestamps as ISO
 * strings, decimals scaled. Figures are counts and sums far below 2^53, so Number is exact enough.
 */
export function tableToRows<T>(table: Table): T[] {
  const fields = table.schema.fields;
  const converters = fields.map(converterFor);
  const columns = fields.map((_, i) => table.getChildAt(i));
  const rows: T[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    fields.forEach((field, c) => {
      const value: unknown = columns[c]?.get(r);
      row[field.name] = value === null || value === undefined ? null : converters[c]!(value);
    });
    rows.push(row as T);
  }
  return rows;
}

type Convert = (value: unknown) => unknown;

function converterFor(field: Field): Convert {
  const type = field.type;
  if (DataType.isDate(type)) return (v) => isoDate(Number(v));
  if (DataType.isTimestamp(type)) return (v) => new Date(Number(v)).toISOString();
  if (DataType.isInt(type)) return (v) => (typeof v === 'bigint' ? Number(v) : v);
  if (DataType.isDecimal(type)) {
    const scale = 10 ** type.scale;
    return (v) => Number(String(v)) / scale;
  }
  if (DataType.isList(type)) {
    const inner = type.children[0] ? converterFor(type.children[0]) : (v: unknown) => v;
    return (v) => Array.from(v as Iterable<unknown>, (x) => (x === null ? null : inner(x)));
  }
  return (v) => v;
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

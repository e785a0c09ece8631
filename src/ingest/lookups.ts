/**
 * Columns whose values repeat (credit codes, units, dates, months, enumerations) are normalised once
 * per distinct value in JavaScript — one implementation of each rule, in normalise.ts — and the
 * result is joined back onto every row inside DuckDB.
 */
import { ident, raw, type Db, type Sql } from '../db';
import type { ValueKind } from '../domain/schema';
import { toCsvText } from './csvText';
import {
  normaliseBoolean,
  normaliseCode,
  normaliseDate,
  normaliseEnum,
  normaliseMonth,
  normaliseTaxType,
  normaliseUnit,
  normaliseUnitOrCity,
  normaliseYear,
  normaliseYearOrWindow,
  type Normalised,
} from './normalise';

type Normaliser = (text: string) => Normalised;

/** The JavaScript normaliser of a kind, or undefined for kinds parsed in SQL (numbers, text). */
export function normaliserFor(kind: ValueKind): Normaliser | undefined {
  switch (kind.type) {
    case 'creditCode':
      return normaliseCode;
    case 'unit':
      return normaliseUnit;
    case 'unitOrCity':
      return normaliseUnitOrCity;
    case 'date':
      return normaliseDate;
    case 'month':
      return normaliseMonth;
    case 'year':
      return normaliseYear;
    case 'yearOrWindow':
      return normaliseYearOrWindow;
    case 'boolean':
      return normaliseBoolean;
    case 'taxType':
      return normaliseTaxType;
    case 'enum':
      return (text) => normaliseEnum(text, kind.values);
    default:
      return undefined;
  }
}

/** Builds the lookup table `raw → value | reason` for one staged column. */
export async function buildLookup(db: Db, name: string, rawValues: Sql, normalise: Normaliser): Promise<Sql> {
  const table = ident(name);
  const distinct = await db.query<{ v: string }>(rawValues);
  const rows = distinct.map(({ v }) => {
    // A cell of spaces is empty: neither a value nor an error (required columns say so themselves).
    if (v.trim() === '') return [v, null, null];
    const result = normalise(v);
    return 'value' in result ? [v, result.value, null] : [v, null, result.reason];
  });
  if (rows.length === 0) {
    await db.run(
      raw(`CREATE OR REPLACE TEMP TABLE ${table.text} (raw VARCHAR, value VARCHAR, reason VARCHAR)`),
    );
    return table;
  }
  const fileName = `${name}.csv`;
  await db.registerFile(fileName, new TextEncoder().encode(toCsvText(rows)));
  try {
    await db.run(
      raw(
        `CREATE OR REPLACE TEMP TABLE ${table.text} AS SELECT * FROM read_csv('${fileName}', header = false, ` +
          `auto_detect = false, quote = '"', escape = '"', ` +
          `columns = {'raw': 'VARCHAR', 'value': 'VARCHAR', 'reason': 'VARCHAR'})`,
      ),
    );
  } finally {
    await db.dropFile(fileName);
  }
  return table;
}

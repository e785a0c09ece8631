/**
 * A large CSV goes in as slices inside one import: DuckDB-Wasm cannot spill to disk (no temp
 * directory on OPFS, duckdb-wasm#2061) and its heap stops near 3.1 GiB, so a 10M-row tax file
 * staged and checked whole ran out of memory (docs/PERFORMANCE.md, "Fourth round"). Each slice of
 * about a million rows is staged, checked and its accepted rows appended to the import's rows; its
 * staged and checked tables are dropped before the next slice. The outcome is the one pass's: the
 * same rows, the same row numbers in every error, 合计 rows wherever they are, and a key seen in an
 * earlier slice rejected as a duplicate naming that first row.
 *
 * The import's rows live in the stored (OPFS) catalog when it is the default: its blocks can be
 * written out and evicted, a TEMP table's cannot. They are dropped at commit or discard
 * (importFiles.ts), and on open when a crash left them (./leftoverRows.ts).
 */
import { ident, joinSql, sql, type Db, type Sql } from '../db';
import { STORED } from '../db/persist';
import { checkStaged, MAX_LISTED_ERRORS, type Checked, type CheckOptions, type RowError } from './check';
import { countByte } from './recordShapes';
import type { Source } from './source';
import { stagePart, type BodyPart } from './stage';
import { ROWS_PREFIX } from './leftoverRows';

/** About a million tax rows of UTF-8 (a 1M-row GBK export is 74 MB, 96 MB as UTF-8). */
export const SLICE_BYTES = 96 * 1024 ** 2;

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * A body cut into parts of about `maxBytes`, each ending at a line break outside quotes: a quoted
 * field (doubled quotes inside it keep the count even) never straddles two parts. A quote that is
 * never closed makes the rest one part, as the file is read today (and refused by its reader).
 */
export function sliceBody(utf8: Uint8Array, maxBytes: number): BodyPart[] {
  const parts: BodyPart[] = [];
  let start = 0;
  let lines = 0;
  while (start < utf8.length) {
    const end = cutAfter(utf8, start, maxBytes);
    const part = utf8.subarray(start, end);
    parts.push({ utf8: part, index: parts.length, lineOffset: lines });
    lines += countByte(utf8, start, end, LF);
    start = end;
  }
  return parts;
}

/** The end (exclusive) of the part that starts at `start`. */
function cutAfter(utf8: Uint8Array, start: number, maxBytes: number): number {
  if (utf8.length - start <= maxBytes) return utf8.length;
  let end = utf8.indexOf(LF, start + maxBytes - 1);
  if (end < 0) return utf8.length;
  let quotes = countByte(utf8, start, end, QUOTE);
  while (quotes % 2 === 1) {
    const next = utf8.indexOf(LF, end + 1);
    if (next < 0) return utf8.length;
    quotes += countByte(utf8, end, next, QUOTE);
    end = next;
  }
  return end + 1;
}

export interface SliceSteps {
  /** A new id for a slice's temp tables (dropped with the import's if the work stops). */
  newId(): string;
  /** Told before each step of each slice; may throw to stop (cancellation). */
  step(phase: '暂存' | '校验', slice: number, slices: number, rows?: number): void;
  drop(id: string): Promise<void>;
}

/** The file checked slice by slice into one accepted table, `import_rows_<id>`. */
export async function checkInSlices(
  db: Db,
  file: string,
  source: Source,
  parts: readonly BodyPart[],
  id: string,
  options: CheckOptions,
  steps: SliceSteps,
): Promise<Checked> {
  const { rows, create } = await rowsTable(db, id);
  const result: Omit<Checked, 'table'> = {
    accepted: rows,
    rowsRead: 0,
    acceptedCount: 0,
    rejected: [],
    totals: [],
    preview: [],
  };
  let listed = 0;
  let staged = 0;
  for (const part of parts) {
    const sid = steps.newId();
    steps.step('暂存', part.index, parts.length);
    const stage = await stagePart(db, source, sid, part, staged);
    staged += stage.rows;
    steps.step('校验', part.index, parts.length, staged);
    const own = await checkStaged(db, file, stage, source.mapping, sid, options);
    const earlier = part.index > 0 ? await rejectKeysOfEarlierSlices(db, file, own, rows) : [];
    await db.run(
      part.index === 0
        ? sql`${create} AS SELECT * FROM ${own.accepted}`
        : sql`INSERT INTO ${rows} SELECT * FROM ${own.accepted}`,
    );
    await steps.drop(sid);
    // The one pass lists the first MAX_LISTED_ERRORS errors of values (by row), and every duplicate.
    const values = own.rejected.filter((r) => !isDuplicate(r)).slice(0, MAX_LISTED_ERRORS - listed);
    listed += values.length;
    const keptEarlier = new Map(earlier.map((e) => [e.row, e.reason]));
    const duplicates = own.rejected.filter(isDuplicate).map((r) => namingEarlierSlice(r, keptEarlier));
    result.rejected.push(...values, ...duplicates, ...earlier);
    result.rowsRead += own.rowsRead;
    result.acceptedCount += own.acceptedCount - earlier.length;
    result.totals.push(...own.totals);
    result.preview = [...result.preview, ...own.preview].slice(0, 5);
  }
  result.rejected.sort((a, b) => a.row - b.row);
  return { table: source.mapping.table, ...result };
}

/** The import's rows: in the stored catalog when it is the default, else TEMP. */
async function rowsTable(db: Db, id: string): Promise<{ rows: Sql; create: Sql }> {
  const name = ident(`${ROWS_PREFIX}${id}`);
  const [{ catalog }] = (await db.query<{ catalog: string }>(sql`SELECT current_database() AS catalog`)) as [
    { catalog: string },
  ];
  // (localStorage `hq-import-rows` = temp keeps them in TEMP, to measure what the stored table saves.)
  const inTemp = catalog !== STORED || globalThis.localStorage?.getItem('hq-import-rows') === 'temp';
  if (inTemp) return { rows: sql`temp.main.${name}`, create: sql`CREATE OR REPLACE TEMP TABLE ${name}` };
  const rows = sql`${ident(STORED)}.main.${name}`;
  return { rows, create: sql`CREATE OR REPLACE TABLE ${rows}` };
}

const DUPLICATE = '主键重复';
const isDuplicate = (r: RowError) => r.reason.startsWith(DUPLICATE);

/**
 * Rows of this slice whose key an earlier slice already accepted: rejected as within one pass
 * (the window over the whole file puts rows with equal keys, empty parts included, together),
 * naming the earlier row; they leave the slice's accepted rows.
 */
async function rejectKeysOfEarlierSlices(db: Db, file: string, own: Checked, rows: Sql): Promise<RowError[]> {
  const { table } = own;
  if (table.key.length === 0) return [];
  const key = table.key.map((k) => ident(k));
  const match = joinSql(
    key.map((k) => sql`o.${k} IS NOT DISTINCT FROM e.${k}`),
    ' AND ',
  );
  const someKey = joinSql(
    key.map((k) => sql`o.${k} IS NOT NULL`),
    ' OR ',
  );
  const keyText = sql`concat_ws(' / ', ${joinSql(key.map((k) => sql`CAST(o.${k} AS VARCHAR)`))})`;
  const duplicates = await db.query<{ row: number; value: string; first: number }>(sql`
    SELECT o.source_row AS "row", ${keyText} AS "value", min(e.source_row) AS "first"
    FROM ${own.accepted} AS o JOIN ${rows} AS e ON ${match}
    WHERE ${someKey} GROUP BY ALL ORDER BY o.source_row`);
  if (duplicates.length === 0) return [];
  await db.run(sql`DELETE FROM ${own.accepted} WHERE source_row IN (
    SELECT o.source_row FROM ${own.accepted} AS o JOIN ${rows} AS e ON ${match} WHERE ${someKey})`);
  const column = table.key.join('+');
  const header = table.key.map((k) => table.columns.find((c) => c.name === k)?.headers[0] ?? k).join('+');
  return duplicates.map((d) => ({
    file,
    row: d.row,
    column,
    header,
    value: d.value,
    reason: `${DUPLICATE}（与第${d.first}行相同），已保留第${d.first}行`,
  }));
}

/**
 * A duplicate within the slice whose first row is itself a duplicate of an earlier slice's row:
 * the one pass names that earlier row (rows 5, 15, 17 share a key, 5 in slice 1: 15 and 17 both
 * name 5), not the slice's first.
 */
function namingEarlierSlice(duplicate: RowError, earlier: ReadonlyMap<number, string>): RowError {
  const first = Number(/与第(\d+)行相同/.exec(duplicate.reason)?.[1]);
  const reason = earlier.get(first);
  return reason ? { ...duplicate, reason } : duplicate;
}

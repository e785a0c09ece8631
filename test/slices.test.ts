/**
 * A large CSV checked in slices (src/ingest/slices.ts) gives exactly what one pass gives: the same
 * rows committed, the same FileReport (row numbers of every error, 合计 rows, duplicates across
 * slices naming the first row). Real engine; the slice size is forced down to 600 bytes
 * so that small files are cut into many slices.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ident, raw, sql, type Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { STORED } from '../src/db/persist';
import { createTables } from '../src/domain/ddl';
import { TABLES } from '../src/domain/schema';
import {
  ImportCancelled,
  ImportRefused,
  importFiles,
  prepareImport,
  type ImportOptions,
  type ImportProgress,
  type SourceFile,
} from '../src/ingest';
import { sliceBody } from '../src/ingest/slices';
import { dropLeftoverRows } from '../src/ingest/leftoverRows';
import { CODE } from './fixtures/importer/codes';

const SMALL = 600;
const CODES = Object.values(CODE);

let db: Db;

beforeAll(async () => {
  db = await openNodeDb();
  await createTables(db);
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  for (const table of TABLES) await db.run(sql`DELETE FROM ${ident(table.name)}`);
});

const utf8 = (name: string, text: string): SourceFile => ({ name, bytes: new TextEncoder().encode(text) });

/** Tax rows, one line each unless `note` says otherwise. */
function taxLines(count: number, line: (i: number) => string | undefined = () => undefined): string {
  const lines = ['统一社会信用代码,所属期,税种,税额,备注'];
  for (let i = 0; i < count; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = 2018 + (Math.floor(i / 12) % 7);
    lines.push(line(i) ?? `${CODES[i % CODES.length]},${year}-${month},增值税,${(i * 37) % 1000}.5,第${i}行`);
  }
  return lines.join('\n') + '\n';
}

async function tableRows(table: string) {
  return db.query(sql`SELECT * FROM ${ident(table)} ORDER BY source_row`);
}

/** Imports `files` once in one pass and once in slices: both outcomes, the tables emptied between. */
async function both(table: string, files: SourceFile[], options: ImportOptions = {}) {
  const whole = await importFiles(db, files, options);
  const wholeRows = await tableRows(table);
  for (const t of TABLES) await db.run(sql`DELETE FROM ${ident(t.name)}`);
  const progress: ImportProgress[] = [];
  const sliced = await importFiles(db, files, {
    ...options,
    sliceBytes: SMALL,
    onProgress: (p) => progress.push(p),
  });
  const slicedRows = await tableRows(table);
  return { whole, sliced, wholeRows, slicedRows, progress };
}

async function leftovers(): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    raw(`SELECT table_name AS name FROM duckdb_tables()
         WHERE temporary OR starts_with(table_name, 'import_rows_')`),
  );
  return rows.map((r) => r.name);
}

describe('a file checked in slices', () => {
  it('cuts only at line breaks outside quotes', () => {
    const text = taxLines(40, (i) =>
      i === 9
        ? `${CODE.A},2023-01,增值税,1,"一段
很长的
备注，跨过切片"`
        : undefined,
    );
    const bytes = new TextEncoder().encode(text);
    const parts = sliceBody(bytes, SMALL);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(Buffer.concat(parts.map((p) => p.utf8)).equals(bytes)).toBe(true);
    for (const p of parts) {
      expect(p.utf8.at(-1)).toBe(0x0a);
      expect(p.utf8.filter((b) => b === 0x22).length % 2).toBe(0);
    }
    // The slice that holds the quoted field holds all of it.
    expect(
      parts.some((p) => new TextDecoder().decode(p.utf8).includes('"一段\n很长的\n备注，跨过切片"')),
    ).toBe(true);
  });

  it('commits the same rows and reports the same errors, 合计 rows and counts as one pass', async () => {
    const text = taxLines(60, (i) => {
      // A quoted note with line breaks, then a bad amount and a bad period later on, and a 合计 row.
      if (i === 4)
        return `${CODE.B},2023-02,增值税,3,"跨行
的备注"`;
      if (i === 33) return `${CODE.C},2023-03,增值税,不是数字,坏金额`;
      if (i === 41) return `${CODE.D},2023-13,增值税,5,坏所属期`;
      if (i === 50) return '合计,,,12345,';
      return undefined;
    });
    expect(sliceBody(new TextEncoder().encode(text), SMALL).length).toBeGreaterThanOrEqual(4);
    const { whole, sliced, wholeRows, slicedRows, progress } = await both('tax', [utf8('税收.csv', text)]);
    expect(sliced.files).toEqual(whole.files);
    expect(sliced.committed).toEqual(whole.committed);
    expect(slicedRows).toEqual(wholeRows);
    // The rows a user sees (records: the note's line break does not start a row), data row i at i + 2.
    expect(whole.files[0]!.rejected.map((r) => r.row)).toEqual([35, 43]);
    expect(whole.files[0]!.totals.map((t) => t.row)).toEqual([52]);
    expect(whole.files[0]!.accepted).toBe(57);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.filter((p) => p.phase === '暂存').length).toBeGreaterThan(3);
    expect(await leftovers()).toEqual([]);
  });

  it('reads a GBK file in slices as one pass', async () => {
    const text = taxLines(50, (i) => (i === 30 ? `${CODE.E},2023-05,企业所得税,-,坏` : undefined));
    const file = { name: '税收GBK.csv', bytes: new Uint8Array(iconv.encode(text, 'gbk')) };
    const { whole, sliced, wholeRows, slicedRows } = await both('tax', [file]);
    expect(whole.files[0]!.encoding).toBe('gb18030');
    expect(sliced.files).toEqual(whole.files);
    expect(slicedRows).toEqual(wholeRows);
  });

  it('rejects a key seen in an earlier slice as a duplicate naming the first row', async () => {
    const header = '统一社会信用代码,企业名称,属地,成立日期,行业,注册资本（万元）,是否独立法人,备注';
    const rows = Array.from({ length: 45 }, (_, i) => {
      const code = i === 30 || i === 38 ? CODE.A : i === 40 ? CODE.B : CODES[i % CODES.length]!;
      return `${code},企业${i},鹿城区,2019-05-20,数字经济,${i},是,第${i}行`;
    });
    const file = utf8('企业.csv', [header, ...rows].join('\n') + '\n');
    const { whole, sliced, wholeRows, slicedRows } = await both('enterprises', [file]);
    expect(sliced.files).toEqual(whole.files);
    expect(slicedRows).toEqual(wholeRows);
    const duplicates = whole.files[0]!.rejected.filter((r) => r.reason.startsWith('主键重复'));
    expect(duplicates.length).toBe(45 - CODES.length);
    // Rows 32 and 40 (file rows) share CODE.A with row 2: both name row 2, not each other.
    expect(duplicates.find((d) => d.row === 40)?.reason).toBe('主键重复（与第2行相同），已保留第2行');
  });

  it('numbers rows of a file read by PapaParse (a blank line inside) the same', async () => {
    const text = taxLines(40).replace(/\n(?=[^\n]*第20行)/, '\n\n');
    const { whole, sliced, slicedRows, wholeRows } = await both('tax', [utf8('空行.csv', text)]);
    expect(sliced.files).toEqual(whole.files);
    expect(slicedRows).toEqual(wholeRows);
  });

  it('refuses a row with too many columns in a later slice naming its line, as one pass', async () => {
    const text = taxLines(50, (i) => (i === 35 ? `${CODE.A},2023-01,增值税,1,备注,多出来的一列` : undefined));
    const refusal = async (options: ImportOptions) =>
      importFiles(db, [utf8('多列.csv', text)], options).then(
        () => undefined,
        (e: unknown) => e,
      );
    const whole = await refusal({});
    const sliced = await refusal({ sliceBytes: SMALL });
    expect(whole).toBeInstanceOf(ImportRefused);
    expect((sliced as ImportRefused).message).toBe((whole as ImportRefused).message);
    expect((whole as ImportRefused).message).toContain('第37行');
    expect(await leftovers()).toEqual([]);
  });

  it('refuses an unterminated quote across slice boundaries with the same message', async () => {
    const text = taxLines(40, (i) => (i === 12 ? `${CODE.A},2023-01,增值税,1,"未闭合` : undefined));
    const refusal = async (options: ImportOptions) =>
      importFiles(db, [utf8('未闭合.csv', text)], options).then(
        () => undefined,
        (e: unknown) => e,
      );
    const whole = await refusal({});
    const sliced = await refusal({ sliceBytes: SMALL });
    expect(whole).toBeInstanceOf(ImportRefused);
    expect((sliced as ImportRefused).message).toBe((whole as ImportRefused).message);
    expect((whole as ImportRefused).message).toContain('引号');
  });

  it('reads a picked file (a Blob, as the desk keeps it) as its bytes', async () => {
    const text = taxLines(30, (i) => (i === 20 ? `${CODE.F},2023-07,增值税,x,坏` : undefined));
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    const fromBytes = await importFiles(db, [{ name: '税收.csv', bytes }], { sliceBytes: SMALL });
    const rows = await tableRows('tax');
    for (const t of TABLES) await db.run(sql`DELETE FROM ${ident(t.name)}`);
    const picked = await importFiles(db, [{ name: '税收.csv', blob: new Blob([bytes]) }], {
      sliceBytes: SMALL,
    });
    expect(picked.files).toEqual(fromBytes.files);
    expect(await tableRows('tax')).toEqual(rows);
  });

  it('stops between slices when cancelled, leaving nothing behind', async () => {
    let steps = 0;
    const error = await prepareImport(db, [utf8('取消.csv', taxLines(60))], {
      sliceBytes: SMALL,
      onProgress: () => (steps += 1),
      cancelled: () => steps >= 4,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportCancelled);
    expect(await leftovers()).toEqual([]);
    expect(await db.query(raw('SELECT count(*)::INTEGER AS n FROM tax'))).toEqual([{ n: 0 }]);
  });
});

describe('the import’s rows in the stored catalog', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slices-'));
  let stored: Db;

  beforeAll(async () => {
    stored = await openNodeDb();
    await stored.run(raw(`ATTACH '${path.join(dir, 'hq.duckdb')}' AS ${STORED}`));
    await stored.use(STORED);
    await createTables(stored);
  });

  afterAll(async () => {
    await stored.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const kept = async () =>
    stored.query<{ name: string }>(
      sql`SELECT table_name AS name FROM duckdb_tables()
          WHERE database_name = ${STORED} AND starts_with(table_name, 'import_rows_')`,
    );

  it('live there until the commit, and a crash’s leftovers are dropped on open', async () => {
    const prepared = await prepareImport(stored, [utf8('税收.csv', taxLines(40))], { sliceBytes: SMALL });
    expect((await kept()).length).toBe(1);
    const report = await prepared.commit();
    expect(report.files[0]!.accepted).toBe(40);
    expect(await kept()).toEqual([]);
    expect(await stored.query(raw('SELECT count(*)::INTEGER AS n FROM tax'))).toEqual([{ n: 40 }]);

    const left = await prepareImport(stored, [utf8('税收.csv', taxLines(40))], { sliceBytes: SMALL });
    expect((await kept()).length).toBe(1);
    // (as if the tab closed here: the rows stay in the file until the next open)
    await dropLeftoverRows(stored, STORED);
    expect(await kept()).toEqual([]);
    await left.discard();
  });
});

/**
 * A drill list longer than the 5,000 rows the panel holds: the page gets the first 5,000, and
 * 导出XLSX / 导出CSV write every record (RecordSet.everyRow, the rows the panel's DataTable exports),
 * formula-guarded. Real engine: the hand-written fixture plus a crafted tax file of 6,000 rows for
 * one certified HQ enterprise, whose name as the source file starts with "=".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { columnTitle } from '../src/app/DataTable';
import type { Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { drillRecords } from '../src/domain/drill/figures';
import { ROW_LIMIT, type RecordRow, type RecordSet } from '../src/domain/drill/records';
import { overviewFigures } from '../src/domain/figures/overview';
import { tableToCsv, tableToSheetRows } from '../src/export/table';
import { writeXlsx } from '../src/export/xlsx';
import { importFiles } from '../src/ingest';
import { C, csv, fixtureFiles } from './figuresFixture';

const EXTRA_ROWS = 6000;
/** A file name a spreadsheet would run as a formula if written as is. */
const HOSTILE_FILE = '=HYPERLINK(税收明细).csv';

/** 6,000 rows of 其他 tax for A (certified 新引进 in 2023), 500 in each month of 2023: 1 元 each. */
const bigTax = csv(
  HOSTILE_FILE,
  '统一社会信用代码,所属期,税种,税额（元）,是否市外经营,地方财政贡献（元）',
  ...Array.from(
    { length: EXTRA_ROWS },
    (_, i) => `${C.A},2023${String((i % 12) + 1).padStart(2, '0')},房产税,1,否,`,
  ),
);

/** The panel's columns as the DataTable exports them (DrillPanel: value = the row's field). */
const exportColumns = (set: RecordSet) =>
  set.columns.map((c) => ({ ...c, title: columnTitle(c), value: (r: RecordRow) => r[c.key] ?? null }));

describe('exporting a drill list of more than 5,000 records', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    const report = await importFiles(db, [...fixtureFiles(), bigTax]);
    expect(report.files.find((f) => f.file === HOSTILE_FILE)?.table).toBe('tax');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('shows 5,000 rows and exports every record, formula-guarded', async () => {
    const p = { year: 2023, asOf: '2023-12-31' };
    const figure = (await overviewFigures(db, p)).hqTax.tax;
    const set = await drillRecords(db, { ...p, figure: 'hqTax' });
    expect(set.total).toBeGreaterThan(EXTRA_ROWS);
    expect(set.truncated).toBe(true);
    expect(set.rows).toHaveLength(ROW_LIMIT);
    expect(set.sum).toBeCloseTo(figure, 2);

    const all = await set.everyRow!();
    expect(all).toHaveLength(set.total);
    expect(all.reduce((s, r) => s + Number(r.amount), 0)).toBeCloseTo(figure, 2);
    // The first rows are the page's, in the same order.
    expect(all.slice(0, ROW_LIMIT)).toEqual(set.rows);

    const columns = exportColumns(set);
    const lines = tableToCsv(all, columns).trim().split(/\r?\n/);
    expect(lines).toHaveLength(set.total + 1);
    expect(lines.filter((l) => l.includes(`'${HOSTILE_FILE}`))).toHaveLength(EXTRA_ROWS);

    const book = XLSX.read(await writeXlsx([{ name: '明细', rows: tableToSheetRows(all, columns) }]), {
      type: 'array',
    });
    const sheet = book.Sheets['明细']!;
    const back = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    expect(back).toHaveLength(set.total + 1);
    const source = columns.findIndex((c) => c.key === 'source_file');
    const hostile = back.filter((r) => r[source] === HOSTILE_FILE);
    expect(hostile).toHaveLength(EXTRA_ROWS);
    // Written as text, never as a formula.
    const cells = Object.entries(sheet).filter(([k, v]) => !k.startsWith('!') && (v as XLSX.CellObject).f);
    expect(cells).toEqual([]);
  });
});

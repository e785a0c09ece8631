/**
 * Exports: the formula guard, CSV (BOM, quoting, numbers as plain digits), XLSX written and read
 * back with the importer's reader, the assessment sheet, file names and the PNG layout.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { guardFormula } from '../src/export/guard';
import {
  exportValue,
  plainNumber,
  tableToCsv,
  tableToSheetRows,
  type ExportColumn,
} from '../src/export/table';
import { excelDate, writeXlsx } from '../src/export/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { assessmentSheets, ASSESSMENT_HEADER, ASSESSMENT_TABLE_ROW } from '../src/export/assessment';
import { exportFileName } from '../src/export/download';
import { asOfStamp, layoutChartPng } from '../src/export/chartPng';
import { columnTitle, type Column } from '../src/app/DataTable';
import { scoreUnits, INDICATORS } from '../src/domain/figures/ranking';
import { DEFAULT_WEIGHTS } from '../src/domain/defaults';

interface Row {
  name: string;
  code: string;
  tax: number | null;
  big: number;
  share: number;
  n: number;
  score: string;
}

const COLUMNS: Column<Row>[] = [
  { key: 'name', header: '企业名称', value: (r) => r.name },
  { key: 'code', header: '属地代码', value: (r) => r.code },
  { key: 'tax', header: '税收', kind: 'yuan', unit: '万元', digits: 1, value: (r) => r.tax },
  { key: 'big', header: '营收', kind: 'yuan', unit: '亿元', value: (r) => r.big },
  { key: 'share', header: '占比', kind: 'percent', value: (r) => r.share },
  { key: 'n', header: '企业数', kind: 'count', value: (r) => r.n },
  { key: 'score', header: '得分', kind: 'number', value: (r) => r.score },
];
const EXPORT_COLUMNS: ExportColumn<Row>[] = COLUMNS.map((c) => ({ ...c, title: columnTitle(c) }));

const ROWS: Row[] = [
  {
    name: '=HYPERLINK("x")',
    code: '033030',
    tax: 53_002_000,
    big: 133_000_000,
    share: 0.8667,
    n: 1234,
    score: '31.0',
  },
  { name: '温州 "甲" 公司, 有限', code: '330302', tax: null, big: 0, share: 0, n: 0, score: '0.857' },
  { name: '-1+2', code: '330303', tax: -12_345, big: 2.5e9, share: 1, n: 7, score: '100.0' },
];

describe('guardFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx'])('prefixes %j with an apostrophe', (text) => {
    expect(guardFormula(text)).toBe(`'${text}`);
  });
  it('leaves other text alone and is idempotent', () => {
    expect(guardFormula('鹿城区')).toBe('鹿城区');
    expect(guardFormula('a=b')).toBe('a=b');
    expect(guardFormula('')).toBe('');
    expect(guardFormula(guardFormula('=x'))).toBe("'=x");
  });
});

describe('export values', () => {
  it('keeps numbers as numbers, money in the column unit, digits text in text columns', () => {
    expect(exportValue(53_002_000, { kind: 'yuan', unit: '万元' })).toBe(5300.2);
    expect(exportValue(133_000_000, { kind: 'yuan', unit: '亿元' })).toBe(1.33);
    expect(exportValue('31.0', { kind: 'number' })).toBe(31);
    expect(exportValue('033030', {})).toBe('033030');
    // Guarded only where a text can become a formula: in CSV (below), not in the value or in XLSX.
    expect(exportValue('-5', { kind: 'text' })).toBe('-5');
    expect(exportValue(null, { kind: 'count' })).toBeNull();
    expect(exportValue(-3, { kind: 'count' })).toBe(-3);
  });
  it('writes numbers as plain digits, never exponents', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1.5e21)).toBe('1500000000000000000000');
    expect(plainNumber(5300.2)).toBe('5300.2');
  });
});

describe('tableToCsv', () => {
  const csv = tableToCsv(ROWS, EXPORT_COLUMNS);
  it('starts with a BOM and uses CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
  it('has the table headers with units and plain numbers', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('企业名称,属地代码,税收（万元）,营收（亿元）,占比,企业数,得分');
    // Numbers as the table shows them: a share as 86.7% (read back by spreadsheets as 0.867), a
    // fixed-digit score as 31.0 — never the raw binary fraction.
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",033030,5300.2,1.33,86.7%,1234,31.0`);
    expect(lines[2]).toBe('"温州 ""甲"" 公司, 有限",330302,,0.00,0.0%,0,0.857');
    expect(lines[3]).toBe("'-1+2,330303,-1.2,25.00,100.0%,7,100.0");
  });
});

const plain = (cell: unknown) => (cell !== null && typeof cell === 'object' && 'v' in cell ? cell.v : cell);

describe('XLSX', () => {
  it('reads back equal to the table, a formula-looking text as plain text (never a formula)', async () => {
    const rows = tableToSheetRows(ROWS, EXPORT_COLUMNS);
    const bytes = await writeXlsx([{ name: '测试表', rows }]);
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['测试表']);
    const sheet = book.Sheets['测试表']!;
    const back = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    expect(back).toEqual(rows.map((r) => r.map(plain)));
    expect(back[1]![0]).toBe(`=HYPERLINK("x")`);
    // A text cell with no formula and no visible apostrophe, numbers as number cells with their format.
    expect(sheet['A2']).toMatchObject({ t: 's', v: `=HYPERLINK("x")` });
    expect(sheet['A2']!.f).toBeUndefined();
    expect(sheet['B2']).toMatchObject({ t: 's', v: '033030' });
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 5300.2 });
    expect(sheet['E2']).toMatchObject({ t: 'n', v: 0.8667, w: '86.7%' });
    expect(sheet['G2']).toMatchObject({ t: 'n', v: 31, w: '31.0' });
  });

  it('writes any text as a text cell, never a formula', async () => {
    const bytes = await writeXlsx([{ name: 'a/b:c', rows: [['@cmd', 1]] }]);
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['a_b_c']);
    expect(book.Sheets['a_b_c']!['A1']).toMatchObject({ t: 's', v: '@cmd' });
    expect(book.Sheets['a_b_c']!['A1']!.f).toBeUndefined();
  });

  it('stores dates as dates and keeps the header in view', async () => {
    const bytes = await writeXlsx([
      {
        name: '项目',
        rows: [
          ['签约日期', '备注'],
          ['2023-03-05', '2023-02-30'],
        ],
      },
      { name: '考核', rows: [['标题'], ['说明'], ['名次'], [1]], freeze: 3 },
    ]);
    const book = XLSX.read(bytes, { type: 'array', cellDates: true });
    const cell = book.Sheets['项目']!['A2']!;
    expect(cell.t).toBe('d');
    expect((cell.v as Date).toISOString().slice(0, 10)).toBe('2023-03-05');
    // Not a calendar date: stays text.
    expect(book.Sheets['项目']!['B2']).toMatchObject({ t: 's', v: '2023-02-30' });
    const xml = (k: number) => strFromU8(unzipSync(bytes)[`xl/worksheets/sheet${k}.xml`]!);
    expect(xml(1)).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml(2)).toContain('ySplit="3" topLeftCell="A4"');
    expect(excelDate('1900-03-01')).toBe(61);
  });
});

describe('assessment sheet', () => {
  const ranked = scoreUnits(
    [
      { code: '330302', name: '鹿城区', indicators: [1.2, 12, 5, 30_000, 80_000_000] },
      { code: '330303', name: '龙湾区', indicators: [0.5, 5, 8, 10_000, 20_000_000] },
    ],
    DEFAULT_WEIGHTS,
    'ratio',
  ).map((r) => ({ ...r, target: 10 }));
  const input = {
    year: 2024,
    asOf: '2025-09-30',
    indicators: INDICATORS,
    weights: DEFAULT_WEIGHTS,
    methodName: '比值法',
    rules: '评分规则（默认）：…',
    caliber: { name: '2024年度考核口径', hash: `sha256:${'ab'.repeat(32)}`, modified: true },
    rows: ranked,
  };

  it('has the header block, the table and the rules sheet, numbers as numbers', async () => {
    const bytes = await writeXlsx(assessmentSheets(input));
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['考核表', '评分规则']);
    const grid = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['考核表']!, {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
    });
    expect(grid[0]![0]).toBe('2024年招商引资考核表');
    expect(String(grid[1]![0])).toContain('数据截至 2025-09-30');
    expect(String(grid[2]![0])).toContain('比值法');
    expect(grid[3]![0]).toBe(`口径：2024年度考核口径（sha256:${'ab'.repeat(32)}），本机修改（未发布）`);
    expect(grid[ASSESSMENT_TABLE_ROW]).toEqual(ASSESSMENT_HEADER);
    const first = grid[ASSESSMENT_TABLE_ROW + 1]!;
    const top = ranked[0]!;
    expect(first.slice(0, 9)).toEqual([1, top.code, top.name, top.indicators[0], 10, 12, 5, 30_000, 8000]);
    expect(first.slice(9, 14)).toEqual(top.normalised);
    expect(first.slice(14, 19)).toEqual(top.points);
    expect(first[19]).toBeCloseTo(top.score, 9);
    const rules = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['评分规则']!, { header: 1, raw: true });
    expect(rules[0]).toEqual(['指标', '权重', '权重占比']);
    expect(rules.slice(1, 6).map((r) => r[1])).toEqual([...DEFAULT_WEIGHTS]);
    expect(rules.find((r) => r[0] === '口径校验值')?.[1]).toBe(`sha256:${'ab'.repeat(32)}`);
  });
});

describe('file names and the chart image', () => {
  it('names files by their parts', () => {
    expect(exportFileName(['考核排名', 2024, '全市'], 'xlsx')).toBe('考核排名_2024_全市.xlsx');
    expect(exportFileName(['楼宇/税收', null, ''], 'png')).toBe('楼宇_税收.png');
  });

  it('lays the title, unit and as-of stamp around the chart', () => {
    const measure = (text: string) => text.length * 10;
    const layout = layoutChartPng(
      600,
      300,
      { title: '得分构成', unit: '单位：分', asOf: '2025-09-30' },
      measure,
    );
    expect(layout.width).toBe(632);
    expect(layout.chart).toMatchObject({ x: 16, width: 600, height: 300 });
    const texts = layout.texts.map((t) => t.text);
    expect(texts).toEqual(['得分构成', '单位：分', asOfStamp('2025-09-30')]);
    const stamp = layout.texts[2]!;
    expect(stamp.text).toBe('数据截至 2025-09-30');
    expect(stamp.y).toBeGreaterThan(layout.chart.y + layout.chart.height);
    expect(stamp.y).toBeLessThan(layout.height);
    // A unit too long for the title's line moves under it, above the chart.
    const narrow = layoutChartPng(100, 300, { title: '得分构成', unit: '单位：分', asOf: null }, measure);
    expect(narrow.texts[1]!.y).toBeGreaterThan(narrow.texts[0]!.y);
    expect(narrow.chart.y).toBeGreaterThan(narrow.texts[1]!.y);
  });
});

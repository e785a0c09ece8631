/**
 * Exports in the built app: the ranking table's 导出XLSX gives a workbook equal to the figures on
 * screen, 导出考核表 gives the assessment sheet with its rules, and a chart's 导出图片 gives a PNG
 * at twice the chart's size with its title above and the as-of stamp below.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { launchChromium } from './chromium';

const YEAR = 2024;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${inject('baseUrl')}#/ranking?year=${YEAR}`);
  await page.waitForSelector('[data-table="考核排名"] tbody tr', { timeout: 180_000 });
  await page.waitForSelector('[data-chart="得分构成"][data-chart-status="drawn"]', { timeout: 180_000 });
});

afterAll(async () => {
  await browser?.close();
});

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

const grid = (bytes: Buffer, sheet?: string) => {
  const book = XLSX.read(bytes, { type: 'buffer' });
  return {
    names: book.SheetNames,
    rows: XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet ?? book.SheetNames[0]!]!, {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
    }),
  };
};

describe('exports on the ranking screen', () => {
  it('exports the ranking table as XLSX with the figures on screen', async () => {
    const table = page.locator('[data-table="考核排名"]');
    const file = await download(() => table.getByRole('button', { name: '导出XLSX' }).click());
    expect(file.name).toBe(`考核排名_${YEAR}_全市.xlsx`);
    const { rows } = grid(file.bytes);
    const headers = await table.locator('thead th').allInnerTexts();
    expect(rows[0]).toEqual(headers.map((h) => h.replace(/[▲▼]/g, '').trim()));
    const first = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    const row = rows[1]!;
    expect(row[0]).toBe(1);
    expect(row[1]).toBe(first[1]);
    // Numbers are number cells: the score equals the shown text, the completion a ratio.
    expect(typeof row.at(-1)).toBe('number');
    expect((row.at(-1) as number).toFixed(1)).toBe(first.at(-1));
    expect(`${((row[2] as number) * 100).toFixed(1)}%`).toBe(first[2]);
    expect(rows.length - 1).toBe(Number((await table.locator('.table-count').innerText()).match(/\d+/)![0]));
  });

  it('exports the table as CSV in UTF-8 with a BOM', async () => {
    const table = page.locator('[data-table="考核排名"]');
    const file = await download(() => table.getByRole('button', { name: '导出CSV' }).click());
    expect(file.name).toBe(`考核排名_${YEAR}_全市.csv`);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^排名,属地,/);
  });

  it('exports the assessment sheet with its rules', async () => {
    const file = await download(() => page.getByRole('button', { name: '导出考核表' }).click());
    expect(file.name).toBe(`考核表_${YEAR}_全市.xlsx`);
    const { names, rows } = grid(file.bytes);
    expect(names).toEqual(['考核表', '评分规则']);
    expect(rows[0]![0]).toBe(`${YEAR}年招商引资考核表`);
    expect(String(rows[2]![0])).toContain('评分方法');
    expect(String(rows[3]![0])).toMatch(/^口径：默认口径（政策与规范默认值）（sha256:[0-9a-f]{64}）$/);
    expect(rows[5]![0]).toBe('排名');
    expect(rows.slice(6).map((r) => r[0])).toEqual(rows.slice(6).map((_, i) => i + 1));
  });

  it('exports a chart as a PNG at twice its size with title and as-of stamp', async () => {
    const panel = page.locator('[data-panel="得分构成"]');
    const file = await download(() => panel.getByRole('button', { name: '导出图片' }).click());
    expect(file.name).toBe(`得分构成_${YEAR}_全市.png`);
    expect([...file.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = file.bytes.readUInt32BE(16);
    const height = file.bytes.readUInt32BE(20);
    const box = (await panel.locator('[data-chart="得分构成"]').boundingBox())!;
    // The chart at 2× plus the margins, the title above and the stamp below.
    expect(width).toBeGreaterThan(2 * box.width);
    expect(height).toBeGreaterThan(2 * box.height + 80);
  });

  it('writes an enterprise named like a formula as text, never as a formula', async () => {
    // The sample names one certified 洞头区 enterprise =HYPERLINK("x") (scripts/sample/xlsx.ts).
    await page.goto(`${inject('baseUrl')}#/certification?year=${YEAR}&unit=330305`);
    const table = page.locator('[data-table="认定核查明细"]');
    await table.locator('tbody tr').first().waitFor({ timeout: 180_000 });
    await table.getByRole('searchbox').fill('HYPERLINK');
    await expect(table.locator('tbody tr').first().textContent()).resolves.toContain('=HYPERLINK("x")');
    const file = await download(() => table.getByRole('button', { name: '导出XLSX' }).click());
    const book = XLSX.read(file.bytes, { type: 'buffer', cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const cells = Object.entries(sheet).filter(([ref]) => !ref.startsWith('!'));
    const hostile = cells
      .map(([, c]) => c as XLSX.CellObject)
      .filter((c) => String(c.v).includes('HYPERLINK'));
    expect(hostile).toHaveLength(1);
    // In XLSX a text cell is never a formula: the name as it is, no visible guard apostrophe.
    expect(hostile[0]).toMatchObject({ t: 's', v: `=HYPERLINK("x")` });
    expect(hostile[0]!.f).toBeUndefined();
    const csv = await download(() => table.getByRole('button', { name: '导出CSV' }).click());
    expect(csv.bytes.toString('utf8')).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('logs no error', () => {
    expect(consoleErrors).toEqual([]);
  });
});

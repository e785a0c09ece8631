/**
 * dist/ with a published dataset beside it (dataset/), as nginx serves it: a fresh profile opens on
 * the dataset, read-only, with the figures `npm run report --rules` gives on the same exports and
 * 口径; the import desk is not there for a viewer; a local weight change is marked 本机修改（未发布）
 * and the assessment sheet carries the 口径's hash; a hostile 口径 file changes nothing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { caliberFileText, DEFAULT_CALIBER_SETTINGS, makeCaliber } from '../../src/domain/caliber';
import type { Report } from '../../src/domain/report';
import { launchChromium } from './chromium';
import { settled, watch, type Watch } from './page';
import { PORT, untilServing } from './serve';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXPORTS = 'test/fixtures/exports-2023';
const CALIBER = makeCaliber('测试口径：投资优先', {
  ...DEFAULT_CALIBER_SETTINGS,
  weights: [10, 10, 30, 40, 10],
  method: 'efficacy',
});
const run = promisify(execFile);

let dir: string;
let server: ChildProcess | undefined;
let base: string;
let expected: Report;
let browser: Browser;
let page: Page;
let watched: Watch;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-published-'));
  const site = path.join(dir, 'site');
  // The build the global setup made, copied, with a dataset published beside it.
  fs.cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  const rules = path.join(dir, 'rules.json');
  fs.writeFileSync(rules, caliberFileText(CALIBER));
  const tsx = (script: string, ...args: string[]) =>
    run('npx', ['tsx', script, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [, report] = await Promise.all([
    tsx(
      'scripts/publish.ts',
      EXPORTS,
      '--out',
      path.join(site, 'dataset'),
      '--rules',
      rules,
      '--name',
      '浏览器测试数据集',
    ),
    tsx('scripts/report.ts', EXPORTS, '--year', '2023', '--rules', rules, '--json'),
  ]);
  expected = JSON.parse(report.stdout) as Report;
  // Next to the suite's own server, serving this copy with the same headers.
  const port = PORT + 1;
  server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', site, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  base = `http://127.0.0.1:${port}/`;
  await untilServing(base);
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  watched = watch(page, base);
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function download(click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return fs.readFileSync(await file.path());
}

const sheetRows = (bytes: Buffer) => {
  const book = XLSX.read(bytes, { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['考核表']!, { header: 1, raw: true, defval: null });
};

const bar = () => page.locator('.caliber-bar');

describe('a published dataset on a fresh profile', () => {
  it('opens on the dataset, names it, and shows the report figures under its 口径', async () => {
    await page.goto(`${base}#/overview?year=2023`);
    await settled(page);
    await expect.poll(() => bar().getAttribute('data-caliber-hash')).toBe(CALIBER.hash);
    expect(await bar().getAttribute('data-caliber-modified')).toBe('false');
    expect(await page.locator('[data-dataset-name]').first().getAttribute('data-dataset-name')).toBe(
      '浏览器测试数据集',
    );
    expect(await bar().textContent()).toContain('数据截至 2023-12-31');
    const kpi = async (name: string) => Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value'));
    expect(await kpi('newHqAnnual')).toBe(expected.newHq.city.actual);
    expect(await kpi('billionBuildings')).toBe(expected.billionBuildings.length);
    expect(await kpi('hqTax')).toBeCloseTo(expected.hqTax.tax, 2);
  });

  it('ranks the units as the report does under the same 口径, and the sheet prints its hash', async () => {
    await page.goto(`${base}#/ranking?year=2023`);
    await settled(page);
    const rows = sheetRows(await download(() => page.getByRole('button', { name: '导出考核表' }).click()));
    expect(rows[3]![0]).toBe(`口径：${CALIBER.name}（${CALIBER.hash}）`);
    const units = rows.slice(6).filter((r) => r[1] !== null);
    expect(units.map((r) => r[1])).toEqual(expected.ranking.map((r) => r.code));
    units.forEach((r, i) => expect(r.at(-1) as number).toBeCloseTo(expected.ranking[i]!.score, 3));
  });

  it('marks a local weight change 本机修改（未发布）, lists it, prints the new hash, and goes back', async () => {
    await page.locator('input[name="weight-0"]').fill('50');
    await expect.poll(() => bar().getAttribute('data-caliber-modified')).toBe('true');
    expect(await bar().textContent()).toContain('本机修改（未发布）');
    expect(await page.locator('[data-change-item="考核权重·完成率"]').textContent()).toContain('10 → 50');
    const hash = (await bar().getAttribute('data-caliber-hash'))!;
    expect(hash).not.toBe(CALIBER.hash);
    const rows = sheetRows(await download(() => page.getByRole('button', { name: '导出考核表' }).click()));
    expect(rows[3]![0]).toBe(`口径：${CALIBER.name}（本机修改）（${hash}），本机修改（未发布）`);
    await page.getByRole('button', { name: '恢复发布口径' }).click();
    await expect.poll(() => bar().getAttribute('data-caliber-modified')).toBe('false');
    expect(await page.locator('input[name="weight-0"]').inputValue()).toBe('10');
  });

  it('refuses a hostile 口径 file with a message and changes nothing', async () => {
    const hostile = caliberFileText(CALIBER).replace('"weights": [\n      10', '"weights": [\n      1e308');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '导入口径' }).click(),
    ]);
    await chooser.setFiles({
      name: 'rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    await expect
      .poll(() => page.locator('[data-caliber-error]').textContent())
      .toMatch(/口径文件无效：.*1e\+308/);
    expect(await bar().getAttribute('data-caliber-hash')).toBe(CALIBER.hash);
    expect(await bar().getAttribute('data-caliber-modified')).toBe('false');
  });

  it('has no import desk for a viewer, and the office reaches it only by confirming', async () => {
    await page.goto(`${base}#/data`);
    await settled(page);
    expect(await page.locator('[data-readonly]').count()).toBe(1);
    expect(await page.locator('.import-desk').count()).toBe(0);
    expect(await page.getByRole('button', { name: '恢复样例数据' }).count()).toBe(0);
    await page.goto(`${base}#/data?office=1`);
    await settled(page);
    expect(await page.locator('[data-office-entry]').count()).toBe(1);
    expect(await page.locator('.import-desk').count()).toBe(0);
  });

  it('loads nothing from outside its origin and logs no error', () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });
});

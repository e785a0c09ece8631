/**
 * Issue 11's hostile files through the import desk of the built app (items 1, 3, 8–11): each is read
 * in the parsing worker and either shows what it loads or is refused with a Chinese message naming
 * the file and the cause; the data shown before is unchanged; the page stays responsive while a
 * file is refused (no long task over 200 ms) and usable afterwards.
 */
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { deskStatus, settled, watch, type Watch } from './page';

const HOSTILE = 'test/fixtures/hostile';
const hostile = (name: string) => path.join(HOSTILE, name);

let browser: Browser;
let page: Page;
let watched: Watch;
let before: { newHq: number; hqTax: number; buildings: number };

const kpi = async (name: string) => Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value'));

async function overview() {
  await page.click('nav a:text-is("总览")');
  await settled(page);
  const figures = {
    newHq: await kpi('newHqAnnual'),
    hqTax: await kpi('hqTax'),
    buildings: await kpi('billionBuildings'),
  };
  await page.click('nav a:text-is("数据")');
  await settled(page);
  return figures;
}

/** Long tasks on the page's main thread, in ms, since the last call. */
async function longTasks(): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    return w.__longTasks.splice(0);
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  watched = watch(page, inject('baseUrl'));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${inject('baseUrl')}#/data?year=2023`);
  await settled(page);
  before = await overview();
});

afterAll(async () => {
  await browser?.close();
});

async function drop(...names: string[]) {
  await page.setInputFiles('input[type=file]', names.map(hostile));
}

async function giveUp() {
  await page.click('button:text-is("放弃")');
  await deskStatus(page, 'idle');
}

const card = (name: string) => page.locator(`.file-card[data-file="${name}"]`);

describe('1. files real offices have, through the desk', () => {
  it.each([
    ['企业名录.xlsx', 'Excel'],
    ['企业名录.xls', 'Excel 97–2003'],
    ['企业名录-网页.xls', '网页表格'],
    ['企业名录-unicode.txt', '文本（CSV）'],
  ])('%s is read as %s with the same five enterprises', async (name, format) => {
    await drop(name);
    await deskStatus(page, 'ready');
    await expect(card(name).locator('.file-format').textContent()).resolves.toBe(format);
    await expect(card(name).locator('.file-counts').textContent()).resolves.toMatch(
      /读取 5 行 · 接受 5 · 拒绝 0/,
    );
    await expect(card(name).locator('[data-preview]').textContent()).resolves.toContain(
      '温州鹿城甲贸易有限公司、瓯海乙科技股份有限公司',
    );
    await giveUp();
  });
});

describe('3. garbled text is shown and refused, not saved', () => {
  it('a damaged UTF-8 file warns with the encoding, previews its names and rejects the damaged row', async () => {
    await drop('utf8-ascii-header-damaged.csv');
    await deskStatus(page, 'ready');
    const file = card('utf8-ascii-header-damaged.csv');
    await expect(file.locator('[data-warning="undecodable"]').textContent()).resolves.toContain(
      '按 UTF-8 读取',
    );
    await expect(file.locator('[data-preview]').textContent()).resolves.toContain('温州鹿城甲贸易有限公司');
    await expect(file.locator('.file-counts').textContent()).resolves.toMatch(/接受 3 · 拒绝 1/);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/desk-garbled.png', fullPage: true });
    await giveUp();
  });

  it('UTF-8 read as GBK by the user’s choice is refused, naming both encodings', async () => {
    await drop('utf8-names.csv');
    await deskStatus(page, 'ready');
    await page.selectOption('.file-card[data-file="utf8-names.csv"] select[name="encoding"]', 'gb18030');
    await deskStatus(page, 'ready');
    const refusal = await page.locator('.refused').textContent();
    expect(refusal).toContain('utf8-names.csv');
    expect(refusal).toMatch(/GBK\/GB18030.*乱码.*实为 UTF-8/);
    expect(await page.isDisabled('button:text-is("确认导入")')).toBe(true);
    await giveUp();
  });
});

describe('8–10. bombs and declared dimensions: refused or read within bounds, the page responsive', () => {
  it.each(['bomb.xlsx', 'bomb-lying.xlsx'])('%s is refused as too large', async (name) => {
    await longTasks();
    await drop(name);
    await deskStatus(page, 'ready');
    const refusal = await page.locator('.refused').textContent();
    expect(refusal).toContain(`「${name}」`);
    expect(refusal).toContain('文件解压后过大');
    expect((await longTasks()).filter((ms) => ms > 200)).toEqual([]);
    await giveUp();
  });

  it.each([
    ['dimension.xlsx', /读取 5 行 · 接受 5 · 拒绝 0/],
    // The cell at row 2,000,000 is a row of its own (its 末行 is no credit code): rejected, not a hang.
    ['far-row.xlsx', /读取 6 行 · 接受 5 · 拒绝 1/],
  ])('%s reads the rows present', async (name, counts) => {
    await longTasks();
    await drop(name);
    await deskStatus(page, 'ready');
    await expect(card(name).locator('.file-counts').textContent()).resolves.toMatch(counts);
    expect((await longTasks()).filter((ms) => ms > 200)).toEqual([]);
    await giveUp();
  });

  it('a backup ZIP that unpacks to 1 GiB is refused in the worker', async () => {
    await longTasks();
    await drop('bomb-dataset.zip');
    await deskStatus(page, 'failed');
    const message = await page.locator('.import-desk .state.error').textContent();
    expect(message).toContain('「bomb-dataset.zip」');
    expect(message).toContain('文件解压后过大');
    expect((await longTasks()).filter((ms) => ms > 200)).toEqual([]);
  });
});

describe('11. a read past its time limit', () => {
  it('is refused by name, the worker restarted, and the next file reads', async () => {
    await page.evaluate(() => localStorage.setItem('hq-read-time-limit-ms', '1'));
    await drop('企业名录.xlsx');
    await deskStatus(page, 'ready');
    const refusal = await page.locator('.refused').first().textContent();
    expect(refusal).toContain('「企业名录.xlsx」');
    expect(refusal).toContain('读取超过 1 毫秒仍未完成');
    await giveUp();
    await page.evaluate(() => localStorage.removeItem('hq-read-time-limit-ms'));
    await drop('企业名录.xls');
    await deskStatus(page, 'ready');
    await expect(card('企业名录.xls').locator('.file-counts').textContent()).resolves.toMatch(/接受 5/);
    await giveUp();
  });

  it('left the data as it was, and the page without errors or foreign requests', async () => {
    expect(await overview()).toEqual(before);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});

/**
 * The import desk on the built app: the hand-written fixture set dropped in through the file input
 * is checked before anything is written, committed with 确认导入, and the figures then equal the
 * report of the fixture set alone run by the engine in Node (the first import replaces the sample
 * the page showed). Refused files block the commit and leave the data as it was; re-importing the
 * same tax months changes nothing; screens keep reading the committed data while a commit runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildReport, type Report } from '../../src/domain/report';
import { C, FIGURES_FIXTURE, openFiguresFixture } from '../figuresFixture';
import { launchChromium } from './chromium';
import { deskStatus, settled, watch, type Watch } from './page';

const YEAR = 2023;
let browser: Browser;
let page: Page;
let watched: Watch;
let expected: Report;
let sampleFigures: Awaited<ReturnType<typeof overview>>;

beforeAll(async () => {
  const { db } = await openFiguresFixture();
  expected = await buildReport(db, { year: YEAR });
  await db.close();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  watched = watch(page, inject('baseUrl'));
  await page.goto(`${inject('baseUrl')}#/data?year=${YEAR}`);
  await settled(page);
});

afterAll(async () => {
  await browser?.close();
});

const kpi = async (name: string) => Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value'));
/** Money to the cent: a sum taken in another row order differs in the last bits. */
const cents = (yuan: number) => Math.round(yuan * 100) / 100;
const fixture = (...names: string[]) => names.map((n) => path.join(FIGURES_FIXTURE, n));

async function overview() {
  await page.click('nav a:text-is("总览")');
  await settled(page);
  return {
    newHq: await kpi('newHqAnnual'),
    hqTax: cents(await kpi('hqTax')),
    buildings: await kpi('billionBuildings'),
  };
}

/** A tax export of `rows` rows of the fixture's enterprises, long enough to watch it being checked. */
function bigTaxFile(rows: number) {
  const codes = Object.values(C);
  const lines = ['统一社会信用代码,所属期,税种,税额（元）'];
  for (let i = 0; i < rows; i++)
    lines.push(`${codes[i % codes.length]},20${10 + (i % 12)}-0${1 + (i % 9)},增值税,${i}`);
  return { name: '大文件.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

async function backToData() {
  await page.click('nav a:text-is("数据")');
  await settled(page);
}

describe('the import desk', () => {
  it('refuses broken files before writing anything, and keeps the data as it was', async () => {
    const before = await overview();
    sampleFigures = before;
    await backToData();
    await page.setInputFiles('input[type=file]', [
      path.join('test/fixtures/importer', 'tax-unterminated-quote.csv'),
      path.join('test/fixtures/importer', 'no-header.csv'),
    ]);
    await deskStatus(page, 'ready');
    const refusals = await page.locator('.refused').allInnerTexts();
    expect(refusals.join('\n')).toContain('tax-unterminated-quote.csv');
    expect(refusals.join('\n')).toContain('no-header.csv');
    expect(await page.isDisabled('button:text-is("确认导入")')).toBe(true);
    await page.click('button:text-is("放弃")');
    await deskStatus(page, 'idle');
    expect(await overview()).toEqual(before);
    await backToData();
  });

  it('reads Excel and GBK files in its worker, and refuses a binary file with its reason', async () => {
    const importer = (name: string) => path.join('test/fixtures/importer', name);
    await page.setInputFiles('input[type=file]', [
      importer('enterprises-title.xlsx'),
      importer('tax-gbk.csv'),
      importer('garbage.bin'),
    ]);
    await deskStatus(page, 'ready');
    const card = (name: string) => page.locator(`.file-card[data-file="${name}"]`);
    await expect(card('enterprises-title.xlsx').locator('select[name="table"]').inputValue()).resolves.toBe(
      'enterprises',
    );
    await expect(
      card('enterprises-title.xlsx').locator('select[name="encoding"]').inputValue(),
    ).resolves.toBe('xlsx');
    await expect(
      card('tax-gbk.csv').locator('select[name="encoding"] option').first().textContent(),
    ).resolves.toBe('自动（GBK/GB18030）');
    await expect(card('tax-gbk.csv').textContent()).resolves.toMatch(/接受 [1-9]/);
    await expect(page.locator('.refused').textContent()).resolves.toContain('garbage.bin');
    await page.click('button:text-is("放弃")');
    await deskStatus(page, 'idle');
  });

  it('shows progress on a long check and cancels it, leaving the data unchanged', async () => {
    await page.setInputFiles('input[type=file]', bigTaxFile(400_000));
    await page.waitForSelector('.desk-progress progress');
    await page.click('.desk-progress button:text-is("取消")');
    await deskStatus(page, 'idle');
    await expect(page.locator('.import-desk').textContent()).resolves.toContain('已取消，数据未改变');
    expect(await overview()).toEqual(sampleFigures);
    await backToData();
  });

  it('goes on checking while the user looks at another screen, which says so', async () => {
    await page.setInputFiles('input[type=file]', bigTaxFile(400_000));
    await page.waitForSelector('.desk-progress progress');
    await page.click('nav a:text-is("总览")');
    // The page answers at once (parsing runs in a worker); the top bar says the check goes on.
    await expect(page.getAttribute('.desk-busy', 'data-desk-activity')).resolves.toBe('checking');
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/overview/);
    await settled(page);
    await page.waitForSelector('[data-kpi="hqTax"]');
    // Back on the desk (through the top bar's notice, or the nav when the check is already done).
    if (await page.isVisible('.desk-busy')) await page.click('.desk-busy');
    else await page.click('nav a:text-is("数据")');
    await deskStatus(page, 'ready');
    await expect(page.locator('.file-card[data-file="大文件.csv"]').textContent()).resolves.toContain(
      '400,000',
    );
    expect(await page.isVisible('.desk-busy')).toBe(false);
    await page.click('button:text-is("放弃")');
    await deskStatus(page, 'idle');
    expect(await overview()).toEqual(sampleFigures);
    await backToData();
  });

  it('shows each file before the commit and commits the fixture set with 确认导入', async () => {
    const names = fs.readdirSync(FIGURES_FIXTURE).sort();
    await page.setInputFiles('input[type=file]', fixture(...names));
    await deskStatus(page, 'ready');
    expect(await page.locator('.file-card').count()).toBe(names.length);
    expect(await page.locator('.refused').count()).toBe(0);
    // A changed choice checks the same files again (their bytes are still there).
    await page.selectOption('.file-card[data-file="企业名录.csv"] select[name="encoding"]', 'utf-8');
    await deskStatus(page, 'ready');
    expect(await page.locator('.file-card').count()).toBe(names.length);
    expect(await page.locator('.refused').count()).toBe(0);
    await expect(
      page.locator('.file-card[data-file="税收明细.csv"] select[name="table"]').inputValue(),
    ).resolves.toBe('tax');
    await page.click('button:text-is("确认导入")');
    await deskStatus(page, 'done');
    await expect(page.locator('.topbar .source').textContent()).resolves.toBe('已导入数据');
    expect(await overview()).toEqual({
      newHq: expected.newHq.city.actual,
      hqTax: expected.hqTax.tax,
      buildings: expected.billionBuildings.length,
    });
  });

  it('changes nothing when the same tax months are imported again', async () => {
    const before = await overview();
    await backToData();
    await page.setInputFiles('input[type=file]', fixture('税收明细.csv'));
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await deskStatus(page, 'done');
    await expect(page.locator('.state.done').textContent()).resolves.toMatch(/税收明细：未变 [\d,]+ 行$/);
    expect(await overview()).toEqual(before);
  });

  it('undoes the last import and rolls back to the state before the first', async () => {
    page.on('dialog', (d) => void d.accept());
    const afterImports = await overview();
    await backToData();
    expect(Number(await page.getAttribute('[data-history]', 'data-history'))).toBe(2);
    await page.click('button:text-is("撤销此次导入")');
    await page.waitForFunction(
      () => document.querySelector('[data-history]')?.getAttribute('data-history') === '1',
    );
    // The second import changed nothing, so undoing it changes nothing either.
    expect(await overview()).toEqual(afterImports);
    await backToData();
    await page.setInputFiles('input[type=file]', fixture('税收明细.csv'));
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await page.waitForFunction(
      () => document.querySelector('[data-history]')?.getAttribute('data-history') === '2',
    );
    await page.click('button:text-is("回滚到此次之前")');
    await page.waitForSelector('[data-panel="导入记录"][data-panel-status="empty"]');
    expect(await overview()).toEqual(sampleFigures);
    await backToData();
  });

  it('exports the whole dataset, which a fresh browser profile imports with the same figures', async () => {
    const here = await overview();
    await backToData();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:text-is("导出全部数据")'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^总部回归数据_\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await download.path();
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const other = await fresh.newPage();
    const freshWatch = watch(other, inject('baseUrl'));
    try {
      await other.goto(`${inject('baseUrl')}#/data?year=${YEAR}`);
      await settled(other);
      await other.setInputFiles('input[type=file]', {
        name: '总部回归数据.zip',
        mimeType: 'application/zip',
        buffer: fs.readFileSync(zip),
      });
      await deskStatus(other, 'ready');
      await expect(other.locator('.dataset-note').textContent()).resolves.toContain('替换当前全部数据');
      await other.click('button:text-is("确认导入")');
      await deskStatus(other, 'done');
      await other.click('nav a:text-is("总览")');
      await settled(other);
      const value = async (name: string) =>
        Number(await other.getAttribute(`[data-kpi="${name}"]`, 'data-value'));
      expect({
        newHq: await value('newHqAnnual'),
        hqTax: cents(await value('hqTax')),
        buildings: await value('billionBuildings'),
      }).toEqual(here);
      expect(freshWatch.consoleErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('keeps other screens on the committed data while a commit runs, then shows the new data', async () => {
    await backToData();
    const before = await overview();
    await backToData();
    await page.setInputFiles('input[type=file]', bigTaxFile(400_000));
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await page.click('nav a:text-is("总览")');
    // The commit (400k rows) outlasts the click: the overview is drawn meanwhile, on the data as it
    // was (the commit's transaction is on the desk's own connection), read in one look at the page.
    const during = await page.waitForFunction(
      () => {
        const value = (name: string) =>
          document.querySelector(`[data-kpi="${name}"]`)?.getAttribute('data-value');
        const busy = document.querySelector('.desk-busy')?.getAttribute('data-desk-activity') === 'running';
        const [newHq, hqTax, buildings] = ['newHqAnnual', 'hqTax', 'billionBuildings'].map(value);
        return busy && newHq && hqTax && buildings ? { newHq, hqTax, buildings } : false;
      },
      undefined,
      { timeout: 180_000, polling: 50 },
    );
    const seen = (await during.jsonValue()) as Record<string, string>;
    expect({
      newHq: Number(seen.newHq),
      hqTax: cents(Number(seen.hqTax)),
      buildings: Number(seen.buildings),
    }).toEqual(before);
    await page.waitForSelector('.desk-busy', { state: 'detached', timeout: 180_000 });
    await settled(page);
    await expect(page.locator('.topbar .source').textContent()).resolves.toBe('已导入数据');
    // The data was the sample again (rolled back): the file replaced it, so its rows are all there is.
    await backToData();
    const taxRow = page.locator('[data-table="各数据表"] tbody tr', { hasText: '税收明细' });
    await expect(taxRow.locator('td').nth(1).innerText()).resolves.toBe('400,000');
  });
});

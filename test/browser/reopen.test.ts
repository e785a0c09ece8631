/**
 * What the desk imports is kept: after a reload and after a browser restart on the same profile the
 * figures, the 已导入数据 label and the import history are unchanged; a browser closed mid-commit
 * and a full storage quota leave it as it was; 恢复样例数据 brings the sample back for good.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { C, FIGURES_FIXTURE } from '../figuresFixture';
import { launchProfile } from './chromium';
import { deskStatus, settled } from './page';

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-profile-'));
let context: BrowserContext;
let page: Page;
let sample: Figures;
let imported: Figures;

type Figures = { newHq: number; hqTax: number; label: string | null };

/** Pages whose confirm dialogs are accepted (one handler each: two would answer the same dialog). */
const answering = new WeakSet<Page>();

async function open(hash: string) {
  page = context.pages()[0] ?? (await context.newPage());
  if (!answering.has(page)) page.on('dialog', (d) => void d.accept());
  answering.add(page);
  const loaded = page.url().startsWith(inject('baseUrl'));
  await page.goto(`${inject('baseUrl')}#/${hash}`);
  // A goto that changes only the hash stays in the same document: reload, so that "after a reload"
  // is one (the stored file reopened by a new page).
  if (loaded) await page.reload();
  await settled(page);
}

/** 行数 of a table in the data page's 各数据表. */
async function tableRows(label: string): Promise<number> {
  const row = page.locator('[data-table="各数据表"] tbody tr', { hasText: label });
  return Number((await row.locator('td').nth(1).innerText()).replaceAll(',', ''));
}

async function figures(): Promise<Figures> {
  await page.click('nav a:text-is("总览")');
  await settled(page);
  const kpi = async (name: string) => Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value'));
  return {
    newHq: await kpi('newHqAnnual'),
    hqTax: Math.round((await kpi('hqTax')) * 100) / 100,
    label: await page.textContent('.topbar .source'),
  };
}

beforeAll(async () => {
  context = await launchProfile(profile);
  await open('overview?year=2023');
  sample = await figures();
});

afterAll(async () => {
  await context?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('imported data is kept', () => {
  it('imports the fixture set through the desk', async () => {
    expect(sample.label).toBe('样例数据');
    await open('data?year=2023');
    const files = fs.readdirSync(FIGURES_FIXTURE).map((n) => path.join(FIGURES_FIXTURE, n));
    await page.setInputFiles('input[type=file]', files);
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await deskStatus(page, 'done');
    imported = await figures();
    expect(imported.label).toBe('已导入数据');
    expect(imported).not.toEqual(sample);
  });

  it('is unchanged after a reload', async () => {
    await open('overview?year=2023');
    expect(await figures()).toEqual(imported);
  });

  it('is unchanged after a browser restart, with its import history', async () => {
    await context.close();
    context = await launchProfile(profile);
    await open('overview?year=2023');
    expect(await figures()).toEqual(imported);
    await page.click('nav a:text-is("数据")');
    await settled(page);
    expect(await page.getAttribute('[data-history]', 'data-history')).toBe('1');
  });

  it('is never half loaded when the browser closes in the middle of a commit', async () => {
    const before = await tableRows('税收明细');
    const codes = Object.values(C);
    const lines = ['统一社会信用代码,所属期,税种,税额（元）'];
    const ROWS = 400_000;
    // Months of 1990–1999: no row of them is loaded yet, so a completed commit adds every row.
    for (let i = 0; i < ROWS; i++)
      lines.push(
        `${codes[i % codes.length]},199${i % 10}-${String(1 + (i % 12)).padStart(2, '0')},增值税,${i + 1}`,
      );
    await page.setInputFiles('input[type=file]', {
      name: '大文件.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await context.close();
    context = await launchProfile(profile);
    await open('data?year=2023');
    const after = await tableRows('税收明细');
    const history = Number(await page.getAttribute('[data-history]', 'data-history'));
    // Either the whole file is in and recorded, or none of it: never a part.
    expect([before, before + ROWS]).toContain(after);
    expect(history).toBe(after === before ? 1 : 2);
    if (after !== before) await page.click('button:text-is("撤销此次导入")');
    await page.waitForFunction(
      () => document.querySelector('[data-history]')?.getAttribute('data-history') === '1',
    );
    expect(await figures()).toEqual(imported);
    await page.click('nav a:text-is("数据")');
    await settled(page);
  });

  it('says the storage is full when an import cannot be written, and keeps the data', async () => {
    await open('data?year=2023');
    const cdp = await context.newCDPSession(page);
    const origin = new URL(inject('baseUrl')).origin;
    // Chromium's own quota for the page, cut below what is used: no write has room. (Cut to the
    // usage the estimate gives plus a little, it was flaky: the usage shrinks as the WAL is folded.)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
    try {
      await page.setInputFiles('input[type=file]', path.join(FIGURES_FIXTURE, '税收明细.csv'));
      await deskStatus(page, 'ready');
      await page.click('button:text-is("确认导入")');
      await deskStatus(page, 'failed');
      await expect(page.locator('.import-desk .state.error').textContent()).resolves.toContain(
        '浏览器存储空间已满，本次导入没有写入',
      );
      expect(await page.getAttribute('[data-history]', 'data-history')).toBe('1');
      expect(await figures()).toEqual(imported);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    // What was saved before is what a reload finds.
    await open('overview?year=2023');
    expect(await figures()).toEqual(imported);
    await page.click('nav a:text-is("数据")');
    await settled(page);
  });

  it('goes back to the sample for good with 恢复样例数据', async () => {
    await page.click('button:text-is("恢复样例数据")');
    await page.waitForFunction(() => document.querySelector('.topbar .source')?.textContent === '样例数据');
    expect(await figures()).toEqual(sample);
    await open('overview?year=2023');
    expect(await figures()).toEqual(sample);
  });
});

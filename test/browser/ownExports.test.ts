/**
 * A user's own exports through the built app (issue: "Right on a user's own exports"): the
 * bureau-shaped files of test/fixtures/exports-2023 — an XLSX with a title and a 合计 row, GBK CSVs,
 * amounts in 万元 — not made by gen-sample. On a persistent profile, through every transition:
 * import over the sample → the figures equal `npm run report` on the same folder alone (the sample
 * is replaced, not added to) → reload → same → the same files again → 未变, same figures →
 * 恢复样例数据 → the sample's figures → import again → the imported figures. And a page opened
 * fresh, imported, then reset and imported again without a reload.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildReport } from '../../src/domain/report';
import { loadFolder } from '../../scripts/lib/loadFolder';
import { launchProfile } from './chromium';
import { deskStatus, settled } from './page';

const YEAR = 2023;
const EXPORTS = 'test/fixtures/exports-2023';
const FILES = fs.readdirSync(EXPORTS).map((n) => path.join(EXPORTS, n));

type Figures = {
  newHq: number;
  target: string | null;
  buildings: number;
  hqTax: number;
  label: string | null;
};

let expected: Omit<Figures, 'label'>;
/** The sample's figures of the same year, read on a fresh page before anything is imported. */
let sample: Figures;

beforeAll(async () => {
  const { db } = await loadFolder(EXPORTS);
  const report = await buildReport(db, { year: YEAR });
  await db.close();
  expected = {
    newHq: report.newHq.city.actual,
    target: String(report.newHq.city.target),
    buildings: report.billionBuildings.length,
    hqTax: report.hqTax.tax,
  };
});

/** The overview's headline figures and the top bar's 样例数据 / 已导入数据. */
async function figures(page: Page): Promise<Figures> {
  await page.click('nav a:text-is("总览")');
  await settled(page);
  const kpi = (name: string, attribute = 'data-value') =>
    page.getAttribute(`[data-kpi="${name}"]`, attribute);
  return {
    newHq: Number(await kpi('newHqAnnual')),
    target: await kpi('newHqAnnual', 'data-target'),
    buildings: Number(await kpi('billionBuildings')),
    hqTax: Math.round(Number(await kpi('hqTax')) * 100) / 100,
    label: await page.textContent('.topbar .source'),
  };
}

async function toData(page: Page) {
  await page.click('nav a:text-is("数据")');
  await settled(page);
}

/** Drops the exports on the desk and commits them; returns what the desk said when done. */
async function importExports(page: Page): Promise<string> {
  await toData(page);
  await page.setInputFiles('input[type=file]', FILES);
  await deskStatus(page, 'ready');
  await page.click('button:text-is("确认导入")');
  await deskStatus(page, 'done');
  return (await page.locator('.import-desk .state.done').textContent()) ?? '';
}

async function resetToSample(page: Page) {
  await toData(page);
  await page.click('button:text-is("恢复样例数据")');
  await page.waitForFunction(
    () => document.querySelector('.topbar .source')?.textContent === '样例数据',
    undefined,
    {
      timeout: 180_000,
    },
  );
}

function session() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-own-'));
  let context: BrowserContext | undefined;
  let page: Page;
  return {
    async open(hash = `overview?year=${YEAR}`) {
      if (!context) {
        context = await launchProfile(profile);
        // 恢复样例数据 asks first: every page of the profile says yes.
        context.on('page', (p) => p.on('dialog', (d) => void d.accept()));
        for (const p of context.pages()) p.on('dialog', (d) => void d.accept());
      }
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${inject('baseUrl')}#/${hash}`);
      await settled(page);
      return page;
    },
    async close() {
      await context?.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

describe("a user's own exports, through import, reload, re-import and reset", () => {
  const s = session();
  let page: Page;
  afterAll(() => s.close());

  it('opens on the sample', async () => {
    page = await s.open();
    sample = await figures(page);
    expect(sample.label).toBe('样例数据');
    expect(sample.newHq).not.toBe(expected.newHq);
  });

  it('says before 确认导入 that the import replaces the sample', async () => {
    await toData(page);
    await page.setInputFiles('input[type=file]', FILES);
    await deskStatus(page, 'ready');
    await expect(page.locator('.import-desk').textContent()).resolves.toContain('替换样例数据');
    await page.click('button:text-is("放弃")');
    await deskStatus(page, 'idle');
  });

  it('replaces the sample: the figures are the report of the exports alone', async () => {
    await importExports(page);
    expect(await figures(page)).toEqual({ ...expected, label: '已导入数据' });
  });

  it('keeps them through a reload', async () => {
    page = await s.open();
    expect(await figures(page)).toEqual({ ...expected, label: '已导入数据' });
  });

  it('says 未变 when the same files come again after the reload, and the figures stay', async () => {
    const said = await importExports(page);
    expect(said).toContain('未变');
    expect(said).not.toMatch(/新增|替换/);
    expect(await figures(page)).toEqual({ ...expected, label: '已导入数据' });
  });

  it('goes back to the sample with 恢复样例数据', async () => {
    await resetToSample(page);
    expect(await figures(page)).toEqual(sample);
  });

  it('imports again after the reset', async () => {
    await importExports(page);
    expect(await figures(page)).toEqual({ ...expected, label: '已导入数据' });
  });
});

describe('a page opened fresh, imported, then reset without a reload', () => {
  const s = session();
  let page: Page;
  afterAll(() => s.close());

  it('resets to the sample and imports again, all in one page', async () => {
    page = await s.open();
    const before = await figures(page);
    await importExports(page);
    expect(await figures(page)).toEqual({ ...expected, label: '已导入数据' });
    await resetToSample(page);
    expect(await figures(page)).toEqual(before);
    await importExports(page);
    expect(await figures(page)).toEqual({ ...expected, label: '已导入数据' });
  });
});

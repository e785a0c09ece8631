/**
 * Answer before the click (src/app/prefetch.ts): once a screen has settled, the figures of the views
 * one filter click away are computed in the background, so the click shows its figures in its first
 * render, never a loading line. What is shown so is the engine's own answer for that view (the same
 * page opened on it afresh), and after an import or an undo a click shows the figures of the data as
 * it now is — nothing prefetched on the data before survives the change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FIGURES_FIXTURE } from '../figuresFixture';
import { launchProfile } from './chromium';
import { deskStatus, settled } from './page';

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-prefetch-'));
let context: BrowserContext;
let page: Page;
const LUCHENG = '330302';

/** Every KPI card's name and value. */
const kpis = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-kpi]')).map((k) => [
      k.getAttribute('data-kpi'),
      k.getAttribute('data-value'),
    ]),
  );

/** Until the screen has settled and the background computing is done. */
async function settledAndPrefetched() {
  await settled(page);
  await page.waitForFunction(() => document.documentElement.dataset.prefetch === 'idle', undefined, {
    polling: 100,
  });
}

/**
 * Selects `unit` in the filter bar and says whether any panel showed a loading line (or the
 * overview its 正在计算) between the click and the new view being settled.
 */
async function clickUnit(unit: string): Promise<{ loadingSeen: boolean }> {
  await page.evaluate(() => {
    const w = window as unknown as { loadingSeen: boolean; loadingWatch?: MutationObserver };
    w.loadingSeen = false;
    const look = () => {
      if (
        document.querySelector('[data-panel-status="loading"]') ||
        Array.from(document.querySelectorAll('.state')).some((e) => e.textContent?.startsWith('正在'))
      )
        w.loadingSeen = true;
    };
    w.loadingWatch = new MutationObserver(look);
    w.loadingWatch.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.selectOption('select[name="unit"]', unit);
  await page.waitForFunction((u) => document.querySelector('main')?.dataset.unit === u, unit);
  await settled(page);
  return page.evaluate(() => {
    const w = window as unknown as { loadingSeen: boolean; loadingWatch?: MutationObserver };
    w.loadingWatch?.disconnect();
    return { loadingSeen: w.loadingSeen };
  });
}

/** The engine's answer for the overview of 鹿城 in 2023: the page opened on that view afresh. */
async function engineAnswer() {
  await page.goto(`${inject('baseUrl')}#/overview?year=2023&unit=${LUCHENG}`);
  await page.reload();
  await settled(page);
  return kpis();
}

/** The overview of 2023 for the city, settled and with its neighbours computed, then 鹿城 clicked. */
async function prefetchedLucheng() {
  await page.goto(`${inject('baseUrl')}#/overview?year=2023`);
  await settledAndPrefetched();
  const click = await clickUnit(LUCHENG);
  return { ...click, figures: await kpis() };
}

beforeAll(async () => {
  context = await launchProfile(profile);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await context?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('figures computed ahead of the click', () => {
  let sample: (string | null)[][];

  it('answers a unit click from the background figures, equal to the engine’s own answer', async () => {
    const clicked = await prefetchedLucheng();
    expect(clicked.loadingSeen).toBe(false);
    expect(clicked.figures.length).toBeGreaterThan(0);
    expect(clicked.figures).toEqual(await engineAnswer());
    sample = clicked.figures;
  });

  it('after an import, a click shows the new data’s figures, not those computed ahead before', async () => {
    await page.goto(`${inject('baseUrl')}#/data?year=2023`);
    await settled(page);
    const files = fs.readdirSync(FIGURES_FIXTURE).map((n) => path.join(FIGURES_FIXTURE, n));
    await page.setInputFiles('input[type=file]', files);
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await deskStatus(page, 'done');
    const clicked = await prefetchedLucheng();
    expect(clicked.loadingSeen).toBe(false);
    // The fixture's 鹿城 differs from the sample's, so a stale answer would show.
    expect(clicked.figures).not.toEqual(sample);
    expect(clicked.figures).toEqual(await engineAnswer());
  });

  it('after an undo, a click shows the sample’s figures again', async () => {
    await page.goto(`${inject('baseUrl')}#/data?year=2023`);
    await settled(page);
    await page.click('button:text-is("撤销此次导入")');
    // No import left: the history panel is empty and the sample shows again.
    await page.waitForSelector('[data-panel="导入记录"][data-panel-status="empty"]');
    const clicked = await prefetchedLucheng();
    expect(clicked.loadingSeen).toBe(false);
    expect(clicked.figures).toEqual(sample);
    expect(clicked.figures).toEqual(await engineAnswer());
  });
});

/**
 * Figures before the engine (issue 12 item 3): a revisit shows the figures of the last visit of the
 * same data at once, marked 更新中, while the engine has not even loaded; the engine then confirms
 * them and the mark goes. The engine is held back by holding its wasm request, so "before the
 * engine" is a state the test controls, not a race it hopes to win. On a revisit the entry paints
 * the kept KPI cards before the desktop's code has arrived (src/app/openingCards.ts); holding that
 * code shows them alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { launchProfile } from './chromium';
import { FIGURES_FIXTURE } from '../figuresFixture';
import { deskStatus, settled } from './page';

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-figures-first-'));
let context: BrowserContext;
let page: Page;

/** Every KPI card's name and value. */
const kpis = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-kpi]')).map((k) => [
      k.getAttribute('data-kpi'),
      k.getAttribute('data-value'),
    ]),
  );

/** How the page's first-visit figures went (src/app/firstFigures.ts), once decided. */
async function firstFigures(): Promise<unknown> {
  const mark = await page.waitForFunction(() => performance.getEntriesByName('hq:first-figures')[0]);
  return page.evaluate((m) => (m as PerformanceMark).detail, mark);
}

/** Holds the requests for `url` until `release()`. */
async function hold(url: string | RegExp): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(url, async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return async () => {
    released = true;
    for (const route of held) await route.continue();
    await page.unroute(url);
  };
}

/** Holds the engine's wasm until `release()`: the page runs with no engine meanwhile. */
const holdEngine = () => hold('**/*.wasm');

/** The desktop's code (src/desk.tsx): held, the page has only the entry's own work to show. */
const DESK_CHUNK = /\/assets\/desk-[^/]*\.js$/;

/** Where each KPI card sits on the page. */
const cardBoxes = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-kpi]')).map((k) => {
      const r = k.getBoundingClientRect();
      return [
        k.getAttribute('data-kpi'),
        Math.round(r.left),
        Math.round(r.top + scrollY),
        Math.round(r.width),
      ];
    }),
  );

beforeAll(async () => {
  context = await launchProfile(profile);
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('figures before the engine', () => {
  it('waits for the engine on a first visit when this browser may hold imported data', async () => {
    // The origin without the app, to write its storage: a stored file (its bytes do not matter: the
    // held engine never opens it), and nothing kept.
    await page.goto(`${inject('baseUrl')}sample/figures/context.json`);
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const file = await root.getFileHandle('hq_dashboard.duckdb', { create: true });
      const writable = await file.createWritable();
      await writable.write(new Uint8Array([1, 2, 3]));
      await writable.close();
    });
    const release = await holdEngine();
    await page.goto(`${inject('baseUrl')}#/overview?year=2023`);
    await page.waitForSelector('.page-state');
    expect(await firstFigures()).toBe('none');
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    await page.evaluate(async () =>
      (await navigator.storage.getDirectory()).removeEntry('hq_dashboard.duckdb'),
    );
    await release();
    await settled(page);
  });

  it('shows the figures shipped with the sample on a first visit, marked 更新中, before the engine; the engine confirms them', async () => {
    // A first visit: nothing kept (the engine of the test above kept the sample's figures).
    await page.evaluate(() => localStorage.clear());
    const release = await holdEngine();
    await page.reload();
    expect(await firstFigures()).toBe('seeded');
    await page.waitForSelector('[data-kpi][data-value]');
    const shipped = await kpis();
    expect(shipped.length).toBeGreaterThan(0);
    expect(await page.locator('[data-panel-status="updating"]').count()).toBeGreaterThan(0);
    await release();
    await settled(page);
    expect(await page.locator('.panel-updating').count()).toBe(0);
    expect(await kpis()).toEqual(shipped);
  });

  it('shows the last figures of the same data marked 更新中 on a revisit, then the engine confirms them', async () => {
    const confirmed = await kpis();
    expect(confirmed.length).toBeGreaterThan(0);
    const release = await holdEngine();
    await page.reload();
    // The desktop's render of the kept figures (the entry may have painted the cards before it).
    await page.waitForSelector('main[data-year] [data-panel-status="updating"]');
    // No engine yet: the cards and panels are the kept ones, each marked.
    expect(await kpis()).toEqual(confirmed);
    expect(await page.locator('.panel-updating').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-panel-status="updating"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart]').count()).toBeGreaterThan(0);
    await release();
    await settled(page);
    expect(await page.locator('.panel-updating').count()).toBe(0);
    expect(await kpis()).toEqual(confirmed);
  });

  it('keeps figures per params: another year is computed, not taken from the kept year', async () => {
    await page.selectOption('select[name="year"]', '2022');
    await settled(page);
    const year2022 = await kpis();
    expect(year2022).not.toEqual([]);
    const release = await holdEngine();
    await page.reload();
    await page.waitForSelector('main[data-year] [data-kpi][data-value]');
    expect(await kpis()).toEqual(year2022);
    await release();
    await settled(page);
  });

  it("paints the kept cards from the entry before the desktop's code, and the desktop renders the same cards over them", async () => {
    await page.goto(`${inject('baseUrl')}#/overview?year=2023`);
    await settled(page);
    const confirmed = await kpis();
    const places = await cardBoxes();
    const releaseEngine = await holdEngine();
    const releaseDesk = await hold(DESK_CHUNK);
    await page.reload({ waitUntil: 'commit' });
    // Neither the desktop's code nor the engine: the entry's cards, marked 更新中 as the screen's are.
    await page.waitForSelector('[data-opening-cards] [data-kpi][data-value]');
    expect(await page.locator('main[data-year]').count()).toBe(0);
    expect(await kpis()).toEqual(confirmed);
    expect(await cardBoxes()).toEqual(places);
    expect(await page.locator('h2 .panel-updating').textContent()).toBe('更新中');
    await releaseDesk();
    // The desktop's first render replaces them: the same cards in the same place, none twice.
    await page.waitForSelector('main[data-year] [data-kpi][data-value]');
    expect(await page.locator('[data-opening-cards]').count()).toBe(0);
    expect(await kpis()).toEqual(confirmed);
    expect(await cardBoxes()).toEqual(places);
    expect(await page.locator('h2 .panel-updating').count()).toBe(1);
    await releaseEngine();
    await settled(page);
    expect(await kpis()).toEqual(confirmed);
    expect(await page.locator('.panel-updating').count()).toBe(0);
  });

  it("after an import, a reload shows no card of the data before, then the new data's own", async () => {
    const before = await kpis();
    await page.goto(`${inject('baseUrl')}#/data?year=2023`);
    const files = fs.readdirSync(FIGURES_FIXTURE).map((n) => path.join(FIGURES_FIXTURE, n));
    await page.setInputFiles('input[type=file]', files);
    await deskStatus(page, 'ready');
    await page.click('button:text-is("确认导入")');
    await deskStatus(page, 'done');
    // The overview's figures of the new data were never computed: nothing of them is kept.
    await page.goto(`${inject('baseUrl')}#/overview?year=2023`);
    const releaseEngine = await holdEngine();
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('main[data-year]');
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    await releaseEngine();
    await settled(page);
    const after = await kpis();
    expect(after).not.toEqual(before);
    // Now they are: the entry paints the new data's cards.
    const releaseAgain = await holdEngine();
    const releaseDesk = await hold(DESK_CHUNK);
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('[data-opening-cards] [data-kpi][data-value]');
    expect(await kpis()).toEqual(after);
    await releaseDesk();
    await releaseAgain();
    await settled(page);
    expect(await kpis()).toEqual(after);
  });
});

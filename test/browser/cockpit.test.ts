/**
 * 驾驶舱 on the built app at 1920×1080: one screen without scrolling, dark unless light was chosen
 * there (and the other screens keep their own theme), every part filled, the rotation to the deck.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { chartInk, settled, watch, type Watch } from './page';

let browser: Browser;
let page: Page;
let watched: Watch;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

describe('the cockpit', () => {
  it('fits one 1920×1080 screen, dark by default, with lights, ranking moves and overdue projects', async () => {
    await page.goto(`${inject('baseUrl')}#/cockpit`);
    await page.waitForSelector('[data-cockpit-status="ready"]');
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const size = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
      wide: document.documentElement.scrollWidth,
    }));
    expect(size.scroll).toBeLessThanOrEqual(size.inner);
    expect(size.wide).toBeLessThanOrEqual(1920);
    // Nothing cut off inside its panel: the last row of the unit and ranking tables is in view.
    const clipped = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('.cockpit-panel')).filter((panel) => {
          const box = panel.getBoundingClientRect();
          const last = panel.querySelector('tbody tr:last-child')?.getBoundingClientRect();
          return last ? last.bottom > box.bottom + 1 : false;
        }).length,
    );
    expect(clipped).toBe(0);
    expect(await page.locator('[data-kpi="newHqAnnual"]').getAttribute('data-light')).toMatch(
      /green|amber|red|none/,
    );
    expect(await page.locator('.cockpit-units tbody tr').count()).toBe(15);
    expect(await page.locator('.cockpit-ranking .move').count()).toBe(15);
    for (const chart of await chartInk(page)) expect(chart.ink, chart.label).toBeGreaterThan(0.002);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('leaves the other screens in their own theme', async () => {
    await page.click('nav a:text-is("总览")');
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('rotates to the deck and on through its slides', async () => {
    await page.goto(`${inject('baseUrl')}#/cockpit?rotate=5`);
    await page.waitForFunction(
      () => location.hash.startsWith('#/present') && location.hash.includes('slide=2'),
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(page.url()).toContain('rotate=5');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});

/**
 * 大屏 in the built app: the top bar's button switches the page and its charts to the dark theme
 * without a reload, the choice survives a reload (applied before the first render), maps still draw,
 * a chart exported while dark is in the light report look, and a second click goes back to light.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { chartInk, settled, watch, type Watch } from './page';

const YEAR = 2024;
const KEY = 'hq-dashboard.theme';
let browser: Browser;
let page: Page;
let watched: Watch;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

const toggle = () => page.locator('header.topbar button:text-is("大屏")');
const htmlTheme = () => page.evaluate(() => document.documentElement.dataset.theme);
const stored = () => page.evaluate((key) => localStorage.getItem(key), KEY);
/** Luminance (0–1, rough) of the page's background. */
const pageLuminance = () =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
const chartThemes = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-chart]'), (c) => c.dataset.chartTheme),
  );

async function expectChartsDrawn() {
  const charts = await chartInk(page);
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) expect(chart.ink, `chart「${chart.label}」is blank`).toBeGreaterThan(0.002);
}

describe('大屏', () => {
  it('switches the page and re-themes its charts without a reload', async () => {
    await page.goto(`${inject('baseUrl')}#/overview?year=${YEAR}`);
    await settled(page);
    expect(await htmlTheme()).not.toBe('dark');
    await expect(toggle().getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await pageLuminance()).toBeGreaterThan(0.8);
    const url = page.url();

    await toggle().click();
    await page.waitForSelector('html[data-theme="dark"]');
    await expect(toggle().getAttribute('aria-pressed')).resolves.toBe('true');
    await settled(page);
    expect(page.url()).toBe(url);
    expect(await pageLuminance()).toBeLessThan(0.15);
    expect(new Set(await chartThemes())).toEqual(new Set(['dark']));
    await expectChartsDrawn();
    expect(await stored()).toBe('dark');
  });

  it('is remembered across a reload, and set before the first render', async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await htmlTheme()).toBe('dark');
    await settled(page);
    await expect(toggle().getAttribute('aria-pressed')).resolves.toBe('true');
    expect(new Set(await chartThemes())).toEqual(new Set(['dark']));
    await expectChartsDrawn();
  });

  it('shows the filters a screen does not use as disabled, in dark too', async () => {
    await page.click('nav a:text-is("亿元楼宇")');
    await settled(page);
    expect(await htmlTheme()).toBe('dark');
    const look = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => {
          const style = getComputedStyle(e);
          return { color: style.color, background: style.backgroundColor };
        });
    const enabled = await look('.filterbar select[name="unit"]');
    const disabled = await look('.filterbar select[name="hqType"]');
    expect(await page.locator('.filterbar select[name="hqType"]').isDisabled()).toBe(true);
    expect(disabled.color).not.toBe(enabled.color);
    expect(disabled.background).not.toBe(enabled.background);
  });

  it('draws the maps and every chart of the belts screen', async () => {
    await page.click('nav a:text-is("总部经济带")');
    await settled(page);
    expect(await htmlTheme()).toBe('dark');
    expect(new Set(await chartThemes())).toEqual(new Set(['dark']));
    await expectChartsDrawn();
  });

  it('exports a chart in the light report look while dark', async () => {
    await page.click('nav a:text-is("考核排名")');
    await settled(page);
    const panel = page.locator('[data-panel="得分构成"]');
    const [download] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      panel.getByRole('button', { name: '导出图片' }).click(),
    ]);
    const png = fs.readFileSync(await download.path()).toString('base64');
    // The first series (完成率) is the report's deep red #8b1a1a in light, a brighter red in dark.
    const counts = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const near = (i: number, [r, g, b]: number[]) =>
        Math.abs(pixels[i]! - r!) + Math.abs(pixels[i + 1]! - g!) + Math.abs(pixels[i + 2]! - b!) < 12;
      let light = 0;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (near(i, [0x8b, 0x1a, 0x1a])) light++;
        if (near(i, [0xe0, 0x58, 0x4d])) dark++;
      }
      return { light, dark, corner: [...pixels.subarray(0, 3)] };
    }, png);
    expect(counts.corner).toEqual([255, 255, 255]);
    expect(counts.light).toBeGreaterThan(500);
    expect(counts.dark).toBe(0);
  });

  it('goes back to light on a second click, and remembers that too', async () => {
    await toggle().click();
    await page.waitForSelector('html[data-theme="light"]');
    await expect(toggle().getAttribute('aria-pressed')).resolves.toBe('false');
    await settled(page);
    expect(await pageLuminance()).toBeGreaterThan(0.8);
    expect(new Set(await chartThemes())).toEqual(new Set(['light']));
    await expectChartsDrawn();
    expect(await stored()).toBe('light');
    await page.reload();
    await settled(page);
    expect(await htmlTheme()).toBe('light');
  });

  it('logs no error and requests nothing outside the app', () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});

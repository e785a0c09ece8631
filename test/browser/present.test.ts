/**
 * 汇报模式 on the built app: keyboard navigation with the slide number in the link, deep links to a
 * slide, Esc to leave, and printing to PDF gives one A4-landscape page per slide, none blank.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { settled, watch, type Watch } from './page';
import { pdfPageInk } from './pdf';

let browser: Browser;
let page: Page;
let watched: Watch;
const SLIDES = 8;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

const slide = async () => Number(await page.getAttribute('.deck', 'data-slide'));
const press = async (key: string, expected: number) => {
  await page.keyboard.press(key);
  await page.waitForSelector(`.deck[data-slide="${expected}"]`);
  expect(page.url()).toContain(`slide=${expected}`);
};

describe('the presentation deck', () => {
  it('moves with the keyboard and keeps the slide in the link', async () => {
    await page.goto(`${inject('baseUrl')}#/present?year=2024`);
    await settled(page);
    expect(await slide()).toBe(1);
    expect(Number(await page.getAttribute('.deck', 'data-slides'))).toBe(SLIDES);
    await press('ArrowRight', 2);
    await press('PageDown', 3);
    await press('ArrowLeft', 2);
    await press('Space', 3);
    await press('PageUp', 2);
    await press('End', SLIDES);
  });

  it('opens the slide a link names, with its unit caption and as-of stamp', async () => {
    await page.goto(`${inject('baseUrl')}#/present?year=2024&slide=5`);
    await settled(page);
    expect(await slide()).toBe(5);
    const current = page.locator('.slide-page[data-current="true"]');
    // The topic over the slide's one-sentence takeaway drawn from the figures.
    await expect(current.locator('.slide-topic').textContent()).resolves.toContain('总部经济带');
    await expect(current.locator('h2').textContent()).resolves.toMatch(/总部企业\d+家/);
    await expect(current.locator('footer').textContent()).resolves.toMatch(
      /单位：家.*数据截至 \d{4}-\d{2}-\d{2}/,
    );
    // A slide number out of range opens the nearest slide.
    await page.goto(`${inject('baseUrl')}#/present?year=2024&slide=99`);
    expect(await slide()).toBe(SLIDES);
  });

  it('leaves with Esc', async () => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.hash.startsWith('#/overview'));
  });

  it('prints one A4-landscape page per slide, none blank', async () => {
    await page.goto(`${inject('baseUrl')}#/present?year=2024&slide=2`);
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const ink = pdfPageInk(pdf);
    expect(ink).toHaveLength(SLIDES);
    // A blank page draws almost nothing; every slide has a title, a footer and a chart or figures.
    for (const [i, bytes] of ink.entries()) expect(bytes, `page ${i + 1}`).toBeGreaterThan(1000);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('exports the 简报 as a Word document in 公文 layout, with the deck’s charts as pictures', async () => {
    await page.goto(`${inject('baseUrl')}#/present?year=2024&view=brief`);
    await settled(page);
    const [file] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      page.click('button[data-export-word]'),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const files = unzipSync(fs.readFileSync(await file.path()));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('一、');
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(4);
    // The pictures are drawn charts, not empty frames.
    for (const f of Object.keys(files).filter((n) => n.startsWith('word/media/')))
      expect(files[f]!.length, f).toBeGreaterThan(10_000);
    expect(watched.consoleErrors).toEqual([]);
  });
});

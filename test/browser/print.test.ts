/**
 * Printing every screen to an A4 PDF (what Ctrl+P → 另存为 PDF gives): at least one page and no
 * blank page, the navigation and filter bar replaced by the printed filter line, charts redrawn to
 * the A4 width (not cut at the right), and tables printing every row rather than the page on screen.
 * The PDF is checked without external tools: pages are counted from its `/Type /Page` objects, and a
 * page's content stream length tells a blank page (a few bytes) from a drawn one.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { settled, watch, type Watch } from './page';
import { pdfPageSizes } from './pdf';

const YEAR = 2024;
const SCREENS = ['overview', 'buildings', 'belts', 'ranking', 'projects', 'certification', 'data'] as const;
let browser: Browser;
let page: Page;
let watched: Watch;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

/** The decoded content stream of each page, in document order (Chromium writes one per page). */
function pageContents(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const headers = new Map<string, number>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    if (!headers.has(m[1]!)) headers.set(m[1]!, m.index + m[0].length);
  }
  // An object's dictionary ends where its stream starts (streams are read by /Length: compressed
  // bytes may spell anything) or at endobj.
  const dictionary = (ref: string) => {
    const from = headers.get(ref) ?? -1;
    if (from < 0) return { body: '', stream: -1 };
    const stream = text.indexOf('stream', from);
    const end = text.indexOf('endobj', from);
    const isStream = stream >= 0 && (end < 0 || stream < end);
    return { body: text.slice(from, isStream ? stream : end), stream: isStream ? stream : -1 };
  };
  const number = (value: string) => {
    const ref = /^(\d+) 0 R/.exec(value);
    return Number(ref ? /\d+/.exec(dictionary(ref[1]!).body)?.[0] : value);
  };
  const isPage = (body: string) => /\/Type\s*\/Page(?![s\w])/.test(body);
  const pages = [...headers.keys()].filter((ref) => isPage(dictionary(ref).body));
  return pages.map((ref) => {
    const contents = /\/Contents\s+(\d+) 0 R/.exec(dictionary(ref).body)?.[1];
    const { body, stream } = contents ? dictionary(contents) : { body: '', stream: -1 };
    const length = /\/Length\s+(\d+(?: 0 R)?)/.exec(body)?.[1];
    if (stream < 0 || !length) return '';
    const begin = stream + /^stream\r?\n/.exec(text.slice(stream, stream + 8))![0].length;
    const raw = pdf.subarray(begin, begin + number(length));
    return /\/FlateDecode/.test(body) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
  });
}

async function printPdf(hash: string): Promise<Buffer> {
  await page.goto(`${inject('baseUrl')}#/${hash}`);
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

async function printScreen(hash: string): Promise<string[]> {
  return pageContents(await printPdf(hash));
}

const PORTRAIT = { width: 595, height: 842 };
const LANDSCAPE = { width: 842, height: 595 };
const sizes = async (hash: string) => pdfPageSizes(await printPdf(hash));

describe('printing a screen', () => {
  for (const screen of SCREENS) {
    it(`#/${screen} prints to A4 with no blank page`, async () => {
      const pages = await printScreen(`${screen}?year=${YEAR}`);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      pages.forEach((content, i) => {
        // Text and images draw with Tj/TJ and Do; an empty sheet has neither.
        expect(/\bT[jJ]\b|\bDo\b/.test(content), `page ${i + 1} of #/${screen} is blank`).toBe(true);
      });
      // After printing, the screen is as it was: its own layout and paginated tables.
      expect(await page.evaluate(() => document.documentElement.classList.contains('printing'))).toBe(false);
      expect(watched.consoleErrors).toEqual([]);
    });
  }

  it('lays the page out for A4 while printing: charts fit the sheet, tables show every row', async () => {
    await page.goto(`${inject('baseUrl')}#/certification?year=${YEAR}`);
    await settled(page);
    const screenRows = await page.locator('.data-table tbody tr').count();
    const inPrint = await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'));
      const body = document.body.getBoundingClientRect().width;
      const charts = Array.from(document.querySelectorAll<HTMLElement>('[data-chart]')).map((chart) => ({
        box: chart.getBoundingClientRect().width,
        canvas: Math.max(
          ...Array.from(chart.querySelectorAll('canvas')).map((c) => c.getBoundingClientRect().width),
        ),
      }));
      const rows = document.querySelectorAll('.data-table tbody tr').length;
      dispatchEvent(new Event('afterprint'));
      return { body, charts, rows, header: document.querySelector('.print-header')?.textContent ?? '' };
    });
    // 190 mm at 96 dpi: the A4 width inside print.css's margins.
    expect(inPrint.body).toBeCloseTo((190 / 25.4) * 96, 0);
    expect(inPrint.charts.length).toBeGreaterThan(0);
    for (const chart of inPrint.charts) expect(Math.abs(chart.canvas - chart.box)).toBeLessThanOrEqual(1);
    expect(inPrint.rows).toBeGreaterThan(screenRows);
    expect(inPrint.header).toContain(`年度：${YEAR}年`);
    expect(inPrint.header).toContain('数据截至');
    expect(await page.locator('.data-table tbody tr').count()).toBe(screenRows);
  });

  it('gives each route its own page setup, whatever was printed before', async () => {
    const overview = await sizes(`overview?year=${YEAR}`);
    expect(overview.length).toBeGreaterThan(0);
    for (const size of overview) expect(size).toEqual(PORTRAIT);
    // The deck: one A4-landscape sheet per slide.
    const deck = await sizes(`present?year=${YEAR}`);
    expect(deck.length).toBe(8);
    for (const size of deck) expect(size).toEqual(LANDSCAPE);
    // The 简报 after the deck: portrait, and on one or two sheets, not cut into landscape strips.
    const brief = await sizes(`present?year=${YEAR}&view=brief`);
    expect(brief.length).toBeGreaterThan(0);
    for (const size of brief) expect(size).toEqual(PORTRAIT);
    // The overview after both: as it printed first.
    expect(await sizes(`overview?year=${YEAR}`)).toEqual(overview);
  });
});

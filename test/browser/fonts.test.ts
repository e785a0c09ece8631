/**
 * On a machine without a Chinese font (a bare Linux, a 信创 desktop, a CI box) the page and its
 * charts draw with the bundled Noto Sans SC, fetched from our own origin chunk by chunk. Chromium is
 * started with a fontconfig that sees only the Latin fonts of this machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { settled, watch, type Watch } from './page';

let browser: Browser;
let page: Page;
let watched: Watch;
let dir: string;

/** The Latin font folders only (no CJK), as on a bare machine. */
function latinOnlyFontconfig(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-fonts-'));
  const dirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation']
    .filter((d) => fs.existsSync(d))
    .map((d) => `<dir>${d}</dir>`)
    .join('');
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?><fontconfig>${dirs}<cachedir>${dir}/cache</cachedir></fontconfig>`,
  );
  return file;
}

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: latinOnlyFontconfig() },
    timeout: 180_000,
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(180_000);
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('without a system Chinese font', () => {
  it('draws the page and the charts with the bundled font, fetched from our origin', async () => {
    await page.goto(`${inject('baseUrl')}#/overview?year=2024`);
    await settled(page);
    const loaded = await page.evaluate(() => {
      let count = 0;
      document.fonts.forEach((f) => {
        if (f.family.replace(/['"]/g, '') === 'Noto Sans SC' && f.status === 'loaded') count++;
      });
      return count;
    });
    // A handful of chunks, not the whole font: only the glyphs shown.
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(60);
    // The charts' own text (a unit name drawn only on the canvas) is covered too.
    expect(
      await page.evaluate(() => document.fonts.check("16px 'Noto Sans SC'", '鹿城区龙湾区瓯海区家累计目标')),
    ).toBe(true);
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('prints the brief with the bundled font embedded, so the PDF shows Chinese, not boxes', async () => {
    await page.goto(`${inject('baseUrl')}#/present?year=2024&view=brief`);
    await page.getByText('一、新引进总部企业').waitFor();
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    // A subset of Noto Sans SC (Chromium names it XXXXXX+NotoSansSC…) carries the Chinese glyphs:
    // no other font on this machine has them.
    const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/([\w+-]+)/g)].map((m) => m[1]);
    expect(fonts.some((f) => /^[A-Z]{6}\+NotoSansSC/.test(f ?? ''))).toBe(true);
    expect(watched.consoleErrors).toEqual([]);
  });
});

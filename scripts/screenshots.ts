/**
 * The screenshot sweep: every route (each deck slide, the brief, the cockpit, a county card) at
 * 1366×768 and 1920×1080, light and dark, from a running build, for looking at what we ship.
 *
 *   npm run screenshots -- [baseUrl] [outDir] [route …]
 *
 * baseUrl defaults to a `vite preview` of dist/ that this script starts (port HQ_SHOT_PORT, 5461);
 * outDir to scratch/shots (gitignored). A route argument keeps only shots whose name starts with it
 * (`present`, `county`, `cockpit-dark` …). HQ_SHOT_THEMES=light limits the themes, HQ_SHOT_PDF=1
 * also prints the brief and the deck to PDF (page.pdf, as Chromium's print does).
 *
 * HQ_SHOT_NO_CJK=1 sweeps as a machine without system CJK fonts sees the app: Chromium gets a
 * fontconfig (FONTCONFIG_FILE) that lists only DejaVu, so only the bundled Noto Sans SC webfont can
 * supply Chinese glyphs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { SCREENS } from '../src/app/route';
import { COCKPIT_THEME_KEY, THEME_KEY } from '../src/app/theme';
import { launchChromium } from '../test/browser/chromium';
import { untilServing } from '../test/browser/serve';

const [baseArg, out = 'scratch/shots', ...only] = process.argv.slice(2);
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const THEMES = (process.env.HQ_SHOT_THEMES ?? 'light,dark').split(',') as ('light' | 'dark')[];
const SLIDE_COUNT = 8;

/** Every route a user reaches: the screens, a county card, each slide and the brief. */
function shots(): { name: string; hash: string }[] {
  const list: { name: string; hash: string }[] = [];
  for (const screen of SCREENS) {
    if (screen.path === 'county') list.push({ name: 'county-330302', hash: 'county?unit=330302' });
    else if (screen.path === 'present') {
      for (let s = 1; s <= SLIDE_COUNT; s++) list.push({ name: `present-${s}`, hash: `present?slide=${s}` });
      list.push({ name: 'present-brief', hash: 'present?view=brief' });
    } else list.push({ name: screen.path, hash: screen.path });
  }
  return list;
}

async function settle(page: Page, label: string) {
  await page
    .waitForFunction(
      () =>
        !!document.querySelector('main') &&
        !document.querySelector('[data-panel-status="loading"], [data-chart-status="drawing"]') &&
        !Array.from(document.querySelectorAll('.state')).some((e) => e.textContent?.startsWith('正在')),
      undefined,
      { timeout: 90_000 },
    )
    .catch(() => console.log(`  ${label}: still loading after 90 s`));
  // Fonts (the bundled Noto Sans SC chunks) and the charts' last frame.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(500);
}

async function startPreview(port: number): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  await untilServing(`http://127.0.0.1:${port}/`);
  return server;
}

const port = Number(process.env.HQ_SHOT_PORT ?? 5461);
const server = baseArg ? undefined : await startPreview(port);
const base = baseArg || `http://127.0.0.1:${port}/`;
fs.mkdirSync(out, { recursive: true });
if (process.env.HQ_SHOT_NO_CJK) process.env.FONTCONFIG_FILE = latinOnlyFontconfig(out);
const browser = await launchChromium();
try {
  for (const theme of THEMES) {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size });
      await context.addInitScript(
        ([key, cockpitKey, t]) => {
          localStorage.setItem(key!, t!);
          localStorage.setItem(cockpitKey!, t!);
        },
        [THEME_KEY, COCKPIT_THEME_KEY, theme],
      );
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()}`));
      page.on('pageerror', (e) => console.log(`  pageerror: ${String(e)}`));
      for (const shot of shots()) {
        const name = `${shot.name}-${theme}-${size.width}`;
        if (only.length && !only.some((o) => name.startsWith(o))) continue;
        await page.goto(`${base}#/${shot.hash}`);
        await page.waitForSelector('main', { timeout: 90_000 });
        await settle(page, name);
        const file = path.join(out, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      if (process.env.HQ_SHOT_PDF && theme === THEMES[0] && size === SIZES[0]) await printPdfs(page);
      await context.close();
    }
  }
} finally {
  await browser.close();
  if (server?.pid) process.kill(-server.pid);
}

/** The brief and the deck printed as Chromium prints them (the route's own @page rules). */
async function printPdfs(page: Page) {
  for (const [name, hash] of [
    ['brief', 'present?view=brief'],
    ['deck', 'present?slide=1'],
    ['overview', 'overview'],
  ] as const) {
    await page.goto(`${base}#/${hash}`);
    await settle(page, name);
    await page.emulateMedia({ media: 'print' });
    const file = path.join(out, `${name}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    console.log(file);
  }
}

/** A fonts.conf with only the Latin DejaVu fonts (no system CJK font), for HQ_SHOT_NO_CJK. */
function latinOnlyFontconfig(dir: string): string {
  const cache = path.resolve(dir, 'fontconfig-cache');
  const file = path.resolve(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${cache}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

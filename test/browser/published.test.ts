/**
 * dist/ with a published dataset beside it (dataset/), as nginx serves it: a fresh profile opens on
 * the dataset, read-only, with the figures `npm run report --rules` gives on the same exports and
 * 口径; the import desk is not there for a viewer; a local weight change is marked 本机修改（未发布）
 * and the assessment sheet carries the 口径's hash; a hostile 口径 file changes nothing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Download, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { caliberFileText, DEFAULT_CALIBER_SETTINGS, makeCaliber } from '../../src/domain/caliber';
import type { Report } from '../../src/domain/report';
import { NGINX, startNginx } from '../../scripts/lib/nginx';
import { launchChromium } from './chromium';
import { settled, watch, type Watch } from './page';
import { PORT, untilServing } from './serve';
import { tsx } from '../tsx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXPORTS = 'test/fixtures/exports-2023';
const CALIBER = makeCaliber('测试口径：投资优先', {
  ...DEFAULT_CALIBER_SETTINGS,
  weights: [10, 10, 30, 40, 10],
  method: 'efficacy',
});
const run = promisify(execFile);

let dir: string;
let site: string;
let server: ChildProcess | undefined;
let base: string;
let expected: Report;
let browser: Browser;
let page: Page;
let watched: Watch;
/** Every URL the desktop page asked for. */
const deskRequests: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-published-'));
  site = path.join(dir, 'site');
  // The build the global setup made, copied, with a dataset published beside it.
  fs.cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  const rules = path.join(dir, 'rules.json');
  fs.writeFileSync(rules, caliberFileText(CALIBER));
  const runScript = (script: string, ...args: string[]) =>
    run(...tsx(script, ...args), { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [, report] = await Promise.all([
    runScript(
      'scripts/publish.ts',
      EXPORTS,
      '--out',
      path.join(site, 'dataset'),
      '--rules',
      rules,
      '--name',
      '浏览器测试数据集',
      // The 掌上驾驶舱's files of 2023 only (each year costs a 简报 per unit).
      '--phone-years',
      '1',
    ),
    runScript('scripts/report.ts', EXPORTS, '--year', '2023', '--rules', rules, '--json'),
  ]);
  expected = JSON.parse(report.stdout) as Report;
  // Next to the suite's own server, serving this copy with the same headers.
  const port = PORT + 1;
  server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', site, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  base = `http://127.0.0.1:${port}/`;
  await untilServing(base);
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  watched = watch(page, base);
  page.on('request', (r) => deskRequests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function download(click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return fs.readFileSync(await file.path());
}

const sheetRows = (bytes: Buffer) => {
  const book = XLSX.read(bytes, { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['考核表']!, { header: 1, raw: true, defval: null });
};

const bar = () => page.locator('.caliber-bar');

describe('a published dataset on a fresh profile', () => {
  it('opens on the dataset, names it, and shows the report figures under its 口径', async () => {
    await page.goto(`${base}#/overview?year=2023`);
    await settled(page);
    await expect.poll(() => bar().getAttribute('data-caliber-hash')).toBe(CALIBER.hash);
    expect(await bar().getAttribute('data-caliber-modified')).toBe('false');
    expect(await page.locator('[data-dataset-name]').first().getAttribute('data-dataset-name')).toBe(
      '浏览器测试数据集',
    );
    expect(await bar().textContent()).toContain('数据截至 2023-12-31');
    const kpi = async (name: string) => Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value'));
    expect(await kpi('newHqAnnual')).toBe(expected.newHq.city.actual);
    expect(await kpi('billionBuildings')).toBe(expected.billionBuildings.length);
    expect(await kpi('hqTax')).toBeCloseTo(expected.hqTax.tax, 2);
  });

  it('ranks the units as the report does under the same 口径, and the sheet prints its hash', async () => {
    await page.goto(`${base}#/ranking?year=2023`);
    await settled(page);
    const rows = sheetRows(await download(() => page.getByRole('button', { name: '导出考核表' }).click()));
    expect(rows[3]![0]).toBe(`口径：${CALIBER.name}（${CALIBER.hash}）`);
    const units = rows.slice(6).filter((r) => r[1] !== null);
    expect(units.map((r) => r[1])).toEqual(expected.ranking.map((r) => r.code));
    units.forEach((r, i) => expect(r.at(-1) as number).toBeCloseTo(expected.ranking[i]!.score, 3));
  });

  it('marks a local weight change 本机修改（未发布）, lists it, prints the new hash, and goes back', async () => {
    await page.locator('input[name="weight-0"]').fill('50');
    await expect.poll(() => bar().getAttribute('data-caliber-modified')).toBe('true');
    expect(await bar().textContent()).toContain('本机修改（未发布）');
    expect(await page.locator('[data-change-item="考核权重·完成率"]').textContent()).toContain('10 → 50');
    const hash = (await bar().getAttribute('data-caliber-hash'))!;
    expect(hash).not.toBe(CALIBER.hash);
    const rows = sheetRows(await download(() => page.getByRole('button', { name: '导出考核表' }).click()));
    expect(rows[3]![0]).toBe(`口径：${CALIBER.name}（本机修改）（${hash}），本机修改（未发布）`);
    await page.getByRole('button', { name: '恢复发布口径' }).click();
    await expect.poll(() => bar().getAttribute('data-caliber-modified')).toBe('false');
    expect(await page.locator('input[name="weight-0"]').inputValue()).toBe('10');
  });

  it('refuses a hostile 口径 file with a message and changes nothing', async () => {
    const hostile = caliberFileText(CALIBER).replace('"weights": [\n      10', '"weights": [\n      1e308');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '导入口径' }).click(),
    ]);
    await chooser.setFiles({
      name: 'rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    await expect
      .poll(() => page.locator('[data-caliber-error]').textContent())
      .toMatch(/口径文件无效：.*1e\+308/);
    expect(await bar().getAttribute('data-caliber-hash')).toBe(CALIBER.hash);
    expect(await bar().getAttribute('data-caliber-modified')).toBe('false');
  });

  it('has no import desk for a viewer, and the office reaches it only by confirming', async () => {
    await page.goto(`${base}#/data`);
    await settled(page);
    expect(await page.locator('[data-readonly]').count()).toBe(1);
    expect(await page.locator('.import-desk').count()).toBe(0);
    expect(await page.getByRole('button', { name: '恢复样例数据' }).count()).toBe(0);
    await page.goto(`${base}#/data?office=1`);
    await settled(page);
    expect(await page.locator('[data-office-entry]').count()).toBe(1);
    expect(await page.locator('.import-desk').count()).toBe(0);
  });

  it('shows a first visit the dataset’s shipped figures before the engine, and the engine the same', async () => {
    // A fresh profile with the engine's wasm held: the overview's cards and the ranking (scored under
    // the dataset's 口径, which no default may stand in for) come from dataset/figures/desk.json.
    const first = await (await browser.newContext()).newPage();
    const held: Route[] = [];
    let released = false;
    await first.route('**/*.wasm', (route) => (released ? route.continue() : held.push(route)));
    const release = async () => {
      released = true;
      for (const route of held) await route.continue();
    };
    const seen = async (hash: string, read: () => Promise<unknown>) => {
      await first.goto(`${base}${hash}`);
      const mark = await first.waitForFunction(() => performance.getEntriesByName('hq:first-figures')[0]);
      expect(await first.evaluate((m) => (m as PerformanceMark).detail, mark)).toBe('seeded');
      return read();
    };
    const cards = async () => {
      await first.waitForSelector('[data-kpi][data-value]');
      return first.evaluate(() =>
        Array.from(document.querySelectorAll('[data-kpi]')).map((k) => [
          k.getAttribute('data-kpi'),
          k.getAttribute('data-value'),
        ]),
      );
    };
    const ranks = async () => {
      await first.waitForSelector('main table tbody tr');
      return first.evaluate(() =>
        Array.from(document.querySelectorAll('main table tbody tr')).map((tr) => tr.textContent),
      );
    };
    const shippedCards = await seen('#/overview?year=2023', cards);
    const shippedRanks = await seen('#/ranking', ranks);
    expect(shippedRanks).toHaveLength(15);
    await release();
    await settled(first);
    expect(await ranks()).toEqual(shippedRanks);
    await first.goto(`${base}#/overview?year=2023`);
    await settled(first);
    expect(await cards()).toEqual(shippedCards);
    await first.context().close();
  });

  it('loads nothing from outside its origin and logs no error', () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('never fetches the phone’s own files (its figures index, code and style) on a wide screen', () => {
    // The page preloads these for a narrow screen only; the shared chunks (number formats) the
    // desktop loads for itself.
    const phoneOnly = phonePreloads().filter((u) => /\/figures\/m\/|\/boot-[^/]+\.(js|css)$/.test(u));
    expect(phoneOnly.filter((u) => u.endsWith('figures/m/index.json'))).toHaveLength(1);
    expect(phoneOnly.filter((u) => u.endsWith('.js'))).toHaveLength(1);
    expect(deskRequests.length).toBeGreaterThan(0);
    expect(deskRequests.filter((u) => phoneOnly.includes(u) || u.includes('/figures/m/'))).toEqual([]);
  });
});

/** The URLs the built page preloads for one kind of screen only (scripts/lib/branchPreload.ts). */
function preloadsFor(media: string): string[] {
  const html = fs.readFileSync(path.join(ROOT, 'dist/index.html'), 'utf8');
  return [...html.matchAll(/<link [^>]*href="([^"]+)"[^>]*media="([^"]+)"/g)]
    .filter((m) => m[2] === media)
    .map((m) => new URL(m[1]!, base).href);
}
const phonePreloads = () => preloadsFor('(max-width: 599px)');
/** The desktop's opening code, less what the phone shares with it. */
const deskOnlyPreloads = () => preloadsFor('(min-width: 600px)').filter((u) => !phonePreloads().includes(u));

/** The phone's view of the page: what its cards show, as the test compares them. */
async function phoneFigures(phone: Page) {
  return phone.evaluate(() => {
    const card = (name: string) => document.querySelector(`[data-phone-figure="${name}"]`)!;
    const progress = card('progress').querySelector<HTMLElement>('[data-actual]')!.dataset;
    const text = (e: Element | null | undefined) => e?.textContent?.trim() ?? '';
    return {
      progress: { actual: progress.actual, target: progress.target, light: progress.light },
      units: Array.from(card('units').querySelectorAll<HTMLElement>('li[data-unit]'))
        .map((li) => ({
          name: text(li.querySelector('.m-name')),
          count: text(li.querySelector('.m-num')),
          light: li.dataset.light,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      ranking: Array.from(card('ranking').querySelectorAll('li')).map((li) => ({
        rank: text(li.querySelector('.m-rank')),
        name: text(li.querySelector('.m-name')),
        move: text(li.querySelector('.m-move')),
      })),
      buildings: Number(card('buildings').getAttribute('data-count')),
      overdue: Number(card('overdue').getAttribute('data-count')),
    };
  });
}

/** The desktop 驾驶舱's figures, read the same way. */
async function cockpitFigures() {
  return page.evaluate(() => {
    const text = (e: Element | null | undefined) => e?.textContent?.trim() ?? '';
    const tile = (name: string) => document.querySelector<HTMLElement>(`[data-kpi="${name}"]`)!;
    const [actual, target] = text(tile('newHqAnnual').querySelector('.cockpit-tile-value'))
      .replace(/家$/, '')
      .split(' / ');
    const rows = (panel: string) =>
      Array.from(document.querySelectorAll(`.${panel} tbody tr`)).map((tr) =>
        Array.from(tr.querySelectorAll('td')),
      );
    return {
      progress: { actual, target: target === '—' ? '' : target, light: tile('newHqAnnual').dataset.light },
      units: rows('cockpit-units')
        .map(([name, count, , light]) => ({
          name: text(name),
          count: text(count),
          light: light?.querySelector<HTMLElement>('[data-light]')?.dataset.light,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      ranking: rows('cockpit-ranking').map(([rank, name, , move]) => ({
        rank: text(rank),
        name: text(name),
        move: text(move),
      })),
      buildings: Number(
        text(tile('billionBuildings').querySelector('.cockpit-tile-value')).replace(/幢$/, ''),
      ),
      overdue: Number(text(tile('overdue').querySelector('.cockpit-tile-value')).replace(/个$/, '')),
    };
  });
}

describe('the 掌上驾驶舱 (#/m) on a phone, on the same dataset', () => {
  let phone: Page;
  let phoneWatch: Watch;
  const requests: string[] = [];
  const ready = (p: Page) => p.waitForSelector('[data-phone-figure="briefing"]');

  beforeAll(async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
    });
    phone = await context.newPage();
    phone.on('request', (r) => requests.push(r.url()));
    phoneWatch = watch(phone, base);
  });

  it('opens from the bare address with the desktop cockpit’s figures, its as-of date and 口径', async () => {
    await phone.goto(base);
    await ready(phone);
    expect(new URL(phone.url()).hash).toBe('#/m');
    // Each file the page preloads for a phone is fetched once: the page's own fetch took the preload.
    for (const url of phonePreloads())
      expect(
        requests.filter((u) => u === url),
        url,
      ).toHaveLength(1);
    // …and none of the desktop's opening code (its theme, screen chunks, kept cards).
    expect(deskOnlyPreloads().some((u) => u.includes('/deskOpening-'))).toBe(true);
    expect(requests.filter((u) => deskOnlyPreloads().includes(u))).toEqual([]);
    expect(await phone.locator('[data-phone-year]').getAttribute('data-phone-year')).toBe('2023');
    const meta = await phone.locator('[data-phone-meta]').textContent();
    expect(meta).toContain('浏览器测试数据集');
    expect(meta).toContain('数据截至 2023-12-31');
    expect(meta).toContain(CALIBER.name);
    for (const asOf of await phone.locator('.m-asof').allTextContents())
      expect(asOf).toBe(`数据截至 2023-12-31 · 口径「${CALIBER.name}」`);
    await page.goto(`${base}#/cockpit?year=2023`);
    await page.waitForSelector('[data-cockpit-status="ready"]');
    const desk = await cockpitFigures();
    expect(desk.units).toHaveLength(15);
    expect(await phoneFigures(phone)).toEqual(desk);
  });

  it('lists 8 overdue projects and the rest on 显示全部', async () => {
    const overdue = phone.locator('[data-phone-figure="overdue"]');
    const count = Number(await overdue.getAttribute('data-count'));
    expect(count).toBeGreaterThan(8);
    expect(await overdue.locator('li[data-project]').count()).toBe(8);
    await overdue.getByRole('button', { name: `显示全部 ${count} 个` }).tap();
    expect(await overdue.locator('li[data-project]').count()).toBe(count);
    expect(await overdue.getByRole('button').count()).toBe(0);
  });

  it('fits 360 px without scrolling sideways, with 16 px text and 44 px tap targets', async () => {
    await phone.setViewportSize({ width: 360, height: 780 });
    const fit = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      smallestText: Math.min(
        ...Array.from(document.querySelectorAll('.m-app *'))
          .filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()))
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ),
      smallestTap: Math.min(
        ...Array.from(document.querySelectorAll('.m-app button, .m-app select, .m-app a')).map(
          (e) => e.getBoundingClientRect().height,
        ),
      ),
    }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.width);
    expect(fit.smallestText).toBeGreaterThanOrEqual(16);
    expect(fit.smallestTap).toBeGreaterThanOrEqual(44);
  });

  it('chooses a unit by tap, and the link it makes reproduces the view', async () => {
    await phone.locator('[data-phone-figure="units"] li[data-unit="330302"] button').tap();
    await phone.waitForSelector('[data-phone-unit="330302"] [data-phone-figure="briefing"]');
    expect(new URL(phone.url()).hash).toBe('#/m?year=2023&unit=330302');
    const chosen = await phoneFigures(phone);
    const row = (await cockpitFigures()).units.find((u) => u.name === '鹿城区')!;
    expect(chosen.progress.light).toBe(row.light);
    expect(`${chosen.progress.actual} / ${chosen.progress.target || '—'}`).toBe(row.count);
    const again = await phone.context().newPage();
    await again.goto(`${base}#/m?year=2023&unit=330302`);
    await ready(again);
    expect(await phoneFigures(again)).toEqual(chosen);
    expect(await again.locator('[data-phone-figure="progress"] h2').textContent()).toBe(
      await phone.locator('[data-phone-figure="progress"] h2').textContent(),
    );
    await again.close();
  });

  it('never asks for the engine or React: no wasm, no worker, nothing from outside, no error', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => /\.wasm|worker|duckdb/i.test(u))).toEqual([]);
    // The phone page is plain DOM (docs/PHONE.md): none of its scripts carries React.
    const scripts = [...new Set(requests.filter((u) => u.endsWith('.js')))];
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts)
      expect(await (await fetch(url)).text(), url).not.toMatch(
        /react\.(transitional\.)?element|__REACT_DEVTOOLS_GLOBAL_HOOK__/,
      );
    expect(phoneWatch.foreignRequests).toEqual([]);
    expect(phoneWatch.consoleErrors).toEqual([]);
  });

  it('opens offline after a visit, with the figures it last saw and their as-of date', async () => {
    const link = `${base}#/m?year=2023&unit=330302`;
    await phone.goto(link);
    await ready(phone);
    // Until the service worker controls the page and holds the page, its scripts and this file.
    await phone.waitForFunction(async () => {
      const cache = await caches.open('hq-phone-v1');
      const entry = document.querySelector<HTMLScriptElement>('script[type="module"]')!.src;
      const held = await Promise.all(
        [
          new URL('./', location.href).href,
          entry,
          new URL('dataset/figures/m/2023/330302.json', location.href).href,
        ].map((u) => cache.match(u)),
      );
      return !!navigator.serviceWorker.controller && held.every(Boolean);
    });
    const online = await phoneFigures(phone);
    await phone.context().setOffline(true);
    try {
      await phone.reload();
      await ready(phone);
      expect(await phone.locator('[data-phone-offline]').textContent()).toContain('数据截至 2023-12-31');
      expect(await phoneFigures(phone)).toEqual(online);
      // Offline indeed, for the page and its worker: a file never seen is not there.
      const unseen = await phone.evaluate(() =>
        fetch('dataset/figures/m/2023/330303.json').then(
          () => 'fetched',
          () => 'failed',
        ),
      );
      expect(unseen).toBe('failed'); // (the console says so: this test runs last)
    } finally {
      await phone.context().setOffline(false);
    }
  });
});

describe('the phone’s first screen in the page, as the deployment’s nginx serves it (deploy/nginx.conf)', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

  beforeAll(async () => {
    expect(fs.existsSync(NGINX), `${NGINX}: apt-get install -y nginx (.ci/run does)`).toBe(true);
    nginx = await startNginx(site, PORT + 2);
  });
  afterAll(() => nginx?.stop());

  /** A page whose own scripts never arrive: only the page itself and public/phone-first.js. */
  async function withoutScripts(hash: string, options: object = PHONE) {
    const p = await (await browser.newContext(options)).newPage();
    await p.route('**/assets/*.js', (route) => route.abort());
    await p.goto(`${nginx.url}${hash}`);
    return p;
  }
  const firstShown = (p: Page) =>
    p.evaluate(() => {
      const first = document.getElementById('m-first');
      return first ? getComputedStyle(first).display !== 'none' : 'absent';
    });

  it('shows this year’s figures from the page alone, as the page then draws them itself', async () => {
    const bare = await withoutScripts('');
    expect(await firstShown(bare)).toBe(true);
    const drawnAtPublish = await bare.locator('#m-first .m-app').evaluate((e) => e.outerHTML);
    const figures = await phoneFigures(bare);
    expect(await bare.locator('[data-phone-meta]').textContent()).toContain('浏览器测试数据集');
    await bare.context().close();

    const live = await (await browser.newContext(PHONE)).newPage();
    await live.goto(nginx.url);
    await live.waitForFunction(
      () => !document.getElementById('m-first') && document.querySelector('.m-cards'),
    );
    // The page's own drawing took the first screen's place, element for element.
    expect(await live.locator('#root .m-app').evaluate((e) => e.outerHTML)).toBe(drawnAtPublish);
    expect(await phoneFigures(live)).toEqual(figures);
    await live.context().close();
  });

  it('never shows it for a deep link, a desktop route or a wide screen', async () => {
    for (const hash of ['#/m?year=2023&unit=330302', '#/m?year=2023', '#/overview']) {
      const p = await withoutScripts(hash);
      expect(await firstShown(p), hash).toBe(false);
      await p.context().close();
    }
    const wide = await withoutScripts('', { viewport: { width: 1280, height: 800 } });
    expect(await firstShown(wide)).toBe(false);
    await wide.context().close();
    // The desktop, once its scripts run, has neither the first screen nor the phone's style.
    const desk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await desk.goto(nginx.url);
    await desk.waitForSelector('[data-kpi][data-value]');
    expect(await firstShown(desk)).toBe('absent');
    expect(await desk.locator('style[data-phone]').count()).toBe(0);
    await desk.context().close();
  });
});

/**
 * `npm run bench:scale -- --rows N [--json] [--port P] [--no-build] [--pause MS]`: the dashboard at city scale
 * (issue 12), on the production build in headless Chromium with a fresh profile.
 *
 * Data (scripts/sample/scale.ts, made once into bench-data/scale-N): the sample less its tax file,
 * plus the enterprises and certifications of N monthly tax rows, imported through the desk as one
 * dataset; then the N-row GBK tax file through the desk, timed. Reported:
 *   rows              N
 *   importMs          the tax file handed to the desk → data-import-status done (checked, committed, saved)
 *   readCsvMs         DuckDB-Wasm's own read_csv of the same rows (as UTF-8) in the same browser: the floor
 *   importRatio       importMs ÷ readCsvMs
 *   filterMedianMs,   20 unit or year changes spread over 总览, 亿元楼宇, 总部经济带 and 考核排名, each
 *   filterP95Ms       from the change to: the screens render the new view (main's data-year/data-unit),
 *                     no panel loading, and every chart drawn (data-chart-status "drawn": a chart
 *                     remounted on new figures has none until echarts finished its frame) — so the
 *                     charts show the new figures, not the old ones with nothing busy
 *   reopenMs          the browser restarted on the profile (data kept), cold page → every KPI card of
 *                     总览 filled
 *   revisitFirstKpiMs the same page opened again → the first KPI value on screen
 *   peakRssMiB        the largest resident size any renderer process of the browser reached (the
 *                     DuckDB worker lives in the page's renderer), sampled every 100 ms throughout
 * --pause MS: a leader's pause of MS ms on each view before the next change (default 0: the next
 * change as soon as the view is shown, the worst case; a pause lets figures computed ahead in the
 * background, src/app/prefetch.ts, answer the next change).
 * Page times are the page's own clock (performance.now from the navigation or from just before the
 * change). Port: --port, else HQ_TEST_PORT, else 5311; the floor page uses the next port.
 * --no-floor skips read_csv (readCsvMs and importRatio null): at 10M the harness's whole-file read_csv
 * (907 MB registered as one buffer) never answered on this machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile } from '../test/browser/chromium';
import { buildHarness, serveDir } from '../test/browser/persist-page/serve';
import { startPreview } from './lib/preview';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = Number(option('--rows') ?? 1_000_000);
const JSON_OUT = args.includes('--json');
const FLOOR = !args.includes('--no-floor');
const PORT = Number(option('--port') ?? process.env.HQ_TEST_PORT ?? 5311);
const PAUSE_MS = Number(option('--pause') ?? 0);
if (!Number.isInteger(ROWS) || ROWS <= 0) throw new Error('usage: bench:scale -- --rows N [--json]');
/** With --json, stdout carries only the object: progress goes to stderr. */
const say = (text: string) => process.stderr.write(`${text}\n`);
const WAIT = { timeout: Number(process.env.BENCH_WAIT_MS ?? 1_800_000) };

/** Refuses a port something else listens on: vite preview would fail and the bench drive that instead. */
async function ensureFree(port: number): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', () =>
      reject(new Error(`端口 ${port} 已被占用：请用 --port 另选（bench 用 P 与 P+1）`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
await ensureFree(PORT);
await ensureFree(PORT + 1);

// ---- data -------------------------------------------------------------------------------------
const dataDir = path.resolve('bench-data', `scale-${ROWS}`);
const taxFile = path.join(dataDir, `税收明细_${ROWS}行.csv`);
const baseDir = path.join(dataDir, 'base');
if (!fs.existsSync(taxFile) || !fs.existsSync(baseDir)) {
  say(`生成 ${ROWS} 行数据…`);
  const made = spawnSync('npx', ['tsx', 'scripts/gen-sample.ts', '--scale', String(ROWS), '--out', dataDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (made.status !== 0) throw new Error('gen-sample --scale failed');
}
const baseFiles = fs.readdirSync(baseDir).map((f) => path.join(baseDir, f));

if (!args.includes('--no-build')) {
  say('构建生产版本…');
  const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}
const harnessDir = path.join(os.tmpdir(), `hq-scale-harness-${PORT}`);
await buildHarness(harnessDir);
// The floor reads the same rows as UTF-8: DuckDB-Wasm cannot decode GBK offline (DESIGN.md).
// Streamed: 10M rows are more text than one string may hold.
if (FLOOR)
  await pipeline(
    fs.createReadStream(taxFile),
    iconv.decodeStream('gb18030'),
    iconv.encodeStream('utf8'),
    fs.createWriteStream(path.join(harnessDir, 'floor.csv')),
  );

// ---- memory -----------------------------------------------------------------------------------
/** Peak RSS (KiB) of any renderer process of the browser whose profile is `profile`. */
function rssSampler(profile: string) {
  let peak = 0;
  const sample = () => {
    let table: string;
    try {
      table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch {
      return;
    }
    const procs = table
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [pid, ppid, rss, ...rest] = line.trim().split(/\s+/);
        return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: rest.join(' ') };
      });
    const roots = procs.filter(
      (p) => p.args.includes(`--user-data-dir=${profile}`) && !p.args.includes('--type='),
    );
    const ours = new Set(roots.map((p) => p.pid));
    for (let grew = true; grew;) {
      grew = false;
      for (const p of procs)
        if (!ours.has(p.pid) && ours.has(p.ppid)) {
          ours.add(p.pid);
          grew = true;
        }
    }
    for (const p of procs)
      if (ours.has(p.pid) && p.args.includes('--type=renderer')) peak = Math.max(peak, p.rss);
  };
  const timer = setInterval(sample, 100);
  return {
    sample,
    stop: () => clearInterval(timer),
    peakMiB: () => Math.round(peak / 1024),
  };
}

// ---- the page ---------------------------------------------------------------------------------
/** The desk's status is `s`, or it failed (refused file, read past its time limit …). */
const isStatus = (s: string) =>
  ['failed', s].includes(document.querySelector('.import-desk')?.getAttribute('data-import-status') ?? '');

async function deskFailure(page: Page): Promise<void> {
  if ((await page.getAttribute('.import-desk', 'data-import-status')) === 'failed')
    throw new Error(`导入失败：${await page.locator('.import-desk').innerText()}`);
}

async function importThroughDesk(page: Page, files: string[]): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('input[type=file]', files);
  await page.waitForFunction(isStatus, 'ready', { ...WAIT, polling: 50 });
  await deskFailure(page);
  if (await page.isDisabled('button:text-is("确认导入")'))
    throw new Error(`导入被拒绝：${(await page.locator('.refused').allInnerTexts()).join('；')}`);
  await page.click('button:text-is("确认导入")');
  await page.waitForFunction(isStatus, 'done', { ...WAIT, polling: 50 });
  await deskFailure(page);
  return (await page.evaluate(() => performance.now())) - t0;
}

/**
 * When the screens render `view`, nothing is loading and every chart has drawn its figures: the
 * page's time then (performance.now), else false. Runs in the page, so it is self-contained.
 */
function viewShown(view: { screen: string; year: string; unit: string }): number | false {
  const main = document.querySelector('main');
  if (
    main?.dataset.screen !== view.screen ||
    main.dataset.year !== view.year ||
    main.dataset.unit !== view.unit
  )
    return false;
  // 'updating': figures kept from an earlier visit, not yet confirmed by the engine.
  if (document.querySelector('[data-panel-status="loading"], [data-panel-status="updating"]')) return false;
  if (Array.from(document.querySelectorAll('.state')).some((e) => e.textContent?.startsWith('正在')))
    return false;
  const charts = Array.from(document.querySelectorAll('[data-chart]'));
  // A view with no data for the unit has no charts: every chart there is, drawn.
  const drawn = charts.every((c) => c.getAttribute('data-chart-status') === 'drawn');
  return drawn ? performance.now() : false;
}

/** What the page shows, for the message of a wait that timed out. */
function describeView() {
  return JSON.stringify({
    main: { ...document.querySelector('main')?.dataset },
    loading: Array.from(document.querySelectorAll('[data-panel-status="loading"]')).map((p) =>
      p.getAttribute('data-panel'),
    ),
    states: Array.from(document.querySelectorAll('.state')).map((e) => e.textContent),
    charts: Array.from(document.querySelectorAll('[data-chart]')).map(
      (c) => `${c.getAttribute('data-chart')}:${c.getAttribute('data-chart-status')}`,
    ),
  });
}

/** Until `viewShown(view)`: the page's time then. A timeout says what the page showed instead. */
async function waitView(page: Page, view: { screen: string; year: string; unit: string }): Promise<number> {
  try {
    const done = await page.waitForFunction(viewShown, view, { ...WAIT, polling: 'raf' });
    return (await done.jsonValue()) as number;
  } catch (error) {
    throw new Error(`等待 ${JSON.stringify(view)} 超时，页面：${await page.evaluate(describeView)}`, {
      cause: error,
    });
  }
}

/** The 20 filter changes: on each screen, unit and year changes in turn. */
const SCREENS = ['overview', 'buildings', 'belts', 'ranking'] as const;
const CHANGES: { unit?: string; year?: string }[] = [
  { unit: '330302' },
  { year: '2023' },
  { unit: '330381' },
  { year: '2024' },
  { unit: '' },
];

async function filterChanges(page: Page, url: string): Promise<number[]> {
  const times: number[] = [];
  for (const screen of SCREENS) {
    const view = { screen, year: '2024', unit: '' };
    await page.goto(`${url}#/${screen}?year=2024`);
    await waitView(page, view);
    for (const change of CHANGES) {
      // A leader looks at the view before the next click (a think time, not a wait for a condition).
      if (PAUSE_MS > 0) await page.waitForTimeout(PAUSE_MS);
      if (change.unit !== undefined) view.unit = change.unit;
      if (change.year !== undefined) view.year = change.year;
      const t0 = await page.evaluate(() => performance.now());
      if (change.unit !== undefined) await page.selectOption('select[name="unit"]', change.unit);
      else await page.selectOption('select[name="year"]', change.year!);
      times.push((await waitView(page, { ...view })) - t0);
    }
  }
  return times;
}

/** Navigation start → every KPI card of 总览 filled (`all`), or the first one; `url` absent: a reload. */
async function toKpis(page: Page, url: string | undefined, all: number): Promise<number> {
  if (url) await page.goto(`${url}#/overview`);
  else await page.reload();
  const done = await page.waitForFunction(
    (n) => {
      const cards = document.querySelectorAll('[data-kpi][data-value]');
      return cards.length >= n && cards.length > 0 ? performance.now() : false;
    },
    all,
    { ...WAIT, polling: 'raf' },
  );
  return Math.round((await done.jsonValue()) as number);
}

async function readCsvFloor(context: BrowserContext, harnessUrl: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(harnessUrl);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const floor = await page.evaluate(() =>
    (
      window as unknown as {
        harness: { readCsvFloor: (u: string) => Promise<{ ms: number; rows: number }> };
      }
    ).harness.readCsvFloor('floor.csv'),
  );
  await page.close();
  if (floor.rows !== ROWS) throw new Error(`read_csv 读到 ${floor.rows} 行，应为 ${ROWS}`);
  return floor.ms;
}

const preview = await startPreview(PORT);
const harness = await serveDir(harnessDir, PORT + 1);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-scale-profile-'));
const rss = rssSampler(profile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
try {
  let context = await launchProfile(profile);
  // tsx names inner functions through a `__name` helper the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  say('read_csv 基线…');
  const readCsvMs = FLOOR ? await readCsvFloor(context, harness.url) : null;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${preview.url}#/data`);
  await page.waitForSelector('input[type=file]', WAIT);
  say('导入企业、楼宇、认定等…');
  await importThroughDesk(page, baseFiles);
  say(`导入 ${ROWS} 行税收明细…`);
  const importMs = await importThroughDesk(page, [taxFile]);
  say('筛选切换…');
  const filters = await filterChanges(page, preview.url);
  await page.goto(`${preview.url}#/overview`);
  await waitView(page, { screen: 'overview', year: '2025', unit: '' });
  const kpis = await page.locator('[data-kpi]').count();
  await context.close();

  say('重新打开…');
  context = await launchProfile(profile);
  const again = context.pages()[0] ?? (await context.newPage());
  const reopenMs = await toKpis(again, preview.url, kpis);
  // Kept figures (更新中) fill the cards before the engine: say too when the engine confirmed them.
  const reopenConfirmed = await waitView(again, { screen: 'overview', year: '2025', unit: '' });
  const revisitFirstKpiMs = await toKpis(again, undefined, 1);
  const revisitConfirmed = await waitView(again, { screen: 'overview', year: '2025', unit: '' });
  say(
    `引擎确认（无“更新中”、图表绘制完成）：重新打开 ${Math.round(reopenConfirmed)} ms，` +
      `再次访问 ${Math.round(revisitConfirmed)} ms`,
  );
  await context.close();
  rss.sample();

  const result = {
    rows: ROWS,
    importMs: Math.round(importMs),
    readCsvMs: readCsvMs === null ? null : Math.round(readCsvMs),
    importRatio: readCsvMs === null ? null : Number((importMs / readCsvMs).toFixed(2)),
    filterMedianMs: Math.round(median(filters)),
    filterP95Ms: Math.round(p95(filters)),
    reopenMs,
    revisitFirstKpiMs,
    peakRssMiB: rss.peakMiB(),
  };
  say(`筛选切换各次（ms）：${filters.map(Math.round).join('，')}`);
  say(
    `负载：${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (JSON_OUT) console.log(JSON.stringify(result));
  else {
    console.log(`${ROWS.toLocaleString()} 行税收明细（生产构建，无痕新配置，headless Chromium）`);
    console.log(`  导入（选择文件 → 校验、写入、保存完成）   ${result.importMs} ms`);
    console.log(`  同一浏览器 DuckDB-Wasm read_csv 同样的行  ${result.readCsvMs} ms`);
    console.log(`  比值                                     ${result.importRatio}×（目标 ≤ 2×）`);
    console.log(`  筛选切换到全部图表重绘：中位数 ${result.filterMedianMs} ms，p95 ${result.filterP95Ms} ms`);
    console.log(`  保留数据后冷启动到全部 KPI               ${result.reopenMs} ms`);
    console.log(`  同一页面再次打开到第一个 KPI             ${result.revisitFirstKpiMs} ms（目标 ≤ 500 ms）`);
    console.log(`  渲染进程内存峰值                         ${result.peakRssMiB} MiB（目标 ≤ 2560 MiB）`);
  }
} finally {
  rss.stop();
  preview.stop();
  await harness.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}

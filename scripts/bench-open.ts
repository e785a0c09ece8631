/**
 * `npm run bench:open`: the dashboard's speed as a user meets it, on the production build in headless
 * Chromium (build first: `npm run build`). Reports, as medians of cold opens in fresh browser contexts:
 *   - open: navigation start → all KPI cards of #/overview filled, and → all charts drawn;
 *   - filter: a change of the unit filter → every chart redrawn and no panel loading;
 *   - the JavaScript the first screen loads, gzip-compressed: the page's scripts, and apart from them
 *     the DuckDB worker script that comes with the wasm.
 * Baseline in the same run: the engine start alone (the app's `hq:engine` performance mark: worker
 * and wasm to a connection), which no open can beat; `hq:data` marks the sample data restored.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium';
import { startPreview } from './lib/preview';

const RUNS = Number(process.env.RUNS ?? 5);
const YEAR = 2024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const chartsSettled = () =>
  document.querySelectorAll('[data-chart]').length > 0 &&
  !document.querySelector('[data-panel-status="loading"], [data-chart-status="drawing"]');

async function coldOpen(page: Page, url: string) {
  const start = Date.now();
  await page.goto(`${url}#/overview?year=${YEAR}`);
  await page.waitForSelector('[data-kpi="hqTax"]', { timeout: 60_000 });
  const kpis = Date.now() - start;
  await page.waitForFunction(chartsSettled, undefined, { timeout: 60_000, polling: 'raf' });
  const charts = Date.now() - start;
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
  );
  return {
    kpis,
    charts,
    start: marks['hq:start'] ?? NaN,
    engine: marks['hq:engine'] ?? NaN,
    data: marks['hq:data'] ?? NaN,
  };
}

async function filterChange(page: Page, unit: string) {
  const start = await page.evaluate(() => performance.now());
  await page.selectOption('select[name="unit"]', unit);
  await page.waitForFunction(chartsSettled, undefined, { timeout: 60_000, polling: 'raf' });
  return (await page.evaluate(() => performance.now())) - start;
}

const preview = await startPreview(4420);
const browser = await launchChromium();
const opens: { kpis: number; charts: number; start: number; engine: number; data: number }[] = [];
const filters: number[] = [];
let firstLoadJs = 0;
let workerJs = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('response', (r) => r.url().endsWith('.js') && scripts.add(new URL(r.url()).pathname));
    opens.push(await coldOpen(page, preview.url));
    if (i === 0) {
      // The page's own scripts; the DuckDB worker script is reported apart, with the engine.
      firstLoadJs = gzipSize([...scripts].filter((s) => !s.includes('.worker')));
      workerJs = gzipSize([...scripts].filter((s) => s.includes('.worker')));
    }
    for (const unit of ['330302', '330381', '']) filters.push(await filterChange(page, unit));
    await context.close();
  }
  const engine = median(opens.map((o) => o.engine));
  const open = median(opens.map((o) => o.kpis));
  console.log(`冷启动到 KPI 卡片（${RUNS} 次中位数）：${open} ms（目标 ≤ 2000 ms）`);
  console.log(`冷启动到全部图表绘制完成：${median(opens.map((o) => o.charts))} ms`);
  console.log(
    `  其中：脚本开始执行 ${median(opens.map((o) => o.start))} ms；引擎就绪（基线）${engine} ms；` +
      `样例数据就绪 ${median(opens.map((o) => o.data))} ms`,
  );
  console.log(`打开 / 引擎启动基线 = ${(open / engine).toFixed(2)}×`);
  console.log(
    `切换属地筛选到全部图表重绘（${filters.length} 次中位数）：${Math.round(median(filters))} ms（目标 ≤ 300 ms）`,
  );
  console.log(
    `首屏 JavaScript（gzip，不含 wasm 与引擎 worker）：${(firstLoadJs / 1024).toFixed(0)} KB（目标 ≤ 400 KB）`,
  );
  console.log(`DuckDB 引擎 worker 脚本（gzip）：${(workerJs / 1024).toFixed(0)} KB`);
} finally {
  await browser.close();
  preview.stop();
}

function gzipSize(paths: string[]): number {
  return paths.reduce((sum, p) => {
    const file = path.join('dist', p.replace(/^\//, ''));
    return fs.existsSync(file) ? sum + zlib.gzipSync(fs.readFileSync(file)).length : sum;
  }, 0);
}

/**
 * `npm run bench:desk` (after `npm run build`): a 1,000,000-row GBK tax export through the import desk
 * of the built app in headless Chromium — from handing the file to the desk to `data-import-status`
 * = done (checked, committed, saved to OPFS) — against DuckDB-Wasm's own read_csv of the same rows
 * (as UTF-8) in the same browser, the floor. Then the reopen of #/overview with those rows kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { launchProfile } from '../test/browser/chromium';
import { buildHarness, serveDir } from '../test/browser/persist-page/serve';
import { startPreview } from './lib/preview';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const file = path.resolve('bench-data', `税收明细_${ROWS}行.csv`);
if (!fs.existsSync(file)) {
  const made = spawnSync(
    'npx',
    ['tsx', 'scripts/gen-sample.ts', '--tax-rows', String(ROWS), '--out', 'bench-data'],
    {
      stdio: 'inherit',
    },
  );
  if (made.status !== 0) throw new Error('gen-sample failed');
}

/** Ports P and P+1 (HQ_BENCH_PORT, default 4431), and a harness folder per port: benches can run side by side. */
const PORT = Number(process.env.HQ_BENCH_PORT ?? 4431);
const harnessDir = path.join(os.tmpdir(), `hq-bench-harness-${PORT}`);
await buildHarness(harnessDir);
// The floor reads the same rows as UTF-8: DuckDB-Wasm cannot decode GBK offline (DESIGN.md).
fs.writeFileSync(path.join(harnessDir, 'floor.csv'), iconv.decode(fs.readFileSync(file), 'gb18030'));
const harness = await serveDir(harnessDir, PORT);
// One month of the same export (its last), as the office loads every month.
const monthFile = path.resolve('bench-data', '税收明细_一个月.csv');
const [headerLine, ...dataLines] = iconv.decode(fs.readFileSync(file), 'gb18030').trimEnd().split('\n');
const lastMonth = dataLines.at(-1)!.split(',')[2]!;
const monthLines = dataLines.filter((l) => l.split(',')[2] === lastMonth);
const monthRows = monthLines.length;
fs.writeFileSync(monthFile, iconv.encode([headerLine, ...monthLines].join('\n') + '\n', 'gb18030'));
const preview = await startPreview(PORT + 1);
const RUNS = Number(process.env.RUNS ?? 3);
/** The app's CSP forbids eval: the wait is a function, its argument the status waited for. */
const isStatus = (s: string) =>
  document.querySelector('.import-desk')?.getAttribute('data-import-status') === s;

interface JankProbe {
  /** Start (performance.now) and length of each long task, to place it among the import's steps. */
  tasks: [number, number][];
  maxGap: number;
  longTasks: number;
  longTaskMs: number;
  stop?: boolean;
}

/** In the page: the longest gap between animation frames, and the long tasks, from now on. */
function startJankProbe() {
  const probe: JankProbe = { tasks: [], maxGap: 0, longTasks: 0, longTaskMs: 0 };
  (window as unknown as { jank: JankProbe }).jank = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks += 1;
      probe.longTaskMs += entry.duration;
      probe.tasks.push([entry.startTime, entry.duration]);
    }
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now: number) => {
    probe.maxGap = Math.max(probe.maxGap, now - last);
    last = now;
    if (!probe.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function readJankProbe(): JankProbe {
  const probe = (window as unknown as { jank: JankProbe }).jank;
  probe.stop = true;
  return { ...probe };
}

/** One run on a fresh profile: the floor, the desk import to done, and the reopen. */
async function run(runNumber: number) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-bench-profile-'));
  try {
    const context = await launchProfile(profile);
    const floorPage = await context.newPage();
    await floorPage.goto(harness.url);
    await floorPage.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const floor = await floorPage.evaluate(() =>
      (
        window as unknown as {
          harness: { readCsvFloor: (u: string) => Promise<{ ms: number; rows: number }> };
        }
      ).harness.readCsvFloor('floor.csv'),
    );
    await floorPage.close();

    const page = context.pages()[0] ?? (await context.newPage());
    // tsx names inner functions through a `__name` helper the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${preview.url}#/data`);
    await page.waitForSelector('input[type=file]', { timeout: 60_000 });
    await page.evaluate(startJankProbe);
    const t0 = Date.now();
    await page.setInputFiles('input[type=file]', file);
    await page.waitForFunction(isStatus, 'ready', { timeout: 600_000, polling: 100 });
    const checked = Date.now() - t0;
    const t1 = Date.now();
    await page.click('button:text-is("确认导入")');
    await page.waitForFunction(isStatus, 'done', { timeout: 600_000, polling: 100 });
    const committed = Date.now() - t1;
    const jank = await page.evaluate(readJankProbe);
    // The monthly case on the kept million rows: one month's file again (its rows compared, 未变).
    const t3 = Date.now();
    await page.setInputFiles('input[type=file]', monthFile);
    await page.waitForFunction(isStatus, 'ready', { timeout: 600_000, polling: 100 });
    if (await page.isDisabled('button:text-is("确认导入")'))
      throw new Error(`月度文件被拒绝：${(await page.locator('.refused').allInnerTexts()).join('；')}`);
    await page.click('button:text-is("确认导入")');
    await page.waitForFunction(isStatus, 'done', { timeout: 600_000, polling: 100 });
    const month = Date.now() - t3;
    const marks = await page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
    );
    const steps = marks
      .slice(1)
      .map(
        (m, i) =>
          `${marks[i]!.name.replace('导入：', '')}→${m.name.replace('导入：', '')} ${Math.round(m.at - marks[i]!.at)}`,
      );
    console.log(`  第 ${runNumber} 次各步（ms）：${steps.join('，')}`);
    // Each long task after the step it fell in: where the main thread was busy.
    const during = (at: number) =>
      marks
        .filter((m) => m.at <= at)
        .at(-1)
        ?.name.replace('导入：', '') ?? '开始前';
    const tasks = jank.tasks.map(([at, ms]) => `${during(at)}中 ${Math.round(ms)}`);
    console.log(`  第 ${runNumber} 次长任务（ms）：${tasks.join('，') || '无'}`);
    await context.close();

    // Reopen on the same profile: the kept rows, to the KPI cards.
    const again = await launchProfile(profile);
    const reopenPage = again.pages()[0] ?? (await again.newPage());
    const t2 = Date.now();
    await reopenPage.goto(`${preview.url}#/overview`);
    await reopenPage.waitForSelector('[data-kpi="hqTax"]', { timeout: 60_000 });
    const reopen = Date.now() - t2;
    await again.close();
    return { floor: floor.ms, checked, committed, total: checked + committed, jank, reopen, month };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) =>
  `${Math.round(median(xs))} ms（${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}）`;

try {
  const runs: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(i + 1));
  const of = <K extends keyof (typeof runs)[number]>(k: K) => runs.map((r) => r[k]);
  const ratios = runs.map((r) => r.total / r.floor);
  console.log(
    `${ROWS.toLocaleString()} 行 GBK 税收明细（${(fs.statSync(file).size / 1e6).toFixed(1)} MB）经导入台，${RUNS} 次的中位数（最小–最大）：`,
  );
  console.log(`  读取与校验 ${spread(of('checked'))}`);
  console.log(`  确认导入（写入并保存到 OPFS）${spread(of('committed'))}`);
  console.log(`  合计 ${spread(of('total'))}`);
  console.log(`  同一浏览器中 DuckDB-Wasm read_csv（UTF-8）：${spread(of('floor'))}`);
  console.log(
    `  比值（每次合计 ÷ 同次 read_csv）${median(ratios).toFixed(1)}×（${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}×；目标 ≤ 2×）`,
  );
  const jank = runs.map((r) => r.jank);
  console.log(
    `  导入期间页面主线程：最长一帧间隔 ${spread(jank.map((j) => j.maxGap))}；长任务（>50 ms）合计 ${spread(jank.map((j) => j.longTaskMs))}`,
  );
  console.log(
    `之后导入一个月的文件（${monthRows.toLocaleString()} 行，与已保存的同月数据相同：逐键比较后未变），从选择文件到 done：${spread(of('month'))}`,
  );
  console.log(`保存了这些行之后重新打开 #/overview 到 KPI 卡片：${spread(of('reopen'))}（目标 ≤ 3000 ms）`);
} finally {
  preview.stop();
  await harness.stop();
}

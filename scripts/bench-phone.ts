/**
 * `npm run bench:phone [-- <site folder>]`: the 掌上驾驶舱 (#/m) as a leader's phone meets it, in
 * headless Chromium with mobile emulation (390×844, touch, 3× pixels), the CPU slowed 4× and the
 * network at "fast 4G" (9 Mbps down, 1.5 Mbps up, 60 ms latency), from a cold cache, each run in a
 * fresh context. Reports as medians: navigation → the first figure on screen and → every card on
 * screen (Element Timing's render time: the goals), → the same entering the page; whether the first
 * screen came in the page itself (nginx's include of publish's first.html) or from the page's script;
 * the bytes transferred (encoded, as on the wire) by type; whether any wasm or DuckDB worker was
 * requested (issue 16's goals: ≤ 1 s, ≤ 1.5 s, ≤ 400 KB, none).
 *
 * Serves dist/ (build first; the phone then reads the build's sample figures) or a copy of dist/ with
 * a published dataset in it (`<site>/dataset`, see docs/PHONE.md) with the deployment's server:
 * nginx with deploy/nginx.conf where it is installed, else `vite preview` (the same headers and gzip).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium';
import { NGINX, startNginx } from './lib/nginx';
import { startPreview } from './lib/preview';

const RUNS = Number(process.env.RUNS ?? 5);
/** CPU slow-down (4 as the issue asks; CPU_RATE=1 shows how much of the time is the CPU). */
const CPU_RATE = Number(process.env.CPU_RATE ?? 4);
const PORT = Number(process.env.HQ_BENCH_PORT ?? 5429);
const SITE = path.resolve(process.argv[2] ?? 'dist');
const CARDS = ['progress', 'units', 'ranking', 'buildings', 'overdue', 'briefing'];
/**
 * TRACE=<file.json>: every run is traced (Chromium's timeline, the last run's kept in the file) and
 * the main thread's work before the first paint summed up by kind: medians at the end, each run's
 * longest steps with VERBOSE.
 */
const TRACE = process.env.TRACE;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** DevTools' "fast 4G". */
const FAST_4G = {
  offline: false,
  latency: 60,
  downloadThroughput: (9_000 * 1000) / 8,
  uploadThroughput: (1_500 * 1000) / 8,
};

/** The in-page promise the measuring script resolves once every card is on screen. */
const DONE = 'phoneBenchDone';

/**
 * Runs in the page before its own scripts, as a string (no helper the bundler adds to a function).
 * When each card enters the page (a MutationObserver, from the navigation's start), and when it is
 * on screen: Element Timing's render time of the elements the phone page marks `elementtiming`
 * (the headline figure, each card's title) — the frame's presentation, as the browser reports it.
 * Whether the first card came in the page itself (the first screen nginx put in, docs/PHONE.md) or
 * was drawn by the page's script.
 */
const MEASURE = `(() => {
  const cards = ${JSON.stringify(CARDS)};
  const seen = {}, shown = {};
  let fromPage, done;
  window.${DONE} = new Promise((resolve) => (done = resolve));
  const finish = () =>
    ['phone-first-figure', ...cards.map((c) => 'phone-' + c)].every((k) => k in shown) &&
    done({ seen, shown, fromPage });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!(e.identifier in shown)) shown[e.identifier] = e.renderTime || e.loadTime;
    finish();
  }).observe({ type: 'element', buffered: true });
  const cardsIn = new MutationObserver(() => {
    if (document.querySelector('[data-phone-missing]')) return done({ missing: 1 });
    for (const c of cards) {
      if (c in seen) continue;
      const card = document.querySelector('[data-phone-figure="' + c + '"]');
      if (card) {
        seen[c] = performance.now();
        if (fromPage === undefined) fromPage = !!card.closest('#m-first');
      }
    }
    // Then it stops, so the page's own drawing is not slowed by the measuring.
    if (cards.every((c) => c in seen)) cardsIn.disconnect();
  });
  cardsIn.observe(document, { childList: true, subtree: true });
})()`;

type Measured =
  { missing: 1 } | { seen: Record<string, number>; shown: Record<string, number>; fromPage: boolean };

interface Run {
  first: number;
  all: number;
  /** The same, once on screen (Element Timing's render time). */
  firstOnScreen: number;
  allOnScreen: number;
  /** The first card came in the page itself (the first screen nginx put in). */
  fromPage: boolean;
  bytes: Map<string, number>;
  urls: string[];
  /** With TRACE: the main thread's ms by kind of work before the first paint. */
  work?: Map<string, number>;
}

async function throttle(cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
}

/** The kind a response counts under: js, css, json, html, font, wasm, other. */
function kind(url: string, type: string): string {
  const ext = /\.([a-z0-9]+)(?:$|\?)/.exec(new URL(url).pathname)?.[1] ?? '';
  if (['js', 'css', 'json', 'wasm'].includes(ext)) return ext;
  if (/woff2?|ttf/.test(ext)) return 'font';
  return type === 'Document' ? 'html' : ext || 'other';
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

/**
 * The renderer's main thread in a trace: its top-level tasks' work by kind (script, style, layout,
 * paint…) before the first card was painted, and the longest steps with their start, from the
 * document's request.
 */
function traceSummary(file: string, firstOnScreen: number): { work: Map<string, number>; text: string } {
  const events = (JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find(
    (e) => e.name === 'ResourceSendRequest' && /#?\/m|\/$/.test(e.args?.data?.url ?? ''),
  );
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'),
  );
  if (!start || !main) return { work: new Map(), text: 'trace: no document request or main thread found' };
  const ms = (ts: number) => Math.round((ts - start.ts) / 1000);
  const WORK = [
    'ParseHTML',
    'EvaluateScript',
    'v8.compileModule',
    'v8.evaluateModule',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'ParseAuthorStyleSheet',
    'MajorGC',
    'MinorGC',
  ];
  const steps = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      WORK.includes(e.name) &&
      e.dur &&
      ms(e.ts) <= firstOnScreen,
  );
  const sum = new Map<string, number>();
  for (const e of steps) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur! / 1000);
  const longest = steps
    .filter((e) => e.dur! >= 15_000)
    .map((e) => `${e.name} ${ms(e.ts)}+${Math.round(e.dur! / 1000)}`);
  const text = [
    `  main thread before the first paint (a step's nested steps count in it too): ${[...sum]
      .sort((a, b) => b[1] - a[1])
      .map(([n, d]) => `${n} ${Math.round(d)}`)
      .join(', ')} ms`,
    `  steps ≥ 15 ms (start+duration): ${longest.join(', ')}`,
  ].join('\n');
  return { work: sum, text };
}

async function coldOpen(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp);
  const urls = new Map<string, { url: string; type: string }>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) =>
    urls.set(e.requestId, { url: e.request.url, type: e.type ?? '' }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const request = urls.get(e.requestId);
    if (!request) return;
    const k = kind(request.url, request.type);
    bytes.set(k, (bytes.get(k) ?? 0) + e.encodedDataLength);
  });
  await page.addInitScript(MEASURE);
  if (TRACE)
    await browser.startTracing(page, { path: TRACE, categories: ['devtools.timeline', 'blink', 'loading'] });
  await page.goto(`${url}#/m`, { waitUntil: 'commit' });
  // One call that waits in the page (not a poll from outside, which would run on every frame of
  // the CPU being measured).
  const times = (await Promise.race([
    page.evaluate(`window.${DONE}`),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${url}#/m：120 秒内图表未全部显示`)), 120_000).unref(),
    ),
  ])) as Measured;
  if ('missing' in times)
    throw new Error(`${url} 没有掌上驾驶舱数据：先 npm run build，或指定含发布数据集的站点文件夹`);
  const first = Math.min(...Object.values(times.seen));
  const all = Math.max(...Object.values(times.seen));
  const firstOnScreen = times.shown['phone-first-figure']!;
  const allOnScreen = Math.max(...CARDS.map((c) => times.shown[`phone-${c}`]!));
  if (process.env.VERBOSE)
    console.log(
      await page.evaluate(() =>
        [
          ...performance
            .getEntriesByType('resource')
            .map(
              (e) =>
                `${e.name.replace(/^.*\//, '')} ${Math.round(e.startTime)}→${Math.round((e as PerformanceResourceTiming).responseEnd)}`,
            ),
          ...performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`),
        ].join('\n'),
      ),
    );
  let work: Map<string, number> | undefined;
  if (TRACE) {
    await browser.stopTracing();
    const summary = traceSummary(TRACE, firstOnScreen);
    work = summary.work;
    if (process.env.VERBOSE) console.log(summary.text);
  }
  // Let late requests (favicon) finish before counting.
  await page.waitForLoadState('networkidle');
  await context.close();
  return {
    first,
    all,
    firstOnScreen,
    allOnScreen,
    fromPage: times.fromPage,
    bytes,
    urls: [...urls.values()].map((r) => r.url),
    work,
  };
}

/**
 * SERVER=nginx (the default where Debian's nginx is installed) serves the site as deploy/nginx.conf
 * does; SERVER=vite with `vite preview` (the same headers, from Node).
 */
const SERVER = process.env.SERVER ?? (fs.existsSync(NGINX) ? 'nginx' : 'vite');

const server = await (SERVER === 'nginx' ? startNginx(SITE, PORT) : startPreview(PORT, SITE));
const base = server.url;
try {
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await coldOpen(browser, base));
  } finally {
    await browser.close();
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const total = (r: Run) => [...r.bytes.values()].reduce((a, b) => a + b, 0);
  const engine = runs.flatMap((r) => r.urls).filter((u) => /\.wasm|worker|duckdb/i.test(u));
  const last = runs.at(-1)!;
  console.log(
    `掌上驾驶舱 #/m（${SITE}，${SERVER === 'nginx' ? 'nginx（deploy/nginx.conf）' : 'vite preview'}），390×844 触屏，CPU 降速 ${CPU_RATE} 倍，快速 4G（9 Mbps / 60 ms），冷缓存，${RUNS} 次中位数：`,
  );
  const ms = (pick: (r: Run) => number) => `${Math.round(median(runs.map(pick)))} ms`;
  const fromPage = runs.filter((r) => r.fromPage).length;
  console.log(`  第一个图表显示：${ms((r) => r.firstOnScreen)}（目标 ≤ 1000 ms；Element Timing 的绘出时刻）`);
  console.log(`  全部图表显示：  ${ms((r) => r.allOnScreen)}（目标 ≤ 1500 ms）`);
  console.log(`  第一个图表进入页面：${ms((r) => r.first)}，全部：${ms((r) => r.all)}`);
  console.log(
    `  首屏来自：${fromPage === runs.length ? '页面本身（nginx 插入发布时画好的首屏）' : fromPage === 0 ? '页面脚本（站点无 first.html 或服务器未开 ssi）' : `页面本身 ${fromPage} 次，脚本 ${runs.length - fromPage} 次`}`,
  );
  console.log(`    每次第一个图表显示：${runs.map((r) => Math.round(r.firstOnScreen)).join(' · ')} ms`);
  console.log(`  传输字节（编码后）：${kb(median(runs.map(total)))}（目标 ≤ 400 KB）`);
  console.log(
    `    ${[...last.bytes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${kb(n)}`)
      .join('，')}`,
  );
  console.log(`  请求 ${last.urls.length} 个：${last.urls.map((u) => new URL(u).pathname).join(' ')}`);
  if (TRACE)
    console.log(
      `  主线程（首次绘出前，中位数）：${[
        'Layout',
        'UpdateLayoutTree',
        'v8.evaluateModule',
        'FunctionCall',
        'ParseHTML',
        'Paint',
      ]
        .map((k) => `${k} ${Math.round(median(runs.map((r) => r.work?.get(k) ?? 0)))}`)
        .join('，')} ms`,
    );
  console.log(`  wasm / DuckDB worker 请求：${engine.length ? engine.join(' ') : '无'}`);
  if (engine.length) process.exitCode = 1;
} finally {
  server.stop();
}

/**
 * `npm run bench:revisit -- [--rows N] [--revisits K] [--port P] [--no-build]`: the revisit alone
 * (issue 12: the same page opened again → the first KPI value on screen, goal ≤ 0.5 s), several
 * times on one profile, with where the time goes. Without --rows the page shows the sample; with
 * --rows N the data of `bench:scale` (bench-data/scale-N, made by it) is imported through the desk
 * first, as bench:scale does. Each revisit is a reload of #/overview after the engine confirmed the
 * figures of the previous one. Reported per revisit (the new page's clock, from navigation start):
 *   response   the HTML's first byte (responseStart): the old page's unload and the answer
 *   script     the entry's first line ran (the `hq:entry` mark)
 *   firstKpi   the first `[data-kpi][data-value]` in the DOM (a MutationObserver from the start)
 *   confirmed  the engine's figures on screen: no panel loading or 更新中, every chart drawn
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchProfile } from '../test/browser/chromium';
import { startPreview } from './lib/preview';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = option('--rows') === undefined ? undefined : Number(option('--rows'));
const REVISITS = Number(option('--revisits') ?? 8);
const PORT = Number(option('--port') ?? process.env.HQ_BENCH_PORT ?? 5330);
const WAIT = { timeout: 1_800_000 };

if (!args.includes('--no-build')) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** Records, in the page from its first moment, when the first KPI value entered the DOM. */
const WATCH_FIRST_KPI = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-kpi][data-value]')) {
      performance.mark('bench:first-kpi');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

/** The engine's figures on screen: nothing loading or 更新中, every chart drawn (as bench:scale). */
function confirmed(): boolean {
  if (!document.querySelector('[data-kpi][data-value]')) return false;
  if (
    document.querySelector('[data-panel-status="loading"], [data-panel-status="updating"], .panel-updating')
  )
    return false;
  if (Array.from(document.querySelectorAll('.state')).some((e) => e.textContent?.startsWith('正在')))
    return false;
  return Array.from(document.querySelectorAll('[data-chart]')).every(
    (c) => c.getAttribute('data-chart-status') === 'drawn',
  );
}

async function importThroughDesk(page: Page, files: string[]): Promise<void> {
  const status = () => page.getAttribute('.import-desk', 'data-import-status');
  const reached = (s: string) =>
    page.waitForFunction(
      (want) =>
        ['failed', want].includes(
          document.querySelector('.import-desk')?.getAttribute('data-import-status') ?? '',
        ),
      s,
      { ...WAIT, polling: 100 },
    );
  await page.setInputFiles('input[type=file]', files);
  await reached('ready');
  if ((await status()) === 'failed') throw new Error(await page.locator('.import-desk').innerText());
  await page.click('button:text-is("确认导入")');
  await reached('done');
  if ((await status()) === 'failed') throw new Error(await page.locator('.import-desk').innerText());
}

async function revisit(page: Page) {
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('bench:first-kpi').length > 0, undefined, {
    ...WAIT,
    polling: 50,
  });
  await page.waitForFunction(confirmed, undefined, { ...WAIT, polling: 100 });
  const confirmedAt = await page.evaluate(() => performance.now());
  return page.evaluate((confirmedAt) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      response: Math.round(nav.responseStart),
      script: Math.round(mark('hq:entry')),
      firstKpi: Math.round(mark('bench:first-kpi')),
      confirmed: Math.round(confirmedAt),
    };
  }, confirmedAt);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const preview = await startPreview(PORT);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-revisit-profile-'));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
try {
  const context = await launchProfile(profile);
  // tsx names inner functions through a `__name` helper the page does not have.
  await context.addInitScript({ content: `window.__name = (f) => f; ${WATCH_FIRST_KPI}` });
  const page = context.pages()[0] ?? (await context.newPage());
  if (ROWS !== undefined) {
    const dir = path.resolve('bench-data', `scale-${ROWS}`);
    const base = fs.readdirSync(path.join(dir, 'base')).map((f) => path.join(dir, 'base', f));
    await page.goto(`${preview.url}#/data`);
    await page.waitForSelector('input[type=file]', WAIT);
    process.stderr.write(`导入 ${ROWS} 行数据…\n`);
    await importThroughDesk(page, base);
    await importThroughDesk(page, [path.join(dir, `税收明细_${ROWS}行.csv`)]);
  }
  await page.goto(`${preview.url}#/overview`);
  await page.waitForFunction(confirmed, undefined, { ...WAIT, polling: 100 });
  const loadBefore = load();
  const runs: Awaited<ReturnType<typeof revisit>>[] = [];
  for (let i = 0; i < REVISITS; i++) {
    const run = await revisit(page);
    runs.push(run);
    process.stderr.write(`${JSON.stringify(run)}\n`);
  }
  await context.close();
  const column = (key: keyof (typeof runs)[number]) => runs.map((r) => r[key]);
  console.log(
    JSON.stringify({
      rows: ROWS ?? 'sample',
      load: `${loadBefore} → ${load()}`,
      firstKpi: column('firstKpi'),
      medians: {
        response: median(column('response')),
        script: median(column('script')),
        firstKpi: median(column('firstKpi')),
        confirmed: median(column('confirmed')),
      },
    }),
  );
} finally {
  preview.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}

/**
 * `npx tsx scripts/bench-persist.ts`: how the dashboard's data survives a reload, measured both ways
 * issue 4 asks for, in one run of headless Chromium on a persistent profile (docs/PERSISTENCE.md):
 *   (a) the DuckDB database as a file on OPFS (src/db/persist.ts: first save copies the tables into
 *       the file, later saves are a CHECKPOINT; reopen = open the file);
 *   (b) IndexedDB holding what rebuilds it: Arrow IPC per table (tableToIPC / insertArrowFromIPCStream),
 *       or the bytes of a DuckDB file written with COPY FROM DATABASE (copyFileToBuffer / ATTACH).
 * Parquet is not a candidate: DuckDB-Wasm 1.32 offline has no parquet extension (DESIGN.md).
 * For the sample data and for the sample with 1,000,000 synthetic tax rows, it reports medians of
 * RUNS (default 3): save after a commit, and reopen (a fresh page, engine already started) to the
 * first query's answer; engine start is reported apart. The test page is test/browser/persist-page,
 * built into OUT (default /tmp/persist-bench-dist) with the sample snapshot.
 */
import fs from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Harness } from '../test/browser/persist-page/harness';
import { CHROMIUM_ARGS } from '../test/browser/chromium';
import { buildHarness, serveDir } from '../test/browser/persist-page/serve';

const RUNS = Number(process.env.RUNS ?? 3);
const OUT = process.env.OUT ?? '/tmp/persist-bench-dist';
const PORT = Number(process.env.PORT ?? 4410);
const BIG = 1_000_000;
const LATER_ROWS = 12_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Call = <K extends keyof Harness>(
  name: K,
  ...args: Parameters<Harness[K]>
) => Promise<Awaited<ReturnType<Harness[K]>>>;

async function open(context: BrowserContext, url: string): Promise<{ page: Page; call: Call }> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => 'harness' in window);
  const call: Call = (name, ...args) =>
    page.evaluate(
      ([n, a]) =>
        (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[n]!(...a),
      [name, args] as const,
    ) as never;
  return { page, call };
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'harness' in window);
}

interface Sample {
  save: number;
  later: number;
  engine: number;
  reopen: number;
  query: number;
  bytes: number;
  rows: number;
}

type Candidate = 'opfs' | 'idb-arrow' | 'idb-file';

async function measure(
  context: BrowserContext,
  url: string,
  candidate: Candidate,
  rows: number,
): Promise<Sample> {
  const { page, call } = await open(context, url);
  if (candidate === 'opfs') await call('opfsOpen');
  else await call('engineStart');
  await call('loadSample');
  if (rows) await call('bigTax', rows);
  const before = await call('firstQuery');
  let save: number;
  let later: number;
  let bytes: number;
  if (candidate === 'opfs') {
    save = await call('opfsSave');
    later = await call('addMonth', LATER_ROWS);
    bytes = Object.values(await call('opfsFiles')).reduce((s, b) => s + b, 0);
  } else {
    const saveFn = candidate === 'idb-arrow' ? 'idbArrowSave' : 'idbFileSave';
    save = (await call(saveFn)).ms;
    await call(
      'run',
      `INSERT INTO tax (credit_code, period, tax_type, amount, source_file, source_row, extra)
      SELECT '91330300' || lpad(i::VARCHAR, 10, '0'), DATE '2025-10-01', '增值税', 100, 'month.csv', i::INTEGER, MAP {}
      FROM range(${LATER_ROWS}) t(i)`,
    );
    // A later commit saves everything again: IndexedDB holds whole tables, not changes.
    const again = await call(saveFn);
    later = again.ms;
    bytes = again.bytes;
  }
  await reload(page);
  let engine: number;
  let reopen: number;
  if (candidate === 'opfs') {
    const opened = await call('opfsOpen');
    if (!opened.hasData) throw new Error(`OPFS reopen found no data: ${opened.problem}`);
    engine = opened.engineMs;
    reopen = opened.openMs;
  } else {
    engine = await call('engineStart');
    reopen = await call(candidate === 'idb-arrow' ? 'idbArrowRestore' : 'idbFileRestore');
  }
  const after = await call('firstQuery');
  if (after.rows !== before.rows + LATER_ROWS) {
    throw new Error(`${candidate}: ${after.rows} rows after reopen, expected ${before.rows + LATER_ROWS}`);
  }
  if (candidate === 'opfs') await call('opfsClear');
  else await call('idbClear');
  return { save, later, engine, reopen, query: after.ms, bytes, rows: after.rows };
}

if (!process.env.NOBUILD) await buildHarness(OUT);
const server = await serveDir(OUT, PORT);
const results: Record<string, Sample[]> = {};
const failures = new Set<string>();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const rows of [0, BIG]) {
      for (const candidate of ['opfs', 'idb-arrow', 'idb-file'] as const) {
        const profile = fs.mkdtempSync('/tmp/persist-bench-profile-');
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        });
        try {
          const key = `${rows ? '1M' : 'sample'} ${candidate}`;
          const sample = await measure(context, server.url, candidate, rows);
          (results[key] ??= []).push(sample);
          process.stderr.write(`${key} run ${run + 1} done\n`);
        } catch (error) {
          failures.add(`${rows ? '1M' : 'sample'} ${candidate}: ${String(error).split('\n')[0]}`);
        } finally {
          await context.close();
          fs.rmSync(profile, { recursive: true, force: true });
        }
      }
    }
  }
} finally {
  await server.stop();
}

const ms = (x: number) => `${Math.round(x)} ms`;
console.log(
  `persistence, medians of ${RUNS} (ms; reopen = fresh page, engine started, to data ready; query = first query)`,
);
console.log(
  'dataset  candidate   save(1st)  save(later)  engine  reopen  first-query  reopen+query  stored MB  tax rows',
);
for (const [key, samples] of Object.entries(results)) {
  const m = (f: (s: Sample) => number) => median(samples.map(f));
  const [dataset, candidate] = key.split(' ');
  console.log(
    [
      dataset!.padEnd(8),
      candidate!.padEnd(10),
      ms(m((s) => s.save)).padStart(10),
      ms(m((s) => s.later)).padStart(12),
      ms(m((s) => s.engine)).padStart(7),
      ms(m((s) => s.reopen)).padStart(7),
      ms(m((s) => s.query)).padStart(12),
      ms(m((s) => s.reopen + s.query)).padStart(13),
      (m((s) => s.bytes) / 1e6).toFixed(1).padStart(10),
      String(samples[0]!.rows).padStart(9),
    ].join(' '),
  );
}
for (const failure of failures) console.log(`failed: ${failure}`);
for (const dataset of ['sample', '1M']) {
  const total = (candidate: string, f: (s: Sample) => number) => {
    const samples = results[`${dataset} ${candidate}`];
    return samples ? median(samples.map(f)) : NaN;
  };
  for (const other of ['idb-arrow', 'idb-file'].filter((c) => results[`${dataset} ${c}`])) {
    const ratio = (f: (s: Sample) => number) => (total(other, f) / total('opfs', f)).toFixed(1);
    console.log(
      `${dataset}: ${other} / opfs — save(1st) ${ratio((s) => s.save)}×, save(later) ${ratio((s) => s.later)}×, ` +
        `reopen+query ${ratio((s) => s.reopen + s.query)}×`,
    );
  }
}

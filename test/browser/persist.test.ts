/**
 * Persistence in the browser (src/db/persist.ts, issue 4): what was saved after a commit is there
 * after a reload and after a browser restart on the same profile; a second tab is told that another
 * tab holds the data and still works in memory; a reset forgets the saved data.
 * Runs on the persistence test page (test/browser/persist-page), built and served by this file, in
 * Chromium on a persistent profile folder (OPFS needs a secure context: 127.0.0.1 is one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from './persist-page/harness';
import { CHROMIUM_ARGS } from './chromium';
import { buildHarness, serveDir } from './persist-page/serve';

const PORT = Number(process.env.HQ_TEST_PORT ?? 4391) + 20;
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-page-'));
const PROFILE = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-profile-'));
let server: Awaited<ReturnType<typeof serveDir>>;
let context: BrowserContext;

function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(PROFILE, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

async function openPage(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.waitForFunction(() => 'harness' in window);
}

function call<K extends keyof Harness>(
  page: Page,
  name: K,
  ...args: Parameters<Harness[K]>
): Promise<Awaited<ReturnType<Harness[K]>>> {
  return page.evaluate(
    ([n, a]) =>
      (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[n]!(...a),
    [name, args] as const,
  ) as never;
}

beforeAll(async () => {
  // The global setup's build holds the sample snapshot (serve.ts).
  await buildHarness(OUT, path.join(import.meta.dirname, '../../dist/sample'));
  server = await serveDir(OUT, PORT);
  context = await launch();
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.rmSync(PROFILE, { recursive: true, force: true });
});

describe('saved data', () => {
  let page: Page;
  let saved: { rows: number; total: number };

  test('a first visit has nothing saved and writes nothing', async () => {
    page = context.pages()[0] ?? (await context.newPage());
    await openPage(page);
    expect(await call(page, 'opfsOpen')).toMatchObject({ hasData: false, persistent: true, problem: null });
    expect(await call(page, 'opfsFiles')).toEqual({});
  });

  test('a commit is saved, and a later commit too', async () => {
    await call(page, 'loadSample');
    const sample = await call(page, 'firstQuery');
    await call(page, 'opfsSave');
    await call(page, 'addMonth', 7);
    const { rows, total } = await call(page, 'firstQuery');
    expect(rows).toBe(sample.rows + 7);
    saved = { rows, total };
    const files = await call(page, 'opfsFiles');
    expect(files['hq_dashboard.duckdb']).toBeGreaterThan(1e6);
  });

  test('survives a reload', async () => {
    await page.reload();
    await page.waitForFunction(() => 'harness' in window);
    expect(await call(page, 'opfsOpen')).toMatchObject({ hasData: true, persistent: true });
    expect(await call(page, 'firstQuery')).toMatchObject(saved);
    // The tables themselves, not only the tax rows, came back.
    const [row] = (await call(page, 'query', 'SELECT count(*)::INTEGER AS n FROM enterprises')) as {
      n: number;
    }[];
    expect(row!.n).toBeGreaterThan(0);
  });

  test('a second tab is told that another tab holds the data, and still works in memory', async () => {
    const second = await context.newPage();
    await openPage(second);
    const opened = await call(second, 'opfsOpen');
    expect(opened.persistent).toBe(false);
    expect(opened.problem).toContain('数据已在另一个标签页中打开');
    await call(second, 'loadSample');
    expect((await call(second, 'firstQuery')).rows).toBe(saved.rows - 7);
    await second.close();
  });

  test('survives a browser restart on the same profile', async () => {
    await context.close();
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await openPage(page);
    expect(await call(page, 'opfsOpen')).toMatchObject({ hasData: true, persistent: true });
    expect(await call(page, 'firstQuery')).toMatchObject(saved);
  });

  test('a reset forgets it: the next visit opens like a first one', async () => {
    await call(page, 'opfsClear');
    expect(await call(page, 'opfsFiles')).toEqual({});
    await page.reload();
    await page.waitForFunction(() => 'harness' in window);
    expect(await call(page, 'opfsOpen')).toMatchObject({ hasData: false, persistent: true });
  });
});

/** Helpers the browser tests share: watching a page for errors and foreign requests, waiting until it settles. */
import type { Page } from 'playwright-core';

export interface Watch {
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Records console errors, page errors and any request that leaves `origin`. */
export function watch(page: Page, origin: string): Watch {
  const w: Watch = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (m) => m.type() === 'error' && w.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => w.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      w.foreignRequests.push(url);
    }
  });
  return w;
}

/**
 * Until the screen shows, no panel is loading or showing kept figures the engine has not confirmed
 * (更新中), and every chart has finished drawing.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main section', { timeout: 180_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '[data-panel-status="loading"], [data-panel-status="updating"], [data-chart-status="drawing"]',
      ) && !Array.from(document.querySelectorAll('.state')).some((e) => e.textContent?.startsWith('正在')),
    undefined,
    { timeout: 180_000, polling: 100 },
  );
}

/** Per chart on the page: its label and the share of its canvas pixels that are painted. */
export async function chartInk(page: Page): Promise<{ label: string; ink: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-chart]')).map((chart) => {
      const canvas = chart.querySelector('canvas');
      const context = canvas?.getContext('2d');
      if (!canvas || !context || canvas.width === 0) return { label: chart.dataset.chart ?? '', ink: 0 };
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4 * 7) if (data[i]! > 0) painted++;
      return { label: chart.dataset.chart ?? '', ink: painted / (data.length / (4 * 7)) };
    }),
  );
}

/** Waits until the import desk says `status` (its data-import-status). */
export async function deskStatus(page: Page, status: string, timeout = 180_000): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('.import-desk')?.getAttribute('data-import-status') === s,
    status,
    { timeout },
  );
}

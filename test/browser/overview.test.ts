/**
 * The built app on the sample data: the overview's KPI cards equal `npm run report -- data --json`,
 * nothing is requested from outside the origin, and no console error is logged.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import type { Report } from '../../src/domain/report';
import { launchChromium } from './chromium';

const YEAR = 2024;
let browser: Browser;
let page: Page;
let expected: Report;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  // `npm run report -- data --json --year 2024`, the command a user runs.
  const json = execFileSync('npx', ['tsx', 'scripts/report.ts', 'data', '--json', '--year', String(YEAR)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expected = JSON.parse(json) as Report;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    if (
      !r.url().startsWith(inject('baseUrl')) &&
      !r.url().startsWith('data:') &&
      !r.url().startsWith('blob:')
    ) {
      foreignRequests.push(r.url());
    }
  });
  await page.goto(`${inject('baseUrl')}#/overview?year=${YEAR}`);
  await page.waitForSelector('[data-kpi="hqTax"]', { timeout: 180_000 });
});

afterAll(async () => {
  await browser?.close();
});

const kpi = async (name: string) => ({
  value: Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value')),
  target: await page.getAttribute(`[data-kpi="${name}"]`, 'data-target'),
});

describe('overview on the sample data', () => {
  it('shows the report figures in its KPI cards', async () => {
    expect(await kpi('newHqAnnual')).toEqual({
      value: expected.newHq.city.actual,
      target: String(expected.newHq.city.target),
    });
    expect((await kpi('fiveYear')).value).toBe(expected.fiveYear.actual);
    expect((await kpi('localHq')).value).toBe(expected.localHq.stock);
    expect((await kpi('billionBuildings')).value).toBe(expected.billionBuildings.length);
    expect((await kpi('hqTax')).value).toBeCloseTo(expected.hqTax.tax, 2);
  });

  it('loads nothing from outside its origin and logs no error', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

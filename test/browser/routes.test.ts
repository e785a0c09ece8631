/**
 * Every route of the built app on the sample data: it renders, its charts are drawn (not blank), it
 * logs no error and requests nothing outside its origin; the overview's KPI cards equal
 * `npm run report -- data --json` (one report and one page serve both: each costs a sample
 * import); the global filters change the figures, live in the link (deep links reproduce a view)
 * and step back with the browser's back button.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENS } from '../../src/app/route';
import type { Report } from '../../src/domain/report';
import { launchChromium } from './chromium';
import { chartInk, settled, watch, type Watch } from './page';
import { tsx } from '../tsx';

const YEAR = 2024;
let browser: Browser;
let page: Page;
let watched: Watch;
let report: Report;

beforeAll(async () => {
  // The report command itself, as a user would run it.
  const json = execFileSync(...tsx('scripts/report.ts', 'data', '--json', '--year', String(YEAR)), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  report = JSON.parse(json) as Report;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

const open = async (hash: string) => {
  await page.goto(`${inject('baseUrl')}#/${hash}`);
  await settled(page);
};
const kpi = async (name: string) => Number(await page.getAttribute(`[data-kpi="${name}"]`, 'data-value'));

describe('every route', () => {
  for (const screen of SCREENS) {
    it(`#/${screen.path} renders its charts without errors`, async () => {
      await open(`${screen.path}?year=${YEAR}${screen.path === 'present' ? '&slide=3' : ''}`);
      await expect(page.locator('nav a[aria-current="page"]').textContent()).resolves.toBe(screen.name);
      expect(await page.locator('[data-panel-status="failed"], .state.error').count()).toBe(0);
      const charts = await chartInk(page);
      if (!['data'].includes(screen.path)) expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) expect(chart.ink, `chart「${chart.label}」is blank`).toBeGreaterThan(0.002);
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    });
  }

  it('is reachable from the navigation bar', async () => {
    await open(`overview?year=${YEAR}`);
    for (const screen of SCREENS.filter((s) => s.path !== 'present')) {
      await page.click(`nav a:text-is("${screen.name}")`);
      await page.waitForFunction((path) => location.hash.startsWith(`#/${path}`), screen.path);
      await settled(page);
      expect(page.url()).toContain(`year=${YEAR}`);
    }
  });
});

describe('the county scorecard', () => {
  it('reproduces from its deep link the rank, score and indicators of the report', async () => {
    const unit = '330381';
    const ranked = report.ranking.find((r) => r.code === unit)!;
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      else await page.goto(`${inject('baseUrl')}#/county?year=${YEAR}&unit=${unit}`);
      await settled(page);
      const head = page.locator('.county-head');
      expect(Number(await head.getAttribute('data-rank'))).toBe(ranked.rank);
      expect(Number(await head.getAttribute('data-score'))).toBeCloseTo(ranked.score, 1);
      const newHq = report.newHq.byRegion.find((u) => u.code === unit)!.actual;
      expect(Number(await page.getAttribute('[data-indicator="2"]', 'data-value'))).toBe(newHq);
      await expect(page.locator('[data-table="瑞安市新引进总部企业"] tbody tr').count()).resolves.toBe(
        Math.min(newHq, 10),
      );
    }
  });
});

describe('overview on the sample data', () => {
  it('shows the report figures in its KPI cards', async () => {
    await open(`overview?year=${YEAR}`);
    const target = (name: string) => page.getAttribute(`[data-kpi="${name}"]`, 'data-target');
    expect(await kpi('newHqAnnual')).toBe(report.newHq.city.actual);
    expect(await target('newHqAnnual')).toBe(String(report.newHq.city.target));
    expect(await kpi('fiveYear')).toBe(report.fiveYear.actual);
    expect(await kpi('localHq')).toBe(report.localHq.stock);
    expect(await kpi('billionBuildings')).toBe(report.billionBuildings.length);
    expect(await kpi('hqTax')).toBeCloseTo(report.hqTax.tax, 2);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});

describe('the global filters', () => {
  it('narrow the overview to a unit, keep it in the link, and step back', async () => {
    await open(`overview?year=${YEAR}`);
    expect(await kpi('newHqAnnual')).toBe(report.newHq.city.actual);
    await page.selectOption('select[name="unit"]', '330381');
    await page.waitForFunction(() => location.hash.includes('unit=330381'));
    await settled(page);
    const ruian = report.newHq.byRegion.find((u) => u.code === '330381')!;
    expect(await kpi('newHqAnnual')).toBe(ruian.actual);
    expect(await page.getAttribute('[data-kpi="newHqAnnual"]', 'data-target')).toBe(
      ruian.target === null ? null : String(ruian.target),
    );
    await page.goBack();
    await settled(page);
    expect(page.url()).not.toContain('unit=');
    expect(await kpi('newHqAnnual')).toBe(report.newHq.city.actual);
  });

  it('change the figures with an attribute filter', async () => {
    await open(`overview?year=${YEAR}`);
    await page.selectOption('select[name="origin"]', '温商回归');
    await settled(page);
    const narrowed = await kpi('newHqAnnual');
    expect(narrowed).toBeLessThan(report.newHq.city.actual);
    expect(await page.getAttribute('[data-kpi="newHqAnnual"]', 'data-target')).toBeNull();
  });

  it('reproduce a view from a deep link', async () => {
    await open('ranking?year=2023&unit=330302');
    expect(await page.inputValue('select[name="year"]')).toBe('2023');
    expect(await page.inputValue('select[name="unit"]')).toBe('330302');
    await expect(page.locator('tr.selected').first().textContent()).resolves.toContain('鹿城区');
    await expect(page.locator('h2').first().textContent()).resolves.toContain('2023');
  });

  it('say when a link names a unit nobody knows, and show the city', async () => {
    await page.goto(`${inject('baseUrl')}#/overview?year=2024&unit=XXXX`);
    await settled(page);
    await expect(page.locator('[data-unknown-unit]').textContent()).resolves.toContain('“XXXX”无法识别');
    const title = (await page.locator('main h2').first().textContent()) ?? '';
    expect(title).toContain('全市');
    expect(title).not.toContain('XXXX');
  });

  it('sort and drill down by keyboard, and describe charts to screen readers', async () => {
    await page.goto(`${inject('baseUrl')}#/buildings?year=2024`);
    await settled(page);
    const table = page.locator('[data-panel="楼宇一览"]');
    const header = table.locator('th[tabindex="0"]').first();
    await header.focus();
    const before = await header.getAttribute('aria-sort');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).not.toBe(before);
    // A row opens the building's tenants with Enter, as a click does.
    await table.locator('tbody tr.clickable').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('building='));
    await settled(page);
    // ECharts' aria: the chart's label reads out its data (names and values), in Chinese.
    const described = await page.locator('[data-chart="楼宇税收排名"]').getAttribute('aria-label');
    expect(described).toContain('楼宇税收排名');
    expect(described!.length).toBeGreaterThan(40);
  });

  it('disable the filters a screen does not follow, and ignore them from a link', async () => {
    await open(`buildings?year=${YEAR}&hqType=%E8%B4%B8%E6%98%93%E5%9E%8B%E6%80%BB%E9%83%A8`);
    expect(await page.isDisabled('select[name="hqType"]')).toBe(true);
    expect(await kpi('buildingsBillion')).toBe(report.billionBuildings.length);
  });
});

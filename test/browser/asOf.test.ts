/**
 * The as-of control on the built app over the sample (data to 2025-09-30): the date lives in the link,
 * every screen and the deck follow it with the report's figures for the same date, part-year figures
 * say 1—M月, the assessment and reward screens open on the newest complete year with the running year
 * one click away, and the target-type switch gives the report's `--target-types named` count.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Report } from '../../src/domain/report';
import { launchChromium } from './chromium';
import { settled, watch, type Watch } from './page';
import { tsx } from '../tsx';

const JUNE = '2025-06-30';
let browser: Browser;
let page: Page;
let watched: Watch;
let running: Report;
let june: Report;
let named: Report;

const run = promisify(execFile);
async function report(...args: string[]): Promise<Report> {
  const { stdout } = await run(...tsx('scripts/report.ts', 'data', '--json', ...args), {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Report;
}

beforeAll(async () => {
  [running, june, named] = await Promise.all([
    report('--year', '2025'),
    report('--year', '2025', '--as-of', JUNE),
    report('--year', '2025', '--target-types', 'named'),
  ]);
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
const kpiText = (name: string) => page.locator(`[data-kpi="${name}"]`).textContent();

describe('the as-of control', () => {
  it('defaults to the data’s end and labels the running year’s figures 1—9月', async () => {
    await open('overview?year=2025');
    expect(await page.inputValue('input[name="asOf"]')).toBe('2025-09-30');
    expect(await kpi('newHqAnnual')).toBe(running.newHq.city.actual);
    await expect(kpiText('newHqAnnual')).resolves.toContain('2025年1—9月新引进总部企业');
    await expect(kpiText('hqTax')).resolves.toContain('总部企业税收（1—9月）');
    await expect(kpiText('billionBuildings')).resolves.toContain('1—9月累计税收 ≥ 1亿元');
  });

  it('moves every figure to the date chosen, in the link, as the report does with --as-of', async () => {
    await open('overview?year=2025');
    await page.fill('input[name="asOf"]', JUNE);
    await page.waitForFunction((d) => location.hash.includes(`asOf=${d}`), JUNE);
    await settled(page);
    // 18 of the 30 new HQ of 2025 were certified by 06-30 (the count).
    expect(june.newHq.city.actual).toBe(18);
    expect(await kpi('newHqAnnual')).toBe(18);
    expect(await page.getAttribute('[data-kpi="newHqAnnual"]', 'data-target')).toBe(
      String(june.newHq.city.target),
    );
    expect(await kpi('localHq')).toBe(june.localHq.stock);
    expect(await kpi('billionBuildings')).toBe(june.billionBuildings.length);
    expect(await kpi('hqTax')).toBeCloseTo(june.hqTax.tax, 2);
    await expect(kpiText('newHqAnnual')).resolves.toContain('时间进度 50.0%');
    await expect(page.locator('.print-header').textContent()).resolves.toContain(`数据截至 ${JUNE}`);
  });

  it('is followed by the other screens and the deck', async () => {
    await open(`buildings?year=2025&asOf=${JUNE}`);
    expect(await kpi('buildingsBillion')).toBe(june.billionBuildings.length);
    await expect(page.locator('[data-part-year]').first().textContent()).resolves.toContain('1—6月');
    await page.click('nav a:text-is("汇报")');
    await page.waitForFunction(() => location.hash.startsWith('#/present'));
    expect(page.url()).toContain(`asOf=${JUNE}`);
    await page.waitForSelector('.deck .slide footer');
    await expect(page.locator('.slide footer').first().textContent()).resolves.toContain(`数据截至 ${JUNE}`);
    await page.waitForFunction(() => !document.querySelector('.deck .state'));
    await expect(page.locator('.deck-cover-source').textContent()).resolves.toContain(
      `新引进总部企业 ${june.newHq.city.actual} 家`,
    );
  });

  it('goes back to the data’s end with 最新, and ignores a date after it', async () => {
    await open(`overview?year=2025&asOf=${JUNE}`);
    await page.click('.filterbar-asof button:text-is("最新")');
    await page.waitForFunction(() => !location.hash.includes('asOf='));
    await settled(page);
    expect(await kpi('newHqAnnual')).toBe(running.newHq.city.actual);
    await open('overview?year=2025&asOf=2026-03-31');
    expect(await page.inputValue('input[name="asOf"]')).toBe('2025-09-30');
    expect(await kpi('newHqAnnual')).toBe(running.newHq.city.actual);
  });
});

describe('assessment and reward screens', () => {
  it('open on the newest complete year, the running year one click away', async () => {
    for (const screen of ['ranking', 'certification']) {
      await open(screen);
      expect(await page.inputValue('select[name="year"]'), screen).toBe('2024');
      await page.click('[data-running-year="2025"]');
      await page.waitForFunction(() => location.hash.includes('year=2025'));
      await settled(page);
      expect(await page.inputValue('select[name="year"]'), screen).toBe('2025');
      await expect(page.locator('main h2').first().textContent()).resolves.toContain('1—9月');
    }
    // The reward is said to compare the same months.
    await expect(page.locator('.cert-outcome [data-part-year]').textContent()).resolves.toContain(
      '1—9月贡献对比认定前一年同期',
    );
  });
});

describe('what counts toward the target', () => {
  it('switches to 综合型·功能型 on the overview, as --target-types named, and shows the 口径 on the ranking', async () => {
    await open('overview?year=2025');
    await page.click('.target-types button:text-is("综合型·功能型")');
    await page.waitForSelector('[data-target-types="named"]');
    await settled(page);
    expect(await kpi('newHqAnnual')).toBe(named.newHq.city.actual);
    expect(named.newHq.city.actual).toBeLessThan(running.newHq.city.actual);
    // A setting: the ranking shows the same 口径, and it survives a reload.
    await open('ranking?year=2025');
    await expect(page.locator('.target-types').textContent()).resolves.toContain('仅综合型总部、功能型总部');
    await page.click('.target-types button:text-is("全部类型")');
    await page.waitForSelector('[data-target-types="all"]');
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});

/**
 * Drill-through in the built app on the sample data, on one page: a KPI card, a bar of the
 * completion chart and a region of the belts map each open the records behind them in the drill
 * panel, whose count equals the figure clicked; the drill link reproduces after a reload; the ⓘ of a
 * filtered figure names the filter; the county scorecard prints on A4; a layer of 项目跟踪's funnel and a
 * scorecard indicator open their records, and over a slide Esc closes the panel before the deck.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { settled, watch, type Watch } from './page';
import { pdfPageSizes } from './pdf';
import { unitName as unitNameOf } from '../../src/domain/units';

const YEAR = 2024;
let browser: Browser;
let page: Page;
let watched: Watch;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  watched = watch(page, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

const open = async (hash: string) => {
  await page.goto(`${inject('baseUrl')}#/${hash}`);
  await settled(page);
};

/** The drill panel once its records are read: figure, key and total. */
async function drillShown(figure: string) {
  const panel = page.locator(`[data-drill="${figure}"][data-drill-status="ready"]`);
  await panel.waitFor({ timeout: 120_000 });
  return {
    key: await panel.getAttribute('data-drill-key'),
    total: Number(await panel.getAttribute('data-drill-total')),
    summary: await panel.locator('[data-drill-summary]').innerText(),
  };
}

/**
 * Moves the mouse over a chart until its tooltip names what `wanted` matches, and returns that
 * point and the tooltip text. Canvas charts have no DOM per bar or region: the tooltip says what is
 * under the pointer, so the test clicks where a user would see it.
 */
const tooltipText = (chart: ReturnType<Page['locator']>) =>
  chart.evaluate((el) => (el as HTMLElement).innerText);

async function findInChart(label: string, wanted: RegExp, rows: readonly number[]) {
  const chart = page.locator(`[data-chart="${label}"]`);
  const box = (await chart.boundingBox())!;
  const textAt = async (x: number, y: number) => {
    await page.mouse.move(x, y);
    // The tooltip follows the pointer a frame later.
    await page.waitForTimeout(40);
    return tooltipText(chart);
  };
  for (const fy of rows) {
    const y = box.y + box.height * fy;
    for (let x = box.x + 20; x < box.x + box.width - 20; x += 6) {
      const first = await textAt(x, y);
      if (!wanted.test(first)) continue;
      // The run of points that show the same tooltip (a bar's column, a region's width): click its middle.
      let end = x;
      while (end + 6 < box.x + box.width && (await textAt(end + 6, y)) === first) end += 6;
      const mid = Math.round((x + end) / 2);
      await page.mouse.move(mid + 1, y);
      await page.mouse.move(mid, y);
      await page.waitForTimeout(300);
      const text = await tooltipText(chart);
      if (wanted.test(text)) return { x: mid, y, text };
    }
  }
  throw new Error(`no point of “${label}” shows ${String(wanted)}`);
}

describe('drill-through on the sample data', () => {
  it('a KPI card opens its records, and their count is the card', async () => {
    await open(`overview?year=${YEAR}`);
    const card = page.locator('[data-kpi="newHqAnnual"]');
    const value = Number(await card.getAttribute('data-value'));
    await card.click();
    const shown = await drillShown('newHq');
    expect(shown.total).toBe(value);
    expect(shown.summary).toContain(`共 ${value} 条企业记录`);
    expect(page.url()).toContain('drill=newHq');
  });

  it('the drill link reproduces after a reload, and back closes it', async () => {
    const value = Number(await page.getAttribute('[data-kpi="newHqAnnual"]', 'data-value'));
    await page.reload();
    expect((await drillShown('newHq')).total).toBe(value);
    await page.goBack();
    await page.locator('[data-drill]').waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('drill=');
  });

  it('a bar of the completion chart opens that unit’s new HQ', async () => {
    await open(`overview?year=${YEAR}`);
    const label = '各地新引进总部企业完成情况';
    await page.locator(`[data-chart="${label}"]`).scrollIntoViewIfNeeded();
    // Just above the axis, where every bar with a count is drawn.
    const point = await findInChart(label, /新引进：\s*[1-9]\d*\s*家/, [0.8, 0.76]);
    const count = Number(/新引进：\s*(\d+)\s*家/.exec(point.text)![1]);
    await page.mouse.click(point.x, point.y);
    const shown = await drillShown('newHq');
    expect(shown.key).not.toBe('');
    expect(shown.total).toBe(count);
  });

  it('a region of the belts map opens its HQ enterprises', async () => {
    await open(`belts?year=${YEAR}`);
    const point = await findInChart('各地总部企业分布图', /^瑞安市\n总部企业：\d+家/, [0.5, 0.6, 0.7]);
    const count = Number(/总部企业：(\d+)家/.exec(point.text)![1]);
    await page.mouse.click(point.x, point.y);
    const shown = await drillShown('beltsHq');
    expect(shown.key).toBe('330381');
    expect(shown.total).toBe(count);
  });

  it('a building on its chart and a segment of the score breakdown open their records', async () => {
    // 楼宇税收排名: a building's bar opens its tenants' tax rows, which add up to the bar.
    await open(`buildings?year=${YEAR}`);
    const ranking = '楼宇税收排名';
    await page.locator(`[data-chart="${ranking}"]`).scrollIntoViewIfNeeded();
    const bar = await findInChart(ranking, /楼宇税收：[\d.]+亿元/, [0.2, 0.25, 0.3]);
    const tax = Number(/楼宇税收：([\d.]+)亿元/.exec(bar.text)![1]);
    await page.mouse.click(bar.x, bar.y);
    const building = await drillShown('buildingTax');
    expect(building.key).not.toBe('');
    expect(page.url()).toContain(`building=${building.key!}`);
    const sum = Number(
      await page.getAttribute('[data-drill="buildingTax"] [data-drill-sum]', 'data-drill-sum'),
    );
    expect(Math.round(sum / 1e6) / 100).toBeCloseTo(tax, 2);

    // 得分构成: the first segment of the top unit's bar opens that unit's indicator (its table cell).
    await open(`ranking?year=${YEAR}`);
    const label = '得分构成';
    const chart = page.locator(`[data-chart="${label}"]`);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const y = box.y + box.height * 0.1;
    let x = box.x + 10;
    for (; x < box.x + box.width / 2; x += 6) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(40);
      if (/第1名/.test(await tooltipText(chart))) break;
    }
    await page.mouse.click(x + 8, y);
    const cell = await drillShown('ranking');
    const [code, k] = cell.key!.split(':') as [string, string];
    const headers = await page.locator('[data-panel="各地考核指标与得分"] thead th').allInnerTexts();
    const column = headers.findIndex((h) => h.startsWith(['②', '②', '③', '④', '⑤'][Number(k)]!));
    const row = page
      .locator('[data-panel="各地考核指标与得分"] tbody tr')
      .filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${unitNameOf(code)}$`) }) });
    const shownCell = Number((await row.locator('td').nth(column).innerText()).replace(/,/g, ''));
    // ①② count enterprises, ③ projects; ④ and ⑤ are sums, in 万元 with 0 and 1 digits in the table.
    if (Number(k) <= 2) {
      expect(cell.total).toBe(shownCell);
    } else {
      const sum = Number(
        await page.getAttribute('[data-drill="ranking"] [data-drill-sum]', 'data-drill-sum'),
      );
      expect(Number(k) === 3 ? Math.round(sum / 1e4) : Math.round(sum / 1e3) / 10).toBe(shownCell);
    }
  });

  it('the ⓘ of a filtered figure names the filter', async () => {
    await open(`overview?year=${YEAR}&unit=330302`);
    const info = page.locator('[data-kpi="newHqAnnual"] [data-info="newHq"]');
    await info.locator('summary').click();
    const text = await info.locator('[data-caliber-text]').innerText();
    expect(text).toContain('属地 = 鹿城区（unit=330302）');
    expect(text).toContain(`数据截至`);
    expect(text).toMatch(/红黄绿灯/);
    // Reading the 口径 does not open the records.
    expect(await page.locator('[data-drill]').count()).toBe(0);
  });

  it('the county scorecard prints on A4', async () => {
    await open(`county?year=${YEAR}&unit=330302`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeLessThanOrEqual(6);
    for (const s of sizes) {
      // A4 in points, portrait or landscape.
      expect([Math.round(Math.min(s.width, s.height)), Math.round(Math.max(s.width, s.height))]).toEqual([
        595, 842,
      ]);
    }
  });

  it('a 项目跟踪 funnel layer and a scorecard indicator open their records; Esc over a slide closes the panel first', async () => {
    await open(`projects?year=${YEAR}`);
    const label = '项目推进漏斗';
    await page.locator(`[data-chart="${label}"]`).scrollIntoViewIfNeeded();
    // The 注册 layer, second from the top of five.
    const point = await findInChart(label, /^注册\n项目：\d+ 个/, [0.3, 0.34, 0.26]);
    const count = Number(/项目：(\d+) 个/.exec(point.text)![1]);
    await page.mouse.click(point.x, point.y);
    const layer = await drillShown('projects');
    expect(layer.key).toBe('注册');
    expect(layer.total).toBe(count);
    expect(layer.summary).toContain(`共 ${count} 条项目记录`);

    await open(`county?year=${YEAR}&unit=330302`);
    const card = page.locator('[data-indicator="3"]');
    const value = Number(await card.getAttribute('data-value'));
    await card.click();
    const projects = await drillShown('ranking');
    expect(projects.key).toBe('330302:2');
    expect(projects.total).toBe(value);

    // Over a slide the keys are the panel's: → does not turn the slide, Esc closes the panel, not the deck.
    await open(`present?year=${YEAR}&slide=3&drill=newHq&drillKey=330381`);
    await drillShown('newHq');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.locator('[data-drill]').waitFor({ state: 'detached' });
    expect(page.url()).toContain('#/present');
    expect(await page.getAttribute('.deck', 'data-slide')).toBe('3');
  });

  it('logs no console error and requests nothing from outside', () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});

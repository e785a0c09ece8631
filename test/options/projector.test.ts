/**
 * Projector-grade slides: every chart text of every slide, measured from the ECharts options the
 * deck draws (built from the real engine's figures of the sample exports), is at least 18 px at
 * 1920 full screen, where a 1280×720 slide is drawn 1.5× its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import { slideCharts } from '../../src/charts/options/deck';
import { fontSizes, projectorOption } from '../../src/charts/options/projector';
import { deckFigures } from '../../src/domain/figures/deck';
import { loadFolder } from '../../scripts/lib/loadFolder';

const SCALE_AT_1920 = 1920 / 1280;

let db: Db;
beforeAll(async () => {
  db = (await loadFolder('test/fixtures/exports-2023')).db;
});
afterAll(async () => {
  await db?.close();
});

describe('projector-grade slide charts', () => {
  it('draw no text under 18 px at 1920 full screen', async () => {
    const figures = await deckFigures(db, { year: 2023, asOf: '2023-12-31' });
    const charts = slideCharts(figures, '330302');
    for (const [name, option] of Object.entries(charts)) {
      const sizes = fontSizes(option);
      expect(sizes.length, `${name} has text`).toBeGreaterThan(0);
      expect(Math.min(...sizes) * SCALE_AT_1920, `smallest text of ${name}`).toBeGreaterThanOrEqual(18);
    }
  });

  it('raise the sizes ECharts would default (12 px) and keep larger ones', () => {
    const option = projectorOption({
      xAxis: { type: 'category' },
      legend: { textStyle: { fontSize: 20 } },
      series: [{ type: 'bar', label: { show: true, rich: { on: { fontSize: 9 } } } }],
    }) as {
      xAxis: { axisLabel: { fontSize: number } };
      legend: { textStyle: { fontSize: number } };
      series: { label: { fontSize: number; rich: { on: { fontSize: number } } } }[];
    };
    expect(option.xAxis.axisLabel.fontSize).toBe(13);
    expect(option.legend.textStyle.fontSize).toBe(20);
    expect(option.series[0]!.label.fontSize).toBe(13);
    expect(option.series[0]!.label.rich.on.fontSize).toBe(13);
  });
});

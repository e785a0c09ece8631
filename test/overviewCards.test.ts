/**
 * 总览's KPI cards as data (src/views/overview/kpiCards.ts): what the screen renders and what the
 * entry paints before the desktop's code on a revisit (src/app/openingCards.ts) come from one list.
 */
import { describe, expect, it } from 'vitest';
import type { OverviewFigures } from '../src/domain/figures/overview';
import { cardModel, overviewCards } from '../src/views/overview/kpiCards';

/** The figures fixture's shape (docs/VIEW-FIGURES.md), 2025 as of 2025-09-30: a part year. */
const figures = {
  year: 2025,
  asOf: '2025-09-30',
  at: '2025-09-30',
  months: '1—9月',
  targetTypes: 'all',
  timeProgress: 0.75,
  newHq: { year: 2025, city: { actual: 30, target: 38 }, scope: '全市', byRegion: [] },
  fiveYear: { from: 2019, to: 2023, actual: 163, target: 150, years: [] },
  localHq: { year: 2025, stock: 181, flow: 9 },
  hqTax: { year: 2025, tax: 15_444_000_000, previous: 13_360_000_000, change: 0.156, months: '1—9月' },
  billionBuildings: 15,
  byOrigin: [],
} as unknown as OverviewFigures;

/** What the first card (新引进总部企业, part year) says, on the screen and in the kept model alike. */
const NEW_HQ_SAYS = {
  label: '2025年1—9月新引进总部企业',
  value: 30,
  target: 38,
  display: '30 / 38 家',
  note: '任务进度 78.9% · 时间进度 75.0%',
  tone: 'good',
};

describe('overview KPI cards', () => {
  it('says each figure with its part year, unit and light', () => {
    const cards = overviewCards(figures);
    expect(cards.map((c) => ('pending' in c ? c.pending : c.name))).toEqual([
      'newHqAnnual',
      'fiveYear',
      'localHq',
      'billionBuildings',
      'hqTax',
    ]);
    expect(cards[0]).toMatchObject({ ...NEW_HQ_SAYS, light: 'green' });
    expect(cards[4]).toMatchObject({ label: '总部企业税收（1—9月）', display: '154.44亿元' });
  });

  it('holds the place of 预计全年 while it computes', () => {
    const cards = overviewCards(figures, null, '正在计算…');
    expect(cards.at(-1)).toEqual({
      pending: 'newHqForecast',
      label: '2025年新引进总部企业（预计全年）',
      note: '正在计算…',
    });
  });

  it('keeps for the entry what the card shows: texts, values, the ⓘ and the light in words', () => {
    const [first] = overviewCards(figures);
    expect(cardModel(first!)).toEqual({
      name: 'newHqAnnual',
      ...NEW_HQ_SAYS,
      info: true,
      light: { key: 'green', text: '达序时' },
    });
    const pending = overviewCards(figures, null, '正在计算…').at(-1)!;
    expect(cardModel(pending)).toEqual({
      name: 'newHqForecast',
      label: '2025年新引进总部企业（预计全年）',
      note: '正在计算…',
    });
  });
});

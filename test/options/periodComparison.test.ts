/** The period comparison's option helpers: pure, no database. */
import { describe, expect, it } from 'vitest';
import { clickedMonth, newHqByMonthOption } from '../../src/charts/options/periodComparison';

describe('a click on the period comparison', () => {
  it('names the year and month of the point (the series is the year)', () => {
    expect(clickedMonth({ seriesName: '2024年', dataIndex: 2 })).toBe('2024-03');
    expect(clickedMonth({ seriesName: '2023年', dataIndex: 11 })).toBe('2023-12');
  });
  it('opens nothing for the target path or outside the twelve months', () => {
    expect(clickedMonth({ seriesName: '目标路径', dataIndex: 2 })).toBeUndefined();
    expect(clickedMonth({ seriesName: '2024年', dataIndex: 12 })).toBeUndefined();
  });
  it('the chart’s series are named by year, so each point can be clicked', () => {
    const option = newHqByMonthOption({
      year: 2024,
      months: 3,
      target: 12,
      path: Array.from({ length: 12 }, (_, i) => i + 1),
      series: [2024, 2023, 2022].map((year) => ({ year, values: Array(12).fill(1) as number[] })),
    }) as { series: { name: string }[] };
    const names = option.series.map((s) => s.name);
    expect(names.filter((n) => clickedMonth({ seriesName: n, dataIndex: 0 }))).toEqual([
      '2024年',
      '2023年',
      '2022年',
    ]);
  });
});

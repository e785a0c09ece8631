import { describe, expect, it } from 'vitest';
import {
  completionByUnitOption,
  cumulativeOption,
  originOption,
  progressOption,
} from '../../src/charts/options/overview';

type Series = { name?: string; type: string; data: unknown[] };
const series = (option: Record<string, unknown>) => option.series as Series[];
const call = (fn: unknown, ...args: unknown[]) => (fn as (...a: unknown[]) => string)(...args);

describe('overview option builders', () => {
  const years = [
    { year: 2019, actual: 31, cumulative: 31, path: 30 },
    { year: 2020, actual: 30, cumulative: 61, path: 60 },
  ];

  it('draw the cumulative line against the straight-line target path', () => {
    const option = cumulativeOption(years, 150) as Record<string, unknown>;
    expect(series(option).map((s) => s.name)).toEqual(['当年新引进', '累计', '目标路径']);
    expect(series(option)[1]!.data).toEqual([31, 61]);
    expect(series(option)[2]!.data).toEqual([30, 60]);
  });

  it('leave out the target path when there is no target', () => {
    const option = cumulativeOption(
      years.map((y) => ({ ...y, path: null })),
      null,
    ) as Record<string, unknown>;
    expect(series(option).map((s) => s.name)).toEqual(['当年新引进', '累计']);
  });

  it('mark each unit target and grey out the units not chosen', () => {
    const units = [
      { code: '330302', name: '鹿城区', actual: 6, target: 5 },
      { code: '330303', name: '龙湾区', actual: 2, target: null },
      { code: '330305', name: '洞头区', actual: 0, target: null },
    ];
    const option = completionByUnitOption(units, '330302') as Record<string, unknown>;
    expect((option.xAxis as { data: string[] }).data).toEqual(['鹿城区', '龙湾区']);
    const bars = series(option)[0]!.data as { value: number; itemStyle: { color: string } }[];
    expect(bars.map((b) => b.value)).toEqual([6, 2]);
    expect(bars[0]!.itemStyle.color).not.toBe(bars[1]!.itemStyle.color);
    expect(series(option)[1]!.data).toEqual([5, null]);
    // The legend swatch is the series colour: the same blue as the chosen unit's bar.
    expect((series(option)[0] as unknown as { color: string }).color).toBe(bars[0]!.itemStyle.color);
    expect((option.legend as { data: string[] }).data).toEqual(['新引进', '目标']);
  });

  it('with lights, colour each bar by its unit and leave 新引进 out of the legend (no bar is its blue)', () => {
    const units = [
      { code: '330302', name: '鹿城区', actual: 6, target: 5 },
      { code: '330303', name: '龙湾区', actual: 1, target: 4 },
    ];
    const option = completionByUnitOption(units, undefined, undefined, 0.75) as Record<string, unknown>;
    const bars = series(option)[0]!.data as { itemStyle: { color: string } }[];
    expect(bars[0]!.itemStyle.color).not.toBe(bars[1]!.itemStyle.color);
    expect((option.legend as { data: string[] }).data).toEqual(['目标']);
  });

  it('escape names from files in tooltips', () => {
    const units = [{ code: 'X', name: '<img src=x onerror=alert(1)>', actual: 1, target: 2 }];
    const option = completionByUnitOption(units) as { tooltip: { formatter: unknown } };
    const html = call(option.tooltip.formatter, [{ dataIndex: 0 }]);
    expect(html).toContain('&lt;img');
    expect(html).not.toContain('<img');
    expect(html).toContain('50.0%');
    const pie = originOption([{ origin: '<b>', count: 3 }]) as { tooltip: { formatter: unknown } };
    expect(call(pie.tooltip.formatter, { name: '<b>', value: 3, percent: 100 })).toContain('&lt;b&gt;');
  });

  it('show task and time progress as percentages, and say when there is no target', () => {
    const option = progressOption(0.789, 0.75) as Record<string, unknown>;
    const s = series(option)[0] as unknown as { data: { value: number }[]; label: { formatter: unknown } };
    expect(s.data.map((d) => d.value)).toEqual([0.75, 0.789]);
    expect(call(s.label.formatter, { dataIndex: 1, value: 0.789 })).toBe('78.9%');
    const none = series(progressOption(null, 0.5) as Record<string, unknown>)[0] as unknown as {
      label: { formatter: unknown };
    };
    expect(call(none.label.formatter, { dataIndex: 1, value: 0 })).toBe('无目标');
  });
});

/** The 项目跟踪 option builders: pure, no database. */
import { describe, expect, it } from 'vitest';
import {
  fourOnesByUnitOption,
  fourOnesGapsOption,
  funnelOption,
  shareOf,
} from '../../src/charts/options/projects';

type Fn = (p: unknown) => string;
const stages = [
  { stage: '签约', count: 100 },
  { stage: '注册', count: 80 },
  { stage: '认定', count: 60 },
  { stage: '投产', count: 30 },
  { stage: '销号', count: 0 },
] as const;

describe('funnelOption', () => {
  it('keeps the stage order, writes counts inside and conversions beside each layer', () => {
    const option = funnelOption(stages) as {
      series: { sort: string; data: { name: string; value: number }[]; label: { formatter: Fn } }[];
      tooltip: { formatter: Fn };
    };
    const [counts, conversions] = option.series;
    expect(counts!.sort).toBe('none');
    expect(counts!.data.map((d) => [d.name, d.value])).toEqual(stages.map((s) => [s.stage, s.count]));
    expect(counts!.label.formatter({ dataIndex: 1 })).toBe('注册 80');
    expect(conversions!.label.formatter({ dataIndex: 0 })).toBe('转化率');
    expect(conversions!.label.formatter({ dataIndex: 1 })).toBe('→ 80.0%');
    expect(conversions!.label.formatter({ dataIndex: 3 })).toBe('→ 50.0%');
    expect(conversions!.label.formatter({ dataIndex: 4 })).toBe('→ 0.0%');
    const tip = option.tooltip.formatter({ dataIndex: 2 });
    expect(tip).toContain('较上一环节：75.0%');
    expect(tip).toContain('占签约：60.0%');
  });

  it('shows — rather than NaN when nothing was signed', () => {
    const option = funnelOption(stages.map((s) => ({ ...s, count: 0 }))) as {
      series: { label: { formatter: Fn } }[];
    };
    expect(option.series[1]!.label.formatter({ dataIndex: 2 })).toBe('→ —');
    expect(shareOf(1, 0)).toBeNull();
  });
});

describe('fourOnesByUnitOption', () => {
  const units = [
    { code: '330302', name: '鹿城区', projects: 4, complete: 3 },
    { code: '330303', name: '<b>龙湾区</b>', projects: 2, complete: 0 },
  ];

  it('plots the complete share per unit with the city line', () => {
    const option = fourOnesByUnitOption(units) as {
      series: {
        data: { value: number; itemStyle: { color: string } }[];
        markLine: { data: { yAxis: number }[] };
      }[];
      tooltip: { formatter: Fn };
    };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([0.75, 0]);
    expect(option.series[0]!.markLine.data[0]!.yAxis).toBeCloseTo(0.5, 10);
    const tip = option.tooltip.formatter([{ dataIndex: 1 }]);
    expect(tip).toContain('&lt;b&gt;龙湾区&lt;/b&gt;');
    expect(tip).toContain('0 / 2 个');
  });

  it('marks the chosen unit', () => {
    const option = fourOnesByUnitOption(units, '330303') as {
      series: { data: { itemStyle: { color: string } }[] }[];
    };
    const [a, b] = option.series[0]!.data;
    expect(a!.itemStyle.color).not.toBe(b!.itemStyle.color);
  });
});

describe('fourOnesGapsOption', () => {
  it('lists the items in the order given with their counts', () => {
    const option = fourOnesGapsOption([
      { item: '绿色通道', count: 5 },
      { item: '服务专班', count: 2 },
    ]) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['缺绿色通道', '缺服务专班']);
    expect(option.series[0]!.data).toEqual([5, 2]);
  });
});

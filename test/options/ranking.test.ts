/** The 考核排名 option builder: pure, no database. */
import { describe, expect, it } from 'vitest';
import { clickedRankingCell, scoreBreakdownOption } from '../../src/charts/options/ranking';
import { INDICATORS, scoreUnits } from '../../src/domain/figures/ranking';

type Five = [number, number, number, number, number];
const units = scoreUnits([
  { code: '330302', name: '鹿城区', indicators: [1, 4, 2, 1000, 5e7] as Five },
  { code: '330303', name: '<龙湾区>', indicators: [0.5, 2, 4, 3000, 1e7] as Five },
  { code: '330304', name: '瓯海区', indicators: [0, 0, 0, 0, 0] as Five },
]);

interface Series {
  name: string;
  stack: string;
  data: { value: number; itemStyle: { opacity: number } }[];
  label?: { formatter: (p: { dataIndex: number }) => string };
}
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;

describe('scoreBreakdownOption', () => {
  it('stacks the points of the five indicators per unit in rank order, the total at the end', () => {
    const option = scoreBreakdownOption(units);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual([...INDICATORS]);
    expect(series.every((s) => s.stack === 'score')).toBe(true);
    const yAxis = (option as { yAxis: { data: string[]; inverse: boolean } }).yAxis;
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(units.map((u) => `${u.rank}. ${u.name}`));
    // The segments of each bar add up to its score.
    units.forEach((u, i) => {
      const sum = series.reduce((a, s) => a + s.data[i]!.value, 0);
      expect(sum).toBeCloseTo(u.score, 3);
    });
    const last = series.at(-1)!;
    expect(last.label!.formatter({ dataIndex: 0 })).toBe(units[0]!.score.toFixed(1));
    expect(series.slice(0, -1).every((s) => s.label === undefined)).toBe(true);
  });

  it('keeps the chosen unit in colour and fades the others', () => {
    const series = seriesOf(scoreBreakdownOption(units, '330303'));
    const index = units.findIndex((u) => u.code === '330303');
    for (const s of series) {
      s.data.forEach((d, i) => expect(d.itemStyle.opacity).toBe(i === index ? 1 : 0.35));
    }
    const label = (
      scoreBreakdownOption(units, '330303') as {
        yAxis: { axisLabel: { formatter: (v: string, i: number) => string } };
      }
    ).yAxis.axisLabel;
    expect(label.formatter('x', index)).toBe('{sel|x}');
    expect(label.formatter('y', index === 0 ? 1 : 0)).toBe('y');
  });

  it('escapes unit names in the tooltip', () => {
    const option = scoreBreakdownOption(units) as {
      tooltip: { formatter: (p: { dataIndex: number }[]) => string };
    };
    const index = units.findIndex((u) => u.code === '330303');
    const html = option.tooltip.formatter([{ dataIndex: index }]);
    expect(html).toContain('&lt;龙湾区&gt;');
    expect(html).not.toContain('<龙湾区>');
    expect(html).toContain('完成率');
  });
});

describe('a click on the score breakdown', () => {
  it('opens the ranking cell of the bar’s unit and the segment’s indicator', () => {
    expect(clickedRankingCell({ seriesName: INDICATORS[2], dataIndex: 1 }, units)).toBe(
      `${units[1]!.code}:2`,
    );
    expect(clickedRankingCell({ seriesName: INDICATORS[0], dataIndex: 0 }, units)).toBe(
      `${units[0]!.code}:0`,
    );
    // Off the bars (a legend, an axis) there is no cell.
    expect(clickedRankingCell({ seriesName: '其他', dataIndex: 0 }, units)).toBeUndefined();
    expect(clickedRankingCell({ seriesName: INDICATORS[1], dataIndex: 9 }, units)).toBeUndefined();
  });
});

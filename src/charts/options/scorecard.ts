/** Option builder of the county scorecard: the points each indicator earned against its full marks. */
import type { EChartsCoreOption } from 'echarts/core';
import type { ScoreWeights } from '../../domain/defaults';
import { INDICATORS, type RankedUnit } from '../../domain/figures/ranking';
import { COLORS } from '../theme';
import { axisTooltip, tooltipHtml } from '../text';

/** Full marks of indicator k: 100 × wₖ ÷ Σw (what a unit earns when it is the best on k). */
export const fullMarks = (weights: ScoreWeights) => {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum > 0 ? (100 * w) / sum : 0));
};

export function scorecardPointsOption(unit: RankedUnit, weights: ScoreWeights): EChartsCoreOption {
  const full = fullMarks(weights);
  const one = (n: number) => n.toFixed(1);
  return {
    tooltip: axisTooltip((k) =>
      tooltipHtml(INDICATORS[k] ?? '', [
        ['得分', `${one(unit.points[k] ?? 0)} 分`],
        ['满分', `${one(full[k] ?? 0)} 分`],
        ['标准化', (unit.normalised[k] ?? 0).toFixed(3)],
      ]),
    ),
    legend: { top: 0, data: ['得分', '满分'] },
    grid: { left: 12, right: 48, top: 32, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: '分', splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: { type: 'category', inverse: true, data: [...INDICATORS], axisTick: { show: false } },
    series: [
      // Full marks behind, the points earned over them.
      { name: '满分', type: 'bar', barWidth: 18, color: COLORS.grid, data: full, silent: true },
      {
        name: '得分',
        type: 'bar',
        barWidth: 18,
        barGap: '-100%',
        color: COLORS.primary,
        data: unit.points,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => one(p.value) },
      },
    ],
  };
}

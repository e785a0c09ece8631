/** Option builders of the 考核排名 screen: pure functions of the scored units. */
import type { EChartsCoreOption } from 'echarts/core';
import { INDICATORS, type RankedUnit } from '../../domain/figures/ranking';
import { COLORS, PALETTE } from '../theme';
import { axisTooltip, tooltipHtml } from '../text';

const oneDecimal = (n: number) => n.toFixed(1);

/**
 * Score breakdown: one horizontal bar per unit, rank 1 on top, stacked by the points each indicator
 * earns (they add up to the score), the total written at the end. The chosen unit stays in colour,
 * the others fade, so a county finds itself at a glance.
 */
export function scoreBreakdownOption(units: readonly RankedUnit[], selected?: string): EChartsCoreOption {
  const faded = (code: string) => selected !== undefined && code !== selected;
  const names = units.map((u) => `${u.rank}. ${u.name}`);
  return {
    tooltip: axisTooltip((i) => {
      const u = units[i];
      if (!u) return '';
      return tooltipHtml(`第${u.rank}名 ${u.name}：${oneDecimal(u.score)} 分`, [
        ...INDICATORS.map(
          (name, k) =>
            [name, `${oneDecimal(u.points[k]!)} 分（标准化 ${u.normalised[k]!.toFixed(3)}）`] as const,
        ),
      ]);
    }),
    legend: { top: 0, data: [...INDICATORS] },
    grid: { left: 12, right: 56, top: 32, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: '分', max: 100, splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLabel: {
        formatter: (value: string, index: number) =>
          units[index]?.code === selected ? `{sel|${value}}` : value,
        rich: { sel: { color: COLORS.primary, fontWeight: 'bold' } },
      },
    },
    series: INDICATORS.map((name, k) => ({
      name,
      type: 'bar',
      stack: 'score',
      barMaxWidth: 22,
      color: PALETTE[k],
      data: units.map((u) => ({
        value: Number(u.points[k]!.toFixed(4)),
        itemStyle: { opacity: faded(u.code) ? 0.35 : 1 },
      })),
      // The last segment carries the total at the end of the bar.
      ...(k === INDICATORS.length - 1
        ? {
            label: {
              show: true,
              position: 'right',
              color: COLORS.text,
              formatter: (p: { dataIndex: number }) => oneDecimal(units[p.dataIndex]?.score ?? 0),
            },
          }
        : {}),
    })),
  };
}

/**
 * The ranking cell behind a clicked segment of the score breakdown: the unit of the bar and the
 * indicator of the segment, `unit:k` as the table's raw indicator cells open it.
 */
export function clickedRankingCell(
  event: { seriesName?: string; dataIndex?: number },
  units: readonly Pick<RankedUnit, 'code'>[],
): string | undefined {
  const k = (INDICATORS as readonly string[]).indexOf(event.seriesName ?? '');
  const unit = units[event.dataIndex ?? -1];
  return k >= 0 && unit ? `${unit.code}:${k}` : undefined;
}

/**
 * Option builders of the period comparison (issue 13 item 6): pure functions of
 * `newHqByMonth` / `taxByMonth`. Months after D are gaps, not zeros.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { MonthSeries, NewHqByMonth } from '../../domain/figures/periodComparison';
import { formatInUnit } from '../../format/numbers';
import { COLORS, PALETTE } from '../theme';
import { moneyUnit, tooltipHtml, yuanAxis } from '../text';

const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** Y as a solid line with its values, earlier years thinner and dashed, the target path dotted. */
export function newHqByMonthOption(f: NewHqByMonth): EChartsCoreOption {
  const [current, ...earlier] = f.series;
  const lines = [
    {
      name: `${current!.year}年`,
      type: 'line',
      data: current!.values,
      color: COLORS.primary,
      lineStyle: { width: 3 },
      // Points big enough to click (a point opens the new HQ up to that month).
      symbolSize: 8,
      label: { show: true, position: 'top' },
    },
    ...earlier.map((s, i) => ({
      name: `${s.year}年`,
      type: 'line',
      data: s.values,
      color: [COLORS.secondary, COLORS.muted][i],
      lineStyle: { type: 'dashed', width: 1.5 },
      symbolSize: 6,
    })),
    ...(f.path
      ? [
          {
            name: '目标路径',
            type: 'line',
            data: f.path,
            color: COLORS.target,
            lineStyle: { type: 'dotted' },
            symbol: 'none',
          },
        ]
      : []),
  ];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: lines.map((l) => l.name) },
    grid: { left: 44, right: 20, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: MONTH_LABELS, boundaryGap: false },
    yAxis: { type: 'value', name: '家（累计）', minInterval: 1 },
    series: lines,
  };
}

/** A tax by month, Y against Y−1, in one money unit for the whole chart. */
export function taxByMonthOption(series: readonly MonthSeries[]): EChartsCoreOption {
  const unit = moneyUnit(series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const text = (v: number | null) => (v === null ? '—' : `${formatInUnit(v, unit, 2)} ${unit}`);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const i = params[0]?.dataIndex ?? 0;
        const [now, before] = series;
        const change =
          now?.values[i] != null && before?.values[i] ? now.values[i]! / before.values[i]! - 1 : null;
        return tooltipHtml(MONTH_LABELS[i]!, [
          ...series.map((s) => [`${s.year}年`, text(s.values[i] ?? null)] as [string, string]),
          ['同比', change === null ? '—' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`],
        ]);
      },
    },
    legend: { top: 0, data: series.map((s) => `${s.year}年`) },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: MONTH_LABELS },
    yAxis: { type: 'value', name: unit, axisLabel: { formatter: yuanAxis(unit) } },
    series: series.map((s, i) => ({
      name: `${s.year}年`,
      type: 'bar',
      barMaxWidth: 16,
      color: [COLORS.primary, PALETTE[7]][i],
      data: s.values,
    })),
  };
}

/** The month behind a clicked point or bar (series `2024年`): `2024-03`; none for the target path. */
export function clickedMonth(event: { seriesName?: string; dataIndex?: number }): string | undefined {
  const year = /^(\d{4})年$/.exec(event.seriesName ?? '')?.[1];
  const i = event.dataIndex ?? -1;
  return year && i >= 0 && i < 12 ? `${year}-${String(i + 1).padStart(2, '0')}` : undefined;
}

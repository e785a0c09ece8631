/** Option builders of the overview screen: pure functions of its figures. */
import type { EChartsCoreOption } from 'echarts/core';
import { LIGHT_LABEL, progressLight, type Light } from '../../domain/trafficLight';
import { formatPercent } from '../../format/numbers';
import { COLORS } from '../theme';
import { percentAxis, tooltipHtml } from '../text';

interface YearPoint {
  year: number;
  /** null for a year not begun by the as-of date: no bar and no point, not a zero. */
  actual: number | null;
  cumulative: number | null;
  path: number | null;
}

/** Five-year window: new HQ per year (bars), the cumulative line, and the straight-line path to the target. */
export function cumulativeOption(years: readonly YearPoint[], target: number | null): EChartsCoreOption {
  const hasPath = target !== null && years.some((y) => y.path !== null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['当年新引进', '累计', ...(hasPath ? ['目标路径'] : [])] },
    grid: { left: 48, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
    yAxis: { type: 'value', name: '家', minInterval: 1 },
    series: [
      {
        name: '当年新引进',
        type: 'bar',
        // The year on each bar, so a click opens that year's new HQ.
        data: years.map((y) => ({ value: y.actual, year: y.year })),
        color: COLORS.secondary,
        barMaxWidth: 36,
      },
      {
        name: '累计',
        type: 'line',
        data: years.map((y) => y.cumulative),
        color: COLORS.primary,
        label: { show: true, position: 'top' },
      },
      ...(hasPath
        ? [
            {
              name: '目标路径',
              type: 'line',
              data: years.map((y) => (y.path === null ? null : Math.round(y.path * 10) / 10)),
              color: COLORS.target,
              lineStyle: { type: 'dashed' },
              symbol: 'none',
            },
          ]
        : []),
    ],
  };
}

interface UnitPoint {
  code: string;
  name: string;
  actual: number;
  target: number | null;
}

/**
 * New HQ by unit with each unit's target as a mark; the chosen unit stands out. In a running year
 * `forecast` (unit code → 预计全年, DOMAIN.md 15) adds a hollow mark of its own, named 预计 so it is
 * never read as actual.
 */
export function completionByUnitOption(
  units: readonly UnitPoint[],
  selected?: string,
  forecast?: ReadonlyMap<string, number>,
  timeProgress?: number,
): EChartsCoreOption {
  const shown = units.filter((u) => u.actual > 0 || (u.target ?? 0) > 0 || u.code === selected);
  // 红/黄/绿 per unit (task progress against time progress) when the time progress is given.
  const light = (u: UnitPoint): Light | null =>
    timeProgress === undefined ? null : progressLight(u.target ? u.actual / u.target : null, timeProgress);
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const u = shown[params[0]?.dataIndex ?? 0];
        if (!u) return '';
        return tooltipHtml(u.name, [
          ['新引进', `${u.actual} 家`],
          ['目标', u.target === null ? '未下达' : `${u.target} 家`],
          ['完成率', u.target ? formatPercent(u.actual / u.target) : '—'],
          ...(light(u) ? ([['红黄绿灯', LIGHT_LABEL[light(u)!]]] as [string, string][]) : []),
          ...(forecast
            ? ([['预计全年（预计）', `${forecast.get(u.code) ?? u.actual} 家`]] as [string, string][])
            : []),
        ]);
      },
    },
    // With lights, each bar takes its unit's 红/黄/绿 (keyed under the chart): one blue swatch for
    // 新引进 would then name a colour no bar has, so the legend keeps only the marks.
    legend: {
      top: 0,
      data: [...(timeProgress === undefined ? ['新引进'] : []), '目标', ...(forecast ? ['预计全年'] : [])],
    },
    grid: { left: 40, right: 16, top: 36, bottom: 56 },
    xAxis: {
      type: 'category',
      data: shown.map((u) => u.name),
      axisLabel: { interval: 0, rotate: shown.length > 8 ? 35 : 0 },
    },
    yAxis: { type: 'value', name: '家', minInterval: 1 },
    series: [
      {
        name: '新引进',
        type: 'bar',
        // The legend's swatch takes the series colour, not the bars' own (without this it took the
        // palette's first colour, the city red, beside blue bars).
        color: COLORS.secondary,
        barMaxWidth: 28,
        data: shown.map((u) => ({
          value: u.actual,
          // The unit code, so a click on the bar opens that unit's records.
          code: u.code,
          itemStyle: barStyle(light(u), !selected || u.code === selected),
        })),
        label: { show: true, position: 'top' },
      },
      {
        name: '目标',
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [26, 3],
        color: COLORS.target,
        data: shown.map((u) => u.target),
      },
      ...(forecast
        ? [
            {
              name: '预计全年',
              type: 'scatter',
              symbol: 'emptyCircle',
              symbolSize: 11,
              // Beside the bar's top, not on it: one above the actual, the mark sat on its label (4 → 5).
              symbolOffset: [11, 0],
              color: COLORS.good,
              // Only where the forecast adds to what is counted: a mark on the bar's own label says nothing.
              data: shown.map((u) => {
                const f = forecast.get(u.code);
                return f !== undefined && f > u.actual ? f : null;
              }),
            },
          ]
        : []),
    ],
  };
}

const LIGHT_COLOR: Record<Light, string> = {
  green: COLORS.good,
  amber: COLORS.amber,
  red: COLORS.warn,
  none: COLORS.secondary,
};

/** A unit's bar: its light's colour (or the series blue), faded when another unit is chosen. */
function barStyle(light: Light | null, chosen: boolean) {
  if (light === null) return { color: chosen ? COLORS.secondary : COLORS.muted };
  return { color: LIGHT_COLOR[light], opacity: chosen ? 1 : 0.35 };
}

/** 任务进度 vs 时间进度 (时间过半，任务过半): two bars on one percent axis. */
export function progressOption(task: number | null, time: number): EChartsCoreOption {
  const values = [time, task ?? 0];
  const behind = task !== null && task < time;
  return {
    grid: { left: 72, right: 56, top: 12, bottom: 24 },
    // Round the axis end up to a tenth, so 111.4% ends on 120% rather than on an odd tick.
    xAxis: {
      type: 'value',
      max: Math.max(1, Math.ceil(Math.max(...values) * 10) / 10),
      axisLabel: { formatter: percentAxis },
    },
    yAxis: { type: 'category', data: ['时间进度', '任务进度'] },
    series: [
      {
        type: 'bar',
        barWidth: 22,
        data: [
          { value: time, itemStyle: { color: COLORS.muted } },
          { value: task ?? 0, itemStyle: { color: behind ? COLORS.warn : COLORS.good } },
        ],
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number; value: number }) =>
            p.dataIndex === 1 && task === null ? '无目标' : formatPercent(p.value),
        },
      },
    ],
  };
}

/** New HQ by origin as a ring. */
export function originOption(rows: readonly { origin: string; count: number }[]): EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) =>
        tooltipHtml(p.name, [
          ['家数', `${p.value} 家`],
          ['占比', `${p.percent.toFixed(1)}%`],
        ]),
    },
    legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['38%', '52%'],
        // Long names (国内大型企业集团) wrap instead of being cut to 国内大… at the panel's edge.
        label: { formatter: '{b}\n{c}家', width: 72, overflow: 'break' },
        data: rows.map((r) => ({ name: r.origin, value: r.count })),
      },
    ],
  };
}

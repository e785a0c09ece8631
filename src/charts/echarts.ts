/**
 * The one place echarts is set up: only the charts and components the screens use are registered
 * (tree-shaken `echarts/core`), with the dashboard's calm report theme. The map chart, geo and
 * visualMap are registered by ./maps.ts, so the first screen does not load them.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart, FunnelChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  AriaComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { DARK, DARK_PALETTE, PALETTE, FONT_FAMILY } from './theme';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  AriaComponent,
  CanvasRenderer,
]);

echarts.registerTheme('report', {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY },
});

export const LIGHT_THEME = 'report';
export const DARK_THEME = 'report-dark';

/** Axes in the dark theme: light labels and names, quiet lines. */
const darkAxis = {
  axisLine: { lineStyle: { color: DARK.axis } },
  axisTick: { lineStyle: { color: DARK.axis } },
  axisLabel: { color: DARK.subtle },
  nameTextStyle: { color: DARK.subtle },
  splitLine: { lineStyle: { color: DARK.grid } },
  splitArea: { areaStyle: { color: ['rgba(255,255,255,0.02)', 'rgba(255,255,255,0)'] } },
};

/**
 * 大屏: what the option builders leave to the theme, in dark. The colours the builders set
 * themselves are swapped by `darkOption` (./theme.ts) before the option reaches echarts.
 * `darkMode` makes echarts pick light text for labels it colours on its own.
 */
echarts.registerTheme(DARK_THEME, {
  darkMode: true,
  color: DARK_PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: DARK.text },
  title: { textStyle: { color: DARK.text }, subtextStyle: { color: DARK.subtle } },
  legend: {
    textStyle: { color: DARK.text },
    inactiveColor: '#4a5566',
    pageTextStyle: { color: DARK.subtle },
    pageIconColor: DARK.text,
    pageIconInactiveColor: DARK.axis,
  },
  tooltip: {
    backgroundColor: DARK.tooltip,
    borderColor: DARK.axis,
    textStyle: { color: DARK.text },
  },
  axisPointer: {
    lineStyle: { color: DARK.axis },
    crossStyle: { color: DARK.axis },
    shadowStyle: { color: 'rgba(255,255,255,0.08)' },
    label: { backgroundColor: DARK.tooltip, color: DARK.text },
  },
  categoryAxis: darkAxis,
  valueAxis: darkAxis,
  logAxis: darkAxis,
  timeAxis: darkAxis,
  visualMap: { textStyle: { color: DARK.subtle } },
  markLine: { label: { color: DARK.text } },
  pie: { itemStyle: { borderColor: DARK.panel }, label: { color: DARK.text } },
  funnel: { itemStyle: { borderColor: DARK.panel } },
  geo: {
    itemStyle: { areaColor: '#24324a', borderColor: DARK.axis },
    label: { color: DARK.text },
    emphasis: { itemStyle: { areaColor: '#2c3d55' }, label: { color: DARK.text } },
  },
  map: {
    itemStyle: { areaColor: '#24324a', borderColor: DARK.axis },
    label: { color: DARK.text },
    emphasis: { itemStyle: { areaColor: '#2c3d55' }, label: { color: DARK.text } },
  },
});

export { echarts };

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
import { PALETTE, FONT_FAMILY } from './theme';

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

export { echarts };

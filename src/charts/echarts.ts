/**
 * The one place echarts is set up: only the charts and components the screens use are registered
 * (tree-shaken `echarts/core`), with the dashboard's calm report theme.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, ScatterChart, FunnelChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { PALETTE, FONT_FAMILY } from './theme';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  FunnelChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

echarts.registerTheme('report', {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY },
});

export { echarts };

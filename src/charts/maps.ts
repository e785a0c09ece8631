/**
 * The Wenzhou county map and the China province map, shipped with the app (src/maps, see SOURCES.md)
 * and registered at run time, with the map chart, geo and visualMap that only map screens load. China is registered under the name `china` so that echarts draws the
 * 南海诸岛 inset itself: a China map without it is incomplete.
 */
import china from '../maps/china.json';
import wenzhou from '../maps/wenzhou.json';
import { MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { echarts } from './echarts';

export const WENZHOU_MAP = 'wenzhou';
export const CHINA_MAP = 'china';

let registered = false;

export function registerMaps() {
  if (registered) return;
  // LabelLayout: the point units' named labels sit out at sea with a leader line (options/belts.ts).
  echarts.use([MapChart, GeoComponent, VisualMapComponent, LabelLayout]);
  echarts.registerMap(WENZHOU_MAP, wenzhou as never);
  echarts.registerMap(CHINA_MAP, china as never);
  registered = true;
}

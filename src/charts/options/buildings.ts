/**
 * Option builders of the 亿元楼宇 screen: pure functions of its figures. Every building point or bar
 * carries its `buildingId` in the data item, so a click anywhere reads the building from the event.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { BILLION, BUILDING_TIERS } from '../../domain/defaults';
import type { BuildingFigure } from '../../domain/figures/buildings';
import { UNITS, unitByCode, unitName } from '../../domain/units';
import { formatCount, formatInUnit, formatMoney, formatPercent } from '../../format/numbers';
import { COLORS, PALETTE } from '../theme';
import { axisTooltip, percentAxis, tooltipHtml, yuanAxis } from '../text';

/** Buildings below 5000万 have no tier; charts and legends call them so. */
export const NO_TIER = '其他楼宇';

/** One colour per tier, strongest for the largest buildings; the same on every panel. */
export const TIER_COLORS: Readonly<Record<string, string>> = {
  十亿元楼宇: COLORS.primary,
  五亿元楼宇: COLORS.target,
  亿元楼宇: COLORS.secondary,
  培育楼宇: COLORS.good,
  [NO_TIER]: COLORS.muted,
};

/** Tier names in legend order, largest first. */
export const TIER_ORDER: readonly string[] = [...BUILDING_TIERS.map((t) => t.name), NO_TIER];

const tierOf = (b: Pick<BuildingFigure, 'tier'>) => b.tier ?? NO_TIER;

/** One colour per unit of the dictionary (15), so a unit keeps its colour across years and filters. */
const UNIT_COLORS = [...PALETTE, '#c2185b', '#00838f', '#827717', '#6d4c41', '#3949ab', '#ad1457', '#2e7d32'];
const unitColor = (code: string) =>
  UNIT_COLORS[
    Math.max(
      0,
      UNITS.findIndex((u) => u.code === code),
    ) % 15
  ]!;

/** The data item of a building: its id travels with the click event. */
interface BuildingItem {
  value: number | (number | null)[];
  buildingId: string;
  name: string;
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

/** The building id of a clicked chart element, if it is a building. */
export function clickedBuilding(event: { data?: unknown }): string | undefined {
  const data = event.data as Partial<BuildingItem> | null | undefined;
  return typeof data?.buildingId === 'string' ? data.buildingId : undefined;
}

/** The tooltip of one building (title and every text escaped); tax in 亿元 like the charts' axes. */
export function buildingTooltip(b: BuildingFigure): string {
  return tooltipHtml(b.name, [
    ['属地', unitName(b.region)],
    ['类型', b.kind ?? '—'],
    ['楼宇税收', formatMoney(b.tax, '亿元')],
    ['等级', b.tier ?? '未达培育标准（< 5000万元）'],
    ['入驻率', formatPercent(b.occupancy)],
    ['每㎡税收', b.taxPerSqm === null ? '—' : `${formatCount(b.taxPerSqm)} 元/㎡`],
    ['入驻企业', `${formatCount(b.enterprises)} 家`],
  ]);
}

function tooltipFor(buildings: readonly BuildingFigure[]) {
  const byId = new Map(buildings.map((b) => [b.buildingId, b]));
  return (p: { data?: unknown }) => {
    const b = byId.get(clickedBuilding(p) ?? '');
    return b ? buildingTooltip(b) : '';
  };
}

const selectedStyle = {
  borderColor: COLORS.text,
  borderWidth: 2,
  shadowBlur: 6,
  shadowColor: 'rgba(0,0,0,0.35)',
};

/** Tiers present among the buildings, in legend order. */
function presentTiers(buildings: readonly BuildingFigure[]): string[] {
  const present = new Set(buildings.map(tierOf));
  return TIER_ORDER.filter((t) => present.has(t));
}

/**
 * The top buildings by building tax as horizontal bars (largest on top), coloured by tier, with the
 * 1亿 line of 亿元楼宇. One stacked series per tier gives the legend; each bar sits in one of them.
 */
export function rankingOption(
  buildings: readonly BuildingFigure[],
  selected?: string,
  top = 20,
): EChartsCoreOption {
  const shown = [...buildings].sort((a, b) => b.tax - a.tax).slice(0, top);
  const tiers = presentTiers(shown);
  const max = Math.max(0, ...shown.map((b) => b.tax));
  return {
    tooltip: { trigger: 'item', formatter: tooltipFor(shown) },
    legend: { top: 0, data: tiers },
    // Room above the bars for the 1亿元 label of the mark line, below the legend.
    grid: { left: 8, right: 56, top: 44, bottom: 24 },
    xAxis: {
      type: 'value',
      name: '亿元',
      nameGap: 6,
      // Keep the 1亿 line on the chart when no building reaches it.
      ...(max < BILLION ? { max: 1.2 * BILLION } : {}),
      axisLabel: { formatter: yuanAxis('亿元') },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((b) => b.name),
      // Every bar named: on the cockpit at 1366 echarts skipped every other name.
      axisLabel: { width: 150, overflow: 'truncate', fontSize: 12, interval: 0 },
    },
    series: tiers.map((tier, i) => ({
      name: tier,
      type: 'bar',
      stack: 'tax',
      barMaxWidth: 16,
      color: TIER_COLORS[tier],
      data: shown.map((b): BuildingItem | '-' =>
        tierOf(b) === tier
          ? {
              value: b.tax,
              buildingId: b.buildingId,
              name: b.name,
              ...(b.buildingId === selected ? { itemStyle: selectedStyle } : {}),
            }
          : '-',
      ),
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        formatter: (p: { value: number }) => formatInUnit(p.value, '亿元', 2),
      },
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: COLORS.warn, type: 'dashed' },
              label: { formatter: '1亿元', position: 'start', color: COLORS.warn },
              data: [{ xAxis: BILLION }],
            },
          }
        : {}),
    })),
  };
}

export interface YearRegionCount {
  year: number;
  region: string;
  count: number;
}

export interface TrendOptions {
  /** The year of the filter bar, marked on the axis (and shown even without 亿元楼宇). */
  selectedYear: number;
  /** A year still running, with its months ('1—9月'): its count is year-to-date. */
  partial?: { year: number; months: string };
}

/** 亿元楼宇 per year, stacked by unit, with the year's total on top. */
/** The trend chart's years: every year from the first with data (or Y) to the last (or Y). */
function trendYears(rows: readonly YearRegionCount[], selectedYear: number): number[] {
  const known = rows.map((r) => r.year);
  const from = Math.min(selectedYear, ...known);
  const to = Math.max(selectedYear, ...known);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A clicked segment of the trend chart (a unit's 亿元楼宇 of a year): `2023:330302`. */
export function clickedTrendCell(
  event: { seriesName?: string; dataIndex?: number },
  rows: readonly YearRegionCount[],
  selectedYear: number,
): string | undefined {
  const year = trendYears(rows, selectedYear)[event.dataIndex ?? -1];
  const unit = UNITS.find((u) => u.name === event.seriesName);
  return year && unit ? `${year}:${unit.code}` : undefined;
}

export function trendOption(rows: readonly YearRegionCount[], opts: TrendOptions): EChartsCoreOption {
  const years = trendYears(rows, opts.selectedYear);
  const units = UNITS.filter((u) => rows.some((r) => r.region === u.code && r.count > 0));
  const count = (year: number, region: string) =>
    rows.find((r) => r.year === year && r.region === region)?.count ?? 0;
  const totals = years.map((y) => units.reduce((s, u) => s + count(y, u.code), 0));
  const label = (y: number) => (opts.partial?.year === y ? `${y}年\n(${opts.partial.months})` : `${y}年`);
  return {
    tooltip: axisTooltip((i) => {
      const y = years[i]!;
      return tooltipHtml(label(y).replace('\n', ''), [
        ...units.filter((u) => count(y, u.code) > 0).map((u) => [u.name, `${count(y, u.code)} 幢`] as const),
        ['合计', `${totals[i]} 幢`],
      ]);
    }),
    legend: { type: 'scroll', top: 0, data: units.map((u) => u.name) },
    grid: { left: 36, right: 16, top: 36, bottom: 8 },
    xAxis: {
      type: 'category',
      data: years.map((y) => ({
        value: label(y),
        textStyle: y === opts.selectedYear ? { fontWeight: 'bold', color: COLORS.primary } : {},
      })),
    },
    yAxis: { type: 'value', name: '幢', minInterval: 1 },
    series: [
      ...units.map((u) => ({
        name: u.name,
        type: 'bar',
        stack: 'count',
        barMaxWidth: 36,
        color: unitColor(u.code),
        data: years.map((y) => count(y, u.code)),
      })),
      {
        // The year's total above its stack; an invisible line that only carries the labels.
        name: '合计',
        type: 'line',
        data: totals,
        // Labels hang on symbols, so keep an invisible one.
        symbol: 'circle',
        symbolSize: 0,
        lineStyle: { width: 0 },
        label: { show: true, position: 'top', color: COLORS.text, formatter: '{c}' },
        tooltip: { show: false },
        silent: true,
      },
    ],
  };
}

/** Buildings the scatter can place (floor area and occupancy known). */
export function scatterable(buildings: readonly BuildingFigure[]): BuildingFigure[] {
  return buildings.filter((b) => b.occupancy !== null && b.taxPerSqm !== null);
}

/** Symbol size by building tax: the area grows with the tax (square root), within [min, max] px. */
export function symbolSize(tax: number, largest: number, min = 6, max = 36): number {
  if (largest <= 0 || tax <= 0) return min;
  return Math.round(min + (max - min) * Math.sqrt(Math.min(tax, largest) / largest));
}

/** Tax per ㎡ (元/㎡) against occupancy, one series per tier, symbol size by building tax. */
export function scatterOption(buildings: readonly BuildingFigure[], selected?: string): EChartsCoreOption {
  const points = scatterable(buildings);
  const largest = Math.max(0, ...points.map((b) => b.tax));
  const maxOccupancy = Math.max(1, ...points.map((b) => b.occupancy!));
  return {
    tooltip: { trigger: 'item', formatter: tooltipFor(points) },
    legend: { top: 0, data: presentTiers(points) },
    grid: { left: 56, right: 24, top: 40, bottom: 36 },
    xAxis: {
      type: 'value',
      name: '入驻率',
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max: maxOccupancy,
      axisLabel: { formatter: percentAxis },
    },
    yAxis: {
      type: 'value',
      name: '每㎡税收（元/㎡）',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatCount(v) },
    },
    series: presentTiers(points).map((tier) => ({
      name: tier,
      type: 'scatter',
      color: TIER_COLORS[tier],
      itemStyle: { opacity: 0.8 },
      data: points
        .filter((b) => tierOf(b) === tier)
        .map((b): BuildingItem => ({
          value: [b.occupancy, b.taxPerSqm, b.tax],
          buildingId: b.buildingId,
          name: b.name,
          ...(b.buildingId === selected
            ? {
                itemStyle: { ...selectedStyle, opacity: 1 },
                label: { show: true, position: 'top', formatter: '{b}', color: COLORS.text },
              }
            : {}),
        })),
      symbolSize: (value: number[]) => symbolSize(value[2] ?? 0, largest),
    })),
  };
}

/** Buildings with coordinates (the others are listed beside the map). */
export function mappable(buildings: readonly BuildingFigure[]): BuildingFigure[] {
  return buildings.filter(
    (b) => b.lng !== null && b.lat !== null && Number.isFinite(b.lng) && Number.isFinite(b.lat),
  );
}

/**
 * The shape on the Wenzhou map that holds a unit: its county-level district. 龙港市 has no shape of its
 * own (the map predates it), so it is shown with 苍南县, which contains it.
 */
export function mapRegionOf(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const district = unitByCode(unit)?.district;
  if (!district) return undefined;
  return district === '330383' ? unitName('330327') : unitName(district);
}

/**
 * County names moved off the city centres, where the buildings stand (px at the map's fitted size;
 * 鹿城 sat under the 十亿元 dot, 龙湾 and 瑞安 under theirs).
 */
const COUNTY_LABEL_OFFSET: Record<string, [number, number]> = {
  鹿城区: [-34, -12],
  瓯海区: [-30, 12],
  龙湾区: [30, 24],
  乐清市: [-6, -24],
  瑞安市: [-34, 6],
  平阳县: [-30, -2],
  苍南县: [-6, 16],
  永嘉县: [0, -16],
  洞头区: [16, 12],
  文成县: [0, -14],
};

export interface MapOptions {
  /** The registered map name (src/charts/maps.ts). */
  map: string;
  selected?: string;
  /** The chosen unit: its district is shaded. */
  unit?: string;
}

/** Buildings as points on the Wenzhou county map, coloured by tier, sized by building tax. */
export function mapOption(buildings: readonly BuildingFigure[], opts: MapOptions): EChartsCoreOption {
  const points = mappable(buildings);
  const largest = Math.max(0, ...points.map((b) => b.tax));
  const region = mapRegionOf(opts.unit);
  const tiers = presentTiers(points);
  return {
    tooltip: { trigger: 'item', formatter: tooltipFor(points) },
    legend: { top: 0, data: tiers },
    geo: {
      map: opts.map,
      roam: true,
      // The whole city, its longer side 88% of the panel's shorter one, below the legend: it fits
      // a panel of any aspect with every county name inside (echarts keeps the map's aspect with
      // layoutSize, not with a top/bottom/left/right box, which stretches it). A view zoomed onto
      // the buildings cut 泰顺 and 文成 at the panel's edge at 1920, leaving a stray 县; roaming
      // zooms in on the city centres.
      layoutCenter: ['50%', '54%'],
      layoutSize: '88%',
      label: {
        show: true,
        fontSize: 11,
        color: COLORS.subtle,
        textBorderColor: 'rgba(255,255,255,0.85)',
        textBorderWidth: 2,
      },
      itemStyle: { areaColor: '#f3f5f8', borderColor: '#b8c4d0' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#e9edf2' } },
      select: { disabled: true },
      tooltip: { show: false },
      regions: [...new Set([...Object.keys(COUNTY_LABEL_OFFSET), ...(region ? [region] : [])])].map(
        (name) => ({
          name,
          label: { offset: COUNTY_LABEL_OFFSET[name] ?? [0, 0] },
          ...(name === region ? { itemStyle: { areaColor: '#f6e3e3', borderColor: '#c98b8b' } } : {}),
        }),
      ),
    },
    // Smaller tiers first, so the largest buildings are drawn on top.
    series: [...tiers].reverse().map((tier) => ({
      name: tier,
      type: 'scatter',
      coordinateSystem: 'geo',
      color: TIER_COLORS[tier],
      itemStyle: { opacity: 0.85, borderColor: '#fff', borderWidth: 0.5 },
      data: points
        .filter((b) => tierOf(b) === tier)
        .map((b): BuildingItem => ({
          value: [b.lng, b.lat, b.tax],
          buildingId: b.buildingId,
          name: b.name,
          ...(b.buildingId === opts.selected
            ? {
                itemStyle: selectedStyle,
                label: { show: true, position: 'right', formatter: '{b}', color: COLORS.text },
              }
            : {}),
        })),
      symbolSize: (value: number[]) => symbolSize(value[2] ?? 0, largest, 5, 24),
    })),
  };
}

/**
 * Option builders of the 总部经济带 screen: the Wenzhou map by unit, the industry structure per group,
 * and the outside 温商 leads on the China map. Pure functions of the belts figures.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { CENTRAL_SERVICE_INDUSTRIES, INDUSTRIES } from '../../domain/enums';
import type { BeltMetric } from '../../domain/figures/belts';
import { unitByCode } from '../../domain/units';
import { formatCount, formatInUnit, formatMoney, formatPercent } from '../../format/numbers';
import { COLORS } from '../theme';
import { axisTooltip, escapeHtml, moneyUnit, percentAxis, tooltipHtml } from '../text';

export type { BeltMetric };

/** What the map and the unit table need of a unit (BeltUnit of src/domain/figures/belts.ts). */
export interface MapUnit {
  code: string;
  name: string;
  hqCount: number;
  /** 元. */
  hqTax: number;
  newHq: number;
  localStock: number;
}

export const LONGGANG = '330383';
export const CANGNAN = '330327';
/** The 苍南 shape of wenzhou.json predates 龙港市 and still contains its area. */
export const CANGNAN_MAP_TITLE = '苍南县（底图含龙港市范围）';

/**
 * Units drawn as points, not shapes (GCJ-02 like the map, see src/maps/SOURCES.md).
 * - 龙港市 has no shape of its own (it is inside the 苍南 polygon): a point at its town centre,
 *   about 120.55°E, 27.58°N.
 * - The functional zones have no boundary in the map; the unit dictionary places all three in 龙湾区
 *   (district 330303), so each is a point inside the 龙湾 polygon, at the part of 龙湾 where the zone's
 *   administration / core area lies, approximated from public maps of 温州 (not surveyed):
 *   浙南科技城 (温州高新区) in western 龙湾 around 蒲州—状元; 浙南产业集聚区 (经开区) at the 滨海园区 in
 *   south-east 龙湾; 瓯江口产业集聚区 at 龙湾's 瓯江 estuary shore (the zone's 灵昆岛/浅滩 land is drawn
 *   in 洞头区 by this map, but the dictionary assigns the zone to 龙湾). test/options/belts.test.ts checks
 *   each point lies inside its polygon.
 */
export const POINT_UNITS: Record<string, readonly [number, number]> = {
  [LONGGANG]: [120.55, 27.58],
  ZN01: [120.835, 27.845],
  ZN02: [120.9, 27.9],
  ZN03: [120.745, 27.975],
};

/**
 * Where each point's named label is moved (px from its place right of the marker): out over the sea
 * east of the coast, one above the other, joined to its marker by a leader line, so the three
 * markers inside 龙湾 never cover 鹿城/瓯海/龙湾's own labels.
 */
export const POINT_LABEL_SHIFT: Record<string, [number, number]> = {
  [LONGGANG]: [34, 8],
  ZN01: [58, 30],
  ZN02: [52, -4],
  ZN03: [96, -44],
};

/**
 * The three central districts are small and side by side: their names sat on each other and on the
 * neighbours' dark fill (瓯海 on 瑞安). They are named in boxes moved out west (鹿城, 瓯海) or just off
 * the zone markers (龙湾), with a leader line, like the points (px from the place right of the centre).
 */
export const CENTRAL_LABEL_SHIFT: Record<string, [number, number]> = {
  '330302': [-96, -40],
  '330304': [-110, 4],
  '330303': [-24, 62],
};

/** Centres of the central districts (the map's own `cp`), where their leader lines start. */
const CENTRAL_CENTRES: Record<string, readonly [number, number]> = {
  '330302': [120.655, 28.016],
  '330304': [120.615, 27.967],
  '330303': [120.811, 27.933],
};

const isPoint = (code: string) => code in POINT_UNITS;
const metricValue = (u: MapUnit, metric: BeltMetric) => (metric === 'count' ? u.hqCount : u.hqTax);

/**
 * The one unit the map speaks in (named in the panel caption, so labels carry numbers only): 家 for
 * counts; for tax 亿元 once the largest unit reaches 1亿, else 万元.
 */
export function mapUnit(units: readonly MapUnit[], metric: BeltMetric): '家' | '万元' | '亿元' {
  return metric === 'count' ? '家' : moneyUnit(units.map((u) => u.hqTax));
}

/** A map label: '53' (家) or '32.43' (亿元) / '2,667.9' (万元), in the map's unit. */
export function mapNumber(value: number, unit: '家' | '万元' | '亿元'): string {
  if (unit === '家') return formatCount(value);
  return formatInUnit(value, unit, unit === '亿元' ? 2 : 1);
}

/** A count in 家, or money in the one unit of its chart. */
export function metricText(value: number, metric: BeltMetric, unit: '万元' | '亿元' = '亿元'): string {
  return metric === 'count' ? formatCount(value, '家') : formatMoney(value, unit);
}

/**
 * Tooltip of a unit on the map: both metrics, with the honest 苍南 title. Tax in `taxUnit`, the one
 * unit of every unit's tooltip on the map (mapUnit of the tax metric).
 */
export function unitTooltip(u: MapUnit, taxUnit: '万元' | '亿元' = '亿元'): string {
  const title = u.code === CANGNAN ? CANGNAN_MAP_TITLE : u.name;
  const lines: [string, string][] = [
    ['总部企业', formatCount(u.hqCount, '家')],
    ['总部企业税收', formatMoney(u.hqTax, taxUnit)],
    ['当年新引进', formatCount(u.newHq, '家')],
    ['本土总部', formatCount(u.localStock, '家')],
  ];
  if (u.code === CANGNAN) lines.push(['说明', '数值仅含苍南县，龙港市另以圆点标注']);
  if (unitByCode(u.code)?.kind === 'zone') lines.push(['位置', '功能区无独立边界，以◆示意所在位置']);
  return tooltipHtml(title, lines);
}

export interface Piece {
  gt?: number;
  lte: number;
  label: string;
  color?: string;
}

const NICE = [1, 2, 2.5, 5, 10];

/** The smallest "nice" step (1, 2, 2.5, 5 × 10ⁿ) that covers `max` in `count` steps. */
export function niceStep(max: number, count: number): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return magnitude * NICE.find((n) => n * magnitude >= raw)!;
}

/**
 * Legend pieces for a map metric, with readable labels: '1–5家', or money in one unit
 * ('0.5–1.0亿元', '2,000–4,000万元'); zero (or less) has its own grey piece. Never an exponent.
 */
export function metricPieces(values: readonly number[], metric: BeltMetric, steps = 5): Piece[] {
  const max = Math.max(0, ...values);
  const zero: Piece = { lte: 0, label: metric === 'count' ? '0家' : '无（≤0）', color: '#eef1f4' };
  if (max <= 0) return [zero];
  if (metric === 'count') {
    const step = Math.max(1, Math.ceil(niceStep(max, steps)));
    const pieces = [zero];
    for (let from = 0; from < max; from += step) {
      const to = from + step;
      pieces.push({ gt: from, lte: to, label: step === 1 ? `${to}家` : `${from + 1}–${to}家` });
    }
    return pieces;
  }
  const unit = moneyUnit(values);
  const scale = unit === '亿元' ? 1e8 : 1e4;
  const stepInUnit = niceStep(max / scale, steps);
  const step = stepInUnit * scale;
  const digits = decimals(stepInUnit);
  const pieces = [zero];
  for (let from = 0; from < max; from += step) {
    const to = from + step;
    pieces.push({
      gt: from,
      lte: to,
      label: `${formatInUnit(from, unit, digits)}–${formatInUnit(to, unit, digits)}${unit}`,
    });
  }
  return pieces;
}

/** Decimals that show a step (and its multiples) exactly: 2 → 0, 0.5 → 1, 2.5 → 1, 0.25 → 2. */
function decimals(step: number): number {
  for (let d = 0; d < 4; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 4;
}

/** Whether a value falls in the darker part of the colour range (upper 40% of the non-zero pieces). */
export function onDark(pieces: readonly Piece[], value: number): boolean {
  const ranked = pieces.filter((p) => p.gt !== undefined);
  const index = ranked.findIndex((p) => value > p.gt! && value <= p.lte);
  if (index < 0) return false;
  return ranked.length === 1 || index / (ranked.length - 1) >= 0.6;
}

const MAP_RANGE = ['#f6e3d9', '#e9b59c', '#d27b62', '#b0443a', '#7a1414'];

/**
 * Wenzhou by unit: the 11 county shapes coloured by the metric, 龙港 and the three zones as points
 * (never painted onto 苍南 or 龙湾), the chosen unit outlined.
 */
export function unitMapOption(
  units: readonly MapUnit[],
  metric: BeltMetric,
  selected?: string,
): EChartsCoreOption {
  const shapes = units.filter((u) => !isPoint(u.code) && unitByCode(u.code)?.kind === 'county');
  const points = units.filter((u) => isPoint(u.code));
  const central = shapes.filter((u) => u.code in CENTRAL_LABEL_SHIFT);
  const byName = new Map(shapes.map((u) => [u.name, u]));
  const pieces = metricPieces(
    units.map((u) => metricValue(u, metric)),
    metric,
  );
  const short = (u: MapUnit) => unitByCode(u.code)?.short ?? u.name;
  const unit = mapUnit(units, metric);
  const taxUnit = moneyUnit(units.map((u) => u.hqTax));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; data?: { code?: string } }) => {
        const u = units.find((x) => x.code === p.data?.code) ?? byName.get(p.name);
        return u ? unitTooltip(u, taxUnit) : escapeHtml(p.name);
      },
    },
    visualMap: {
      type: 'piecewise',
      pieces,
      inRange: { color: MAP_RANGE },
      outOfRange: { color: '#eef1f4' },
      seriesIndex: [0, 1],
      left: 4,
      bottom: 4,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11, color: COLORS.subtle },
    },
    geo: {
      map: 'wenzhou',
      roam: false,
      layoutCenter: ['56%', '50%'],
      layoutSize: '95%',
      itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef1f4' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#f2c26b' } },
      label: {
        show: true,
        fontSize: 11,
        color: COLORS.text,
        formatter: (p: { name: string }) => {
          const u = byName.get(p.name);
          return u ? `${short(u)}\n${mapNumber(metricValue(u, metric), unit)}` : p.name;
        },
      },
      regions: shapes.map((u) => ({
        name: u.name,
        label: {
          show: !(u.code in CENTRAL_LABEL_SHIFT),
          // White on the two darkest colours, so 乐清 or 瑞安 stay readable.
          color: onDark(pieces, metricValue(u, metric)) ? '#ffffff' : COLORS.text,
          ...(u.code === selected ? { fontWeight: 'bold' } : {}),
        },
        ...(u.code === selected ? { itemStyle: { borderColor: COLORS.secondary, borderWidth: 3 } } : {}),
      })),
    },
    series: [
      {
        name: '县市区',
        type: 'map',
        geoIndex: 0,
        data: shapes.map((u) => ({ name: u.name, value: metricValue(u, metric), code: u.code })),
      },
      {
        name: '龙港市与功能区',
        type: 'scatter',
        coordinateSystem: 'geo',
        // Above the shapes by z, on the same canvas: a second canvas layer (zlevel) left the
        // shapes out of Chromium's printed page.
        z: 10,
        data: points.map((u) => {
          const chosen = u.code === selected;
          return {
            name: u.name,
            code: u.code,
            value: [...POINT_UNITS[u.code]!, metricValue(u, metric)],
            symbol: u.code === LONGGANG ? 'circle' : 'diamond',
            symbolSize: chosen ? 18 : 11,
            itemStyle: {
              borderColor: chosen ? COLORS.secondary : COLORS.text,
              borderWidth: chosen ? 3 : 1,
            },
            short: short(u),
          };
        }),
        // Named (龙港 20, 经开区 20): a bare number beside a marker says nothing. Moved out to sea
        // by labelLayout (LabelLayout, registered by src/charts/maps.ts) with a leader line.
        ...boxedLabel(unit),
        labelLayout: (p: { dataIndex: number }) => {
          const [dx, dy] = POINT_LABEL_SHIFT[points[p.dataIndex]?.code ?? ''] ?? [0, 0];
          return { dx, dy };
        },
      },
      centralLabels(central, metric, unit, selected),
    ],
  };
}

/** A marker's name and figure in a box, joined to it by a leader line (moved by a labelLayout). */
function boxedLabel(unit: '家' | '万元' | '亿元') {
  return {
    label: {
      show: true,
      position: 'right',
      fontSize: 11,
      color: COLORS.text,
      backgroundColor: 'rgba(255,255,255,0.9)',
      borderColor: '#c5ced8',
      borderWidth: 1,
      padding: [2, 4],
      borderRadius: 2,
      formatter: (p: { data: { value: number[]; short: string } }) =>
        `${p.data.short} ${mapNumber(p.data.value[2] ?? 0, unit)}`,
    },
    labelLine: { show: true, lineStyle: { color: COLORS.subtle, width: 1 } },
  };
}

/** The central districts' names and figures in boxes with leader lines (CENTRAL_LABEL_SHIFT). */
function centralLabels(
  central: readonly MapUnit[],
  metric: BeltMetric,
  unit: '家' | '万元' | '亿元',
  selected: string | undefined,
) {
  return {
    name: '中心城区',
    type: 'scatter',
    coordinateSystem: 'geo',
    z: 11,
    symbolSize: 4,
    itemStyle: { color: COLORS.text },
    data: central.map((u) => ({
      name: u.name,
      code: u.code,
      value: [...CENTRAL_CENTRES[u.code]!, metricValue(u, metric)],
      short: unitByCode(u.code)?.short ?? u.name,
      label: u.code === selected ? { fontWeight: 'bold', borderColor: COLORS.secondary } : {},
    })),
    ...boxedLabel(unit),
    labelLayout: (p: { dataIndex: number }) => {
      const [dx, dy] = CENTRAL_LABEL_SHIFT[central[p.dataIndex]?.code ?? ''] ?? [0, 0];
      return { dx, dy };
    },
  };
}

// ─── Industry structure per group ─────────────────────────────────────────────────────────

export interface StructureCell {
  group: string;
  industry: string;
  count: number;
  /** 元. */
  tax: number;
}

const SERVICE_COLORS = ['#8b1a1a', '#b5473a', '#d08c34', '#e6b86a'];
const OTHER_COLORS = ['#2f5d8a', '#5f7d95', '#86a3bd', '#a9b6c3'];
const UNREGISTERED_COLOR = '#d9dee4';

/** High-end services in warm colours, the other industries in blues and greys. */
export function industryColor(industry: string): string {
  const services: readonly string[] = CENTRAL_SERVICE_INDUSTRIES;
  const s = services.indexOf(industry);
  if (s >= 0) return SERVICE_COLORS[s]!;
  const others = (INDUSTRIES as readonly string[]).filter((i) => !services.includes(i));
  const o = others.indexOf(industry);
  return o >= 0 ? OTHER_COLORS[o % OTHER_COLORS.length]! : UNREGISTERED_COLOR;
}

/**
 * 100% stacked bars: each group's HQ (count or tax) by industry, high-end services first and warm.
 * `highlight` marks the groups that contain the chosen unit.
 */
export function industryStructureOption(
  cells: readonly StructureCell[],
  groups: readonly string[],
  metric: BeltMetric,
  highlight: readonly string[] = [],
): EChartsCoreOption {
  const services: readonly string[] = CENTRAL_SERVICE_INDUSTRIES;
  const order = [...INDUSTRIES, '未登记'] as string[];
  const industries = order.filter((i) => cells.some((c) => c.industry === i));
  const value = (c: StructureCell | undefined) => (c ? (metric === 'count' ? c.count : c.tax) : 0);
  const cellOf = (group: string, industry: string) =>
    cells.find((c) => c.group === group && c.industry === industry);
  const totals = new Map(
    groups.map((g) => [g, cells.filter((c) => c.group === g).reduce((s, c) => s + value(c), 0)]),
  );
  const money = moneyUnit(cells.map((c) => c.tax));
  const share = (group: string, industry: string) => {
    const total = totals.get(group) ?? 0;
    return total > 0 ? value(cellOf(group, industry)) / total : 0;
  };
  return {
    tooltip: axisTooltip((i) => {
      const group = groups[i];
      if (group === undefined) return '';
      const total = totals.get(group) ?? 0;
      const lines: [string, string][] = industries
        .filter((i) => cellOf(group, i))
        .map((i) => [
          `${services.includes(i) ? '★' : ''}${i}`,
          `${metricText(value(cellOf(group, i)), metric, money)}（${formatPercent(total > 0 ? value(cellOf(group, i)) / total : null)}）`,
        ]);
      return tooltipHtml(group, [['合计', metricText(total, metric, money)], ...lines]);
    }),
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 }, data: industries },
    grid: { left: 84, right: 20, top: 52, bottom: 24 },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: percentAxis } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...groups],
      axisLabel: {
        formatter: (g: string) => (highlight.includes(g) ? `{on|▶ ${g}}` : g),
        rich: { on: { color: COLORS.secondary, fontWeight: 'bold' } },
      },
    },
    series: industries.map((industry) => ({
      name: industry,
      type: 'bar',
      stack: 'share',
      barMaxWidth: 30,
      color: industryColor(industry),
      data: groups.map((g) => share(g, industry)),
      label: {
        show: true,
        color: '#fff',
        fontSize: 10,
        formatter: (p: { value: number }) => (p.value >= 0.08 ? percentAxis(p.value) : ''),
      },
    })),
  };
}

// ─── Outside 温商 leads on the China map ───────────────────────────────────────────────────

export interface ProvincePoint {
  /** The China map's spelling (浙江, 内蒙古 …). */
  province: string;
  count: number;
  /** 亿元. */
  revenue: number;
  byStatus: readonly { status: string; count: number }[];
}

const NANHAI = '南海诸岛';

export const SCHEMATIC_NOTE = '示意图，不作为国界、省界划定依据';

/** Leads per province, coloured by count; the tooltip breaks them down by follow-up status. */
export function leadsMapOption(provinces: readonly ProvincePoint[]): EChartsCoreOption {
  const byName = new Map(provinces.map((p) => [p.province, p]));
  return {
    title: {
      text: '示意图',
      subtext: '不作为国界、省界划定依据',
      left: 4,
      top: 0,
      textStyle: { fontSize: 12, color: COLORS.subtle, fontWeight: 'normal' },
      subtextStyle: { fontSize: 11, color: COLORS.subtle },
      itemGap: 2,
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        if (p.name === NANHAI) return escapeHtml(NANHAI);
        const row = byName.get(p.name);
        if (!row) return tooltipHtml(p.name, [['线索合计', '暂无']]);
        return tooltipHtml(p.name, [
          ['线索合计', formatCount(row.count, '条')],
          ['营业收入合计', `${row.revenue.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}亿元`],
          ...row.byStatus.map((s) => [s.status, formatCount(s.count, '条')] as [string, string]),
        ]);
      },
    },
    visualMap: {
      type: 'piecewise',
      pieces: countPieces(provinces.map((p) => p.count)),
      inRange: { color: ['#dbe6f0', '#9ab8d3', '#5f8db5', '#2f5d8a', '#1b3a5c'] },
      outOfRange: { color: '#f1f3f5' },
      left: 4,
      bottom: 4,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11, color: COLORS.subtle },
    },
    series: [
      {
        name: '在外温商线索',
        type: 'map',
        map: 'china',
        roam: false,
        layoutCenter: ['52%', '51%'],
        layoutSize: '122%',
        itemStyle: { borderColor: '#aab4bf', borderWidth: 0.6, areaColor: '#f1f3f5' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f2c26b' } },
        label: { show: false },
        data: [
          ...provinces.map((p) => ({ name: p.province, value: p.count })),
          // echarts adds the 南海诸岛 inset to the map named 'china'; drawn in grey so it reads as map furniture.
          { name: NANHAI, itemStyle: { areaColor: '#8795a3', borderColor: '#8795a3' } },
        ],
      },
    ],
  };
}

/** Count pieces for the leads map: '1条', '2–3条' … (no piece for 0: those provinces stay grey). */
export function countPieces(values: readonly number[]): Piece[] {
  const max = Math.max(0, ...values);
  if (max <= 0) return [{ gt: 0, lte: 1, label: '1条' }];
  const step = Math.max(1, Math.ceil(niceStep(max, 5)));
  const pieces: Piece[] = [];
  for (let from = 0; from < max; from += step) {
    const to = from + step;
    pieces.push({ gt: from, lte: to, label: step === 1 ? `${to}条` : `${from + 1}–${to}条` });
  }
  return pieces;
}

/** The cell behind a clicked segment of the industry chart: `group|industry` (the drill's key). */
export function clickedIndustryCell(
  event: { seriesName?: string; dataIndex?: number },
  groups: readonly string[],
): string | undefined {
  const group = groups[event.dataIndex ?? -1];
  return group && event.seriesName ? `${group}|${event.seriesName}` : undefined;
}

/**
 * Projector-grade charts for the deck: every text of an option at least `min` px in the slide's
 * 1280×720 frame. At 1920 full screen a slide is scaled 1.5×, so 12 px there is 18 px on the wall
 * (and 12.8 px at 1366). The option builders stay as the screens use them; the deck passes each option
 * through here. Pure: test/options/projector.test.ts measures every slide's options.
 */
import type { EChartsCoreOption } from 'echarts/core';

/** Slide px: 13 × 1.5 = 19.5 px at 1920 full screen (the goal is ≥ 18). */
export const SLIDE_MIN_FONT = 13;
/** ECharts' own default text size, where an option names none. */
export const ECHARTS_DEFAULT_FONT = 12;

/** Objects that hold a text style: their fontSize (or ECharts' 12) is raised to `min`. */
const TEXT_STYLES = new Set([
  'label',
  'axisLabel',
  'nameTextStyle',
  'textStyle',
  'subtextStyle',
  'pageTextStyle',
  'edgeLabel',
]);
/** Components whose text style ECharts defaults when absent: created so the size applies. */
const ENSURE: Record<string, string[]> = {
  xAxis: ['axisLabel', 'nameTextStyle'],
  yAxis: ['axisLabel', 'nameTextStyle'],
  legend: ['textStyle'],
  visualMap: ['textStyle'],
  title: ['textStyle', 'subtextStyle'],
  series: ['label'],
};

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function raise(style: Plain, min: number): Plain {
  const size = typeof style.fontSize === 'number' ? style.fontSize : ECHARTS_DEFAULT_FONT;
  const out: Plain = { ...walk(style, min), fontSize: Math.max(size, min) };
  // Rich text runs carry their own sizes.
  if (isPlain(style.rich)) {
    out.rich = Object.fromEntries(
      Object.entries(style.rich).map(([k, v]) => [k, isPlain(v) ? raise(v, min) : v]),
    );
  }
  return out;
}

function walk(value: Plain, min: number): Plain {
  const out: Plain = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'rich' || key === 'tooltip') out[key] = v;
    else if (TEXT_STYLES.has(key) && isPlain(v)) out[key] = raise(v, min);
    else if (Array.isArray(v)) out[key] = v.map((x) => (isPlain(x) ? walk(x, min) : x));
    else if (isPlain(v)) out[key] = walk(v, min);
    else out[key] = v;
  }
  return out;
}

function ensure(component: unknown, keys: readonly string[]): unknown {
  const add = (c: unknown) => (isPlain(c) ? { ...Object.fromEntries(keys.map((k) => [k, {}])), ...c } : c);
  return Array.isArray(component) ? component.map(add) : add(component);
}

export function projectorOption(option: EChartsCoreOption, min = SLIDE_MIN_FONT): EChartsCoreOption {
  const base: Plain = { ...(option as Plain) };
  for (const [key, keys] of Object.entries(ENSURE)) if (key in base) base[key] = ensure(base[key], keys);
  // The global text style too (axis pointer labels, anything ECharts styles from it).
  base.textStyle = { ...(isPlain(base.textStyle) ? base.textStyle : {}) };
  return walk(base, min) as EChartsCoreOption;
}

/** Every font size an option sets (after projectorOption: every text's size), for tests. */
export function fontSizes(option: unknown): number[] {
  const sizes: number[] = [];
  const visit = (v: unknown, key?: string) => {
    if (Array.isArray(v)) v.forEach((x) => visit(x));
    else if (isPlain(v)) {
      if (key && TEXT_STYLES.has(key))
        sizes.push(typeof v.fontSize === 'number' ? v.fontSize : ECHARTS_DEFAULT_FONT);
      else if (typeof v.fontSize === 'number') sizes.push(v.fontSize);
      for (const [k, x] of Object.entries(v)) if (k !== 'tooltip') visit(x, k);
    }
  };
  visit(option);
  return sizes;
}

/** Colours and type of the report look, shared by charts, option builders and CSS. */

/** A calm palette: deep red for the city's own series, then blues and greys that print well. */
export const PALETTE = [
  '#8b1a1a',
  '#2f5d8a',
  '#d08c34',
  '#4f8a5b',
  '#7a6aa8',
  '#5f7d95',
  '#b5651d',
  '#9aa8b5',
];

export const COLORS = {
  primary: '#8b1a1a',
  secondary: '#2f5d8a',
  target: '#d08c34',
  good: '#4f8a5b',
  warn: '#c0392b',
  amber: '#c98a12',
  muted: '#9aa8b5',
  text: '#1f2d3d',
  subtle: '#5a6b7d',
  grid: '#e3e8ee',
};

/** Fonts present on Windows (YaHei, SimHei) and Linux (Noto/Source Han, WenQuanYi), then the bundled one. */
export { FONT_STACK as FONT_FAMILY } from '../app/fonts';

// ─── 大屏: the dark theme for wall displays ──────────────────────────────────────────────────
//
// The option builders stay as they are and draw in the light report colours. For the dark theme
// the chart wrapper (Chart.tsx) passes each option through `darkOption`, which swaps every light
// colour the builders use for its dark counterpart from the table below, and inits echarts with
// the 'report-dark' theme (src/charts/echarts.ts) for what the builders leave to the theme (axes,
// legends, tooltips). Colours not in the table pass through unchanged.

/** The page in dark; the same values as the CSS custom properties under `[data-theme='dark']`. */
export const DARK = {
  page: '#0d1520',
  panel: '#152131',
  text: '#e3eaf2',
  subtle: '#9fb0c2',
  grid: '#26364a',
  axis: '#4a5d72',
  tooltip: '#1d2c3f',
};

/**
 * Light colour → dark colour. Series colours are brightened (the deep red of the report has too
 * little contrast on a dark panel); text turns light; the maps' pale land and borders turn to
 * slate, so the light-coloured labels on them stay readable.
 */
const DARK_COLORS: Readonly<Record<string, string>> = {
  // PALETTE and COLORS
  '#8b1a1a': '#e0584d',
  '#2f5d8a': '#5b9bd5',
  '#d08c34': '#e6a545',
  '#4f8a5b': '#5fb870',
  '#7a6aa8': '#9d8fd0',
  '#5f7d95': '#87a5be',
  '#b5651d': '#d98a3c',
  '#9aa8b5': '#5f6f81',
  '#c0392b': '#ef5b4c',
  '#1f2d3d': DARK.text,
  '#5a6b7d': DARK.subtle,
  '#e3e8ee': DARK.grid,
  // Map land, borders, the chosen district and the grey "none" pieces.
  '#eef1f4': '#24324a',
  '#f1f3f5': '#1f2a38',
  '#f3f5f8': '#213045',
  '#e9edf2': '#2c3d55',
  '#f6e3e3': '#4a2a33',
  '#c98b8b': '#c0665d',
  '#b8c4d0': '#4a5d72',
  '#aab4bf': '#4a5d72',
  '#d9dee4': '#55657a',
  // The white halo behind map labels.
  'rgba(255,255,255,0.85)': 'rgba(21,33,49,0.85)',
  // The boxes of the map's named points and central districts (belts.ts): white boxes kept the
  // light text of the dark theme, white on white.
  'rgba(255,255,255,0.9)': 'rgba(21,33,49,0.9)',
  '#c5ced8': '#4a5d72',
};

/** White borders (between map shapes, pie slices, around points) separate on the panel's colour. */
const DARK_BORDERS: Readonly<Record<string, string>> = {
  '#fff': DARK.panel,
  '#ffffff': DARK.panel,
};

/**
 * Colour ramps of the maps, swapped whole: on a dark panel "more" reads as brighter, so the ramp
 * runs from near the panel's colour up to a bright tone, and light labels stay readable on every step.
 */
const DARK_RAMPS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['#f6e3d9', '#e9b59c', '#d27b62', '#b0443a', '#7a1414'],
    ['#3d2a31', '#612f31', '#8c3934', '#b9483c', '#de5f4a'],
  ],
  [
    ['#dbe6f0', '#9ab8d3', '#5f8db5', '#2f5d8a', '#1b3a5c'],
    ['#26507c', '#3167a3', '#4d89c3', '#7aaede', '#b2d5f3'],
  ],
];

export const DARK_PALETTE = PALETTE.map((c) => DARK_COLORS[c] ?? c);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

function darkRamp(list: readonly unknown[]): readonly string[] | undefined {
  const key = list.map((c) => (typeof c === 'string' ? c.toLowerCase() : '')).join();
  return DARK_RAMPS.find(([light]) => light.join() === key)?.[1];
}

function darkValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    const c = value.toLowerCase();
    return (key === 'borderColor' ? DARK_BORDERS[c] : undefined) ?? DARK_COLORS[c] ?? value;
  }
  if (Array.isArray(value)) return darkRamp(value) ?? value.map((v) => darkValue(v, key));
  if (isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, darkValue(v, k)]));
  }
  return value; // numbers, functions (formatters), class instances: untouched
}

/** The option with its light colours swapped for dark ones; a new object, the input is not changed. */
export function darkOption<T extends object>(option: T): T {
  return darkValue(option, undefined) as T;
}

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
  muted: '#9aa8b5',
  text: '#1f2d3d',
  subtle: '#5a6b7d',
  grid: '#e3e8ee',
};

/** Fonts present on Windows (YaHei, SimHei) and Linux (Noto/Source Han, WenQuanYi); nothing downloaded. */
export const FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', SimHei, sans-serif";

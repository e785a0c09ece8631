/**
 * A chart as a PNG a reader can paste into a report on its own: the chart image (echarts'
 * `getDataURL` at pixel ratio 2 on white) with its title and unit caption above and the as-of stamp
 * (数据截至 YYYY-MM-DD) below, drawn onto one canvas. The layout is pure (tested); drawing needs a DOM.
 */

export const PNG_PIXEL_RATIO = 2;

export interface ChartPngText {
  title: string;
  /** The panel's unit caption, e.g. '单位：万元'. */
  unit?: string;
  /** YYYY-MM-DD; no stamp when null. */
  asOf: string | null;
  /** Left of the footer: where the figure comes from (dashboard, year, scope). */
  source?: string;
}

/** '数据截至 2025-09-30'. */
export const asOfStamp = (asOf: string) => `数据截至 ${asOf}`;

import { FONT_STACK as FONT_FAMILY, loadGlyphs } from '../app/fonts';

export const FONTS = {
  title: `bold 18px ${FONT_FAMILY}`,
  small: `12px ${FONT_FAMILY}`,
};
const PAD = 16;
const TITLE_LINE = 26;
const SMALL_LINE = 18;
const GAP = 10;

export interface TextItem {
  text: string;
  font: string;
  x: number;
  /** Baseline 'top'. */
  y: number;
  align: 'left' | 'right';
  color: string;
}

export interface ChartPngLayout {
  /** In CSS pixels; the canvas is this × the pixel ratio. */
  width: number;
  height: number;
  chart: { x: number; y: number; width: number; height: number };
  texts: TextItem[];
}

/**
 * Where everything goes around a chart of `chartWidth` × `chartHeight` CSS pixels. The unit stands
 * right of the title when both fit on one line, under it otherwise.
 */
export function layoutChartPng(
  chartWidth: number,
  chartHeight: number,
  text: ChartPngText,
  measure: (text: string, font: string) => number,
): ChartPngLayout {
  const width = chartWidth + 2 * PAD;
  const texts: TextItem[] = [
    { text: text.title, font: FONTS.title, x: PAD, y: PAD, align: 'left', color: '#1f2d3d' },
  ];
  let top = PAD + TITLE_LINE;
  if (text.unit) {
    const titleWidth = measure(text.title, FONTS.title);
    const unitWidth = measure(text.unit, FONTS.small);
    if (PAD + titleWidth + GAP + unitWidth <= width - PAD) {
      // On the title's line, bottoms aligned (the small text sits 5px lower).
      texts.push({
        text: text.unit,
        font: FONTS.small,
        x: PAD + titleWidth + GAP,
        y: PAD + 5,
        align: 'left',
        color: '#5a6b7d',
      });
    } else {
      texts.push({ text: text.unit, font: FONTS.small, x: PAD, y: top, align: 'left', color: '#5a6b7d' });
      top += SMALL_LINE;
    }
  }
  top += 6;
  const chart = { x: PAD, y: top, width: chartWidth, height: chartHeight };
  const footer = top + chartHeight + 8;
  if (text.source) {
    texts.push({ text: text.source, font: FONTS.small, x: PAD, y: footer, align: 'left', color: '#5a6b7d' });
  }
  if (text.asOf) {
    texts.push({
      text: asOfStamp(text.asOf),
      font: FONTS.small,
      x: width - PAD,
      y: footer,
      align: 'right',
      color: '#5a6b7d',
    });
  }
  return { width, height: footer + SMALL_LINE + PAD - 4, chart, texts };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('图表图像无法读取'));
    image.src = url;
  });
}

/**
 * Composes the PNG. `chartUrl` is echarts' data URL taken at `ratio`; `chartWidth`/`chartHeight`
 * are the chart's CSS size.
 */
export async function composeChartPng(
  chartUrl: string,
  chartWidth: number,
  chartHeight: number,
  text: ChartPngText,
  ratio = PNG_PIXEL_RATIO,
): Promise<Blob> {
  const image = await loadImage(chartUrl);
  // The caption's glyphs, from the bundled font where the system has no Chinese font.
  await loadGlyphs([text.title, text.unit, text.source, text.asOf && asOfStamp(text.asOf)].join(''));
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('浏览器不支持画布导出');
  const measure = (s: string, font: string) => {
    context.font = font;
    return context.measureText(s).width;
  };
  const layout = layoutChartPng(chartWidth, chartHeight, text, measure);
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  context.scale(ratio, ratio);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, layout.width, layout.height);
  const { x, y, width, height } = layout.chart;
  context.drawImage(image, x, y, width, height);
  context.textBaseline = 'top';
  for (const item of layout.texts) {
    context.font = item.font;
    context.fillStyle = item.color;
    context.textAlign = item.align;
    context.fillText(item.text, item.x, item.y);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('图片生成失败'))), 'image/png'),
  );
}

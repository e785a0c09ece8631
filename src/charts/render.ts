/**
 * A chart drawn off screen as PNG bytes, in the light report look at twice its pixels: for documents
 * built in the page (the 简报 as Word). The glyphs of its text are fetched first, so a machine
 * without a Chinese font gets the bundled one in the picture too.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { loadGlyphs } from '../app/fonts';
import { LIGHT_THEME, echarts } from './echarts';

export async function renderChartPng(
  option: EChartsCoreOption,
  width: number,
  height: number,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const element = document.createElement('div');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.appendChild(element);
  const instance = echarts.init(element, LIGHT_THEME, { renderer: 'canvas', width, height });
  try {
    instance.setOption({ animation: false, ...option });
    const text = instance
      .getZr()
      .storage.getDisplayList(true)
      .map((e) => (e as { style?: { text?: unknown } }).style?.text)
      .filter((t): t is string => typeof t === 'string')
      .join('');
    if (await loadGlyphs(text)) instance.setOption({ animation: false, ...option }, { notMerge: true });
    const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    return { png: bytes, width, height };
  } finally {
    instance.dispose();
    element.remove();
  }
}

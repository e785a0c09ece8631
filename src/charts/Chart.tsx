/**
 * The one React wrapper around echarts: creates the chart once, applies each new option whole
 * (`notMerge`, so a filter change never leaves stale series), follows its box's size, and disposes
 * on unmount. `data-chart-status` says "drawing" until echarts reports the frame finished, which is
 * what the browser tests and the speed script wait for. Each chart has a 导出图片 button (see
 * src/export/ChartExport.tsx): in a Panel it sits in the panel header, so the chart's box is unchanged.
 *
 * 大屏 (the dark theme, src/app/theme.ts): echarts applies a theme only at init, so a theme switch
 * disposes the chart and inits it again with 'report-dark' (or 'report'), then draws the current
 * option; `data-chart-theme` says which. In dark the option first goes through `darkOption` (./theme.ts), which swaps the light
 * colours the option builders hard-code (text, grid lines, map land) for dark ones. An exported PNG
 * is always in the light report look (white, dark text) so it pastes into a printed report as is:
 * in dark it is drawn by a short-lived light chart off screen.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { ChartExport, type ChartImage } from '../export/ChartExport';
import { PNG_PIXEL_RATIO } from '../export/chartPng';
import { useChartTheme, type Theme } from '../app/theme';
import { DARK_THEME, LIGHT_THEME, echarts } from './echarts';
import { darkOption } from './theme';
import { loadGlyphs } from '../app/fonts';

export type ChartClick = Pick<ECElementEvent, 'name' | 'seriesName' | 'dataIndex' | 'data' | 'componentType'>;

export interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers and tests. */
  label: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
  className?: string;
  /** 导出图片 button (default true); the image takes the panel's title and unit unless given here. */
  exportable?: boolean;
  exportTitle?: string;
  /** Unit caption for the image, e.g. '单位：万元'. */
  caption?: string;
}

export function Chart({
  option,
  label,
  height = 320,
  onClick,
  className,
  exportable = true,
  exportTitle,
  caption,
}: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(undefined);
  const click = useRef(onClick);
  const theme = useChartTheme();
  // What the chart shows and in which theme, for a re-init and for the draw effect below.
  const shown = useRef<{ option?: EChartsCoreOption; theme: Theme; label?: string }>({ theme });
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  /**
   * The echarts instance in `element`, drawing what the chart shows (on the next frame when `lazy`,
   * as after the page's first frame: the charts then lay out together); returns its disposal.
   */
  function createChart(element: HTMLDivElement, theme: Theme, lazy: boolean): () => void {
    const instance = echarts.init(element, theme === 'dark' ? DARK_THEME : LIGHT_THEME, {
      renderer: 'canvas',
      // Screen readers get ECharts' own description of the data (aria, below) in Chinese.
      locale: 'ZH',
    });
    chart.current = instance;
    shown.current.theme = theme;
    element.setAttribute('data-chart-theme', theme);
    instance.on('finished', () => {
      // Canvas text never makes the browser fetch a font: on a machine without a Chinese font the
      // bundled chunks for this chart's text are fetched now, and the chart drawn again with them.
      // It stays "drawing" until then, so a screenshot, print or export never catches the boxes.
      const text = drawnText(instance);
      loadGlyphs(text).then(
        (fetched) => {
          if (fetched && !instance.isDisposed()) {
            instance.getZr().refresh();
            instance.getZr().flush();
          }
          element.setAttribute('data-chart-status', 'drawn');
        },
        () => element.setAttribute('data-chart-status', 'drawn'),
      );
    });
    instance.on('click', (event) => click.current?.(event as ECElementEvent));
    if (shown.current.option) {
      element.setAttribute('data-chart-status', 'drawing');
      instance.setOption(themed(shown.current.option, theme, shown.current.label), {
        notMerge: true,
        lazyUpdate: lazy,
      });
    }
    // Only a real change of the box: an observer reports every box once when it starts observing,
    // and a resize lays out and paints the whole chart at once, a second draw of every chart that
    // mounts (docs/PERFORMANCE.md, third round).
    let size = [element.clientWidth, element.clientHeight];
    const resize = new ResizeObserver(() => {
      const now = [element.clientWidth, element.clientHeight];
      if (now[0] === size[0] && now[1] === size[1]) return;
      size = now;
      instance.resize();
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }

  // Created again when the theme changes (echarts applies a theme only at init), and the option it
  // showed drawn at once into the new chart, so a switch (or a print) never shows an empty frame.
  // The page's first charts are created after its first frame: the figures and KPI cards they
  // open with paint first (a revisit shows its kept figures, docs/PERFORMANCE.md third round).
  useEffect(() => {
    const element = box.current!;
    let stop: (() => void) | undefined;
    const cancel = afterFirstFrame((deferred) => {
      stop = createChart(element, theme, deferred);
    });
    return () => {
      cancel();
      stop?.();
    };
  }, [theme]);

  // Printing: the page takes its print layout in `beforeprint` (src/app/PrintHeader.tsx), and the
  // ResizeObserver would answer only after the page is printed; so fit the chart to its box and
  // draw it at once (a resize alone clears the canvas until the next frame), and again afterwards.
  useEffect(() => {
    const fit = () => {
      chart.current?.resize();
      chart.current?.getZr().flush();
    };
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', fit);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', fit);
    };
  }, []);

  useEffect(() => {
    shown.current.option = option;
    shown.current.label = label;
    box.current?.setAttribute('data-chart-status', 'drawing');
    // No animation: a filter change redraws at once, and screenshots, prints and PNG exports
    // never catch a chart half grown.
    // lazyUpdate: the chart lays out on the next frame, so text above it (the KPI cards) paints first.
    chart.current?.setOption(themed(option, shown.current.theme, label), {
      notMerge: true,
      lazyUpdate: true,
    });
  }, [option, label]);

  const image = useCallback((): ChartImage | null => {
    const instance = chart.current;
    if (!instance) return null;
    const width = instance.getWidth();
    const height = instance.getHeight();
    if (theme === 'light') {
      return {
        url: instance.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO, backgroundColor: '#fff' }),
        width,
        height,
      };
    }
    return { url: lightImage(option, width, height), width, height };
  }, [option, theme]);
  return (
    <>
      <div
        ref={box}
        className={className ?? 'chart'}
        role="img"
        aria-label={label}
        data-chart={label}
        style={{ height, cursor: onClick ? 'pointer' : undefined }}
      />
      {exportable && <ChartExport label={label} title={exportTitle} caption={caption} image={image} />}
    </>
  );
}

/** Set once the page has drawn a frame after its first charts mounted. */
let firstFrameDrawn = false;

/**
 * Runs `task` after the page's next frame the first time (the screen's text paints before the
 * charts are laid out; `deferred` true), at once ever after; returns a cancel. A hidden tab draws
 * no frames, so a timer runs it too.
 */
function afterFirstFrame(task: (deferred: boolean) => void): () => void {
  if (firstFrameDrawn) {
    task(false);
    return () => undefined;
  }
  let done = false;
  const run = () => {
    firstFrameDrawn = true;
    if (!done) task(true);
    done = true;
  };
  const frame = requestAnimationFrame(() => setTimeout(run));
  const timer = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Every text the chart drew (labels, axis names, legend), for loading the glyphs it needs. */
function drawnText(instance: ReturnType<typeof echarts.init>): string {
  const seen = new Set<string>();
  // As painted: 'finished' comes after the frame, so the list is current (no second sort of it).
  for (const element of instance.getZr().storage.getDisplayList()) {
    const text = (element as { style?: { text?: unknown } }).style?.text;
    if (typeof text === 'string' && text) seen.add(text);
  }
  return [...seen].join('');
}

/**
 * The option as drawn: without animation, with ECharts' aria description of the data (read out by
 * screen readers from the chart's aria-label: series, names and values), and in dark with its light
 * colours swapped.
 */
function themed(option: EChartsCoreOption, theme: Theme, label = ''): EChartsCoreOption {
  const aria = {
    enabled: true,
    label: { general: { withoutTitle: label ? `图表“${label}”。` : '这是一个图表。' } },
  };
  const drawn = { animation: false, aria, ...option };
  return theme === 'dark' ? darkOption(drawn) : drawn;
}

/**
 * The chart in the light report look, as a PNG data URL: drawn synchronously by a chart of the same
 * size off screen, then disposed. Used for exports while the page is dark.
 */
function lightImage(option: EChartsCoreOption, width: number, height: number): string {
  const element = document.createElement('div');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.appendChild(element);
  const instance = echarts.init(element, LIGHT_THEME, { renderer: 'canvas', width, height });
  try {
    instance.setOption(themed(option, 'light'));
    return instance.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO, backgroundColor: '#fff' });
  } finally {
    instance.dispose();
    element.remove();
  }
}

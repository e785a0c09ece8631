/**
 * The one React wrapper around echarts: creates the chart once, applies each new option whole
 * (`notMerge`, so a filter change never leaves stale series), follows its box's size, and disposes
 * on unmount. `data-chart-status` says "drawing" until echarts reports the frame finished, which is
 * what the browser tests and the speed script wait for. Each chart has a 导出图片 button (see
 * src/export/ChartExport.tsx): in a Panel it sits in the panel header, so the chart's box is unchanged.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { ChartExport, type ChartImage } from '../export/ChartExport';
import { PNG_PIXEL_RATIO } from '../export/chartPng';
import { echarts } from './echarts';

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
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, 'report', { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => element.setAttribute('data-chart-status', 'drawn'));
    instance.on('click', (event) => click.current?.(event as ECElementEvent));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    box.current?.setAttribute('data-chart-status', 'drawing');
    // No animation: a filter change redraws at once, and screenshots, prints and PNG exports
    // never catch a chart half grown.
    // lazyUpdate: the chart lays out on the next frame, so text above it (the KPI cards) paints first.
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true, lazyUpdate: true });
  }, [option]);

  const image = useCallback((): ChartImage | null => {
    const instance = chart.current;
    if (!instance) return null;
    return {
      url: instance.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO, backgroundColor: '#fff' }),
      width: instance.getWidth(),
      height: instance.getHeight(),
    };
  }, []);

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

/**
 * The one React wrapper around echarts: creates the chart once, applies each new option whole
 * (`notMerge`, so a filter change never leaves stale series), follows its box's size, and disposes
 * on unmount. `data-chart-status` says "drawing" until echarts reports the frame finished, which is
 * what the browser tests and the speed script wait for.
 */
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { echarts } from './echarts';

export type ChartClick = Pick<ECElementEvent, 'name' | 'seriesName' | 'dataIndex' | 'data' | 'componentType'>;

export interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers and tests. */
  label: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
  className?: string;
}

export function Chart({ option, label, height = 320, onClick, className }: ChartProps) {
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
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={className ?? 'chart'}
      role="img"
      aria-label={label}
      data-chart={label}
      style={{ height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}

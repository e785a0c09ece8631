/** Option builders of the 项目跟踪 screen: pure functions of the pipeline figures. */
import type { EChartsCoreOption } from 'echarts/core';
import type { FourOnesItem, UnitFourOnes } from '../../domain/figures/projects';
import type { ProjectStage } from '../../domain/enums';
import { formatPercent } from '../../format/numbers';
import { COLORS, PALETTE } from '../theme';
import { axisTooltip, percentAxis, tooltipHtml } from '../text';

/** Share of `part` in `whole`, null when there is no whole. */
export const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The pipeline funnel and the transparent copy beside it that carries the conversions: one shape. */
const FUNNEL = {
  type: 'funnel',
  sort: 'none',
  left: '8%',
  width: '62%',
  top: 12,
  bottom: 12,
  minSize: '18%',
  gap: 3,
} as const;

/**
 * 签约 → 注册 → 认定 → 投产 → 销号 as a funnel: each layer the projects that reached the stage, the
 * label its count and its conversion from the stage before.
 */
export function funnelOption(stages: readonly { stage: ProjectStage; count: number }[]): EChartsCoreOption {
  const first = stages[0]?.count ?? 0;
  const step = (i: number) => (i === 0 ? null : shareOf(stages[i]!.count, stages[i - 1]!.count));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const s = stages[p.dataIndex];
        if (!s) return '';
        return tooltipHtml(s.stage, [
          ['项目', `${s.count} 个`],
          ['较上一环节', p.dataIndex === 0 ? '—' : formatPercent(step(p.dataIndex))],
          ['占签约', formatPercent(shareOf(s.count, first))],
        ]);
      },
    },
    series: [
      {
        ...FUNNEL,
        label: {
          show: true,
          position: 'inside',
          color: '#fff',
          formatter: (p: { dataIndex: number }) =>
            `${stages[p.dataIndex]!.stage} ${stages[p.dataIndex]!.count}`,
        },
        // The conversions sit to the right of each layer, outside the funnel.
        labelLine: { show: false },
        data: stages.map((s, i) => ({ name: s.stage, value: s.count, itemStyle: { color: PALETTE[i] } })),
      },
      {
        ...FUNNEL,
        silent: true,
        // Transparent, not opacity 0: opacity would hide the labels as well.
        itemStyle: { color: 'rgba(0,0,0,0)', borderWidth: 0 },
        label: {
          show: true,
          position: 'rightTop',
          color: COLORS.subtle,
          formatter: (p: { dataIndex: number }) =>
            p.dataIndex === 0 ? '转化率' : `→ ${formatPercent(step(p.dataIndex))}`,
        },
        labelLine: { show: false },
        data: stages.map((s) => ({ name: s.stage, value: s.count })),
      },
    ],
  };
}

/** 四个一 complete share per unit; the chosen unit stands out, the city line is marked. */
export function fourOnesByUnitOption(units: readonly UnitFourOnes[], selected?: string): EChartsCoreOption {
  const total = units.reduce((a, u) => a + u.projects, 0);
  const complete = units.reduce((a, u) => a + u.complete, 0);
  const city = shareOf(complete, total);
  return {
    tooltip: axisTooltip((i) => {
      const u = units[i];
      if (!u) return '';
      return tooltipHtml(u.name, [
        ['四个一齐全', `${u.complete} / ${u.projects} 个`],
        ['齐全率', formatPercent(shareOf(u.complete, u.projects))],
      ]);
    }),
    grid: { left: 44, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: units.map((u) => u.name),
      axisLabel: { interval: 0, rotate: units.length > 7 ? 35 : 0 },
    },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: percentAxis } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: units.map((u) => ({
          value: shareOf(u.complete, u.projects) ?? 0,
          itemStyle: { color: !selected || u.code === selected ? COLORS.secondary : COLORS.muted },
        })),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value: number }) => formatPercent(p.value).replace('.0%', '%'),
        },
        ...(city === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: COLORS.target, type: 'dashed' },
                label: { formatter: `全市 ${formatPercent(city)}`, position: 'insideEndTop' },
                data: [{ yAxis: city }],
              },
            }),
      },
    ],
  };
}

/** Which of the 四个一 are missing most: a horizontal bar of project counts per item. */
export function fourOnesGapsOption(
  gaps: readonly { item: FourOnesItem; count: number }[],
): EChartsCoreOption {
  return {
    tooltip: axisTooltip((i) => {
      const g = gaps[i];
      return g ? tooltipHtml(`缺${g.item}`, [['项目', `${g.count} 个`]]) : '';
    }),
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: '个', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: gaps.map((g) => `缺${g.item}`),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        color: COLORS.warn,
        data: gaps.map((g) => g.count),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

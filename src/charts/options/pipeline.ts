/**
 * Option builder of the certification pipeline (DOMAIN.md 12): the cases of each unit stacked by
 * stage, in the order a case moves (申请 → 县级审核 → 预认定 → 已认定 → 已备案, then 驳回).
 */
import type { EChartsCoreOption } from 'echarts/core';
import { CERT_STATUSES } from '../../domain/enums';
import type { UnitPipeline } from '../../domain/figures/pipeline';
import { unitByCode } from '../../domain/units';
import { COLORS, PALETTE } from '../theme';
import { axisTooltip, tooltipHtml } from '../text';

const STAGE_COLORS = [PALETTE[5]!, PALETTE[4]!, PALETTE[1]!, COLORS.warn, COLORS.good, COLORS.muted];

/** The units the chart shows, in its order (a click's dataIndex indexes them): those with a case. */
export const pipelineChartUnits = (units: readonly UnitPipeline[]) =>
  units.filter((u) => CERT_STATUSES.some((s) => u.stages[s] > 0));

/** Units with at least one case; the 已认定 segment (certified, not yet filed) in the warning colour. */
export function pipelineByUnitOption(units: readonly UnitPipeline[]): EChartsCoreOption {
  const shown = pipelineChartUnits(units);
  const labels = shown.map((u) => unitByCode(u.code)?.short ?? u.name);
  return {
    tooltip: axisTooltip((i) => {
      const u = shown[i];
      if (!u) return '';
      const lines = CERT_STATUSES.filter((s) => u.stages[s] > 0).map(
        (s) => [s, `${u.stages[s]} 件`] as const,
      );
      return tooltipHtml(u.name, lines);
    }),
    legend: { top: 0, itemWidth: 14, data: [...CERT_STATUSES] },
    grid: { left: 40, right: 12, top: 36, bottom: 44 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: CERT_STATUSES.map((s, i) => ({
      name: s,
      type: 'bar',
      stack: 'stage',
      barMaxWidth: 26,
      color: STAGE_COLORS[i],
      data: shown.map((u) => u.stages[s]),
    })),
  };
}

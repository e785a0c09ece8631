/**
 * Option builders of the 总部认定 screen: pure functions of its figures (the certification check,
 * unit-area output and the 本土总部 reward), plus the small tallies they draw from.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { FAIL_REASON_TEXT, type FailReason } from '../../domain/figures/certification';
import { UNIT_AREA_OUTPUT_THRESHOLD } from '../../domain/defaults';
import { UNITS, unitByCode, unitName } from '../../domain/units';
import { formatCount, formatInUnit } from '../../format/numbers';
import { COLORS, PALETTE } from '../theme';
import { axisTooltip, moneyUnit, tooltipHtml, yuanAxis } from '../text';

/** The policy's order of conditions 三(一)1–3 (the key order of FAIL_REASON_TEXT). */
export const FAIL_REASONS = Object.keys(FAIL_REASON_TEXT) as FailReason[];

/** Dictionary order first, then any code the dictionary does not know (kept, never dropped). */
export function unitOrder(codes: Iterable<string>): string[] {
  const present = new Set(codes);
  const known = UNITS.map((u) => u.code).filter((c) => present.has(c));
  const unknown = [...present].filter((c) => !known.includes(c)).sort();
  return [...known, ...unknown];
}

/** Short names on category axes of narrow charts (鹿城, 浙南集聚区); tooltips give the full name. */
const shortName = (code: string) => unitByCode(code)?.short ?? code;

export interface ReasonTally {
  /** Units with at least one failure, in dictionary order. */
  units: string[];
  /** counts[u][r]: enterprises of unit u failing reason r (FAIL_REASONS order). */
  counts: number[][];
  /** Enterprises failing each reason, all units. */
  totals: number[];
}

/** Failures by reason and unit; an enterprise with several reasons counts once under each. */
export function tallyReasons(
  checks: readonly { region: string; reasons: readonly FailReason[] }[],
): ReasonTally {
  const failed = checks.filter((c) => c.reasons.length > 0);
  const units = unitOrder(failed.map((c) => c.region));
  const counts = units.map(() => FAIL_REASONS.map(() => 0));
  for (const c of failed) {
    const row = counts[units.indexOf(c.region)]!;
    for (const r of c.reasons) row[FAIL_REASONS.indexOf(r)]! += 1;
  }
  const totals = FAIL_REASONS.map((_, i) => counts.reduce((sum, row) => sum + row[i]!, 0));
  return { units, counts, totals };
}

/** Short names for a legend; tooltips and the axis carry FAIL_REASON_TEXT in full. */
const REASON_SHORT: Record<FailReason, string> = {
  registered_in_wenzhou: '未确认在温注册',
  independent_legal_person: '非独立法人',
  branches_or_consolidated: '分支机构/汇总纳税',
  outside_share: '市外税收占比不足',
  paid_in_capital: '实缴资本不足',
};

const REASON_COLORS = [COLORS.muted, PALETTE[4]!, PALETTE[1]!, PALETTE[2]!, COLORS.warn];

/** Failures by reason as horizontal bars in policy order (all units together), the count at each bar's end. */
export function failureReasonsOption(tally: ReasonTally): EChartsCoreOption {
  const labels = FAIL_REASONS.map((r) => FAIL_REASON_TEXT[r]);
  return {
    tooltip: axisTooltip((i) => {
      const lines = tally.units
        .map((code, u) => [unitName(code), tally.counts[u]![i]!] as const)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => [name, `${n} 家`] as const);
      return tooltipHtml(labels[i] ?? '', [...lines, ['合计', `${tally.totals[i] ?? 0} 家`]]);
    }),
    grid: { left: 196, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', name: '家', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: 184, overflow: 'break', lineHeight: 15 },
    },
    series: [
      {
        name: '未通过',
        type: 'bar',
        barMaxWidth: 24,
        color: COLORS.warn,
        data: tally.totals,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/**
 * Failures per unit (dictionary order), stacked by reason in policy order; an enterprise with
 * several reasons adds to several segments, so a bar counts failures, not enterprises.
 */
export function failuresByUnitOption(tally: ReasonTally): EChartsCoreOption {
  const names = tally.units.map(unitName);
  const labels = tally.units.map(shortName);
  return {
    tooltip: axisTooltip((u) => {
      const lines = FAIL_REASONS.map((r, i) => [FAIL_REASON_TEXT[r], tally.counts[u]?.[i] ?? 0] as const)
        .filter(([, n]) => n > 0)
        .map(([text, n]) => [text, `${n} 家`] as const);
      return tooltipHtml(names[u] ?? '', lines);
    }),
    // A plain legend wraps onto a second line in a narrow panel rather than hiding reasons behind paging.
    legend: {
      top: 0,
      itemGap: 8,
      itemWidth: 14,
      data: FAIL_REASONS.map((r) => FAIL_REASON_TEXT[r]),
      formatter: (name: string) => {
        const reason = FAIL_REASONS.find((r) => FAIL_REASON_TEXT[r] === name);
        return reason ? REASON_SHORT[reason] : name;
      },
    },
    grid: { left: 40, right: 12, top: 70, bottom: 44 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 40 : 0 } },
    yAxis: { type: 'value', name: '家次', minInterval: 1 },
    series: FAIL_REASONS.map((r, i) => ({
      name: FAIL_REASON_TEXT[r],
      type: 'bar',
      stack: 'fail',
      barMaxWidth: 26,
      color: REASON_COLORS[i],
      data: tally.counts.map((row) => row[i]!),
    })),
  };
}

interface AreaRow {
  region: string;
  perSqm: number;
  meets: boolean;
}

/** Enterprises meeting / missing the unit-area output bar, per unit (dictionary order). */
export function unitAreaByUnitOption(rows: readonly AreaRow[]): EChartsCoreOption {
  const units = unitOrder(rows.map((r) => r.region));
  const count = (code: string, meets: boolean) =>
    rows.filter((r) => r.region === code && r.meets === meets).length;
  const met = units.map((u) => count(u, true));
  const missed = units.map((u) => count(u, false));
  return {
    tooltip: axisTooltip((i) => {
      const total = met[i]! + missed[i]!;
      return tooltipHtml(unitName(units[i] ?? ''), [
        ['达标', `${met[i]} 家`],
        ['未达标', `${missed[i]} 家`],
        ['达标率', total ? `${((met[i]! / total) * 100).toFixed(1)}%` : '—'],
      ]);
    }),
    legend: { top: 0, data: ['达标', '未达标'] },
    grid: { left: 44, right: 12, top: 32, bottom: 44 },
    xAxis: {
      type: 'category',
      data: units.map(shortName),
      axisLabel: { interval: 0, rotate: units.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', name: '家', minInterval: 1 },
    series: [
      { name: '达标', type: 'bar', stack: 'area', data: met, color: COLORS.good, barMaxWidth: 28 },
      { name: '未达标', type: 'bar', stack: 'area', data: missed, color: COLORS.muted, barMaxWidth: 28 },
    ],
  };
}

/** Bands of 元/㎡ on a rough log scale (values run from tens to millions); the bar 10,000 is a band edge. */
export const AREA_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: '<5千', min: -Infinity, max: 5_000 },
  { label: '5千–1万', min: 5_000, max: UNIT_AREA_OUTPUT_THRESHOLD },
  { label: '1–2万', min: UNIT_AREA_OUTPUT_THRESHOLD, max: 20_000 },
  { label: '2–5万', min: 20_000, max: 50_000 },
  { label: '5–10万', min: 50_000, max: 100_000 },
  { label: '10–100万', min: 100_000, max: 1_000_000 },
  { label: '≥100万', min: 1_000_000, max: Infinity },
];

export function areaHistogram(rows: readonly { perSqm: number }[]): number[] {
  return AREA_BANDS.map((b) => rows.filter((r) => r.perSqm >= b.min && r.perSqm < b.max).length);
}

/** How many enterprises fall in each band of unit-area output; bands under the bar are grey. */
export function unitAreaHistogramOption(rows: readonly { perSqm: number }[]): EChartsCoreOption {
  const counts = areaHistogram(rows);
  return {
    tooltip: axisTooltip((i) => {
      const band = AREA_BANDS[i]!;
      return tooltipHtml(`${band.label} 元/㎡`, [
        ['企业', `${counts[i]} 家`],
        ['1万元/㎡ 要求', band.min >= UNIT_AREA_OUTPUT_THRESHOLD ? '达到' : '未达到'],
      ]);
    }),
    grid: { left: 44, right: 12, top: 28, bottom: 40 },
    xAxis: {
      type: 'category',
      name: '元/㎡',
      nameLocation: 'middle',
      nameGap: 26,
      data: AREA_BANDS.map((b) => b.label),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', name: '家', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: counts.map((value, i) => ({
          value,
          itemStyle: {
            color: AREA_BANDS[i]!.min >= UNIT_AREA_OUTPUT_THRESHOLD ? COLORS.good : COLORS.muted,
          },
        })),
      },
    ],
  };
}

export interface UnitReward {
  code: string;
  /** 元. */
  reward: number;
  /** Enterprises in their reward window, and those with a positive reward. */
  enterprises: number;
  rewarded: number;
}

/** Reward totals per unit (dictionary order), including units whose enterprises earn nothing this year. */
export function rewardsByUnit(rows: readonly { region: string; reward: number }[]): UnitReward[] {
  return unitOrder(rows.map((r) => r.region)).map((code) => {
    const mine = rows.filter((r) => r.region === code);
    return {
      code,
      reward: mine.reduce((sum, r) => sum + r.reward, 0),
      enterprises: mine.length,
      rewarded: mine.filter((r) => r.reward > 0).length,
    };
  });
}

/** Estimated 本土总部 reward per unit, in 万元 (亿元 once a unit reaches 1亿). */
export function rewardsByUnitOption(units: readonly UnitReward[]): EChartsCoreOption {
  const unit = moneyUnit(units.map((u) => u.reward));
  const digits = unit === '亿元' ? 2 : 1;
  return {
    tooltip: axisTooltip((i) => {
      const u = units[i];
      if (!u) return '';
      return tooltipHtml(unitName(u.code), [
        ['奖励', `${formatInUnit(u.reward, unit, digits)}${unit}`],
        ['获奖励企业', `${formatCount(u.rewarded)} / ${formatCount(u.enterprises)} 家`],
      ]);
    }),
    grid: { left: 64, right: 12, top: 28, bottom: 44 },
    xAxis: {
      type: 'category',
      data: units.map((u) => shortName(u.code)),
      axisLabel: { interval: 0, rotate: units.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', name: unit, axisLabel: { formatter: yuanAxis(unit) } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        color: COLORS.primary,
        data: units.map((u) => u.reward),
        // Whole 万元 on the bars (narrow columns); the tooltip gives the decimal.
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value: number }) => formatInUnit(p.value, unit, unit === '亿元' ? 2 : 0),
        },
      },
    ],
  };
}

/** One unit chosen: its enterprises with a reward this year, largest first (at most `limit`). */
export function rewardsByEnterpriseOption(
  rows: readonly { creditCode: string; name: string | null; increment: number; reward: number }[],
  limit = 10,
): EChartsCoreOption {
  const shown = rows
    .filter((r) => r.reward > 0)
    .sort((a, b) => b.reward - a.reward || a.creditCode.localeCompare(b.creditCode))
    .slice(0, limit);
  const unit = moneyUnit(shown.map((r) => r.reward));
  const digits = unit === '亿元' ? 2 : 1;
  const names = shown.map((r) => r.name ?? r.creditCode);
  return {
    tooltip: axisTooltip((i) => {
      const r = shown[i];
      if (!r) return '';
      return tooltipHtml(r.name ?? r.creditCode, [
        ['信用代码', r.creditCode],
        ['增量', `${formatInUnit(r.increment, unit, digits)}${unit}`],
        ['奖励', `${formatInUnit(r.reward, unit, digits)}${unit}`],
      ]);
    }),
    grid: { left: 150, right: 56, top: 24, bottom: 24 },
    xAxis: { type: 'value', name: unit, axisLabel: { formatter: yuanAxis(unit) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        color: COLORS.primary,
        data: shown.map((r) => r.reward),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => formatInUnit(p.value, unit, digits),
        },
      },
    ],
  };
}

/** Wording shared by the screens. */
import { partYearLabel } from '../domain/asOf';
import { NAMED_HQ_TYPES, type TargetTypes } from '../domain/defaults';
import type { Filters } from '../domain/filters';
import { unitName } from '../domain/units';

/** '鹿城区' for a chosen unit, '全市' otherwise, followed by the attribute filters in force. */
export function scopeTitle(filters: Filters): string {
  const parts = [filters.hqType, filters.origin, filters.industry].filter(Boolean);
  return `${filters.unit ? unitName(filters.unit) : '全市'}${parts.length ? `（${parts.join('·')}）` : ''}`;
}

/** A year still running at D is compared with the same months of the year before (同期). */
export function samePeriodLabel(year: number, asOf: string): string {
  const months = partYearLabel(year, asOf);
  return months ? `同比（${months}）` : '同比';
}

/** '（1—9月）' after a figure of a part year, '' for a whole year. */
export function partSuffix(year: number, asOf: string): string {
  const months = partYearLabel(year, asOf);
  return months ? `（${months}）` : '';
}

/** '2025年1—9月' or '2024年': the period a sum or count covers. */
export function periodTitle(year: number, asOf: string): string {
  return `${year}年${partYearLabel(year, asOf) ?? ''}`;
}

/** The switch's two settings, as its buttons say them. */
export const TARGET_TYPES_TEXT: Record<TargetTypes, string> = {
  all: '全部类型',
  named: '综合型·功能型',
};

/** The 口径 in words, next to every count it changes (DOMAIN.md 13, policy 二(一)). */
export function targetTypesCaliber(targetTypes: TargetTypes): string {
  return targetTypes === 'named'
    ? `口径：仅${NAMED_HQ_TYPES.join('、')}计入新引进总部与目标（政策二(一)所列类型）`
    : '口径：各类型总部均计入新引进总部与目标';
}

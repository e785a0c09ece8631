/** Wording shared by the screens. */
import type { Filters } from '../domain/filters';
import { unitName } from '../domain/units';

/** '鹿城区' for a chosen unit, '全市' otherwise, followed by the attribute filters in force. */
export function scopeTitle(filters: Filters): string {
  const parts = [filters.hqType, filters.origin, filters.industry].filter(Boolean);
  return `${filters.unit ? unitName(filters.unit) : '全市'}${parts.length ? `（${parts.join('·')}）` : ''}`;
}

/** A year still running is compared with the same months of the year before (同期). */
export function samePeriodLabel(year: number, asOf: string): string {
  const [y, m] = asOf.split('-').map(Number);
  return y === year && m !== undefined && m < 12 ? `同比（1—${m}月）` : '同比';
}

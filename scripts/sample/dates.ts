/**
 * Dates as whole days since 1970-01-01 (UTC), so nothing depends on the machine's time zone, and
 * the spellings the bureau's systems use (DOMAIN.md "What the importer accepts").
 */
import type { Rng } from './rng';

const MS_PER_DAY = 86_400_000;

export type Day = number;

export function day(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function parts(d: Day): { year: number; month: number; date: number } {
  const t = new Date(d * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, date: t.getUTCDate() };
}

export function yearOf(d: Day): number {
  return parts(d).year;
}

/** Offices file on weekdays: move a weekend day to the Monday after (or the Friday before at the end). */
export function weekday(d: Day, latest?: Day): Day {
  const dow = new Date(d * MS_PER_DAY).getUTCDay();
  const next = dow === 6 ? d + 2 : dow === 0 ? d + 1 : d;
  if (latest !== undefined && next > latest) return dow === 6 ? d - 1 : dow === 0 ? d - 2 : d;
  return next;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The five written forms DOMAIN.md accepts; ledgers typed by hand mix them freely. */
export type DateForm = 'iso' | 'slash' | 'dot' | 'compact' | 'chinese';

export function formatDate(d: Day, form: DateForm): string {
  const { year, month, date } = parts(d);
  switch (form) {
    case 'iso':
      return `${year}-${pad(month)}-${pad(date)}`;
    case 'slash':
      return `${year}/${month}/${date}`;
    case 'dot':
      return `${year}.${month}.${date}`;
    case 'compact':
      return `${year}${pad(month)}${pad(date)}`;
    case 'chinese':
      return `${year}年${month}月${date}日`;
  }
}

/** A date in a form drawn per cell, iso most often (what the systems export), the rest typed by hand. */
export function mixedDate(rng: Rng, d: Day | undefined): string {
  if (d === undefined) return '';
  const form = rng.weighted<DateForm>([
    ['iso', 5],
    ['slash', 2],
    ['dot', 1],
    ['compact', 1],
    ['chinese', 1],
  ]);
  return formatDate(d, form);
}

/** Excel's serial day number (1900 date system): 1970-01-01 is 25569. */
export function excelSerial(d: Day): number {
  return d + 25569;
}

/** A tax period (所属期): year and month. */
export interface Period {
  year: number;
  month: number;
}

export function periodLabel(p: Period, form: 'compact' | 'dash'): string {
  return form === 'compact' ? `${p.year}${pad(p.month)}` : `${p.year}-${pad(p.month)}`;
}

/**
 * The as-of rule of DOMAIN.md ("Rules that hold for every figure"), in one place: a figure of year Y
 * as of D counts only what is dated in Y on or before min(D, 31 Dec Y) — certifications by their
 * date, tax by its month (a month counts once D is in it), projects by their stage dates — and a
 * part year (D inside Y) is compared with the same months of other years and says so (1—9月).
 *
 * Pure: the figures (src/domain/figures/period.ts turns a period into SQL), the report and the app's
 * as-of control all read D through these functions.
 */

export interface YearPeriod {
  year: number;
  /** D, the as-of date asked for (YYYY-MM-DD). */
  asOf: string;
  /** 1 January of Y. */
  from: string;
  /** The effective date min(D, 31 Dec Y); before `from` when D lies before Y began. */
  at: string;
  /** Months of Y counted, 0–12: the month of `at` (0 when Y has not begun by D). */
  months: number;
  /** D falls before the end of Y: other years are compared over the same months, and figures say so. */
  partial: boolean;
  /** '1—9月' (or '1月', '未开始') for a part year; null for a whole year. */
  label: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The label of months 1…m of a year: '1月', '1—9月'. */
export const monthsLabel = (months: number) =>
  months <= 0 ? '未开始' : months === 1 ? '1月' : `1—${months}月`;

/** Year Y read as of D. */
export function yearPeriod(year: number, asOf: string): YearPeriod {
  const from = iso(year, 1, 1);
  const end = iso(year, 12, 31);
  const at = asOf < end ? asOf : end;
  const months = at < from ? 0 : parts(at)[1];
  const partial = at < end;
  return { year, asOf, from, at, months, partial, label: partial ? monthsLabel(months) : null };
}

/** '1—9月' when D falls inside Y (or before it), null when Y is whole by D. */
export function partYearLabel(year: number, asOf: string): string | null {
  return yearPeriod(year, asOf).label;
}

/** The same day one year earlier; 29 February becomes 28 February. */
export function sameDayYearBefore(date: string): string {
  const [y, m, d] = parts(date);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return iso(y - 1, m, Math.min(d, last));
}

/**
 * Y−1 over the same months and days as `p`: the base of a 同比 or of the reward increment. A whole
 * year compares with the whole year before.
 */
export function previousYearPeriod(p: YearPeriod): YearPeriod {
  return yearPeriod(p.year - 1, p.partial ? sameDayYearBefore(p.asOf) : iso(p.year - 1, 12, 31));
}

/**
 * D when none is asked for: the last day of the newest tax month (数据截至), else today — a report on
 * data exported in October does not age by itself.
 */
export function defaultAsOf(dataEnd: string | null, today: Date = new Date()): string {
  return dataEnd ?? today.toISOString().slice(0, 10);
}

/**
 * D for a view of the app: the date in its link, but never after the data's end (a 数据截至 later
 * than the data would compare nine loaded months with twelve); the data's end when the link has none.
 */
export function viewAsOf(linked: string | undefined, dataEnd: string): string {
  return linked !== undefined && linked < dataEnd ? linked : dataEnd;
}

/** The newest year that is whole by D: Y of D when D is 31 December, else the year before. */
export function newestCompleteYear(asOf: string): number {
  const [y, m, d] = parts(asOf);
  return m === 12 && d === 31 ? y : y - 1;
}

/**
 * Numbers as people in the bureau read them: money in 万元 or 亿元 with the unit shown, shares as
 * percentages with one decimal, never exponent notation.
 */

/**
 * One formatter per number of decimals, made once: `toLocaleString` with options builds a new one on
 * every call (≈ 0.3 ms each; a table or the phone page formats hundreds of numbers), formatting with
 * a kept one takes about a microsecond. The text is the same.
 */
const formatters = new Map<number, Intl.NumberFormat>();

function grouped(value: number, digits: number): string {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('zh-CN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
}

/** 元 → '1.33亿元' from 1亿 up, else '5,300.2万元'; '—' for a missing value. */
export function formatYuan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  if (Math.abs(yuan) >= 1e8) return `${grouped(yuan / 1e8, 2)}亿元`;
  return `${grouped(yuan / 1e4, 1)}万元`;
}

/** 元 in a fixed unit, for table columns and axes where one unit holds for all rows. */
export function formatInUnit(yuan: number | null | undefined, unit: '万元' | '亿元', digits = 2): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  return grouped(yuan / (unit === '亿元' ? 1e8 : 1e4), digits);
}

/** 0.8667 → '86.7%'. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(1)}%`;
}

export function formatCount(n: number | null | undefined, unit = ''): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return `${grouped(n, 0)}${unit}`;
}

/**
 * 元 in a unit chosen for a whole chart, table or card set ('6.27亿元' and '0.42亿元' side by side,
 * never '4,189.1万元' beside '6.27亿元'): 2 decimals in 亿元, 1 in 万元.
 */
export function formatMoney(yuan: number | null | undefined, unit: '万元' | '亿元'): string {
  const text = formatInUnit(yuan, unit, unit === '亿元' ? 2 : 1);
  return text === '—' ? text : `${text}${unit}`;
}

/**
 * Text helpers for option builders. Tooltips are HTML, and names come from imported files, so every
 * such text is escaped before it reaches a formatter's output.
 */
import { formatInUnit, formatPercent } from '../format/numbers';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A tooltip: an escaped title line, then escaped `label：value` lines. */
export function tooltipHtml(title: string, lines: readonly (readonly [string, string])[]): string {
  return [
    `<b>${escapeHtml(title)}</b>`,
    ...lines.map(([label, value]) => `${escapeHtml(label)}：${escapeHtml(value)}`),
  ].join('<br/>');
}

/**
 * The tooltip of a chart over categories: hovering a category shades it and shows `text(index)`
 * (built with tooltipHtml, so file text is escaped; '' shows nothing).
 */
export function axisTooltip(text: (index: number) => string) {
  return {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (params: { dataIndex: number }[]) => text(params[0]?.dataIndex ?? 0),
  };
}

/** Axis labels in a fixed money unit: 132500000 → '1.33' on an 亿元 axis; no exponent notation. */
export const yuanAxis = (unit: '万元' | '亿元') => (value: number) =>
  formatInUnit(value, unit, unit === '亿元' ? 1 : 0);

export const percentAxis = (value: number) => formatPercent(value).replace('.0%', '%');

/** The money unit that keeps an axis readable: 亿元 once the largest value reaches 1亿. */
export function moneyUnit(values: readonly number[]): '万元' | '亿元' {
  return Math.max(0, ...values.map(Math.abs)) >= 1e8 ? '亿元' : '万元';
}

import { describe, expect, it } from 'vitest';
import { formatCount, formatInUnit, formatPercent, formatYuan } from '../src/format/numbers';
import { escapeHtml, moneyUnit, yuanAxis } from '../src/charts/text';
import { formatCell } from '../src/app/DataTable';
import {
  partSuffix,
  periodTitle,
  samePeriodLabel,
  scopeTitle,
  targetTypesCaliber,
} from '../src/views/labels';

describe('numbers as the bureau reads them', () => {
  it('money in 万元 below 1亿 and 亿元 from there, never in exponent notation', () => {
    expect(formatYuan(132_500_000)).toBe('1.33亿元');
    expect(formatYuan(53_002_000)).toBe('5,300.2万元');
    expect(formatYuan(1.2e8)).toBe('1.20亿元');
    expect(formatYuan(-2_000_000)).toBe('-200.0万元');
    expect(formatYuan(null)).toBe('—');
    expect(formatInUnit(1.5e12, '亿元')).toBe('15,000.00');
    expect(formatInUnit(1.5e12, '亿元')).not.toMatch(/e/i);
  });

  it('percentages with one decimal, counts grouped', () => {
    expect(formatPercent(0.8667)).toBe('86.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatCount(162385)).toBe('162,385');
  });

  it('kept formatters write what toLocaleString wrote (the formatter is kept for speed, not changed)', () => {
    const values = [0, -0, 1, -1, 0.005, 0.015, 12.345, 999.995, 1234.5, -98765.4321, 1.2e8, 3.3e12];
    for (const v of values) {
      const as = (digits: number) =>
        v.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      expect(formatCount(v)).toBe(as(0));
      expect(formatInUnit(v * 1e4, '万元', 1)).toBe(
        ((v * 1e4) / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      );
      expect(formatCell(v, { kind: 'number', digits: 2 })).toBe(as(2));
      expect(formatCell(v, { kind: 'number' })).toBe(v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
    }
  });

  it('axes pick 亿元 once values reach 1亿', () => {
    expect(moneyUnit([5e7, 9e7])).toBe('万元');
    expect(moneyUnit([5e7, 1.2e8])).toBe('亿元');
    expect(yuanAxis('亿元')(1.2e8)).toBe('1.2');
    expect(yuanAxis('万元')(53_000_000)).toBe('5,300');
  });

  it('table cells in the column unit, text as text', () => {
    expect(formatCell(132_500_000, { kind: 'yuan', unit: '万元' })).toBe('13,250.00');
    expect(formatCell(0.3, { kind: 'percent' })).toBe('30.0%');
    expect(formatCell(null, { kind: 'yuan' })).toBe('—');
    // A number column with its digits shows them on every row; without, up to two.
    expect(formatCell(4.7, { kind: 'number', digits: 2 })).toBe('4.70');
    expect(formatCell(17, { kind: 'number', digits: 1 })).toBe('17.0');
    expect(formatCell(4.7, { kind: 'number' })).toBe('4.7');
    expect(formatCell('=HYPERLINK("x")', { kind: 'text' })).toBe('=HYPERLINK("x")');
  });

  it('escape HTML in anything that came from a file', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
  });
});

describe('labels', () => {
  it('name the scope and the same-period comparison', () => {
    expect(scopeTitle({})).toBe('全市');
    expect(scopeTitle({ unit: '330381', origin: '温商回归' })).toBe('瑞安市（温商回归）');
    expect(samePeriodLabel(2025, '2025-09-30')).toBe('同比（1—9月）');
    expect(samePeriodLabel(2024, '2025-09-30')).toBe('同比');
  });
});

describe('part-year labels (DOMAIN.md "Part years")', () => {
  it('say 1—M月 while D falls inside the year, and nothing for a whole year', () => {
    expect(partSuffix(2025, '2025-09-30')).toBe('（1—9月）');
    expect(partSuffix(2025, '2025-01-31')).toBe('（1月）');
    expect(partSuffix(2024, '2025-09-30')).toBe('');
    expect(partSuffix(2024, '2024-12-31')).toBe('');
    expect(periodTitle(2025, '2025-06-30')).toBe('2025年1—6月');
    expect(periodTitle(2024, '2025-06-30')).toBe('2024年');
    expect(samePeriodLabel(2025, '2025-06-15')).toBe('同比（1—6月）');
  });

  it('state what counts toward the target', () => {
    expect(targetTypesCaliber('all')).toBe('口径：各类型总部均计入新引进总部与目标');
    expect(targetTypesCaliber('named')).toContain('仅综合型总部、功能型总部');
  });
});

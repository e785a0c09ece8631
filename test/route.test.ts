import { describe, expect, it } from 'vitest';
import { defaultYear, formatRoute, parseRoute, withChanges } from '../src/app/route';

describe('hash routes', () => {
  it('read the screen, year, filters and screen-local state', () => {
    expect(parseRoute('#/ranking?year=2023&unit=330302&metric=tax')).toEqual({
      screen: 'ranking',
      year: 2023,
      filters: { unit: '330302' },
      extra: { metric: 'tax' },
    });
  });

  it('fall back to the overview and ignore nonsense years', () => {
    expect(parseRoute('')).toEqual({ screen: 'overview', filters: {}, extra: {} });
    expect(parseRoute('#/nowhere?year=abc')).toEqual({ screen: 'overview', filters: {}, extra: {} });
    expect(parseRoute('#/overview?year=20245').year).toBeUndefined();
  });

  it('round-trip Chinese filter values', () => {
    const route = parseRoute('#/overview?year=2024&hqType=%E8%B4%B8%E6%98%93%E5%9E%8B%E6%80%BB%E9%83%A8');
    expect(route.filters.hqType).toBe('贸易型总部');
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('change one part, clear a filter with undefined, and drop screen-local state on leaving a screen', () => {
    const route = parseRoute('#/belts?year=2024&unit=330302&metric=tax');
    expect(formatRoute(withChanges(route, { filters: { unit: undefined } }))).toBe(
      '#/belts?year=2024&metric=tax',
    );
    expect(formatRoute(withChanges(route, { screen: 'ranking' }))).toBe('#/ranking?year=2024&unit=330302');
    expect(formatRoute(withChanges(route, { extra: { metric: 'count' } }))).toBe(
      '#/belts?year=2024&unit=330302&metric=count',
    );
  });
});

describe('the as-of date in the link', () => {
  it('reads asOf=YYYY-MM-DD beside the year, not as a screen-local extra', () => {
    expect(parseRoute('#/overview?year=2025&asOf=2025-06-30&unit=330302')).toEqual({
      screen: 'overview',
      year: 2025,
      asOf: '2025-06-30',
      filters: { unit: '330302' },
      extra: {},
    });
    // Not a date, an impossible one, or a half-typed year: the link has no as-of date.
    for (const bad of ['2025/06/30', '2025-02-30', '0202-06-30', ''])
      expect(parseRoute(`#/overview?asOf=${bad}`)).toEqual({ screen: 'overview', filters: {}, extra: {} });
  });

  it('writes it back, keeps it across screens and clears it with undefined', () => {
    const route = parseRoute('#/belts?year=2025&asOf=2025-06-30&metric=tax');
    expect(formatRoute(route)).toBe('#/belts?year=2025&asOf=2025-06-30&metric=tax');
    expect(formatRoute(withChanges(route, { screen: 'present' }))).toBe(
      '#/present?year=2025&asOf=2025-06-30',
    );
    expect(formatRoute(withChanges(route, { asOf: '2025-03-31' }))).toBe(
      '#/belts?year=2025&asOf=2025-03-31&metric=tax',
    );
    expect(formatRoute(withChanges(route, { asOf: undefined }))).toBe('#/belts?year=2025&metric=tax');
  });

  it('opens the assessment and reward screens on the newest complete year', () => {
    const years = [2025, 2024, 2023];
    expect(defaultYear('overview', '2025-09-30', years)).toBe(2025);
    expect(defaultYear('ranking', '2025-09-30', years)).toBe(2024);
    expect(defaultYear('certification', '2025-09-30', years)).toBe(2024);
    // D on 31 December: that year is complete.
    expect(defaultYear('ranking', '2024-12-31', years)).toBe(2024);
    // No data for the year before: the running year it is.
    expect(defaultYear('ranking', '2025-09-30', [2025])).toBe(2025);
  });
});

import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, withChanges } from '../src/app/route';

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

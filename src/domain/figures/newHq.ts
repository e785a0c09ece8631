/**
 * Figures 1–3 of DOMAIN.md: new HQ by unit and city, progress against target with time progress,
 * and the five-year plan window with its cumulative curve.
 */
import { sql, type Db } from '../../db';
import type { YearPeriod } from '../asOf';
import { DEFAULT_METRIC } from '../enums';
import { DEFAULT_PLAN_WINDOW, DEFAULT_TARGETS, type TargetTypes } from '../defaults';
import {
  enterpriseMatches,
  hasAttributeFilter,
  targetTypesMatch,
  unitMatches,
  type Filters,
} from '../filters';
import { CITY_NAME, UNITS, unitName } from '../units';
import { COUNTED, one } from './common';
import { datedBy, datedInYear, periodOf, type AsOfParams } from './period';

export interface UnitCount {
  code: string;
  name: string;
  actual: number;
  target: number | null;
}

export interface NewHq {
  year: number;
  /** The headline: the city, or the unit chosen in the filters (`scope` names which). */
  city: { actual: number; target: number | null };
  scope: string;
  byRegion: UnitCount[];
}

export interface NewHqFilter extends AsOfParams {
  filters?: Filters;
  /** DOMAIN.md 13: every HQ type (default) or only 综合型 and 功能型. */
  targetTypes?: TargetTypes;
}

/**
 * Counted 新引进 certifications certified in Y on or before D, one per credit code, narrowed by the
 * filters' attributes and by what counts toward the target.
 */
export const newHqWhere = (
  p: YearPeriod,
  filters: Filters | undefined,
  targetTypes: TargetTypes | undefined,
) => sql`category = '新引进' AND ${COUNTED} AND ${datedInYear(sql`certified_on`, p)}
    AND ${enterpriseMatches(filters, sql`credit_code`)} AND ${targetTypesMatch(targetTypes, sql`credit_code`)}`;

const newInYear = (p: YearPeriod, filters: Filters | undefined, targetTypes: TargetTypes | undefined) => sql`
  SELECT DISTINCT credit_code, region FROM certifications WHERE ${newHqWhere(p, filters, targetTypes)}`;

export async function targetsFor(db: Db, year: string): Promise<Map<string, number>> {
  const rows = await db.query<{ region: string; target: number }>(sql`
    SELECT region, sum(target) AS target FROM targets
    WHERE year = ${year} AND coalesce(metric, ${DEFAULT_METRIC}) = ${DEFAULT_METRIC}
    GROUP BY region`);
  return new Map(rows.map((r) => [r.region, r.target]));
}

/** The city's target: its 全市 row, else the sum of the units' rows, else the policy default. */
export function cityTarget(targets: Map<string, number>, year: string): number | null {
  const city = targets.get(CITY_NAME);
  if (city !== undefined) return city;
  const units = [...targets].filter(([region]) => region !== CITY_NAME);
  if (units.length) return units.reduce((sum, [, t]) => sum + t, 0);
  return DEFAULT_TARGETS.find((d) => d.year === year)?.target ?? null;
}

/**
 * Targets are set for all new HQ of a unit: once an attribute filter narrows the count (only 贸易型总部,
 * say) no target applies, and none is shown rather than a misleading comparison.
 */
export async function newHq(db: Db, params: NewHqFilter): Promise<NewHq> {
  const { year, filters, targetTypes } = params;
  const p = await periodOf(db, params);
  const counts = await db.query<{ region: string; n: number }>(
    sql`SELECT region, count(DISTINCT credit_code) AS n FROM (${newInYear(p, filters, targetTypes)}) GROUP BY region`,
  );
  const { n: scopeActual } = await one<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT credit_code) AS n FROM (${newInYear(p, filters, targetTypes)})
        WHERE ${unitMatches(filters, sql`region`)}`,
  );
  const targets = hasAttributeFilter(filters)
    ? new Map<string, number>()
    : await targetsFor(db, String(year));
  const byRegion = UNITS.map((u) => ({
    code: u.code,
    name: u.name,
    actual: counts.find((c) => c.region === u.code)?.n ?? 0,
    target: targets.get(u.code) ?? null,
  }));
  return {
    year,
    city: { actual: scopeActual, target: scopeTarget(targets, String(year), filters) },
    scope: filters?.unit ? unitName(filters.unit) : CITY_NAME,
    byRegion,
  };
}

function scopeTarget(targets: Map<string, number>, year: string, filters: Filters | undefined) {
  if (hasAttributeFilter(filters)) return null;
  if (filters?.unit) return targets.get(filters.unit) ?? null;
  return cityTarget(targets, year);
}

/**
 * 时间进度: the elapsed share of year Y at the as-of date, counted in months so that the end of
 * September reads 75.0% as leaders say it ("时间过半"), with the current month by its days.
 */
export function timeProgress(year: number, asOf: string): number {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  if (y > year) return 1;
  if (y < year) return 0;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Math.min(1, (m - 1 + d / daysInMonth) / 12);
}

export interface FiveYear {
  from: number;
  to: number;
  /** New HQ of the window certified on or before min(D, end of Y). */
  actual: number;
  target: number | null;
  /**
   * Per year: new HQ, cumulative, and the straight-line path to the target. A year that has not begun
   * by min(D, end of Y) has null actual and cumulative: it has not happened yet, it is not zero.
   */
  years: { year: number; actual: number | null; cumulative: number | null; path: number | null }[];
}

/** The plan window that contains Y: a loaded 'A-B' target row, else 2019–2023. */
export async function planWindow(db: Db, year: number): Promise<{ from: number; to: number }> {
  const rows = await db.query<{ year: string }>(sql`
    SELECT DISTINCT year FROM targets WHERE region = ${CITY_NAME} AND contains(year, '-')`);
  const windows = rows.map((r) => r.year.split('-').map(Number) as [number, number]);
  const found = windows.find(([from, to]) => from <= year && year <= to);
  return found ? { from: found[0], to: found[1] } : { ...DEFAULT_PLAN_WINDOW };
}

export interface FiveYearParams extends NewHqFilter {
  /** The plan window; absent: the one containing Y (`planWindow`). */
  window?: { from: number; to: number };
}

/** The certifications the plan window counts (the drill-through reads the same rows). */
export const fiveYearWhere = (
  window: { from: number; to: number },
  p: YearPeriod,
  filters: Filters | undefined,
  targetTypes: TargetTypes | undefined,
) => sql`category = '新引进' AND ${COUNTED} AND year(certified_on) BETWEEN ${window.from} AND ${window.to}
      AND ${datedBy(sql`certified_on`, p)}
      AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}
      AND ${targetTypesMatch(targetTypes, sql`credit_code`)}`;

/** The plan window's new HQ as of min(D, end of Y): a view of 2021 counts 2019–2021 only. */
export async function fiveYear(db: Db, params: FiveYearParams): Promise<FiveYear> {
  const { filters, targetTypes } = params;
  const window = params.window ?? (await planWindow(db, params.year));
  const p = await periodOf(db, params);
  const perYear = await db.query<{ year: number; n: number }>(sql`
    SELECT year(certified_on) AS year, count(DISTINCT credit_code) AS n FROM certifications
    WHERE ${fiveYearWhere(window, p, filters, targetTypes)}
    GROUP BY 1`);
  const label = `${window.from}-${window.to}`;
  const target = scopeTarget(await targetsFor(db, label), label, filters);
  const span = window.to - window.from + 1;
  const lastYear = Number(p.at.slice(0, 4));
  let cumulative = 0;
  const years = Array.from({ length: span }, (_, i) => {
    const year = window.from + i;
    const path = target === null ? null : (target * (i + 1)) / span;
    if (year > lastYear) return { year, actual: null, cumulative: null, path };
    const actual = perYear.find((r) => r.year === year)?.n ?? 0;
    cumulative += actual;
    return { year, actual, cumulative, path };
  });
  return { from: window.from, to: window.to, actual: cumulative, target, years };
}

/**
 * Figures 1–3 of DOMAIN.md: new HQ by unit and city, progress against target with time progress,
 * and the five-year plan window with its cumulative curve.
 */
import { sql, type Db } from '../../db';
import { DEFAULT_METRIC } from '../enums';
import { DEFAULT_PLAN_WINDOW, DEFAULT_TARGETS } from '../defaults';
import { enterpriseMatches, hasAttributeFilter, unitMatches, type Filters } from '../filters';
import { CITY_NAME, UNITS, unitName } from '../units';
import { COUNTED, one } from './common';

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

export interface NewHqFilter {
  year: number;
  filters?: Filters;
}

/** Counted 新引进 certifications certified in year Y, one per credit code, narrowed by the filters' attributes. */
const newInYear = (year: number, filters: Filters | undefined) => sql`
  SELECT DISTINCT credit_code, region FROM certifications
  WHERE category = '新引进' AND ${COUNTED} AND year(certified_on) = ${year}
    AND ${enterpriseMatches(filters, sql`credit_code`)}`;

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
export async function newHq(db: Db, { year, filters }: NewHqFilter): Promise<NewHq> {
  const counts = await db.query<{ region: string; n: number }>(
    sql`SELECT region, count(DISTINCT credit_code) AS n FROM (${newInYear(year, filters)}) GROUP BY region`,
  );
  const { n: scopeActual } = await one<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT credit_code) AS n FROM (${newInYear(year, filters)})
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
  actual: number;
  target: number | null;
  /** Per year: new HQ, cumulative, and the straight-line path to the target. */
  years: { year: number; actual: number; cumulative: number; path: number | null }[];
}

/** The plan window that contains Y: a loaded 'A-B' target row, else 2019–2023. */
export async function planWindow(db: Db, year: number): Promise<{ from: number; to: number }> {
  const rows = await db.query<{ year: string }>(sql`
    SELECT DISTINCT year FROM targets WHERE region = ${CITY_NAME} AND contains(year, '-')`);
  const windows = rows.map((r) => r.year.split('-').map(Number) as [number, number]);
  const found = windows.find(([from, to]) => from <= year && year <= to);
  return found ? { from: found[0], to: found[1] } : { ...DEFAULT_PLAN_WINDOW };
}

export async function fiveYear(
  db: Db,
  window: { from: number; to: number },
  filters?: Filters,
): Promise<FiveYear> {
  const perYear = await db.query<{ year: number; n: number }>(sql`
    SELECT year(certified_on) AS year, count(DISTINCT credit_code) AS n FROM certifications
    WHERE category = '新引进' AND ${COUNTED} AND year(certified_on) BETWEEN ${window.from} AND ${window.to}
      AND ${unitMatches(filters, sql`region`)} AND ${enterpriseMatches(filters, sql`credit_code`)}
    GROUP BY 1`);
  const label = `${window.from}-${window.to}`;
  const target = scopeTarget(await targetsFor(db, label), label, filters);
  const span = window.to - window.from + 1;
  let cumulative = 0;
  const years = Array.from({ length: span }, (_, i) => {
    const year = window.from + i;
    const actual = perYear.find((p) => p.year === year)?.n ?? 0;
    cumulative += actual;
    return { year, actual, cumulative, path: target === null ? null : (target * (i + 1)) / span };
  });
  return { ...window, actual: cumulative, target, years };
}

/** Figure 5 of DOMAIN.md: building tax, 亿元楼宇 and their tiers, tax per ㎡ and occupancy. */
import { taxThrough } from '../rollups';
import { sql, type Db } from '../../db';
import { BILLION, BUILDING_TIERS } from '../defaults';
import type { Filters } from '../filters';
import { round } from './common';
import { datedInYear, periodOf, type AsOfParams } from './period';

export interface BuildingFigure {
  buildingId: string;
  name: string;
  region: string;
  kind: string | null;
  /** Building tax in Y up to D's month, 元. */
  tax: number;
  tier: string | null;
  floorArea: number;
  occupancy: number | null;
  taxPerSqm: number | null;
  enterprises: number;
  lng: number | null;
  lat: number | null;
}

export function buildingTier(tax: number): string | null {
  return BUILDING_TIERS.find((t) => tax >= t.min)?.name ?? null;
}

/**
 * Every building with its tax in Y as of D (0 when none), sorted by tax descending. For a part year
 * the tiers are applied to the part-year sum: the screens say so (DOMAIN.md "Part years").
 */
export async function buildingTaxes(db: Db, params: AsOfParams): Promise<BuildingFigure[]> {
  const p = await periodOf(db, params);
  const rows = await db.query<Omit<BuildingFigure, 'tier'>>(sql`
    WITH taxed AS (
      SELECT building_id, sum(amount) AS tax FROM rollup_building_month
      WHERE ${datedInYear(sql`period`, p)} GROUP BY 1),
    tenants AS (SELECT building_id, count(*) AS n FROM enterprises GROUP BY 1)
    SELECT b.building_id AS "buildingId", b.name, b.region, b.kind,
      coalesce(taxed.tax, 0) AS tax, b.floor_area AS "floorArea",
      CASE WHEN b.floor_area > 0 THEN b.occupied_area / b.floor_area END AS occupancy,
      CASE WHEN b.floor_area > 0 THEN coalesce(taxed.tax, 0) / b.floor_area END AS "taxPerSqm",
      coalesce(tenants.n, 0) AS enterprises, b.lng, b.lat
    FROM buildings AS b LEFT JOIN taxed USING (building_id) LEFT JOIN tenants USING (building_id)
    ORDER BY tax DESC, b.building_id`);
  return rows.map((r) => ({ ...r, tax: round(r.tax, 2), tier: buildingTier(r.tax) }));
}

export function billionBuildings(buildings: readonly BuildingFigure[]): BuildingFigure[] {
  return buildings.filter((b) => b.tax >= BILLION);
}

/** 培育楼宇: building tax ≥ 5000万 and below 1亿 (the 亿元楼宇 of tomorrow), in the same order. */
export function cultivatingBuildings(buildings: readonly BuildingFigure[]): BuildingFigure[] {
  return buildings.filter((b) => b.tier === '培育楼宇');
}

/**
 * 亿元楼宇 per year and unit, each year as of D, for the trend chart: every year up to D's is shown
 * (the chart highlights Y among them), the year of D with its months up to D.
 */
export async function billionBuildingsByYear(
  db: Db,
  params: AsOfParams,
): Promise<{ year: number; region: string; count: number }[]> {
  const p = await periodOf(db, params);
  return db.query(sql`
    WITH taxed AS (
      SELECT year(period) AS year, building_id, sum(amount) AS tax FROM rollup_building_month
      WHERE period <= ${p.asOf}::DATE GROUP BY 1, 2)
    SELECT taxed.year, b.region, count(*) AS count
    FROM taxed JOIN buildings AS b USING (building_id)
    WHERE taxed.tax >= ${BILLION} GROUP BY 1, 2 ORDER BY 1, 2`);
}

/** The enterprises of one building with their tax in Y as of D (click a building → its enterprises). */
export async function buildingEnterprises(db: Db, params: AsOfParams & { buildingId: string }) {
  const p = await periodOf(db, params);
  return db.query<{ creditCode: string; name: string; tax: number }>(sql`
    SELECT e.credit_code AS "creditCode", e.name,
      coalesce(t.amount, 0) AS tax
    FROM enterprises AS e LEFT JOIN (${taxThrough(p)}) AS t USING (credit_code)
    WHERE e.building_id = ${params.buildingId} ORDER BY tax DESC, e.credit_code`);
}

/** The tier counts and totals of a set of buildings (the buildings screen's summary line). */
export interface BuildingsSummary {
  buildings: number;
  /** 亿元楼宇: building tax ≥ 1亿 (so the 十亿元 and 五亿元 tiers included). */
  billion: number;
  /** Buildings per tier, in the order of BUILDING_TIERS (培育楼宇 last). */
  tiers: { name: string; count: number }[];
  /** Building tax of all the buildings, 元. */
  tax: number;
  /** Building tax of the 亿元楼宇 among them, 元. */
  billionTax: number;
}

export function buildingsSummary(buildings: readonly BuildingFigure[]): BuildingsSummary {
  const billion = billionBuildings(buildings);
  const sum = (list: readonly BuildingFigure[]) =>
    round(
      list.reduce((s, b) => s + b.tax, 0),
      2,
    );
  return {
    buildings: buildings.length,
    billion: billion.length,
    tiers: BUILDING_TIERS.map((t) => ({
      name: t.name,
      count: buildings.filter((b) => b.tier === t.name).length,
    })),
    tax: sum(buildings),
    billionTax: sum(billion),
  };
}

export interface BuildingsScreenParams extends AsOfParams {
  filters?: Filters;
}

/**
 * The buildings screen in one call: every building with its tax in Y and the 亿元楼宇 per year and
 * unit, narrowed to the chosen unit (a building belongs to the unit of its own region). Building tax
 * counts every tenant, so the enterprise-attribute filters do not apply here.
 */
export async function buildingsScreenFigures(db: Db, params: BuildingsScreenParams) {
  const { year, filters } = params;
  const asOf = (await periodOf(db, params)).asOf;
  const inUnit = (region: string) => !filters?.unit || region === filters.unit;
  const buildings = (await buildingTaxes(db, { year, asOf })).filter((b) => inUnit(b.region));
  const byYear = (await billionBuildingsByYear(db, { year, asOf })).filter((r) => inUnit(r.region));
  return { year, buildings, byYear, summary: buildingsSummary(buildings) };
}

export type BuildingsScreenFigures = Awaited<ReturnType<typeof buildingsScreenFigures>>;

/**
 * The building register (issue 13 item 7; policy 二(四) 商务楼宇、产业楼宇、总部孵化器、改造厂房): the
 * buildings grouped by 楼宇类型 and by 所属平台 — how many, their floor area and occupancy, their tax
 * in Y as of D, the 亿元楼宇 among them and the certified HQ they house.
 */
import { sql, type Db } from '../../db';
import { BUILDING_KINDS } from '../enums';
import { BILLION } from '../defaults';
import { buildingTaxes } from './buildings';
import { COUNTED, round } from './common';
import { datedBy, periodOf, type AsOfParams } from './period';

export interface RegisterGroup {
  /** The 楼宇类型 or 所属平台; '未填写' when the export leaves it empty. */
  name: string;
  buildings: number;
  floorArea: number;
  occupiedArea: number;
  /** occupied ÷ floor area over the buildings that give both; null when none does. */
  occupancy: number | null;
  /** Building tax in Y up to D's month, 元. */
  tax: number;
  billion: number;
  /** Enterprises with a counted certification by D housed in these buildings. */
  hqEnterprises: number;
}

export interface BuildingRegister {
  year: number;
  asOf: string;
  byKind: RegisterGroup[];
  byPlatform: RegisterGroup[];
}

export const UNFILLED = '未填写';

interface Row {
  buildingId: string;
  region: string;
  kind: string | null;
  platform: string | null;
  floorArea: number;
  occupiedArea: number | null;
  hq: number;
}

function group(name: string, rows: readonly (Row & { tax: number })[]): RegisterGroup {
  const withBoth = rows.filter((r) => r.floorArea > 0 && r.occupiedArea !== null);
  const floor = withBoth.reduce((s, r) => s + r.floorArea, 0);
  return {
    name,
    buildings: rows.length,
    floorArea: rows.reduce((s, r) => s + r.floorArea, 0),
    occupiedArea: rows.reduce((s, r) => s + (r.occupiedArea ?? 0), 0),
    occupancy: floor > 0 ? withBoth.reduce((s, r) => s + r.occupiedArea!, 0) / floor : null,
    tax: round(
      rows.reduce((s, r) => s + r.tax, 0),
      2,
    ),
    billion: rows.filter((r) => r.tax >= BILLION).length,
    hqEnterprises: rows.reduce((s, r) => s + r.hq, 0),
  };
}

/** Groups in the policy's order of kinds (then any other), platforms by tax; 未填写 last. */
function groups(
  rows: readonly (Row & { tax: number })[],
  key: 'kind' | 'platform',
  order: readonly string[],
) {
  const names = [...new Set(rows.map((r) => registerGroupOf(r, key)))];
  const rank = (n: string) => (n === UNFILLED ? 2 : order.includes(n) ? 0 : 1);
  const list = names.map((n) =>
    group(
      n,
      rows.filter((r) => registerGroupOf(r, key) === n),
    ),
  );
  return list.sort(
    (a, b) =>
      rank(a.name) - rank(b.name) ||
      (order.includes(a.name) ? order.indexOf(a.name) - order.indexOf(b.name) : b.tax - a.tax) ||
      a.name.localeCompare(b.name),
  );
}

/** A building of the register with its tax in Y as of D (元) and the certified HQ it houses. */
export type RegisterBuilding = Row & { tax: number };

/** The register's buildings (of the unit, when given) with their tax: the groups are made of these. */
export async function registerBuildings(
  db: Db,
  params: AsOfParams & { unit?: string },
): Promise<RegisterBuilding[]> {
  const p = await periodOf(db, params);
  const taxes = new Map(
    (await buildingTaxes(db, { year: p.year, asOf: p.asOf })).map((b) => [b.buildingId, b.tax]),
  );
  const rows = await db.query<Row>(sql`
    WITH hq AS (
      SELECT e.building_id, count(DISTINCT e.credit_code) AS n
      FROM enterprises AS e JOIN certifications AS c USING (credit_code)
      WHERE ${COUNTED} AND ${datedBy(sql`c.certified_on`, p)} GROUP BY 1)
    SELECT b.building_id AS "buildingId", b.region, b.kind, nullif(trim(b.platform), '') AS platform,
      b.floor_area AS "floorArea", b.occupied_area AS "occupiedArea", coalesce(hq.n, 0) AS hq
    FROM buildings AS b LEFT JOIN hq USING (building_id)
    WHERE ${params.unit ? sql`b.region = ${params.unit}` : sql`TRUE`}`);
  return rows.map((r) => ({ ...r, tax: taxes.get(r.buildingId) ?? 0 }));
}

/** The group a building falls in by 楼宇类型 or 所属平台 (未填写 when the export leaves it empty). */
export const registerGroupOf = (b: RegisterBuilding, key: 'kind' | 'platform') => b[key] ?? UNFILLED;

export async function buildingRegister(
  db: Db,
  params: AsOfParams & { unit?: string },
): Promise<BuildingRegister> {
  const p = await periodOf(db, params);
  const taxed = await registerBuildings(db, params);
  return {
    year: p.year,
    asOf: p.asOf,
    byKind: groups(taxed, 'kind', BUILDING_KINDS),
    byPlatform: groups(taxed, 'platform', []),
  };
}

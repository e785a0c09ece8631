/**
 * The dashboard's global filters (year aside): a unit, and the enterprise attributes HQ type,
 * origin and industry. Figures take them as parameters and turn them into SQL here, so every
 * screen narrows the same way. With no filter set, a figure is exactly the report's figure.
 */
import { ident, joinSql, sql, type Sql } from '../db';
import { NAMED_HQ_TYPES, type TargetTypes } from './defaults';

export interface Filters {
  /** A unit code of the dictionary; absent for 全市. */
  unit?: string;
  hqType?: string;
  origin?: string;
  industry?: string;
}

export const ATTRIBUTE_FILTERS = ['hqType', 'origin', 'industry'] as const;
export type AttributeFilter = (typeof ATTRIBUTE_FILTERS)[number];

const COLUMN: Record<AttributeFilter, string> = { hqType: 'hq_type', origin: 'origin', industry: 'industry' };

export function hasAttributeFilter(f: Filters | undefined): boolean {
  return ATTRIBUTE_FILTERS.some((k) => f?.[k] !== undefined);
}

/**
 * The attribute filters on a table that carries hq_type/origin/industry itself (enterprises,
 * projects): `alias.hq_type = ? AND …`, or TRUE.
 */
export function attributesMatch(f: Filters | undefined, alias: string): Sql {
  let where = sql`TRUE`;
  for (const key of ATTRIBUTE_FILTERS) {
    const value = f?.[key];
    if (value !== undefined) where = sql`${where} AND ${columnOf(alias, COLUMN[key])} = ${value}`;
  }
  return where;
}

/**
 * The attribute filters for a row known only by its credit code (certifications, tax): the
 * enterprise directory says what the enterprise is. An enterprise missing from it matches no filter.
 */
export function enterpriseMatches(f: Filters | undefined, creditCode: Sql): Sql {
  if (!hasAttributeFilter(f)) return sql`TRUE`;
  return sql`${creditCode} IN (SELECT credit_code FROM enterprises AS fe WHERE ${attributesMatch(f, 'fe')})`;
}

/**
 * DOMAIN.md 13: with `named`, only enterprises the directory lists as 综合型总部 or 功能型总部 count
 * toward new HQ and the target (an enterprise missing from the directory has no type, so it does not).
 */
export function targetTypesMatch(targetTypes: TargetTypes | undefined, creditCode: Sql): Sql {
  if (targetTypes !== 'named') return sql`TRUE`;
  const named = joinSql(NAMED_HQ_TYPES.map((t) => sql`${t}`));
  return sql`${creditCode} IN (SELECT credit_code FROM enterprises WHERE hq_type IN (${named}))`;
}

/** `region = ?` for a chosen unit, or TRUE for 全市. */
export function unitMatches(f: Filters | undefined, region: Sql): Sql {
  return f?.unit === undefined ? sql`TRUE` : sql`${region} = ${f.unit}`;
}

function columnOf(alias: string, column: string): Sql {
  return sql`${ident(alias)}.${ident(column)}`;
}

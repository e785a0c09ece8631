/** Pieces shared by the figure queries. */
import { joinSql, raw, sql, type Db, type Sql } from '../../db';
import { COUNTED_STATUSES } from '../enums';
import { UNITS } from '../units';

/** A certification that counts: 已认定 or 已备案 (DOMAIN.md, "Metrics"). */
export const COUNTED = raw(`status IN (${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/** Last day of year Y as a SQL date. */
export function endOfYear(year: number): Sql {
  return sql`make_date(${year}::INTEGER, 12, 31)`;
}

/** The dictionary as a SQL relation (code, name, kind), so every unit appears even without data. */
export function unitsRelation(): Sql {
  const rows = UNITS.map((u) => sql`(${u.code}, ${u.name}, ${u.kind})`);
  return sql`(SELECT * FROM (VALUES ${joinSql(rows)}) AS u(code, name, kind))`;
}

export async function one<T>(db: Db, query: Sql): Promise<T> {
  const rows = await db.query<T>(query);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

export const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

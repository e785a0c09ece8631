/** Pieces shared by the figure queries. */
import { raw, sql, type Db, type Sql } from '../../db';
import { COUNTED_STATUSES } from '../enums';

/** A certification that counts: 已认定 or 已备案 (DOMAIN.md, "Metrics"). */
export const COUNTED = raw(`status IN (${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/** Last day of year Y as a SQL date. */
export function endOfYear(year: number): Sql {
  return sql`make_date(${year}::INTEGER, 12, 31)`;
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

export { sql, ident, raw, joinSql, Sql, type SqlValue } from './sql';
export type { Db, Row } from './types';

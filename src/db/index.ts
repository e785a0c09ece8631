export { sql, ident, raw, joinSql, textLiteral, Sql, type SqlValue } from './sql';
export type { Db, Row } from './types';

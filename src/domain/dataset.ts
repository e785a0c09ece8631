/**
 * The whole dataset in the import format: per table, the contract's canonical Chinese headers and
 * every row with values spelled as the importer reads them (dates YYYY-MM-DD, months YYYY-MM,
 * 是/否, plain numbers in the canonical unit), and each row's extra cells as further columns. A
 * dataset exported so and imported into an empty database gives the same tables, hence the same
 * figures (test/dataset.test.ts).
 */
import { ident, joinSql, sql, type Db } from '../db';
import { TABLES, type Column, type Table, type TableName } from './schema';
import { keepsTaxNames, nameJoin, TAX_NAME_HEADER } from './taxNames';

export interface DatasetTable {
  table: TableName;
  label: string;
  headers: string[];
  rows: (string | number | null)[][];
}

export async function datasetTables(db: Db): Promise<DatasetTable[]> {
  const tables: DatasetTable[] = [];
  for (const table of TABLES) tables.push(await datasetTable(db, table));
  return tables.filter((t) => t.rows.length > 0);
}

async function datasetTable(db: Db, table: Table): Promise<DatasetTable> {
  const columns = table.columns.map((c) => sql`t.${ident(c.name)}`);
  // A tax row's 纳税人名称 is kept by id (./taxNames.ts): written back as the extra column it came as.
  const names = keepsTaxNames(table);
  const rows = await db.query<Record<string, unknown>>(sql`
    SELECT ${joinSql(columns)}, map_keys(t.extra) AS "__keys", map_values(t.extra) AS "__values",
      ${names ? sql`n.name` : sql`NULL`} AS "__name"
    FROM ${ident(table.name)} AS t ${names ? sql`LEFT JOIN ${nameJoin('t')}` : sql``}
    ORDER BY t.source_file, t.source_row`);
  const named = rows.some((r) => r.__name !== null);
  const extraHeaders = [
    ...new Set([
      ...(named ? [TAX_NAME_HEADER] : []),
      ...rows.flatMap((r) => (r.__keys as string[] | null) ?? []),
    ]),
  ].filter((h) => !table.columns.some((c) => c.headers.includes(h)));
  return {
    table: table.name,
    label: table.label,
    headers: [...table.columns.map((c) => c.headers[0]!), ...extraHeaders],
    rows: rows.map((r) => {
      const extras = new Map<string, string | null>(
        named ? [[TAX_NAME_HEADER, r.__name as string | null]] : [],
      );
      ((r.__keys as string[] | null) ?? []).forEach((k, i) =>
        extras.set(k, (r.__values as (string | null)[])[i] ?? null),
      );
      return [
        ...table.columns.map((c) => spell(c, r[c.name])),
        ...extraHeaders.map((h) => extras.get(h) ?? null),
      ];
    }),
  };
}

/** A value as the importer reads it back. */
function spell(column: Column, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind.type === 'month') return String(value).slice(0, 7);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value;
  return String(value);
}

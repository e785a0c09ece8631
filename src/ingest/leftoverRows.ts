/**
 * The rows an import gathers before its commit (`import_rows_<id>`, ./slices.ts) and what a crash
 * leaves of them. Its own small module: the page drops leftovers on open (src/app/useData.ts), and
 * importing ./slices.ts for that would put the whole importer in the first screen's scripts.
 */
import { ident, sql, type Db } from '../db';

/** The import's accumulated rows: `import_rows_<id>`, in the stored catalog or TEMP. */
export const ROWS_PREFIX = 'import_rows_';

/** Rows of imports that a crash (or a closed tab) left in the stored catalog: never committed. */
export async function dropLeftoverRows(db: Db, catalog: string): Promise<void> {
  const left = await db.query<{ name: string }>(
    sql`SELECT table_name AS name FROM duckdb_tables()
        WHERE database_name = ${catalog} AND NOT temporary AND starts_with(table_name, ${ROWS_PREFIX})`,
  );
  for (const { name } of left) await db.run(sql`DROP TABLE IF EXISTS ${ident(catalog)}.main.${ident(name)}`);
}

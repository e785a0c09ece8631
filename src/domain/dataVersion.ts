/**
 * Apart from viewFigures.ts so the app's first chunk, which needs the version, does not carry every
 * view's figure code with it.
 */
import { sql, type Db } from '../db';

/**
 * The data's version: a hash of the import history (each import's id, time and files' SHA-256),
 * so the same data has the same version in every tab and visit, and any import, undo or rollback
 * changes it. The sample (no import recorded) is versioned by what it holds: its tax rows and
 * as-of date, read from the rollups.
 */
export async function dataVersion(db: Db): Promise<string> {
  let entries: { entry: string }[] = [];
  try {
    entries = await db.query<{ entry: string }>(sql`SELECT entry FROM import_history ORDER BY id`);
  } catch (error) {
    if (!/import_history does not exist/i.test(String(error))) throw error;
  }
  let text: string;
  if (entries.length) {
    text = JSON.stringify(
      entries.map((e) => {
        const entry = JSON.parse(e.entry) as { id: number; at: string; files: { sha256: string }[] };
        return [entry.id, entry.at, entry.files.map((f) => f.sha256)];
      }),
    );
  } else {
    const [facts] = await db.query<{ rows: number; asOf: string | null }>(
      sql`SELECT (SELECT coalesce(sum(rows), 0) FROM rollup_tax_month) AS rows, as_of::VARCHAR AS "asOf"
          FROM rollup_facts`,
    );
    text = `sample:${facts?.rows ?? 0}:${facts?.asOf ?? ''}`;
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

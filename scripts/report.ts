/**
 * `npm run report -- <folder> [--year Y] [--as-of YYYY-MM-DD] [--json]`: loads the export files
 * through the app's importer and prints the year's figures (DOMAIN.md, "The report command").
 */
import { parseArgs } from 'node:util';
import { buildReport } from '../src/domain/report';
import { dataAsOf } from '../src/domain/figures/dataStatus';
import { ImportRefused } from '../src/ingest';
import { loadFolder } from './lib/loadFolder';
import { formatReport } from './lib/formatReport';

const USAGE = 'usage: npm run report -- <folder> [--year YYYY] [--as-of YYYY-MM-DD] [--json]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { year: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  });
  const folder = positionals[0];
  if (!folder) return fail(USAGE);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year))
    return fail(`--year 应为四位年份：${values.year}`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return fail(`--as-of 应为 YYYY-MM-DD：${asOf}`);

  const { db, imported, skipped } = await loadFolder(folder);
  // Never in silence: every file of the folder not read is named, with why (on stderr, so --json
  // stays one object on stdout; the JSON carries them too).
  for (const s of skipped) process.stderr.write(`未读取「${s.file}」：${s.reason}\n`);
  const year = values.year
    ? Number(values.year)
    : Number(((await dataAsOf(db)) ?? new Date().toISOString()).slice(0, 4));
  const report = await buildReport(db, { year, asOf });
  const rejected = imported.files.flatMap((f) => f.rejected);
  const output = { ...report, rejected, skipped };
  process.stdout.write(values.json ? JSON.stringify(output, null, 2) + '\n' : formatReport(output, imported));
  await db.close();
  return 0;
}

function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write((error instanceof ImportRefused ? error.message : String(error)) + '\n');
    process.exit(1);
  },
);

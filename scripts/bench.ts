/**
 * `npm run bench`: the importer against DuckDB's own CSV reader on a 1,000,000-row GBK tax export,
 * and the report over the loaded data, on the real engine in Node. Prints figures and ratios from
 * one run; medians of three. Options: --rows N (default 1,000,000).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { raw } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { buildReport } from '../src/domain/report';
import { importFiles } from '../src/ingest';
import { readFolder } from './lib/loadFolder';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
const dir = path.resolve('bench-data');
// The name gen-sample gives a large tax file (scripts/sample/bigTax.ts).
const file = path.join(dir, `税收明细_${rows}行.csv`);

function ensureFile() {
  if (fs.existsSync(file)) return;
  const made = spawnSync('npx', ['tsx', 'scripts/gen-sample.ts', '--tax-rows', String(rows), '--out', dir], {
    stdio: 'inherit',
  });
  if (made.status !== 0 || !fs.existsSync(file)) throw new Error(`gen-sample did not write ${file}`);
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function importerRun(bytes: Uint8Array) {
  const db = await openNodeDb();
  const { ms, value } = await time(() => importFiles(db, [{ name: path.basename(file), bytes }]));
  await db.close();
  return { ms, accepted: value.files[0]!.accepted };
}

async function floorRun(utf8: Uint8Array) {
  const db = await openNodeDb();
  await db.registerFile('floor.csv', utf8);
  const { ms } = await time(() =>
    db.run(raw(`CREATE TABLE floor AS SELECT * FROM read_csv('floor.csv', all_varchar = true)`)),
  );
  await db.close();
  return ms;
}

async function main() {
  ensureFile();
  const bytes = new Uint8Array(fs.readFileSync(file));
  const mb = bytes.length / 1e6;
  const utf8 = new TextEncoder().encode(new TextDecoder('gb18030').decode(bytes));
  console.log(`file: ${file} (${mb.toFixed(1)} MB GBK, ${rows.toLocaleString()} rows)`);

  const importer: number[] = [];
  const floor: number[] = [];
  let accepted = 0;
  for (let i = 0; i < 3; i++) {
    const run = await importerRun(bytes);
    importer.push(run.ms);
    accepted = run.accepted;
    floor.push(await floorRun(utf8));
  }
  const importMs = median(importer);
  const floorMs = median(floor);
  console.log(
    `importer (decode + parse + validate + commit): ${importMs.toFixed(0)} ms, accepted ${accepted.toLocaleString()}`,
  );
  console.log(
    `  ${((rows / importMs) * 1000).toLocaleString('en', { maximumFractionDigits: 0 })} rows/s, ${((mb / importMs) * 1000).toFixed(1)} MB/s`,
  );
  console.log(`floor: DuckDB read_csv of the same rows as UTF-8: ${floorMs.toFixed(0)} ms`);
  console.log(`ratio importer / floor: ${(importMs / floorMs).toFixed(2)}× (goal ≤ 2×)`);

  const db = await openNodeDb();
  await importFiles(db, [...readFolder('data'), { name: path.basename(file), bytes }]);
  const year = 2023;
  const reports: number[] = [];
  for (let i = 0; i < 3; i++) reports.push((await time(() => buildReport(db, { year }))).ms);
  const [{ n }] = (await db.query<{ n: number }>(raw('SELECT count(*) AS n FROM tax'))) as [{ n: number }];
  console.log(
    `report --year ${year} over ${n.toLocaleString()} tax rows: ${median(reports).toFixed(0)} ms (goal < 1000 ms)`,
  );
  await db.close();
}

await main();

/**
 * `tsx scripts/snapshot-sample.ts <exports folder> <out folder>`: imports the sample exports with the
 * same importer as the app and writes `sample.duckdb` and its `.wal` (the tables, see src/db/snapshot.ts) and `sample-import.json` (what the
 * importer accepted and rejected) for the build, so the app opens on them without re-importing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeSnapshot } from '../src/db/snapshot';
import { TABLES } from '../src/domain/schema';
import { loadFolder } from './lib/loadFolder';

const [folder = process.env.HQ_SAMPLE_DIR ?? 'data', out = 'dist/sample'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const target = path.join(out, 'sample.duckdb');
fs.rmSync(target, { force: true });
fs.rmSync(`${target}.wal`, { force: true });

const { db, imported } = await loadFolder(folder);
await writeSnapshot(
  db,
  target,
  TABLES.map((t) => t.name),
);
await db.close();
// Readable by the web server's user, not only by whoever built it.
for (const file of [target, `${target}.wal`]) if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
fs.writeFileSync(path.join(out, 'sample-import.json'), JSON.stringify(imported));
console.log(`样例数据快照：${target}（${(fs.statSync(target).size / 1e6).toFixed(1)} MB）`);

/**
 * `tsx scripts/snapshot-sample.ts <exports folder> <out folder>`: imports the sample exports with the
 * same importer as the app and writes `sample.duckdb` and its `.wal` (the tables, see src/db/snapshot.ts) and `sample-import.json` (what the
 * importer accepted and rejected) for the build, so the app opens on them without re-importing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeSnapshot } from '../src/db/snapshot';
import { DATA_TABLES } from '../src/domain/ddl';
import { loadFolder } from './lib/loadFolder';
import { writePhoneFigures } from './lib/publishFigures';
import { localIso } from './lib/localIso';
import { defaultAsOf } from '../src/domain/asOf';
import { DEFAULT_CALIBER } from '../src/domain/caliber';
import { dataAsOf } from '../src/domain/figures/dataStatus';
import { PHONE_DIR } from '../src/domain/phone';

const SAMPLE_PHONE_YEARS = 2;

const [folder = process.env.HQ_SAMPLE_DIR ?? 'data', out = 'dist/sample'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const target = path.join(out, 'sample.duckdb');
fs.rmSync(target, { force: true });
fs.rmSync(`${target}.wal`, { force: true });

const { db, imported } = await loadFolder(folder);
// The 掌上驾驶舱's figures of the sample under the default 口径, as publish writes them for a dataset,
// so `npm start` (and a deployment without a published dataset) shows the phone view too. Before the
// snapshot, which moves the session onto the snapshot's file (see scripts/publish.ts).
fs.rmSync(path.join(out, PHONE_DIR), { recursive: true, force: true });
// Two years (the running one and the last complete one) keep the build quick: each year costs a
// 简报 per unit.
const phoneFiles = await writePhoneFigures(
  db,
  out,
  {
    asOf: defaultAsOf(await dataAsOf(db)),
    caliber: DEFAULT_CALIBER.settings,
    name: '样例数据',
    caliberRef: { name: DEFAULT_CALIBER.name, hash: DEFAULT_CALIBER.hash },
    publishedAt: localIso(),
  },
  SAMPLE_PHONE_YEARS,
);
await writeSnapshot(db, target, DATA_TABLES);
await db.close();
// Readable by the web server's user, not only by whoever built it.
for (const file of [target, `${target}.wal`]) if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
for (const e of fs.readdirSync(path.join(out, PHONE_DIR), { recursive: true, withFileTypes: true }))
  fs.chmodSync(path.join(e.parentPath, e.name), e.isFile() ? 0o644 : 0o755);
fs.writeFileSync(path.join(out, 'sample-import.json'), JSON.stringify(imported));
console.log(
  `样例数据快照：${target}（${(fs.statSync(target).size / 1e6).toFixed(1)} MB），掌上驾驶舱 ${phoneFiles} 个图表文件`,
);

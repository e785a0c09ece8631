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
import { writeFiguresCache, writePhoneFigures } from './lib/publishFigures';
import { localIso } from './lib/localIso';
import { defaultAsOf } from '../src/domain/asOf';
import { DEFAULT_CALIBER } from '../src/domain/caliber';
import { dataAsOf } from '../src/domain/figures/dataStatus';

const SAMPLE_PHONE_YEARS = 2;

const [folder = process.env.HQ_SAMPLE_DIR ?? 'data', out = 'dist/sample'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const target = path.join(out, 'sample.duckdb');
fs.rmSync(target, { force: true });
fs.rmSync(`${target}.wal`, { force: true });

const { db, imported } = await loadFolder(folder);
// The sample's figures under the default 口径, as publish writes them for a dataset, before the
// snapshot, which moves the session onto the snapshot's file (see scripts/publish.ts):
// - the desk's views (figures/*.json, figures/desk.json): a first visit shows them, marked 更新中,
//   before the engine is up (src/app/firstFigures.ts);
// - the 掌上驾驶舱's, so `npm start` (and a deployment without a published dataset) shows the phone
//   view too. Two years (the running one and the last complete one) keep the build quick: each year
//   costs a 简报 per unit.
const viewParams = { asOf: defaultAsOf(await dataAsOf(db)), caliber: DEFAULT_CALIBER.settings };
fs.rmSync(path.join(out, 'figures'), { recursive: true, force: true });
await writeFiguresCache(db, out, viewParams);
const phoneFiles = await writePhoneFigures(
  db,
  out,
  {
    ...viewParams,
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
for (const e of fs.readdirSync(path.join(out, 'figures'), { recursive: true, withFileTypes: true }))
  fs.chmodSync(path.join(e.parentPath, e.name), e.isFile() ? 0o644 : 0o755);
fs.writeFileSync(path.join(out, 'sample-import.json'), JSON.stringify(imported));
console.log(
  `样例数据快照：${target}（${(fs.statSync(target).size / 1e6).toFixed(1)} MB），掌上驾驶舱 ${phoneFiles} 个图表文件`,
);

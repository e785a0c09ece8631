/**
 * `npm run publish -- <exports folder> --out <dir> [--rules rules.json] [--name 名称] [--engine wasm|native]
 * [--phone-years 3]`:
 * imports the exports with the app's importer (on the wasm engine, or native DuckDB for data beyond
 * a tab) and writes a published dataset (src/domain/published.ts) that
 * `dist/` opens read-only for every viewer when it is copied to `dist/dataset/`
 * (docs/DEPLOYMENT.md).
 *
 * The folder is written beside `--out` and swapped in whole, so a server reading `--out` never sees
 * half a dataset. A previous dataset in `--out` hands its audit trail on: the new one appends this
 * publish, its import and, when the 口径 changed, the change item by item (old → new).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSnapshot } from '../src/db/snapshot';
import { defaultAsOf } from '../src/domain/asOf';
import { caliberFileText, diffCaliber, parseCaliber, type Caliber } from '../src/domain/caliber';
import { dataAsOf, rowCounts } from '../src/domain/figures/dataStatus';
import {
  DATASET_FILES,
  DATASET_FORMAT,
  DATASET_VERSION,
  readManifest,
  type AuditEntry,
  type AuditTrail,
  type DatasetManifest,
} from '../src/domain/published';
import { DATA_TABLES } from '../src/domain/ddl';
import { readCaliberFile } from './lib/caliberFile';
import { ENGINES, loadFolder, type EngineName } from './lib/loadFolder';
import { localIso } from './lib/localIso';
import { PHONE_YEARS, writeFiguresCache, writePhoneFigures } from './lib/publishFigures';
import { runCommand, usageError } from './lib/command';

const USAGE =
  'usage: npm run publish -- <exports folder> --out <dir> [--rules rules.json] [--name 名称] [--engine wasm|native] [--phone-years 3]';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a previous dataset in `out` hands on: its audit trail and its 口径 (undefined when none). */
function previousDataset(out: string): { audit: AuditEntry[]; caliber?: Caliber } {
  if (!fs.existsSync(out)) return { audit: [] };
  if (!fs.statSync(out).isDirectory()) throw new Error(`--out 不是文件夹：${out}`);
  const manifestPath = path.join(out, DATASET_FILES.manifest);
  if (!fs.existsSync(manifestPath)) {
    if (fs.readdirSync(out).length > 0)
      throw new Error(`--out ${out} 不是空文件夹，也不是已发布的数据集：为免覆盖其他文件，请指定新的文件夹`);
    return { audit: [] };
  }
  const manifest = readManifest(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  if (typeof manifest === 'string') throw new Error(`--out ${out}：${manifest}`);
  const auditPath = path.join(out, DATASET_FILES.audit);
  const audit = fs.existsSync(auditPath)
    ? (JSON.parse(fs.readFileSync(auditPath, 'utf8')) as AuditTrail).entries
    : [];
  const rulesPath = path.join(out, DATASET_FILES.rules);
  const parsed = fs.existsSync(rulesPath) ? parseCaliber(fs.readFileSync(rulesPath, 'utf8')) : undefined;
  return { audit, ...(parsed?.ok ? { caliber: parsed.caliber } : {}) };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      rules: { type: 'string' },
      name: { type: 'string' },
      engine: { type: 'string' },
      'phone-years': { type: 'string' },
    },
  });
  const folder = positionals[0];
  const out = values.out;
  if (!folder || !out) return usageError(USAGE);
  const engine = values.engine ?? 'wasm';
  if (!(ENGINES as readonly string[]).includes(engine))
    return usageError(`--engine 应为 wasm 或 native：${engine}`);
  const phoneYears = Number(values['phone-years'] ?? PHONE_YEARS);
  if (!Number.isInteger(phoneYears) || phoneYears < 0)
    return usageError(`--phone-years 应为 0 或正整数：${values['phone-years']}`);
  const caliber = readCaliberFile(values.rules);
  const previous = previousDataset(out);

  const started = Date.now();
  const { db, imported, skipped, files } = await loadFolder(folder, engine as EngineName);
  for (const s of skipped) process.stderr.write(`未读取「${s.file}」：${s.reason}\n`);
  const at = localIso();
  const staging = `${path.resolve(out)}.publishing-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const database = path.join(staging, DATASET_FILES.database);
    const asOf = await dataAsOf(db);
    // The views' figures before the snapshot: the snapshot moves the session onto the dataset file,
    // which must hold the tables as imported and nothing a figure query builds on the way.
    const name = values.name?.trim() || `温州市总部回归数据（截至 ${defaultAsOf(asOf)}）`;
    const viewParams = { asOf: defaultAsOf(asOf), caliber: caliber.settings };
    const figures = await writeFiguresCache(db, staging, viewParams);
    // The 掌上驾驶舱's figures per year and unit (docs/PHONE.md): a phone reads them, never the database.
    const phoneFiles = await writePhoneFigures(
      db,
      staging,
      { ...viewParams, name, caliberRef: { name: caliber.name, hash: caliber.hash }, publishedAt: at },
      phoneYears,
    );
    await writeSnapshot(db, database, DATA_TABLES);
    const rows = await rowCounts(db);
    await db.close();

    const hashes = new Map(files.map((f) => [f.name, { sha256: sha256(f.bytes), bytes: f.bytes.length }]));
    const report = {
      folder: path.basename(path.resolve(folder)),
      files: imported.files.map((f) => ({ ...f, ...hashes.get(f.file) })),
      committed: imported.committed,
      skipped,
    };
    const caliberRef = { name: caliber.name, hash: caliber.hash };
    const entries: AuditEntry[] = [...previous.audit];
    if (previous.caliber && previous.caliber.hash !== caliber.hash) {
      entries.push({
        at,
        kind: 'rules',
        where: 'publish',
        summary: `口径由「${previous.caliber.name}」改为「${caliber.name}」`,
        caliber: caliberRef,
        changes: diffCaliber(previous.caliber.settings, caliber.settings),
      });
    }
    entries.push({
      at,
      kind: 'import',
      where: 'publish',
      summary: `导入 ${imported.files.length} 个文件（${report.folder}）`,
      files: report.files.map((f) => ({
        file: f.file,
        sha256: f.sha256,
        bytes: f.bytes,
        table: f.table,
        accepted: f.accepted,
        rejectedRows: f.rejectedRows,
      })),
    });
    entries.push({
      at,
      kind: 'publish',
      where: 'publish',
      summary: `发布数据集「${name}」，数据截至 ${asOf ?? '（无税收数据）'}，口径「${caliber.name}」`,
      caliber: caliberRef,
    });

    const write = (file: string, text: string) => fs.writeFileSync(path.join(staging, file), text);
    write(DATASET_FILES.importReport, JSON.stringify(report));
    write(DATASET_FILES.rules, caliberFileText(caliber));
    write(
      DATASET_FILES.audit,
      JSON.stringify({ format: 'hq-return-audit', entries } satisfies AuditTrail, null, 1),
    );
    const listed = fs
      .readdirSync(staging, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(staging, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
    const manifest: DatasetManifest = {
      format: DATASET_FORMAT,
      formatVersion: DATASET_VERSION,
      name,
      asOf,
      publishedAt: at,
      caliber: caliberRef,
      rows,
      files: Object.fromEntries(listed.map((f) => [f, sha256(fs.readFileSync(path.join(staging, f)))])),
      figures,
    };
    write(DATASET_FILES.manifest, JSON.stringify(manifest, null, 2) + '\n');
    // Readable by the web server's user, not only by whoever published.
    for (const f of [...listed, DATASET_FILES.manifest]) fs.chmodSync(path.join(staging, f), 0o644);
    swapIn(staging, out);
    const size = fs.statSync(path.join(out, DATASET_FILES.database)).size;
    process.stdout.write(
      `已发布「${name}」到 ${out}：数据截至 ${asOf ?? '无税收数据'}，口径「${caliber.name}」（${caliber.hash}），` +
        `${Object.values(rows).reduce((a, b) => a + b, 0)} 行，数据库 ${(size / 1e6).toFixed(1)} MB，` +
        `掌上驾驶舱 ${phoneFiles} 个图表文件，` +
        `用时 ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Replaces `out` by `staging` with two renames, so `out` is a whole dataset at every moment but one. */
function swapIn(staging: string, out: string) {
  const old = `${path.resolve(out)}.previous-${process.pid}`;
  const had = fs.existsSync(out);
  if (had) fs.renameSync(out, old);
  fs.renameSync(staging, out);
  if (had) fs.rmSync(old, { recursive: true, force: true });
}

runCommand(main);

/**
 * The data sets several unit test files read: imported once per run instead of once per file —
 * an import of 8 MB of exports took 10–30 s on this busy two-core machine, and six files read the
 * sample, four the 2023 exports. The first file that asks for one imports it with the app's
 * importer and writes it as a snapshot, as the build writes the sample's; every file then opens
 * its own copy: a new engine with the snapshot restored, as the page opens the sample.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { Db } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { writeSnapshot } from '../../src/db/snapshot';
import { DATA_TABLES, restoreData } from '../../src/domain/ddl';
import { refreshRollups } from '../../src/domain/rollups';
import { loadFolder } from '../../scripts/lib/loadFolder';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each shared data set by name: the folder of exports it is imported from. */
export const SHARED = {
  /** The sample data the app ships with. */
  sample: path.join(ROOT, 'data'),
  /** The messy 2023 exports shaped like the bureau's (figuresFixture.ts: EXPORTS_2023). */
  exports2023: path.join(ROOT, 'test', 'fixtures', 'exports-2023'),
} as const;
export type SharedName = keyof typeof SHARED;

/** A limit after which the import counts as hung, not an expected duration (see vitest.config.ts). */
const DEADLINE_MS = 600_000;

/** Where a data set is kept in the run's folder (setup.ts): its snapshot and the marks of its import. */
function sharedFiles(name: SharedName) {
  const base = path.join(inject('sharedDataDir'), name);
  return {
    snapshot: `${base}.duckdb`,
    claimed: `${base}.claimed`,
    ready: `${base}.ready`,
    failed: `${base}.failed`,
  };
}

/** The first caller claims the import (an exclusive create, so two workers never both import). */
function claim(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
    return true;
  } catch {
    return false;
  }
}

async function makeSnapshot(name: SharedName, files: ReturnType<typeof sharedFiles>) {
  try {
    const { db } = await loadFolder(SHARED[name]);
    await writeSnapshot(db, files.snapshot, DATA_TABLES);
    await db.close();
    fs.writeFileSync(files.ready, '');
  } catch (error) {
    fs.writeFileSync(files.failed, String(error instanceof Error ? (error.stack ?? error) : error));
    throw error;
  }
}

/** Until the data set is written (by this file or another); rejects with the import's error. */
async function made(name: SharedName, files: ReturnType<typeof sharedFiles>) {
  const start = Date.now();
  while (!fs.existsSync(files.ready)) {
    if (fs.existsSync(files.failed)) {
      throw new Error(`共享数据 ${name} 导入失败：${fs.readFileSync(files.failed, 'utf8')}`);
    }
    if (Date.now() - start > DEADLINE_MS) throw new Error(`共享数据 ${name} 未在期限内导入完成`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The data set `name` in a new engine of the caller's own (it may change it): the snapshot
 * restored as the page restores the build's sample (src/app/useData.ts: the tables, then the rollups).
 */
export async function openShared(name: SharedName): Promise<Db> {
  const files = sharedFiles(name);
  if (claim(files.claimed)) await makeSnapshot(name, files);
  else await made(name, files);
  const wal = `${files.snapshot}.wal`;
  const db = await openNodeDb();
  await restoreData(db, {
    file: new Uint8Array(fs.readFileSync(files.snapshot)),
    wal: fs.existsSync(wal) ? new Uint8Array(fs.readFileSync(wal)) : undefined,
  });
  await refreshRollups(db);
  return db;
}

/**
 * Persistence as a state machine (src/db/persist.ts), walked in Node on the real engine and a real
 * database file in a temporary folder — the browser's path with OPFS swapped for a folder
 * (`nodeStoredFile`): the engine opens in memory and ATTACHes the file, and a "reload" is a new
 * engine on the same folder. Imports go through the desk's own steps (views/data/deskImport.ts):
 * a connection of their own, the sample replaced while it is shown.
 *
 * The sample here is the hand-written fixture set, imported without history (as the build's
 * snapshot is); the imports are two small exports whose amounts need the value macros.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, type Db } from '../src/db';
import { nodeStoredFile, openNodeDb } from '../src/db/node';
import { createPersistence, type Persistence } from '../src/db/persist';
import { importFiles, rollbackTo, type SourceFile } from '../src/ingest';
import { hasImports, importHistory } from '../src/ingest/history';
import { checkImport, commitImport, releaseImport } from '../src/views/data/deskImport';
import { fixtureFiles } from './figuresFixture';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** An enterprise and its tax (amount with a thousands separator: parsed by the value macro). */
const IMPORT_A: SourceFile[] = [
  {
    name: '企业.csv',
    bytes: utf8('统一社会信用代码,企业名称,属地\n91330381MA2HQ0009Y,壬总部有限公司,瑞安市\n'),
  },
  {
    name: '税收.csv',
    bytes: utf8('统一社会信用代码,所属期,税种,税额（元）\n91330381MA2HQ0009Y,202401,增值税,"1,234.50"\n'),
  },
];
const IMPORT_B: SourceFile[] = [
  {
    name: '企业补充.csv',
    bytes: utf8('统一社会信用代码,企业名称,属地\n91330302MA2HQ0010N,癸总部有限公司,鹿城区\n'),
  },
];

interface Page {
  db: Db;
  keeper: Persistence;
  stored: boolean;
}

/** What a page shows, in brief: rows of three tables, the tax total, and 样例数据 / 已导入数据. */
async function shown(db: Db) {
  const [row] = await db.query<{ enterprises: number; tax: number; certifications: number; total: number }>(
    raw(`SELECT (SELECT count(*) FROM enterprises)::INTEGER AS enterprises,
                (SELECT count(*) FROM tax)::INTEGER AS tax,
                (SELECT count(*) FROM certifications)::INTEGER AS certifications,
                (SELECT coalesce(round(sum(amount), 2), 0) FROM tax) AS total`),
  );
  return { ...row!, label: (await hasImports(db)) ? '已导入数据' : '样例数据' };
}

/** Opens a page on `dir` as the app does (useData.ts): the stored data, else the sample. */
async function openPage(dir: string): Promise<Page> {
  const db = await openNodeDb();
  const keeper = createPersistence(nodeStoredFile(db, dir), hasImports);
  const { stored } = await keeper.open(db);
  if (!stored) await loadSample(db);
  return { db, keeper, stored };
}

async function loadSample(db: Db) {
  await importFiles(db, fixtureFiles());
}

/** 确认导入 of `files` through the desk's steps; answers whether the desk said the sample goes. */
async function deskImport({ db, keeper }: Page, files: SourceFile[]): Promise<boolean> {
  const checked = await checkImport(db, files);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  await commitImport(checked, {}, (connection) => keeper.beforeImport(connection, bytes));
  await keeper.afterChange(db);
  return checked.replacesSample;
}

/** 恢复样例数据 as useData.resetToSample does it: on a connection of its own. */
async function resetToSample({ db, keeper }: Page) {
  const session = await db.session();
  try {
    await keeper.reset(session);
    await loadSample(session);
  } finally {
    await session.close();
  }
}

const files = (dir: string) => fs.readdirSync(dir).sort();

let sample: Awaited<ReturnType<typeof shown>>;
const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-persist-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  const db = await openNodeDb();
  await loadSample(db);
  sample = await shown(db);
  await db.close();
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('from a first visit through imports, reloads, 恢复样例数据 and undo', () => {
  const dir = tempDir();
  let page: Page;
  let imported: Awaited<ReturnType<typeof shown>>;

  it('first visit: the sample in memory, nothing written', async () => {
    page = await openPage(dir);
    expect(page.stored).toBe(false);
    expect(page.keeper.where()).toBe('memory');
    expect(await shown(page.db)).toEqual(sample);
    expect(sample.label).toBe('样例数据');
    expect(files(dir)).toEqual([]);
  });

  it('first import: replaces the sample and is written into the stored file', async () => {
    expect(await deskImport(page, IMPORT_A)).toBe(true);
    imported = await shown(page.db);
    expect(imported).toEqual({
      enterprises: 1,
      tax: 1,
      certifications: 0,
      total: 1234.5,
      label: '已导入数据',
    });
    expect(page.keeper.where()).toBe('stored');
    expect(files(dir)).toEqual(['hq_dashboard.duckdb', 'hq_dashboard.duckdb.wal']);
  });

  it('a later import adds to the imported data, without replacing it', async () => {
    expect(await deskImport(page, IMPORT_B)).toBe(false);
    imported = await shown(page.db);
    expect(imported).toMatchObject({ enterprises: 2, tax: 1, label: '已导入数据' });
  });

  it('reload: the stored data reopens, with its history', async () => {
    await page.db.close();
    page = await openPage(dir);
    expect(page.stored).toBe(true);
    expect(await shown(page.db)).toEqual(imported);
    expect((await importHistory(page.db)).map((h) => h.id)).toEqual([2, 1]);
  });

  it('an import after the reload works (the value macros are on its new connection)', async () => {
    await deskImport(page, [
      {
        name: '税收更正.csv',
        bytes: utf8('统一社会信用代码,所属期,税种,税额（元）\n91330381MA2HQ0009Y,202401,增值税,"2,000.00"\n'),
      },
    ]);
    expect(await shown(page.db)).toMatchObject({ tax: 1, total: 2000, label: '已导入数据' });
  });

  it('恢复样例数据: the stored data forgotten, the sample back, the file deleted', async () => {
    await resetToSample(page);
    expect(await shown(page.db)).toEqual(sample);
    expect(page.keeper.where()).toBe('memory');
    expect(files(dir)).toEqual([]);
  });

  it('an import after the reset replaces the sample again and is stored again', async () => {
    expect(await deskImport(page, IMPORT_A)).toBe(true);
    expect(await shown(page.db)).toEqual({ ...imported, enterprises: 1 });
    expect(files(dir)).toContain('hq_dashboard.duckdb');
    await page.db.close();
    page = await openPage(dir);
    expect(await shown(page.db)).toMatchObject({ enterprises: 1, label: '已导入数据' });
  });

  it('undoing the first import brings the sample back, and a reload shows the sample', async () => {
    const [first] = await importHistory(page.db);
    const session = await page.db.session();
    await rollbackTo(session, first!.id);
    await session.close();
    await page.keeper.afterChange(page.db);
    expect(await shown(page.db)).toEqual(sample);
    await page.db.close();
    // The file holds no import: it is not used, and deleted; the sample is loaded as on a first visit.
    page = await openPage(dir);
    expect(page.stored).toBe(false);
    expect(files(dir)).toEqual([]);
    expect(await shown(page.db)).toEqual(sample);
    await page.db.close();
  });
});

describe('a page opened fresh, imported, then reset without a reload', () => {
  it('shows the sample again, and imports again', async () => {
    const dir = tempDir();
    const page = await openPage(dir);
    await deskImport(page, IMPORT_A);
    await resetToSample(page);
    expect(await shown(page.db)).toEqual(sample);
    expect(files(dir)).toEqual([]);
    expect(await deskImport(page, IMPORT_B)).toBe(true);
    expect(await shown(page.db)).toMatchObject({ enterprises: 1, tax: 0, label: '已导入数据' });
    await page.db.close();
  });
});

describe('a commit that fails after the sample moved into the file', () => {
  it('leaves the sample, and a reload shows the sample', async () => {
    const dir = tempDir();
    let page = await openPage(dir);
    const checked = await checkImport(page.db, IMPORT_A);
    await page.keeper.beforeImport(checked.connection, 100);
    expect(files(dir)).toContain('hq_dashboard.duckdb');
    // The commit fails inside its transaction (the table it writes has gone): nothing is committed.
    await page.db.run(raw('DROP TABLE enterprises'));
    await expect(commitImport(checked, {}, async () => undefined)).rejects.toThrow();
    await page.db.close();
    page = await openPage(dir);
    expect(page.stored).toBe(false);
    expect(await shown(page.db)).toEqual(sample);
    await page.db.close();
  });
});

describe('放弃', () => {
  it('drops the staged rows with their connection, and writes nothing', async () => {
    const dir = tempDir();
    const page = await openPage(dir);
    const checked = await checkImport(page.db, IMPORT_A);
    await releaseImport(checked);
    await expect(checked.connection.query(raw('SELECT 1'))).rejects.toThrow('closed');
    expect(await shown(page.db)).toEqual(sample);
    expect(files(dir)).toEqual([]);
    await page.db.close();
  });
});

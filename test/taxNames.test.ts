/**
 * The taxpayer's name of a tax export (纳税人名称) on the real engine: kept once per enterprise and
 * name in `tax_names`, each row pointing to the name it came with; the file's other extra cells
 * stay in `extra`; re-import, rename, undo, 导出全部数据 → import, and data stored by an earlier
 * version (the name inside each row's MAP) all give the names back as they were.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, type Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { writeSnapshot } from '../src/db/snapshot';
import { createTables, restoreData } from '../src/domain/ddl';
import { TABLES } from '../src/domain/schema';
import { datasetZip, readDatasetZip } from '../src/export/dataset';
import { importFiles, rollbackTo, undoLast } from '../src/ingest';
import { commitFiles, csv } from './figuresFixture';

const A = '91330302MA2HQ0001Q';
const B = '91330302MA2HQ0002U';
const HEADER = '纳税人识别号,纳税人名称,所属期,税种,税额（元）,备注';
const JAN_FEB = csv(
  '税收明细.csv',
  HEADER,
  `${A},甲公司,2023-01,增值税,100,`,
  `${A},甲公司,2023-01,企业所得税,50,补缴`,
  `${A},甲公司,2023-02,增值税,110,`,
  `${B},乙公司,2023-01,增值税,70,`,
  `${B},乙公司,2023-02,增值税,80,`,
);
/** March: 甲公司 renamed. */
const MARCH = csv(
  '税收明细_03.csv',
  HEADER,
  `${A},甲集团公司,2023-03,增值税,120,`,
  `${B},乙公司,2023-03,增值税,90,`,
);

/** Every tax row with its name and extra, in a fixed order. */
const named = (db: Db) =>
  db.query<{
    credit_code: string;
    period: string;
    tax_type: string;
    name: string | null;
    extra: string | null;
  }>(
    raw(`SELECT t.credit_code, strftime(t.period, '%Y-%m') AS period, t.tax_type, n.name,
      CAST(t.extra AS VARCHAR) AS extra
      FROM tax AS t LEFT JOIN tax_names AS n ON n.id = t.name_id ORDER BY ALL`),
  );
const nameRows = async (db: Db) =>
  (await db.query<{ n: number }>(raw(`SELECT count(*) AS n FROM tax_names`)))[0]!.n;

describe('taxpayer names', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('keeps each name once per enterprise, 备注 still in extra', async () => {
    const { report } = await commitFiles(db, JAN_FEB);
    expect(report.files[0]?.extras).toEqual(['纳税人名称', '备注']);
    expect(await db.query(raw(`SELECT credit_code, name FROM tax_names ORDER BY ALL`))).toEqual([
      { credit_code: A, name: '甲公司' },
      { credit_code: B, name: '乙公司' },
    ]);
    const rows = await named(db);
    expect(rows.map((r) => r.name)).toEqual(['甲公司', '甲公司', '甲公司', '乙公司', '乙公司']);
    // The name is no longer in any MAP; 备注 is, as before (an empty cell is kept as NULL).
    expect(rows.find((r) => r.tax_type === '企业所得税')?.extra).toBe('{备注=补缴}');
    expect(rows.every((r) => !(r.extra ?? '').includes('纳税人名称'))).toBe(true);
    expect(
      await db.query(raw(`SELECT extra['备注'] AS note FROM tax WHERE tax_type = '企业所得税'`)),
    ).toEqual([{ note: '补缴' }]);
  });

  it('re-importing the same file is all 未变 and adds no name', async () => {
    const { report } = await commitFiles(db, JAN_FEB);
    expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 0, unchanged: 5 }]);
    expect(await nameRows(db)).toBe(2);
  });

  it('a renamed enterprise keeps both names, each on its months', async () => {
    await commitFiles(db, MARCH);
    const rows = await named(db);
    expect(rows.filter((r) => r.credit_code === A).map((r) => [r.period, r.name])).toEqual([
      ['2023-01', '甲公司'],
      ['2023-01', '甲公司'],
      ['2023-02', '甲公司'],
      ['2023-03', '甲集团公司'],
    ]);
    expect(await nameRows(db)).toBe(3);
  });

  it('the same rows under a changed name are a change, and undo gives the old name back', async () => {
    const before = await named(db);
    const renamed = csv('更正.csv', HEADER, `${A},甲公司（更正）,2023-02,增值税,110,`);
    const { report } = await commitFiles(db, renamed);
    expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 1, unchanged: 0 }]);
    expect((await named(db)).find((r) => r.credit_code === A && r.period === '2023-02')?.name).toBe(
      '甲公司（更正）',
    );
    await undoLast(db);
    expect(await named(db)).toEqual(before);
  });

  it('导出全部数据 → import gives back the same names and extra cells', async () => {
    const zip = await datasetZip(db, '2023-03-31');
    const files = readDatasetZip('数据.zip', zip)!.files;
    const target = await openNodeDb();
    try {
      await importFiles(target, files, { replaceAll: true });
      expect(await named(target)).toEqual(await named(db));
      // Once more: the exported file imported over itself is 未变.
      const { report } = await commitFiles(target, ...files.filter((f) => f.name === '税收明细.csv'));
      expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 0, unchanged: 7 }]);
      // A file whose only extra column is the name builds no MAP.
      await importFiles(target, [
        csv(
          '税收_04.csv',
          '纳税人识别号,纳税人名称,所属期,税种,税额（元）',
          `${A},甲集团公司,2023-04,增值税,1`,
        ),
      ]);
      expect((await named(target)).filter((r) => r.period === '2023-04')).toEqual([
        { credit_code: A, period: '2023-04', tax_type: '增值税', name: '甲集团公司', extra: null },
      ]);
      expect(await nameRows(target)).toBe(3);
    } finally {
      await target.close();
    }
  });
});

describe('data stored by an earlier version (the name in each row’s extra MAP)', () => {
  /** March with 乙公司's February corrected: the undo state keeps the row it replaced. */
  const MARCH_FIX = csv(
    '税收明细_03.csv',
    HEADER,
    `${A},甲集团公司,2023-03,增值税,120,`,
    `${B},乙公司,2023-02,增值税,85,更正`,
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tax-names-'));
  const snapshotPath = path.join(folder, 'dataset.duckdb');
  let db: Db;
  let afterJanFeb: Awaited<ReturnType<typeof named>>;
  let expected: Awaited<ReturnType<typeof named>>;
  beforeAll(async () => {
    // The new layout's answers, then the same data rewritten in the old layout, undo state included.
    db = await openNodeDb();
    await commitFiles(db, JAN_FEB);
    afterJanFeb = await named(db);
    await commitFiles(db, MARCH_FIX);
    expected = await named(db);
    const oldMap = `CASE WHEN n.name IS NULL THEN t.extra
      ELSE map_concat(MAP {'纳税人名称': n.name}, coalesce(t.extra, MAP {}::MAP(VARCHAR, VARCHAR))) END`;
    for (const table of ['tax', 'history_before_1_tax', 'history_before_2_tax']) {
      await db.run(
        raw(`CREATE TABLE old AS SELECT t.* EXCLUDE (extra, name_id), ${oldMap} AS extra
        FROM ${table} AS t LEFT JOIN tax_names AS n ON n.id = t.name_id`),
      );
      await db.run(raw(`DROP TABLE ${table}`));
      await db.run(raw(`ALTER TABLE old RENAME TO ${table}`));
    }
    await db.run(raw(`DROP TABLE tax_names`));
    // As an earlier version kept it: 纳税人名称 first in the MAP, in the file's column order.
    const [row] = await db.query<{ extra: string }>(
      raw(`SELECT CAST(extra AS VARCHAR) AS extra FROM tax WHERE tax_type = '企业所得税'`),
    );
    expect(row?.extra).toBe('{纳税人名称=甲公司, 备注=补缴}');
    expect(await db.query(raw(`SELECT count(*) AS n FROM history_before_2_tax`))).toEqual([{ n: 1 }]);
    // A dataset published by that version: its tables, without tax_names.
    await writeSnapshot(
      db,
      snapshotPath,
      TABLES.map((t) => t.name),
    );
    await createTables(db);
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens with the same names, moved out of extra', async () => {
    expect(await named(db)).toEqual(expected);
    expect(await nameRows(db)).toBe(3);
  });

  it('a dataset published by that version opens with the same names', async () => {
    const viewer = await openNodeDb();
    try {
      const wal = `${snapshotPath}.wal`;
      await restoreData(viewer, {
        file: new Uint8Array(fs.readFileSync(snapshotPath)),
        ...(fs.existsSync(wal) ? { wal: new Uint8Array(fs.readFileSync(wal)) } : {}),
      });
      expect(await named(viewer)).toEqual(expected);
    } finally {
      await viewer.close();
    }
  });

  it('re-importing the same file is 未变', async () => {
    const { report } = await commitFiles(db, MARCH_FIX);
    expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 0, unchanged: 2 }]);
  });

  it('rolling back the import kept before the upgrade gives back its names', async () => {
    await rollbackTo(db, 2);
    expect(await named(db)).toEqual(afterJanFeb);
  });
});

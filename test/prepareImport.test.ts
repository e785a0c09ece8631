/**
 * The importer in two steps, as the data desk uses it: prepare (read, check, report) commits
 * nothing; commit writes all checked files at once; discard leaves no trace; the user's header
 * mapping rescues a file whose headers the contract does not know.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../src/db/node';
import { raw, type Db } from '../src/db';
import {
  fileSizeProblem,
  ImportCancelled,
  ImportRefused,
  MAX_FILE_BYTES,
  prepareImport,
  type ImportProgress,
} from '../src/ingest';
import { C } from './figuresFixture';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ENTERPRISES = `统一社会信用代码,企业名称,属地\n${C.A},甲总部有限公司,鹿城区\n${C.C},丙总部有限公司,龙湾区\n`;
const UNKNOWN_HEADER = `统一社会信用代码,企业名称,所在区域\n${C.A},甲总部有限公司,鹿城区\n`;

let db: Db;
beforeEach(async () => {
  db = await openNodeDb();
});
afterEach(async () => {
  await db.close();
});

const count = async (table: string) =>
  (await db.query<{ n: number }>(raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;
const temps = async () =>
  (await db.query<{ n: number }>(raw(`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary`)))[0]!.n;

describe('prepareImport', () => {
  it('reports what would load and commits nothing until asked', async () => {
    const prepared = await prepareImport(db, [{ name: '企业.csv', bytes: utf8(ENTERPRISES) }]);
    expect(prepared.refused).toEqual([]);
    expect(prepared.files.map((f) => [f.table, f.rowsRead, f.accepted])).toEqual([['enterprises', 2, 2]]);
    expect(await count('enterprises')).toBe(0);
    const report = await prepared.commit();
    expect(report.committed).toEqual([{ table: 'enterprises', added: 2, replaced: 0, unchanged: 0 }]);
    expect(await count('enterprises')).toBe(2);
    expect(await temps()).toBe(0);
    await expect(prepared.commit()).rejects.toThrow('已提交或已放弃');
  });

  it('leaves no rows and no staging tables when discarded', async () => {
    const prepared = await prepareImport(db, [{ name: '企业.csv', bytes: utf8(ENTERPRISES) }]);
    await prepared.discard();
    expect(await count('enterprises')).toBe(0);
    expect(await temps()).toBe(0);
  });

  it('lists a refused file and refuses the commit, keeping the data already loaded', async () => {
    await (await prepareImport(db, [{ name: '企业.csv', bytes: utf8(ENTERPRISES) }])).commit();
    const prepared = await prepareImport(db, [
      { name: '更新.csv', bytes: utf8(ENTERPRISES.replace('甲总部有限公司', '甲总部（更名）')) },
      { name: '坏.csv', bytes: utf8(UNKNOWN_HEADER) },
    ]);
    expect(prepared.refused.map((r) => r.file)).toEqual(['坏.csv']);
    expect(prepared.refused[0]!.message).toContain('缺少必填列：属地');
    await expect(prepared.commit()).rejects.toBeInstanceOf(ImportRefused);
    await prepared.discard();
    const names = await db.query<{ name: string }>(raw(`SELECT name FROM enterprises ORDER BY credit_code`));
    expect(names.map((r) => r.name)).toEqual(['甲总部有限公司', '丙总部有限公司']);
  });

  it('loads an unknown header the user maps to a column; a required header mapped to nothing refuses the file', async () => {
    const overrides = { '区域.csv': { columns: { 所在区域: 'region', 企业名称: '' } } };
    const refused = await prepareImport(db, [{ name: '区域.csv', bytes: utf8(UNKNOWN_HEADER) }], {
      overrides: { '区域.csv': { columns: { 所在区域: 'region' } } },
    });
    expect(refused.refused).toEqual([]);
    expect(refused.files[0]!.columns.find((c) => c.header === '所在区域')?.column).toBe('region');
    await refused.discard();
    // 企业名称 is required: mapped to nothing, the file lacks it.
    const noName = await prepareImport(db, [{ name: '区域.csv', bytes: utf8(UNKNOWN_HEADER) }], {
      overrides,
    });
    expect(noName.refused[0]?.message).toContain('缺少必填列：企业名称');
    await noName.discard();
  });

  it('reports progress per file and stops, leaving nothing, when cancelled', async () => {
    const seen: ImportProgress[] = [];
    const files = [
      { name: '企业.csv', bytes: utf8(ENTERPRISES) },
      { name: '区域.csv', bytes: utf8(UNKNOWN_HEADER) },
    ];
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    const done = await prepareImport(db, files, { onProgress: (p) => seen.push(p) });
    await done.discard();
    expect(seen.map((p) => [p.file, p.phase])).toEqual([
      [0, '读取'],
      [0, '暂存'],
      [0, '校验'],
      [0, '完成'],
      [1, '读取'],
    ]);
    expect(seen.at(-1)!.bytesTotal).toBe(total);
    expect(seen[2]!.rows).toBe(2);
    expect(seen[3]!.rows).toBe(2);
    // The bar moves with each step and never back; the first file done is its share of the bytes.
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(fractions[3]).toBeCloseTo(files[0]!.bytes.length / total);

    let steps = 0;
    const cancelled = prepareImport(db, [{ name: '企业.csv', bytes: utf8(ENTERPRISES) }], {
      cancelled: () => ++steps > 2,
    });
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelled);
    expect(await count('enterprises')).toBe(0);
    expect(await temps()).toBe(0);
  });

  it('refuses a file too large for a browser tab before reading it, with a message naming it', () => {
    expect(fileSizeProblem('税收.csv', MAX_FILE_BYTES)).toBeUndefined();
    expect(fileSizeProblem('税收.csv', 3 * 1024 ** 3)).toBe(
      '文件「税收.csv」有 3,072 MB，超过单个文件 1 GB 的上限，浏览器内存不足以导入：请按年度或属地拆分后再导入。已载入的数据未改变。',
    );
  });
});

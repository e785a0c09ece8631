/**
 * 导出全部数据 and back: the sample data exported as one ZIP and imported into another database —
 * empty, or holding other data — gives the same report, figure for figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../src/db/node';
import type { Db } from '../src/db';
import { buildReport } from '../src/domain/report';
import { datasetZip, readDatasetZip } from '../src/export/dataset';
import { importFiles } from '../src/ingest';
import { openShared } from './shared/files';
import { openFiguresFixture } from './figuresFixture';
import { strFromU8, unzipSync } from 'fflate';

let source: Db;
let zip: Uint8Array;

beforeAll(async () => {
  source = await openShared('sample');
  zip = await datasetZip(source, '2025-09-30');
});

afterAll(async () => {
  await source?.close();
});

const reports = async (db: Db) => ({
  y2023: await buildReport(db, { year: 2023, asOf: '2025-09-30' }),
  y2025: await buildReport(db, { year: 2025, asOf: '2025-09-30' }),
});

describe('the dataset ZIP', () => {
  it('holds a manifest and one import-format CSV per table', () => {
    const read = readDatasetZip('数据.zip', zip)!;
    expect(read.manifest.asOf).toBe('2025-09-30');
    expect(read.manifest.tables.tax).toBe(162385);
    expect(read.files.map((f) => f.name).sort()).toEqual(
      ['企业名录', '企业年度数据', '在外温商招商线索', '总部认定', '总部项目', '楼宇', '目标任务', '税收明细']
        .map((n) => `${n}.csv`)
        .sort(),
    );
    expect(readDatasetZip('x.zip', new TextEncoder().encode('not a zip'))).toBeUndefined();
  });

  it('carries a readable 说明.txt, which the importer leaves alone', () => {
    const bytes = unzipSync(zip)['说明.txt']!;
    // UTF-8 with a BOM, so Notepad on an older Windows reads the Chinese.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(bytes);
    expect(text).toContain('数据截至：2025-09-30');
    expect(text).toContain('税收明细.csv　162385 行');
    expect(text).toContain('整体替换');
    expect(readDatasetZip('数据.zip', zip)!.files.some((f) => f.name.endsWith('.txt'))).toBe(false);
  });

  it('imports into an empty database with the same figures', async () => {
    const target = await openNodeDb();
    try {
      const report = await importFiles(target, readDatasetZip('数据.zip', zip)!.files, { replaceAll: true });
      expect(report.files.flatMap((f) => f.rejected)).toEqual([]);
      expect(await reports(target)).toEqual(await reports(source));
    } finally {
      await target.close();
    }
  });

  it('replaces whatever another database held', async () => {
    const { db: target } = await openFiguresFixture();
    try {
      await importFiles(target, readDatasetZip('数据.zip', zip)!.files, { replaceAll: true });
      expect(await reports(target)).toEqual(await reports(source));
    } finally {
      await target.close();
    }
  });
});

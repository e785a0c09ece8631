/**
 * Import history on the real engine: each commit is recorded with its files' checksums and counts;
 * undo and rollback give back exactly the figures of the state they return to.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, type Db } from '../src/db';
import { buildReport } from '../src/domain/report';
import { importHistory, rollbackTo, undoLast } from '../src/ingest';
import { C, openFiguresFixture, commitFiles } from './figuresFixture';

const utf8 = (text: string) => new TextEncoder().encode(text);
const RENAME = {
  name: '企业更名.csv',
  bytes: utf8(`统一社会信用代码,企业名称,属地\n${C.A},甲总部（更名）,鹿城区\n`),
};
const MORE_TAX = {
  name: '税收补录.csv',
  bytes: utf8(
    `统一社会信用代码,所属期,税种,税额（元）\n${C.A},2023-02,增值税,9000000\n${C.B},2023-03,增值税,1\n`,
  ),
};

let db: Db;
/** A table's rows in a fixed order (the order rows come back in is not part of the state). */
const rowsOf = (table: string) =>
  db.query(raw(`SELECT * EXCLUDE (extra), CAST(extra AS VARCHAR) AS extra FROM ${table} ORDER BY ALL`));
const report = () => buildReport(db, { year: 2023, asOf: '2023-12-31' });
const commit = (...files: { name: string; bytes: Uint8Array }[]) => commitFiles(db, ...files);

beforeAll(async () => {
  db = (await openFiguresFixture()).db;
});
afterAll(async () => {
  await db?.close();
});

describe('import history', () => {
  it('records each commit with checksums and counts, newest first', async () => {
    const original = await report();
    await commit(RENAME);
    const afterRename = await report();
    await commit(MORE_TAX);
    const history = await importHistory(db);
    expect(history.map((h) => h.id)).toEqual([2, 1]);
    expect(history[0]!.files).toEqual([
      {
        name: '税收补录.csv',
        sha256: createHash('sha256').update(MORE_TAX.bytes).digest('hex'),
        table: 'tax',
        rows: 2,
        rejected: 0,
      },
    ]);
    // B's 2023-03 增值税 is replaced by the row of the file; A's 2023-02 增值税 is new.
    expect(history[0]!.committed).toEqual([{ table: 'tax', added: 1, replaced: 1, unchanged: 0 }]);
    expect(history.every((h) => h.restorable)).toBe(true);
    // Each state holds only the tables its import changed: a tax import copies no other table.
    const states = await db.query<{ name: string }>(
      raw(
        `SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, 'history_before_') ORDER BY 1`,
      ),
    );
    expect(states.map((s) => s.name)).toEqual(['history_before_1_enterprises', 'history_before_2_tax']);
    // …and of tax only the rows it replaced (B's 2023-03 增值税), with the keys it wrote.
    expect(await db.query(raw('SELECT * FROM history_before_2_tax'))).toHaveLength(1);
    expect(await db.query(raw('SELECT * FROM history_keys_2_tax'))).toHaveLength(2);
    expect(await report()).not.toEqual(afterRename);

    await undoLast(db);
    expect(await report()).toEqual(afterRename);
    expect((await importHistory(db)).map((h) => h.id)).toEqual([1]);

    await commit(MORE_TAX);
    await rollbackTo(db, 1);
    expect(await report()).toEqual(original);
    expect(await importHistory(db)).toEqual([]);
    await expect(undoLast(db)).rejects.toThrow('没有可撤销的导入');
  });

  it('undoes imports exactly, newest first, when later imports replaced earlier ones', async () => {
    const tables = async () => ({
      tax: await rowsOf('tax'),
      enterprises: await rowsOf('enterprises'),
    });
    // Replaces A's 2023-02 增值税 of MORE_TAX; two files in one import both add to B's 2023-04.
    const correction = [
      {
        name: '税收更正.csv',
        bytes: utf8(
          `统一社会信用代码,所属期,税种,税额（元）\n${C.A},2023-02,增值税,7\n${C.B},2023-04,增值税,8\n`,
        ),
      },
      {
        name: '税收再更正.csv',
        bytes: utf8(`统一社会信用代码,所属期,税种,税额（元）\n${C.B},2023-04,企业所得税,9\n`),
      },
    ];
    const before = await tables();
    const importAll = async () => {
      await commit(MORE_TAX);
      const afterFirst = await tables();
      await commit(...correction);
      const afterSecond = await tables();
      await commit(RENAME);
      expect(await tables()).not.toEqual(afterSecond);
      const [, second, first] = (await importHistory(db)).map((h) => h.id);
      return { afterFirst, afterSecond, first: first!, second: second! };
    };
    // All three undone in one rollback: only newest first gives A's 2023-02 back as it was.
    const once = await importAll();
    await rollbackTo(db, once.first);
    expect(await tables()).toEqual(before);
    // One at a time.
    const again = await importAll();
    expect(again.afterSecond).toEqual(once.afterSecond);
    await undoLast(db);
    expect(await tables()).toEqual(again.afterSecond);
    await rollbackTo(db, again.second);
    expect(await tables()).toEqual(again.afterFirst);
    await undoLast(db);
    expect(await tables()).toEqual(before);
  });

  it('keeps no state and no record when the commit is refused', async () => {
    const broken = { name: '坏.csv', bytes: utf8('甲,乙\n1,2\n') };
    await expect(commit(broken)).rejects.toThrow();
    expect(await importHistory(db)).toEqual([]);
  });
});

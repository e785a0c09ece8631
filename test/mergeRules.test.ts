/**
 * DOMAIN.md "Rules that hold for every figure", the importer's part, on small files computed by
 * hand, on the real engine: tax rows add up within an import and a later import replaces only the
 * (credit_code, period, tax_type) it carries; re-importing says 未变; defaults are taken before keys
 * are compared; a key in two files of one import is a duplicate; money is exact; rejected rows are
 * counted as rows, not errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { raw, type Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { createTables } from '../src/domain/ddl';
import { buildingTaxes } from '../src/domain/figures/buildings';
import { commitWithHistory, importFiles, prepareImport, undoLast } from '../src/ingest';
import { C, csv } from './figuresFixture';

const TAX = '统一社会信用代码,所属期,税种,税额（元）';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db?.close();
});
// One engine for the file (a start costs seconds); every test begins on an empty database.
beforeEach(async () => {
  const tables = await db.query<{ name: string }>(
    raw(`SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary`),
  );
  for (const { name } of tables) await db.run(raw(`DROP TABLE "${name}"`));
});

const rows = <T>(query: string) => db.query<T>(raw(query));
const taxByType = () =>
  rows<{ type: string; total: number; n: number }>(
    `SELECT tax_type AS type, sum(amount) AS total, count(*)::INTEGER AS n FROM tax GROUP BY 1 ORDER BY 1`,
  );
const commit = async (...files: ReturnType<typeof csv>[]) =>
  (await commitWithHistory(db, await prepareImport(db, files), {})).report;

describe('tax rows of one import add up; a later import replaces what it carries', () => {
  const main = csv('a_主税.csv', TAX, `${C.A},2023-01,增值税,100`, `${C.A},2023-01,企业所得税,50`);
  const personal = csv('b_个人所得税.csv', TAX, `${C.A},2023-01,个人所得税,30`);

  it.each([
    ['主税 first', [main, personal]],
    ['个人所得税 first', [personal, main]],
  ])('two files sharing an enterprise-month both count (%s)', async (_, files) => {
    const report = await importFiles(db, files);
    expect(report.committed).toEqual([{ table: 'tax', added: 3, replaced: 0, unchanged: 0 }]);
    expect(await taxByType()).toEqual([
      { type: '个人所得税', total: 30, n: 1 },
      { type: '企业所得税', total: 50, n: 1 },
      { type: '增值税', total: 100, n: 1 },
    ]);
  });

  it('two identical rows in two files of one import both count', async () => {
    await importFiles(db, [
      csv('一.csv', TAX, `${C.A},2023-01,增值税,100`),
      csv('二.csv', TAX, `${C.A},2023-01,增值税,100`),
    ]);
    expect(await taxByType()).toEqual([{ type: '增值税', total: 200, n: 2 }]);
  });

  it('a later import replaces the committed rows of each enterprise-month-tax it carries, and nothing else', async () => {
    await commit(main, personal);
    const report = await commit(csv('个税更正.csv', TAX, `${C.A},2023-01,个人所得税,40`));
    expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 1, unchanged: 0 }]);
    expect(await taxByType()).toEqual([
      { type: '个人所得税', total: 40, n: 1 },
      { type: '企业所得税', total: 50, n: 1 },
      { type: '增值税', total: 100, n: 1 },
    ]);
    // Undo puts the 个人所得税 of the first import back, and leaves the rest as it is.
    await undoLast(db);
    expect(await taxByType()).toEqual([
      { type: '个人所得税', total: 30, n: 1 },
      { type: '企业所得税', total: 50, n: 1 },
      { type: '增值税', total: 100, n: 1 },
    ]);
  });

  it('a key whose committed rows differ in number is replaced whole (two rows by one)', async () => {
    await commit(csv('一.csv', TAX, `${C.A},2023-01,增值税,60`, `${C.A},2023-01,增值税,40`));
    const report = await commit(csv('二.csv', TAX, `${C.A},2023-01,增值税,100`));
    expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 1, unchanged: 0 }]);
    expect(await taxByType()).toEqual([{ type: '增值税', total: 100, n: 1 }]);
  });

  it('re-importing the same files says 未变 and writes nothing, whatever order the rows come in', async () => {
    await commit(main, personal);
    const before = await rows(`SELECT * EXCLUDE (extra) FROM tax ORDER BY ALL`);
    const reordered = csv('a_主税.csv', TAX, `${C.A},2023-01,企业所得税,50`, `${C.A},2023-01,增值税,100`);
    const report = await commit(personal, reordered);
    expect(report.committed).toEqual([{ table: 'tax', added: 0, replaced: 0, unchanged: 3 }]);
    expect(await rows(`SELECT * EXCLUDE (extra) FROM tax ORDER BY ALL`)).toEqual(before);
    // Nothing written, so nothing for undo to keep.
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM history_keys_2_tax`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM history_before_2_tax`)).toEqual([{ n: 0 }]);
  });

  it('an identical re-import of keyed rows says 未变; a changed 备注 is a change', async () => {
    const header = '统一社会信用代码,企业名称,属地,备注';
    await commit(csv('企业.csv', header, `${C.A},甲公司,鹿城,`, `${C.B},乙公司,鹿城,老`));
    const report = await commit(csv('企业.csv', header, `${C.A},甲公司,鹿城,`, `${C.B},乙公司,鹿城,新`));
    expect(report.committed).toEqual([{ table: 'enterprises', added: 0, replaced: 1, unchanged: 1 }]);
  });
});

describe('defaults are taken before keys are compared', () => {
  it('a blank 指标 and 新引进总部企业 for the same year and unit are one key: the second is a duplicate', async () => {
    const report = await importFiles(db, [
      csv('目标.csv', '年度,属地,指标,目标值', '2023,鹿城,,5', '2023,鹿城区,新引进总部企业,6'),
    ]);
    expect(report.files[0]!.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, '主键重复（与第2行相同），已保留第2行'],
    ]);
    expect(await rows('SELECT year, region, metric, target FROM targets')).toEqual([
      { year: '2023', region: '330302', metric: '新引进总部企业', target: 5 },
    ]);
  });

  it('a file without 指标 and a later import with 新引进总部企业 replace each other', async () => {
    await commit(csv('t1.csv', '年度,属地,目标值', '2023,鹿城,5'));
    const report = await commit(csv('t2.csv', '年度,属地,指标,目标值', '2023,鹿城,新引进总部企业,7'));
    expect(report.committed).toEqual([{ table: 'targets', added: 0, replaced: 1, unchanged: 0 }]);
    expect(await rows('SELECT target FROM targets')).toEqual([{ target: 7 }]);
  });

  it('a blank 是否市外经营 is 否', async () => {
    await importFiles(db, [csv('税.csv', `${TAX},是否市外经营`, `${C.A},2023-01,增值税,1,`)]);
    expect(await rows('SELECT outside FROM tax')).toEqual([{ outside: false }]);
  });
});

describe('a key in two files of one import', () => {
  const header = '统一社会信用代码,企业名称,属地';
  it('is a duplicate in the later file, naming the row kept', async () => {
    const report = await importFiles(db, [
      csv('名录一.csv', header, `${C.A},甲公司,鹿城`),
      csv('名录二.csv', header, `${C.B},乙公司,龙湾`, `${C.A},甲集团,瓯海`),
    ]);
    const [, second] = report.files;
    expect(second!.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, '主键重复（与「名录一.csv」第2行相同），已保留「名录一.csv」第2行'],
    ]);
    expect(second).toMatchObject({ rowsRead: 2, accepted: 1, rejectedRows: 1 });
    expect(report.committed).toEqual([{ table: 'enterprises', added: 2, replaced: 0, unchanged: 0 }]);
    expect(await rows('SELECT credit_code, name FROM enterprises ORDER BY 1')).toEqual([
      { credit_code: C.A, name: '甲公司' },
      { credit_code: C.B, name: '乙公司' },
    ]);
  });
});

describe('rejected rows are counted as rows', () => {
  it('a row with two bad values is one rejected row with two errors', async () => {
    const report = await importFiles(db, [
      csv('税.csv', TAX, `${C.A},2023-01,增值税,1`, `${C.A},2023-13,增值税,abc`, `${C.A},2023-02,VAT,1`),
    ]);
    const [file] = report.files;
    expect(file!.rejected).toHaveLength(3);
    expect(file).toMatchObject({ rowsRead: 3, accepted: 1, rejectedRows: 2 });
  });
});

describe('money is exact', () => {
  const building = csv('楼宇.csv', '楼宇编号,楼宇名称,所在县市区,建筑面积（㎡）', 'B1,一亿大厦,鹿城,10000');
  const tenants = csv(
    '企业.csv',
    '统一社会信用代码,企业名称,属地,楼宇编号',
    `${C.A},甲公司,鹿城,B1`,
    `${C.B},乙公司,鹿城,B1`,
  );
  // 99,999,999.70 + 0.10 + 0.10 + 0.10 = 100,000,000.00 exactly; in binary floating point, added in
  // this order, 99,999,999.99999999.
  const amounts = [
    [C.A, '2023-01', '99999999.70'],
    [C.A, '2023-02', '0.10'],
    [C.B, '2023-03', '0.10'],
    [C.B, '2023-04', '0.10'],
  ];
  it.each([
    ['in file order', amounts],
    ['reversed', [...amounts].reverse()],
    ['large last', [amounts[1]!, amounts[2]!, amounts[3]!, amounts[0]!]],
  ])('a building at exactly 1亿 is a 亿元楼宇 (%s)', async (_, order) => {
    const tax = csv(
      '税.csv',
      TAX,
      ...order.map(([code, month, amount]) => `${code},${month},增值税,${amount}`),
    );
    await importFiles(db, [building, tenants, tax]);
    const [b1] = await buildingTaxes(db, { year: 2023 });
    expect(b1).toMatchObject({ buildingId: 'B1', tax: 100_000_000, tier: '亿元楼宇' });
    expect(
      await rows(`SELECT sum(amount) = 100000000 AS exact, typeof(amount) AS type FROM tax GROUP BY 2`),
    ).toEqual([{ exact: true, type: 'DECIMAL(18,2)' }]);
  });

  it('amounts in 万元 become exact 元, and a value too large for the column is a row error', async () => {
    const report = await importFiles(db, [
      csv(
        '税.csv',
        '统一社会信用代码,所属期,税种,税额（万元）',
        `${C.A},2023-01,增值税,"1,234.5678"`,
        `${C.A},2023-02,增值税,1e20`,
      ),
    ]);
    expect(await rows('SELECT amount FROM tax')).toEqual([{ amount: 12_345_678 }]);
    expect(report.files[0]!.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, '金额超出范围（该列最多 16 位整数）'],
    ]);
  });
});

describe('data kept by an earlier version', () => {
  it('has its money made exact and its defaults filled when the tables are next prepared', async () => {
    await db.run(
      raw(`CREATE TABLE tax (credit_code VARCHAR, period DATE, tax_type VARCHAR, amount DOUBLE, outside BOOLEAN,
        local_amount DOUBLE, source_file VARCHAR, source_row INTEGER, extra MAP(VARCHAR, VARCHAR))`),
    );
    await db.run(
      raw(
        `INSERT INTO tax (credit_code, period, tax_type, amount) VALUES ('${C.A}', '2023-01-01', '增值税', 0.1 + 0.2)`,
      ),
    );
    await db.run(
      raw(`CREATE TABLE targets (year VARCHAR, region VARCHAR, metric VARCHAR, target DOUBLE,
        source_file VARCHAR, source_row INTEGER, extra MAP(VARCHAR, VARCHAR))`),
    );
    await db.run(raw(`INSERT INTO targets (year, region, target) VALUES ('2023', '330302', 5)`));
    await createTables(db);
    expect(await rows(`SELECT amount, typeof(amount) AS type, outside FROM tax`)).toEqual([
      { amount: 0.3, type: 'DECIMAL(18,2)', outside: false },
    ]);
    // The kept target now has the key a new import of it gives: the import replaces it.
    const report = await commit(csv('t.csv', '年度,属地,目标值', '2023,鹿城,6'));
    expect(report.committed).toEqual([{ table: 'targets', added: 0, replaced: 1, unchanged: 0 }]);
  });
});

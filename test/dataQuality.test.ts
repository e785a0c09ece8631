/**
 * The data page's 数据质量 checks on the real engine: the hand-written figures fixture (see the
 * header of test/figures.test.ts: X and Y have orphan tax rows, X/W/Y certifications have no
 * enterprise row, B3 has no tenant, P7 and Y's certification lie after 2023), and a tiny set written
 * here for the checks the fixture does not exercise (unknown building, future dates, extras).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../src/db/node';
import type { Db } from '../src/db';
import { importFiles } from '../src/ingest';
import {
  dataQuality,
  dataQualityRows,
  QUALITY_FIELDS,
  type QualityCheck,
  type QualityKey,
} from '../src/domain/figures/dataQuality';
import { C, openFiguresFixture } from './figuresFixture';

const counts = (checks: QualityCheck[]) => Object.fromEntries(checks.map((c) => [c.key, c.count]));

describe('dataQuality on the figures fixture', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await openFiguresFixture());
  });
  afterAll(() => db.close());

  it('counts every check (today = the fixture as-of date, 2023-12-31)', async () => {
    const { checks } = await dataQuality(db, { today: '2023-12-31' });
    expect(counts(checks)).toEqual({
      unknownTaxEnterprises: 2, // X, Y (3 rows)
      unknownBuildings: 0,
      emptyBuildings: 1, // B3
      futureDates: 4, // Y certified 2024-01-01; P7 signed, registered, operating in 2024
      orphanCertifications: 4, // X ×2, W, Y
      unknownProjectEnterprises: 0, // P3 is C, which is listed
      undatedCertifications: 0, // D 申请 and X 县级审核 have no date but do not count
    });
    const byKey = Object.fromEntries(checks.map((c) => [c.key, c]));
    expect(byKey.unknownTaxEnterprises!.note).toBe('共 3 行税收明细（无属地与楼宇，不计入楼宇税收）');
    expect(byKey.orphanCertifications!.note).toBe('涉及 3 家企业，无法做认定条件核查');
    expect(byKey.futureDates!.label).toBe('日期晚于今天（2023-12-31）');
    expect(byKey.futureDates!.severity).toBe('error');
  });

  it('finds no future dates against the wall clock', async () => {
    const { checks } = await dataQuality(db);
    expect(counts(checks).futureDates).toBe(0);
  });

  it('groups orphan tax rows by credit code, largest amount first', async () => {
    expect(await dataQualityRows(db, { key: 'unknownTaxEnterprises' })).toEqual([
      {
        统一社会信用代码: C.X,
        行数: 1,
        月数: 1,
        所属期: '2023-05',
        税额合计: 1_000_000,
        认定记录: '新引进已认定、本土县级审核',
      },
      {
        统一社会信用代码: C.Y,
        行数: 2,
        月数: 1,
        所属期: '2023-12',
        税额合计: -200_000,
        认定记录: '新引进已认定',
      },
    ]);
  });

  it('lists future dates by table, key, column and date, newest first', async () => {
    const rows = await dataQualityRows(db, { key: 'futureDates', today: '2023-12-31' });
    expect(rows.map((r) => [r.数据表, r.键, r.字段, r.日期])).toEqual([
      ['总部项目', 'P7', '投产日期', '2024-05-01'],
      ['总部项目', 'P7', '注册日期', '2024-03-01'],
      ['总部项目', 'P7', '签约日期', '2024-02-01'],
      ['总部认定', `${C.Y} / 新引进`, '认定日期', '2024-01-01'],
    ]);
    expect(rows[0]!.来源).toBe('总部项目台账.csv 第 8 行');
  });

  it('lists certifications without an enterprise row and the untenanted building', async () => {
    const certs = await dataQualityRows(db, { key: 'orphanCertifications' });
    expect(certs.map((r) => [r.统一社会信用代码, r.认定类别, r.认定状态, r.认定地, r.认定日期])).toEqual([
      [C.W, '新引进', '已认定', '鹿城区', '2019-08-08'],
      [C.X, '新引进', '已认定', '瑞安市', '2021-03-03'],
      [C.X, '本土', '县级审核', '瑞安市', null],
      [C.Y, '新引进', '已认定', '瑞安市', '2024-01-01'],
    ]);
    const buildings = await dataQualityRows(db, { key: 'emptyBuildings' });
    expect(buildings).toEqual([
      {
        楼宇编号: 'B3',
        楼宇名称: '瑞安金融大厦',
        属地: '瑞安市',
        '建筑面积（㎡）': 10000,
        '已入驻面积（㎡）': null,
        来源: '楼宇清单.csv 第 4 行',
      },
    ]);
  });

  it('lists rows whose fields are the ones declared for the table, and honours the limit', async () => {
    for (const key of Object.keys(QUALITY_FIELDS) as QualityKey[]) {
      const rows = await dataQualityRows(db, { key, today: '2023-12-31' });
      for (const row of rows) expect(Object.keys(row)).toEqual(QUALITY_FIELDS[key].map((f) => f.name));
    }
    expect(await dataQualityRows(db, { key: 'orphanCertifications', limit: 2 })).toHaveLength(2);
  });
});

describe('dataQuality on a tiny hand-made set', () => {
  const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    const report = await importFiles(db, [
      csv(
        '企业名录.csv',
        `统一社会信用代码,企业名称,属地,所在楼宇编号
${C.A},甲公司,鹿城区,B1
${C.B},乙公司,鹿城区,B9
${C.C},丙公司,龙湾区,
`,
      ),
      csv(
        '楼宇清单.csv',
        `楼宇编号,楼宇名称,所在县市区,建筑面积（平方米）,已入驻面积（平方米）
B1,一号楼,鹿城区,1000,800
B2,二号楼,龙湾区,2000,500
`,
      ),
      csv(
        '总部认定.csv',
        `统一社会信用代码,认定类别,认定状态,认定地,认定日期
${C.A},新引进,已认定,鹿城区,2099-05-01
${C.B},本土,已备案,鹿城区,
${C.C},本土,申请,龙湾区,
`,
      ),
      csv(
        '税收明细.csv',
        `统一社会信用代码,所属期,税种,税额（元）
${C.A},202301,增值税,100
${C.C},209912,增值税,50
${C.X},202302,增值税,10
`,
      ),
      csv(
        '总部项目台账.csv',
        `项目编号,项目名称,属地,统一社会信用代码,签约日期
P1,登记了名录外企业的项目,鹿城区,${C.W},2023-01-01
P2,未注册项目,龙湾区,,2023-02-01
`,
      ),
    ]);
    expect(report.files.flatMap((f) => f.rejected)).toEqual([]);
  });
  afterAll(() => db.close());

  it('finds the unknown building, the empty building, the future dates and the extras', async () => {
    const { checks } = await dataQuality(db, { today: '2026-01-01' });
    expect(counts(checks)).toEqual({
      unknownTaxEnterprises: 1, // X
      unknownBuildings: 1, // 乙 in B9
      emptyBuildings: 1, // B2
      futureDates: 2, // 甲's certification 2099-05-01, 丙's tax month 2099-12
      orphanCertifications: 0,
      unknownProjectEnterprises: 1, // P1 → W
      undatedCertifications: 1, // 乙 已备案 without 认定日期 (丙 申请 does not count)
    });
    expect(await dataQualityRows(db, { key: 'unknownBuildings' })).toEqual([
      {
        统一社会信用代码: C.B,
        企业名称: '乙公司',
        属地: '鹿城区',
        楼宇编号: 'B9',
        来源: '企业名录.csv 第 3 行',
      },
    ]);
    const future = await dataQualityRows(db, { key: 'futureDates', today: '2026-01-01' });
    expect(future.map((r) => [r.数据表, r.键, r.字段, r.日期])).toEqual([
      ['税收明细', `${C.C} / 增值税`, '所属期', '2099-12'],
      ['总部认定', `${C.A} / 新引进`, '认定日期', '2099-05-01'],
    ]);
    expect((await dataQualityRows(db, { key: 'unknownProjectEnterprises' })).map((r) => r.项目编号)).toEqual([
      'P1',
    ]);
    expect(await dataQualityRows(db, { key: 'undatedCertifications' })).toEqual([
      {
        统一社会信用代码: C.B,
        企业名称: '乙公司',
        认定类别: '本土',
        认定状态: '已备案',
        认定地: '鹿城区',
        来源: '总部认定.csv 第 3 行',
      },
    ]);
  });

  it('counts a month as future only once it starts after today', async () => {
    const { checks } = await dataQuality(db, { today: '2099-12-01' });
    expect(counts(checks).futureDates).toBe(0);
    expect(counts((await dataQuality(db, { today: '2099-11-30' })).checks).futureDates).toBe(1);
  });
});

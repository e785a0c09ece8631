/**
 * The building register (issue 13 item 7), on the real engine and a fixture computed by hand; 2023
 * as of 2023-06-30.
 *
 *   building  kind        unit  floor  occupied  platform    tenants (tax of 2023 by D)
 *   B1        商务楼宇    鹿城  10000  8000      中央商务区  A 1.2亿 (HQ, 2022), B 100万 (only 申请)
 *   B2        总部孵化器  鹿城  2000   1000      中央商务区  C 50万 (HQ, 已备案 2023-03-01)
 *   B3        改造厂房    龙湾  5000   —         —           —
 *   B4        商务楼宇    龙湾  6000   3000      高铁新城    D 200万 (certified 2023-09-01: not HQ at D;
 *                                                            its 300万 of August is after D)
 *   B5        —           瑞安  1000   1000      —           —
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { buildingRegister } from '../src/domain/figures/buildingRegister';
import { importFiles } from '../src/ingest';
import { C, csv } from './figuresFixture';

const D = '2023-06-30';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  const report = await importFiles(db, [
    csv(
      'buildings.csv',
      '楼宇编号,楼宇名称,所在县市区,楼宇类型,建筑面积,已入驻面积,所属平台',
      'B1,一号楼,鹿城区,商务楼宇,10000,8000,中央商务区',
      'B2,孵化器,鹿城区,总部孵化器,2000,1000,中央商务区',
      'B3,老厂房,龙湾区,改造厂房,5000,,',
      'B4,四号楼,龙湾区,商务楼宇,6000,3000,高铁新城',
      'B5,五号楼,瑞安市,,1000,1000,',
    ),
    csv(
      'enterprises.csv',
      '统一社会信用代码,企业名称,属地,所在楼宇编号',
      `${C.A},甲,鹿城区,B1`,
      `${C.B},乙,鹿城区,B1`,
      `${C.C},丙,鹿城区,B2`,
      `${C.D},丁,龙湾区,B4`,
    ),
    csv(
      'certifications.csv',
      '统一社会信用代码,认定类别,认定状态,认定地,认定日期',
      `${C.A},新引进,已认定,鹿城区,2022-05-01`,
      `${C.B},新引进,申请,鹿城区,`,
      `${C.C},本土,已备案,鹿城区,2023-03-01`,
      `${C.D},新引进,已认定,龙湾区,2023-09-01`,
    ),
    csv(
      'tax.csv',
      '统一社会信用代码,所属期,税种,税额（万元）',
      `${C.A},2023-01,增值税,12000`,
      `${C.B},2023-02,增值税,100`,
      `${C.C},2023-03,增值税,50`,
      `${C.D},2023-05,增值税,200`,
      `${C.D},2023-08,增值税,300`,
    ),
  ]);
  expect(report.files.map((f) => f.rejectedRows)).toEqual([0, 0, 0, 0]);
});
afterAll(async () => {
  await db?.close();
});

describe('the building register', () => {
  it('groups by 楼宇类型 in the policy’s order, unfilled last', async () => {
    const r = await buildingRegister(db, { year: 2023, asOf: D });
    expect(r.byKind).toEqual([
      {
        name: '商务楼宇',
        buildings: 2,
        floorArea: 16000,
        occupiedArea: 11000,
        occupancy: 0.6875,
        tax: 123_000_000,
        billion: 1,
        hqEnterprises: 1,
      },
      {
        name: '总部孵化器',
        buildings: 1,
        floorArea: 2000,
        occupiedArea: 1000,
        occupancy: 0.5,
        tax: 500_000,
        billion: 0,
        hqEnterprises: 1,
      },
      {
        name: '改造厂房',
        buildings: 1,
        floorArea: 5000,
        occupiedArea: 0,
        occupancy: null,
        tax: 0,
        billion: 0,
        hqEnterprises: 0,
      },
      {
        name: '未填写',
        buildings: 1,
        floorArea: 1000,
        occupiedArea: 1000,
        occupancy: 1,
        tax: 0,
        billion: 0,
        hqEnterprises: 0,
      },
    ]);
  });

  it('groups by 所属平台 by tax, unfilled last', async () => {
    const r = await buildingRegister(db, { year: 2023, asOf: D });
    expect(r.byPlatform.map((g) => [g.name, g.buildings, g.tax, g.hqEnterprises])).toEqual([
      ['中央商务区', 2, 121_500_000, 2],
      ['高铁新城', 1, 2_000_000, 0],
      ['未填写', 2, 0, 0],
    ]);
  });

  it('counts the HQ certified by the year’s end in a whole year, and narrows to a unit', async () => {
    const whole = await buildingRegister(db, { year: 2023, asOf: '2023-12-31' });
    expect(whole.byPlatform.find((g) => g.name === '高铁新城')).toMatchObject({
      tax: 5_000_000,
      hqEnterprises: 1,
    });
    const longwan = await buildingRegister(db, { year: 2023, asOf: D, unit: '330303' });
    expect(longwan.byKind.map((g) => [g.name, g.buildings, g.tax])).toEqual([
      ['商务楼宇', 1, 2_000_000],
      ['改造厂房', 1, 0],
    ]);
  });
});

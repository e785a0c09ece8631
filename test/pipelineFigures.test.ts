/**
 * DOMAIN.md figure 12, the certification pipeline, on the real engine and a fixture computed by hand
 * (year 2023 as of 2023-06-30):
 *
 *   case  category status  unit  applied     certified   filed       at D
 *   A     新引进   已备案  鹿城  2023-01-01  2023-01-31  2023-02-10  已备案, 30 d to certify, 10 d to file
 *   B     新引进   已认定  鹿城  2023-02-01  2023-03-03  —           已认定, 30 d, unfiled 119 d
 *   C     新引进   已认定  龙湾  2023-05-01  2023-06-10  —           已认定, 40 d, unfiled 20 d
 *   D     本土     已备案  龙湾  2023-03-01  2023-04-01  2023-07-15  已认定 (filed after D), 31 d, unfiled 90 d
 *   E     新引进   预认定  瑞安  2023-04-01  —           —           预认定
 *   F     新引进   驳回    瑞安  2023-02-01  —           —           驳回
 *   G     新引进   已认定  瑞安  2023-05-01  2023-08-01  —           not yet certified at D: left out
 *   H     新引进   申请    鹿城  2023-09-01  —           —           not yet applied at D: left out
 *   X     新引进   县级审核 瑞安 —           —           —           undated: kept
 *   Y     新引进   已认定  瑞安  —           —           —           undated: kept, 已认定 (no days to count)
 *
 * Projects (开办补助): P1 A 预兑现 50万 (A counted: safe); P2 E 预兑现 80万 (at risk); P3 G 预兑现 30万
 * (G certified after D: at risk); P4 no enterprise yet 预兑现 20万 (at risk); P5 B 已兑现 (not paid
 * ahead); P6 F 预兑现 signed after D (not yet). At risk: 3 projects, 130万元; 龙湾 1 / 20, 瑞安 2 / 110.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { certificationPipeline } from '../src/domain/figures/pipeline';
import { importFiles } from '../src/ingest';
import { C, csv } from './figuresFixture';

const LC = '330302';
const LW = '330303';
const RA = '330381';
const D = '2023-06-30';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  const report = await importFiles(db, [
    csv(
      'certifications.csv',
      '统一社会信用代码,认定类别,认定状态,认定地,申请日期,认定日期,备案日期',
      `${C.A},新引进,已备案,鹿城区,2023-01-01,2023-01-31,2023-02-10`,
      `${C.B},新引进,已认定,鹿城区,2023-02-01,2023-03-03,`,
      `${C.C},新引进,已认定,龙湾区,2023-05-01,2023-06-10,`,
      `${C.D},本土,已备案,龙湾区,2023-03-01,2023-04-01,2023-07-15`,
      `${C.E},新引进,预认定,瑞安市,2023-04-01,,`,
      `${C.F},新引进,驳回,瑞安市,2023-02-01,,`,
      `${C.G},新引进,已认定,瑞安市,2023-05-01,2023-08-01,`,
      `${C.H},新引进,申请,鹿城区,2023-09-01,,`,
      `${C.X},新引进,县级审核,瑞安市,,,`,
      `${C.Y},新引进,已认定,瑞安市,,,`,
    ),
    csv(
      'projects.csv',
      '项目编号,项目名称,属地,统一社会信用代码,签约日期,开办补助,补助金额（万元）',
      `P1,项目一,鹿城区,${C.A},2022-11-01,预兑现,50`,
      `P2,项目二,瑞安市,${C.E},2023-01-10,预兑现,80`,
      `P3,项目三,瑞安市,${C.G},2023-02-10,预兑现,30`,
      `P4,项目四,龙湾区,,2023-03-10,预兑现,20`,
      `P5,项目五,鹿城区,${C.B},2023-01-05,已兑现,100`,
      `P6,项目六,瑞安市,${C.F},2023-08-01,预兑现,60`,
    ),
  ]);
  expect(report.files.map((f) => f.rejectedRows)).toEqual([0, 0]);
});
afterAll(async () => {
  await db?.close();
});

describe('the certification pipeline as of D', () => {
  it('counts the cases by their stage at D', async () => {
    const p = await certificationPipeline(db, { year: 2023, asOf: D });
    expect(p.stages).toEqual({ 申请: 0, 县级审核: 1, 预认定: 1, 已认定: 4, 已备案: 1, 驳回: 1 });
    const unit = (code: string) => p.byUnit.find((u) => u.code === code)!;
    expect(unit(LC).stages).toMatchObject({ 已认定: 1, 已备案: 1, 申请: 0 });
    expect(unit(LW).stages).toMatchObject({ 已认定: 2, 已备案: 0 });
    expect(unit(RA).stages).toMatchObject({ 县级审核: 1, 预认定: 1, 驳回: 1, 已认定: 1 });
  });

  it('gives the days each step took, by unit', async () => {
    const p = await certificationPipeline(db, { year: 2023, asOf: D });
    const unit = (code: string) => p.byUnit.find((u) => u.code === code)!;
    expect(unit(LC).toCertified).toEqual({ cases: 2, median: 30, mean: 30 });
    expect(unit(LC).toFiled).toEqual({ cases: 1, median: 10, mean: 10 });
    expect(unit(LW).toCertified).toEqual({ cases: 2, median: 35.5, mean: 35.5 });
    // D's filing is after D: no step 认定 → 备案 has been completed in 龙湾 yet.
    expect(unit(LW).toFiled).toEqual({ cases: 0, median: null, mean: null });
  });

  it('lists 已认定未备案 past N days, longest first', async () => {
    const p = await certificationPipeline(db, { year: 2023, asOf: D });
    expect(p.unfiledDays).toBe(30);
    expect(p.unfiled.map((c) => [c.creditCode, c.region, c.days])).toEqual([
      [C.B, LC, 119],
      [C.D, LW, 90],
    ]);
    const strict = await certificationPipeline(db, { year: 2023, asOf: D, unfiledDays: 100 });
    expect(strict.unfiled.map((c) => c.creditCode)).toEqual([C.B]);
  });

  it('finds the 预兑现 grants whose enterprise has no counted certification by D', async () => {
    const { grantsAtRisk } = await certificationPipeline(db, { year: 2023, asOf: D });
    expect(grantsAtRisk.projects.map((g) => [g.projectId, g.amount])).toEqual([
      ['P2', 80],
      ['P3', 30],
      ['P4', 20],
    ]);
    expect(grantsAtRisk).toMatchObject({ count: 3, amount: 130 });
    expect(grantsAtRisk.byUnit).toEqual([
      { code: LW, name: '龙湾区', count: 1, amount: 20 },
      { code: RA, name: '瑞安市', count: 2, amount: 110 },
    ]);
    // By the year's end G is certified: P3 is safe; P6, signed in August, is now at risk.
    const end = await certificationPipeline(db, { year: 2023, asOf: '2023-12-31' });
    expect(end.grantsAtRisk.projects.map((g) => g.projectId)).toEqual(['P2', 'P6', 'P4']);
  });

  it('narrows to the unit chosen', async () => {
    const p = await certificationPipeline(db, { year: 2023, asOf: D, filters: { unit: RA } });
    expect(p.stages).toEqual({ 申请: 0, 县级审核: 1, 预认定: 1, 已认定: 1, 已备案: 0, 驳回: 1 });
    expect(p.byUnit.map((u) => u.code)).toEqual([RA]);
    expect(p.unfiled).toEqual([]);
    expect(p.grantsAtRisk).toMatchObject({ count: 2, amount: 110 });
  });
});

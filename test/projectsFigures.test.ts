/**
 * The 项目跟踪 screen's figures (projectPipeline and its pure summaries) on the real DuckDB-Wasm
 * engine, over the hand-written fixture of test/fixtures/figures (projects P1–P7, see the header of
 * test/figures.test.ts), and the attribute filters against the sample data in data/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '../src/db';
import {
  fourOnesGaps,
  fourOnesMissing,
  projectFigures,
  projectPipeline,
  projectsByPerson,
  projectsOf,
} from '../src/domain/figures/projects';
import { openShared } from './shared/files';
import { openFiguresFixture } from './figuresFixture';

const LW = '330303';

let db: Db;

beforeAll(async () => {
  db = (await openFiguresFixture()).db;
});

afterAll(async () => {
  await db?.close();
});

describe('projectPipeline on the fixture', () => {
  it('reads the current year at the as-of date, like projectFigures', async () => {
    const { asAt, projects } = await projectPipeline(db, { year: 2023, asOf: '2023-12-31' });
    expect(asAt).toBe('2023-12-31');
    // Newest signing first.
    expect(projects.map((p) => [p.projectId, p.stage, p.overdue, p.overdueDays, p.fourOnesMissing])).toEqual([
      ['P2', '注册', null, null, ['项目经理']],
      ['P6', '签约', null, null, ['服务专班']], // exactly 180 days: not yet overdue
      ['P4', '投产', null, null, []],
      ['P1', '签约', '签约超过180天未注册', 175, []], // 355 − 180
      ['P3', '认定', '注册超过365天未投产', 213, ['一门兑现']], // 578 − 365; subsidy 未兑现
      ['P5', '销号', null, null, []],
    ]);
    // Same stage, overdue and 四个一 as the report's projectFigures for the same date.
    const report = await projectFigures(db, { asOf: '2023-12-31' });
    const byId = new Map(projects.map((p) => [p.projectId, p]));
    for (const r of report) {
      expect(byId.get(r.projectId)).toMatchObject({
        stage: r.stage,
        overdue: r.overdue,
        fourOnes: r.fourOnes,
      });
    }
  });

  it('reads a past year at its 31 December: later dates are not yet reached', async () => {
    const { asAt, projects } = await projectPipeline(db, { year: 2022, asOf: '2023-12-31' });
    expect(asAt).toBe('2022-12-31');
    // P5 was closed 2023-05-01: at the end of 2022 it was operating (投产), not 销号.
    // P3 registered 2022-06-01: 213 days at the end of 2022, not overdue.
    expect(projects.map((p) => [p.projectId, p.stage, p.closedOn, p.overdue])).toEqual([
      ['P3', '认定', null, null],
      ['P5', '投产', null, null],
    ]);
  });

  it('moves with the as-of date and the thresholds', async () => {
    const { projects } = await projectPipeline(db, { year: 2024, asOf: '2024-06-30' });
    const of = (id: string) => projects.find((p) => p.projectId === id)!;
    expect(projects).toHaveLength(7);
    expect(of('P7').stage).toBe('投产');
    expect([of('P6').overdue, of('P6').overdueDays]).toEqual(['签约超过180天未注册', 182]); // 362 − 180
    expect(of('P1').overdueDays).toBe(357); // 537 − 180
    expect(of('P3').overdueDays).toBe(395); // 760 − 365
    const strict = await projectPipeline(db, {
      year: 2024,
      asOf: '2024-06-30',
      thresholds: { signedToRegisteredDays: 30, registeredToOperatingDays: 200 },
    });
    const p2 = strict.projects.find((p) => p.projectId === 'P2')!;
    expect([p2.overdue, p2.overdueDays]).toEqual(['注册超过200天未投产', 59]); // 259 − 200
  });

  it('narrows to the unit but keeps every unit in the 四个一 comparison', async () => {
    const { projects, fourOnesByUnit } = await projectPipeline(db, {
      year: 2023,
      asOf: '2023-12-31',
      filters: { unit: LW },
    });
    expect(projects.map((p) => p.projectId)).toEqual(['P6', 'P3']);
    expect(fourOnesByUnit.map((u) => [u.code, u.projects, u.complete])).toEqual([
      ['330302', 2, 1],
      ['330303', 2, 0],
      ['330381', 1, 1],
      ['ZN01', 1, 1],
    ]);
  });

  it('applies the attribute filters to the projects’ own columns', async () => {
    // The fixture's ledger has no 来源 column: nothing matches an origin.
    const { projects, fourOnesByUnit } = await projectPipeline(db, {
      year: 2023,
      asOf: '2023-12-31',
      filters: { origin: '温商回归' },
    });
    expect(projects).toEqual([]);
    expect(fourOnesByUnit).toEqual([]);
  });
});

describe('summaries of the pipeline', () => {
  it('counts the missing 四个一 items, most missed first', async () => {
    const { projects } = await projectPipeline(db, { year: 2023, asOf: '2023-12-31' });
    expect(fourOnesGaps(projects)).toEqual([
      { item: '服务专班', count: 1 },
      { item: '项目经理', count: 1 },
      { item: '一门兑现', count: 1 },
      { item: '绿色通道', count: 0 },
    ]);
  });

  it('gives each 联系领导 their projects, overdue and 四个一 gaps', async () => {
    const { projects } = await projectPipeline(db, { year: 2023, asOf: '2023-12-31' });
    expect(projectsByPerson(projects, 'leader')).toEqual([
      { person: '李市长', projects: 2, overdue: 1, fourOnesIncomplete: 1, investment: 15000 },
      { person: '赵主任', projects: 1, overdue: 1, fourOnesIncomplete: 1, investment: 20000 },
      { person: '孙主任', projects: 1, overdue: 0, fourOnesIncomplete: 0, investment: 8000 },
      { person: '吴主任', projects: 1, overdue: 0, fourOnesIncomplete: 0, investment: 3000 },
      { person: null, projects: 1, overdue: 0, fourOnesIncomplete: 1, investment: 0 },
    ]);
    expect(projectsOf(projects, 'leader', '李市长').map((p) => p.projectId)).toEqual(['P2', 'P1']);
    expect(projectsOf(projects, 'manager', null).map((p) => p.projectId)).toEqual(['P2']);
  });

  it('lists every missing item of one project', () => {
    expect(
      fourOnesMissing({
        taskForce: null,
        manager: '',
        greenChannel: false,
        certifiedOn: '2023-01-01',
        subsidy: null,
      }),
    ).toEqual(['服务专班', '项目经理', '绿色通道', '一门兑现']);
  });
});

describe('projectPipeline on the sample data', () => {
  it('filters by origin, HQ type and industry as the ledger says', async () => {
    const sample = await openShared('sample');
    try {
      const filters = { origin: '温商回归', industry: '智能制造' };
      const { projects } = await projectPipeline(sample, { year: 2024, asOf: '2025-09-30', filters });
      const [expected] = await sample.query<{ n: number }>(sql`
        SELECT count(*)::INTEGER AS n FROM projects
        WHERE signed_on <= DATE '2024-12-31' AND origin = '温商回归' AND industry = '智能制造'`);
      expect(projects.length).toBe(expected!.n);
      expect(projects.length).toBeGreaterThan(0);
      expect(projects.every((p) => p.origin === '温商回归' && p.industry === '智能制造')).toBe(true);
    } finally {
      await sample.close();
    }
  });
});

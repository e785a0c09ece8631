/**
 * The one-page briefing (简报): the pure sentence builder on hand-made figures for each boundary
 * case, then the real engine on the sample data, checking that the numbers read aloud are the
 * numbers of the figure functions the screens use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import {
  briefingFigures,
  briefingPeriod,
  briefingSections,
  briefingSentences,
  briefingText,
  type BriefingFigures,
} from '../src/domain/briefing';
import { buildingsScreenFigures } from '../src/domain/figures/buildings';
import { certificationChecks } from '../src/domain/figures/certification';
import { dataAsOf } from '../src/domain/figures/dataStatus';
import { overviewFigures } from '../src/domain/figures/overview';
import { projectPipeline } from '../src/domain/figures/projects';
import { ranking } from '../src/domain/figures/ranking';
import { formatPercent, formatYuan } from '../src/format/numbers';
import { openShared } from './shared/files';

/** A city briefing of a running year (data to the end of September 2024). */
function figures(change: Partial<BriefingFigures> = {}): BriefingFigures {
  return {
    year: 2024,
    asOf: '2024-09-30',
    scope: '全市',
    place: '全市',
    unit: null,
    attributeFiltered: false,
    coverage: { certifications: 40, taxMonths: 9, projects: 20 },
    timeProgress: 0.75,
    newHq: { actual: 26, target: 30 },
    fiveYear: {
      from: 2024,
      to: 2028,
      target: 150,
      years: [2024, 2025, 2026, 2027, 2028].map((year) => ({ year, actual: year === 2024 ? 26 : 0 })),
    },
    localHq: { stock: 120, flow: 8 },
    hqTax: { tax: 1_544_439_316, previous: 1_355_094_250, change: 0.1397 },
    buildings: {
      count: 40,
      billion: 3,
      tiers: [
        { name: '十亿元楼宇', count: 1 },
        { name: '五亿元楼宇', count: 0 },
        { name: '亿元楼宇', count: 2 },
        { name: '培育楼宇', count: 4 },
      ],
      top: { name: '新远置业广场', tax: 1_180_000_000 },
    },
    ranking: [
      { code: '330382', name: '乐清市', score: 59.06, rank: 1 },
      { code: '330303', name: '龙湾区', score: 52.54, rank: 2 },
      { code: '330302', name: '鹿城区', score: 51.44, rank: 3 },
      { code: '330381', name: '瑞安市', score: 40, rank: 4 },
    ],
    projects: {
      asAt: '2024-09-30',
      total: 50,
      signedInYear: 12,
      signedInvestment: 3_520_000_000,
      overdue: 6,
      fourOnes: 30,
    },
    certification: {
      passed: 70,
      failed: 30,
      reasons: [
        { text: '不具有独立法人资格', count: 5 },
        { text: '市外经营税收占比低于属地要求', count: 18 },
        { text: '实缴注册资本低于属地要求', count: 18 },
      ],
    },
    ...change,
  };
}

const all = (f: BriefingFigures) => briefingSentences(f).join('');

describe('briefingPeriod', () => {
  it('reads a running year as 1—M月 from the as-of date and a finished one as 全年', () => {
    expect(briefingPeriod(2024, '2024-09-30')).toMatchObject({
      running: true,
      span: '2024年1—9月',
      end: '2024年9月底',
    });
    expect(briefingPeriod(2024, '2024-01-31')).toMatchObject({ span: '2024年1月' });
    expect(briefingPeriod(2024, '2024-09-15')).toMatchObject({ span: '2024年1—9月', end: '2024年9月15日' });
    expect(briefingPeriod(2024, '2024-12-31')).toMatchObject({
      running: false,
      span: '2024年全年',
      end: '2024年底',
    });
    expect(briefingPeriod(2023, '2025-09-30')).toMatchObject({ running: false, span: '2023年全年' });
  });
});

describe('new HQ against the annual target', () => {
  it('speaks as the example: progress above time progress', () => {
    expect(briefingSentences(figures())[0]).toBe(
      '2024年1—9月全市新引进总部企业26家，完成年度目标（30家）的86.7%，高于时间进度（75.0%），尚差4家。',
    );
  });

  it('below and equal to time progress (equal as read, at one decimal)', () => {
    expect(all(figures({ newHq: { actual: 20, target: 30 } }))).toContain(
      '完成年度目标（30家）的66.7%，低于时间进度（75.0%）',
    );
    expect(all(figures({ newHq: { actual: 30, target: 40 } }))).toContain(
      '完成年度目标（40家）的75.0%，持平于时间进度（75.0%）',
    );
    expect(all(figures({ newHq: { actual: 30, target: 40 }, timeProgress: 0.75004 }))).toContain(
      '持平于时间进度',
    );
  });

  it('target exceeded → 超额完成; target met → 已完成', () => {
    const over = briefingSentences(figures({ newHq: { actual: 36, target: 30 } }))[0];
    expect(over).toBe('2024年1—9月全市新引进总部企业36家，超额完成年度目标（30家），完成率120.0%。');
    expect(briefingSentences(figures({ newHq: { actual: 30, target: 30 } }))[0]).toContain(
      '已完成年度目标（30家）',
    );
  });

  it('no target (or a zero target) → 未下达年度目标, the count only', () => {
    for (const target of [null, 0]) {
      const s = briefingSentences(figures({ newHq: { actual: 7, target } }))[0];
      expect(s).toBe('2024年1—9月全市新引进总部企业7家，未下达年度目标。');
      expect(s).not.toContain('%');
    }
  });

  it('an attribute filter compares with no target', () => {
    const s = briefingSentences(
      figures({ scope: '全市（贸易型总部）', attributeFiltered: true, newHq: { actual: 8, target: null } }),
    )[0];
    expect(s).toBe('2024年1—9月全市（贸易型总部）新引进总部企业8家（按所选企业类型统计，不对照年度目标）。');
  });

  it('a finished year below target says 未完成 (not a comparison with 100% time progress)', () => {
    const s = briefingSentences(
      figures({ asOf: '2024-12-31', timeProgress: 1, newHq: { actual: 26, target: 30 } }),
    )[0];
    expect(s).toBe(
      '2024年全年全市新引进总部企业26家，完成年度目标（30家）的86.7%，未完成年度目标，尚差4家。',
    );
  });
});

describe('five-year progress', () => {
  it('inside the window: cumulative since the first year against the straight-line path', () => {
    expect(briefingSentences(figures())[1]).toBe(
      '全市2024年以来累计新引进总部企业26家，完成五年目标（150家）的17.3%，高于序时进度（15.0%）。',
    );
  });

  it('a finished year inside the window counts through that year only', () => {
    const f = figures({
      year: 2021,
      asOf: '2025-09-30',
      timeProgress: 1,
      fiveYear: {
        from: 2019,
        to: 2023,
        target: 150,
        years: [31, 30, 32, 34, 36].map((actual, i) => ({ year: 2019 + i, actual })),
      },
    });
    expect(all(f)).toContain(
      '全市2019—2021年累计新引进总部企业93家，完成五年目标（150家）的62.0%，高于序时进度（60.0%）。',
    );
  });

  it('after the window: the final result; before it: nothing', () => {
    const window = {
      from: 2019,
      to: 2023,
      target: 150,
      years: [31, 30, 32, 34, 36].map((actual, i) => ({ year: 2019 + i, actual })),
    };
    expect(all(figures({ fiveYear: window }))).toContain(
      '全市2019—2023年五年累计新引进总部企业163家，超额完成五年目标（150家），完成率108.7%。',
    );
    expect(all(figures({ year: 2015, asOf: '2025-09-30', fiveYear: window }))).not.toContain('五年');
  });

  it('a unit without a five-year target gets the count only', () => {
    const f = figures({
      scope: '鹿城区',
      place: '鹿城区',
      unit: '330302',
      fiveYear: { ...figures().fiveYear, target: null },
    });
    expect(all(f)).toContain('鹿城区2024年以来累计新引进总部企业26家，未下达五年目标。');
  });
});

describe('本土总部 and HQ tax', () => {
  it('stock and flow, tax with 同比 over the same months', () => {
    const text = all(figures());
    expect(text).toContain('截至2024年9月底，全市累计认定本土总部企业120家，其中2024年1—9月新认定8家。');
    expect(text).toContain('2024年1—9月全市总部企业税收15.44亿元，同比增长14.0%（上年同期13.55亿元）。');
  });

  it('a fall reads 下降 with the absolute change', () => {
    const text = all(figures({ hqTax: { tax: 90_000_000, previous: 100_000_000, change: -0.1 } }));
    expect(text).toContain('总部企业税收9,000.0万元，同比下降10.0%（上年同期1.00亿元）。');
  });

  it('zero previous-year tax → no 同比', () => {
    const text = all(figures({ hqTax: { tax: 838_868_607, previous: 0, change: null } }));
    expect(text).toContain('2024年1—9月全市总部企业税收8.39亿元（上年同期无可比数据）。');
    expect(text).not.toContain('同比');
  });
});

describe('buildings, ranking, projects, certification', () => {
  it('亿元楼宇 with the upper tiers and the top building', () => {
    expect(all(figures())).toContain(
      '2024年1—9月全市亿元楼宇3幢（其中十亿元楼宇1幢），税收最高的是新远置业广场（11.80亿元）。另有培育楼宇（5000万元以上）4幢。',
    );
    const none = figures({
      buildings: { ...figures().buildings, billion: 0, tiers: [], top: { name: '某大厦', tax: 53_000_000 } },
    });
    expect(all(none)).toContain('2024年1—9月全市暂无亿元楼宇，楼宇税收最高的是某大厦（5,300.0万元）。');
  });

  it('the city names the top three; a unit its own rank and score', () => {
    expect(all(figures())).toContain(
      '2024年招商引资考核（按1—9月数据测算）得分前三位依次为乐清市（59.1分）、龙湾区（52.5分）、鹿城区（51.4分）。',
    );
    const unit = figures({
      scope: '鹿城区',
      place: '鹿城区',
      unit: '330302',
      asOf: '2024-12-31',
      timeProgress: 1,
    });
    const text = all(unit);
    expect(text).toContain('2024年招商引资考核中，鹿城区得分51.4分，在4个考核单位中排名第3位。');
    expect(text).not.toContain('前三位');
    expect(all(figures({ ranking: [] }))).toContain('2024年暂无招商引资考核数据。');
  });

  it('projects: pipeline, overdue and the 四个一 share', () => {
    expect(all(figures())).toContain(
      '截至2024年9月底，全市在库总部项目50个，其中2024年签约12个、计划投资35.20亿元；逾期预警项目6个；“四个一”机制落实率60.0%（30/50）。',
    );
    expect(all(figures({ projects: { ...figures().projects, overdue: 0 } }))).toContain('无逾期预警项目');
    expect(
      all(figures({ projects: { ...figures().projects, total: 0, signedInYear: 0, fourOnes: 0 } })),
    ).toContain('截至2024年9月底，全市暂无在库总部项目。');
  });

  it('certification: passed, failed and the commonest reason (ties to the earlier condition)', () => {
    expect(all(figures())).toContain(
      '按2024年数据核查认定条件，全市100家申报认定企业中符合条件70家、不符合30家，最常见的原因是“市外经营税收占比低于属地要求”（18家）。',
    );
  });
});

describe('no data', () => {
  it('a year with nothing loaded gives one sentence, no zeros', () => {
    const f = figures({
      year: 2015,
      asOf: '2025-09-30',
      coverage: { certifications: 0, taxMonths: 0, projects: 0 },
      newHq: { actual: 0, target: null },
    });
    expect(briefingSections(f)).toEqual([{ heading: '说明', sentences: ['2015年暂无总部认定与税收数据。'] }]);
  });

  it('a year without tax says so once and leaves out buildings and the certification check', () => {
    const f = figures({ coverage: { certifications: 10, taxMonths: 0, projects: 0 } });
    const sections = briefingSections(f);
    expect(sections.map((s) => s.heading)).toEqual([
      '一、新引进总部企业',
      '二、本土总部与总部税收',
      '三、招商考核排名',
      '四、项目跟踪',
    ]);
    expect(all(f)).toContain('2024年暂无税收数据');
    expect(all(f)).not.toContain('亿元楼宇3幢');
  });

  it('the copied text carries title, subtitle and numbered sections', () => {
    const text = briefingText(figures());
    expect(text.split('\n').slice(0, 4)).toEqual([
      '温州市总部回归工作简报',
      '2024年1—9月 · 全市 · 数据截至 2024-09-30',
      '',
      '一、新引进总部企业',
    ]);
    expect(text).toContain('\u3000\u30002024年1—9月全市新引进总部企业26家');
  });
});

describe('on the sample data, the sentences read the figures', () => {
  let db: Db;
  let asOf: string;
  beforeAll(async () => {
    db = await openShared('sample');
    asOf = (await dataAsOf(db))!;
  });
  afterAll(async () => {
    await db.close();
  });

  it('city, running year', async () => {
    const year = Number(asOf.slice(0, 4));
    const text = briefingSentences(await briefingFigures(db, { year, asOf })).join('\n');
    const o = await overviewFigures(db, { year, asOf });
    const { actual, target } = o.newHq.city;
    expect(text).toContain(
      `新引进总部企业${actual}家，完成年度目标（${target}家）的${formatPercent(actual / target!)}`,
    );
    expect(text).toContain(`时间进度（${formatPercent(o.timeProgress)}）`);
    expect(text).toContain(`累计认定本土总部企业${o.localHq.stock}家，其中${year}年1—`);
    expect(text).toContain(`新认定${o.localHq.flow}家`);
    expect(text).toContain(`总部企业税收${formatYuan(o.hqTax.tax)}，同比`);
    expect(text).toContain(
      `${formatPercent(Math.abs(o.hqTax.change!))}（上年同期${formatYuan(o.hqTax.previous)}）`,
    );
    const b = await buildingsScreenFigures(db, { year });
    expect(b.summary.billion).toBe(o.billionBuildings);
    expect(text).toContain(`亿元楼宇${o.billionBuildings}幢`);
    expect(text).toContain(`税收最高的是${b.buildings[0]!.name}（${formatYuan(b.buildings[0]!.tax)}）`);
    const top3 = (await ranking(db, { year }))
      .slice(0, 3)
      .map((r) => `${r.name}（${r.score.toFixed(1)}分）`)
      .join('、');
    expect(text).toContain(`得分前三位依次为${top3}`);
    const pipe = await projectPipeline(db, { year, asOf });
    const overdue = pipe.projects.filter((q) => q.overdue).length;
    const complete = pipe.projects.filter((q) => q.fourOnes).length;
    expect(text).toContain(`在库总部项目${pipe.projects.length}个`);
    expect(text).toContain(`逾期预警项目${overdue}个`);
    expect(text).toContain(`（${complete}/${pipe.projects.length}）`);
    const checks = await certificationChecks(db, { year });
    const passed = checks.filter((c) => c.passed).length;
    expect(text).toContain(
      `${checks.length}家申报认定企业中符合条件${passed}家、不符合${checks.length - passed}家`,
    );
  });

  it('a unit: its rank and score, and its own counts', async () => {
    const year = 2023;
    const filters = { unit: '330302' };
    const text = briefingSentences(await briefingFigures(db, { year, asOf, filters })).join('\n');
    const o = await overviewFigures(db, { year, asOf, filters });
    expect(text).toContain(`2023年全年鹿城区新引进总部企业${o.newHq.city.actual}家`);
    const own = (await ranking(db, { year })).find((r) => r.code === '330302')!;
    expect(text).toContain(`鹿城区得分${own.score.toFixed(1)}分，在15个考核单位中排名第${own.rank}位`);
    expect(text).toContain(`总部企业税收${formatYuan(o.hqTax.tax)}`);
    expect(text).not.toContain('前三位');
  });

  it('a year before the data gives the one sentence', async () => {
    const f = await briefingFigures(db, { year: 2010, asOf });
    expect(briefingSentences(f)).toEqual(['2010年暂无总部认定与税收数据。']);
  });
});

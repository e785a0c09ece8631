/** Option builders and editor parsing of the 总部认定 screen: pure, no database. */
import { describe, expect, it } from 'vitest';
import {
  areaHistogram,
  FAIL_REASONS,
  failureReasonsOption,
  failuresByUnitOption,
  rewardsByEnterpriseOption,
  rewardsByUnit,
  rewardsByUnitOption,
  tallyReasons,
  unitAreaByUnitOption,
  unitAreaHistogramOption,
  unitOrder,
} from '../../src/charts/options/certification';
import { FAIL_REASON_TEXT } from '../../src/domain/figures/certification';
import {
  parseNonNegative,
  parsePercent,
  parseTiers,
  percentText,
  tierDrafts,
} from '../../src/views/certification/inputs';
import { reasonsText, ruleShortText, ruleText } from '../../src/views/certification/labels';
import { DEFAULT_REWARD_TIERS } from '../../src/domain/defaults';

type Opt = Record<string, unknown> & { series: Record<string, unknown>[] };
const asOpt = (o: unknown) => o as Opt;

describe('failure reasons', () => {
  const checks = [
    { region: '330381', reasons: ['outside_share', 'paid_in_capital'] as const },
    { region: '330302', reasons: ['independent_legal_person', 'outside_share'] as const },
    { region: '330302', reasons: [] as const },
    { region: 'ZN01', reasons: ['branches_or_consolidated'] as const },
  ].map((c) => ({ region: c.region, reasons: [...c.reasons] }));

  it('keeps the policy order of FAIL_REASON_TEXT', () => {
    expect(FAIL_REASONS).toEqual([
      'registered_in_wenzhou',
      'independent_legal_person',
      'branches_or_consolidated',
      'outside_share',
      'paid_in_capital',
    ]);
  });

  it('tallies each reason per unit in dictionary order, counting failing units only', () => {
    const t = tallyReasons(checks);
    expect(t.units).toEqual(['330302', '330381', 'ZN01']);
    expect(t.counts).toEqual([
      [0, 1, 0, 1, 0],
      [0, 0, 0, 1, 1],
      [0, 0, 1, 0, 0],
    ]);
    expect(t.totals).toEqual([0, 1, 1, 2, 1]);
  });

  it('draws all units together with the full Chinese reasons on the axis, counts at the bar ends', () => {
    const o = asOpt(failureReasonsOption(tallyReasons(checks)));
    expect((o.yAxis as { data: string[] }).data).toEqual(FAIL_REASONS.map((r) => FAIL_REASON_TEXT[r]));
    expect(o.series).toHaveLength(1);
    expect(o.series[0]!.data).toEqual([0, 1, 1, 2, 1]);
    const tooltip = (o.tooltip as { formatter: (p: { dataIndex: number }[]) => string }).formatter;
    expect(tooltip([{ dataIndex: 3 }])).toBe(
      `<b>${FAIL_REASON_TEXT.outside_share}</b><br/>鹿城区：1 家<br/>瑞安市：1 家<br/>合计：2 家`,
    );
  });

  it('stacks each unit by reason in policy order, with short legend names', () => {
    const o = asOpt(failuresByUnitOption(tallyReasons(checks)));
    expect((o.xAxis as { data: string[] }).data).toEqual(['鹿城', '瑞安', '浙南集聚区']);
    expect(o.series.map((s) => s.name)).toEqual(FAIL_REASONS.map((r) => FAIL_REASON_TEXT[r]));
    expect(o.series.every((s) => s.stack === 'fail')).toBe(true);
    expect(o.series.map((s) => s.data)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
      [1, 1, 0],
      [0, 1, 0],
    ]);
    const legend = (o.legend as { formatter: (n: string) => string }).formatter;
    expect(legend(FAIL_REASON_TEXT.branches_or_consolidated)).toBe('分支机构/汇总纳税');
    const tooltip = (o.tooltip as { formatter: (p: { dataIndex: number }[]) => string }).formatter;
    expect(tooltip([{ dataIndex: 1 }])).toBe(
      `<b>瑞安市</b><br/>${FAIL_REASON_TEXT.outside_share}：1 家<br/>${FAIL_REASON_TEXT.paid_in_capital}：1 家`,
    );
  });
});

describe('unit-area output', () => {
  const rows = [
    { region: '330381', perSqm: 15_000, meets: true },
    { region: '330381', perSqm: 9_999, meets: false },
    { region: '330302', perSqm: 10_000, meets: true },
    { region: '330302', perSqm: 2_000_000, meets: true },
    { region: '330302', perSqm: 100, meets: false },
  ];

  it('counts met and missed per unit', () => {
    const o = asOpt(unitAreaByUnitOption(rows));
    expect((o.xAxis as { data: string[] }).data).toEqual(['鹿城', '瑞安']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['达标', [2, 1]],
      ['未达标', [1, 1]],
    ]);
  });

  it('bands values with 10,000 元/㎡ as a band edge (the bar itself meets)', () => {
    expect(areaHistogram(rows)).toEqual([1, 1, 2, 0, 0, 0, 1]);
    const o = asOpt(unitAreaHistogramOption(rows));
    const data = o.series[0]!.data as { value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.value)).toEqual([1, 1, 2, 0, 0, 0, 1]);
    // Bands under the bar grey, from the bar up green
    expect(data[1]!.itemStyle.color).not.toBe(data[2]!.itemStyle.color);
    expect(data[2]!.itemStyle.color).toBe(data[6]!.itemStyle.color);
  });
});

describe('rewards by unit', () => {
  it('sums rewards per unit, keeping units that earn nothing', () => {
    const units = rewardsByUnit([
      { region: '330381', reward: 1_000_000 },
      { region: '330302', reward: 0 },
      { region: '330381', reward: 500_000 },
    ]);
    expect(units).toEqual([
      { code: '330302', reward: 0, enterprises: 1, rewarded: 0 },
      { code: '330381', reward: 1_500_000, enterprises: 2, rewarded: 2 },
    ]);
    const o = asOpt(rewardsByUnitOption(units));
    expect((o.yAxis as { name: string }).name).toBe('万元');
    const label = (o.series[0]!.label as { formatter: (p: { value: number }) => string }).formatter;
    expect(label({ value: 1_500_000 })).toBe('150');
  });

  it('switches to 亿元 for large totals, never an exponent', () => {
    const o = asOpt(
      rewardsByUnitOption([{ code: '330302', reward: 250_000_000, enterprises: 1, rewarded: 1 }]),
    );
    expect((o.yAxis as { name: string }).name).toBe('亿元');
    const axis = (o.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(axis(200_000_000)).toBe('2.0');
  });

  it('escapes a unit code from a file in the tooltip', () => {
    const o = asOpt(rewardsByUnitOption(rewardsByUnit([{ region: 'X<b>', reward: 1 }])));
    const tooltip = (o.tooltip as { formatter: (p: { dataIndex: number }[]) => string }).formatter;
    expect(tooltip([{ dataIndex: 0 }])).toContain('X&lt;b&gt;');
  });
});

describe('unitOrder', () => {
  it('puts dictionary codes first in dictionary order, unknown codes after', () => {
    expect(unitOrder(['ZZ', 'ZN03', '330302', '330383', 'AA'])).toEqual([
      '330302',
      '330383',
      'ZN03',
      'AA',
      'ZZ',
    ]);
  });
});

describe('editor input', () => {
  it.each([
    ['30', { ok: true, value: 0.3 }],
    ['0', { ok: true, value: 0 }],
    ['100', { ok: true, value: 1 }],
    ['12.5', { ok: true, value: 0.125 }],
    ['', { ok: false, message: '请填写占比' }],
    ['abc', { ok: false, message: '占比应为数字' }],
    ['-1', { ok: false, message: '占比应在 0–100% 之间' }],
    ['100.1', { ok: false, message: '占比应在 0–100% 之间' }],
  ] as const)('parsePercent(%j)', (text, expected) => {
    expect(parsePercent(text, '占比')).toEqual(expected);
  });

  it('accepts zero capital, refuses a negative one', () => {
    expect(parseNonNegative('0', '资本')).toEqual({ ok: true, value: 0 });
    expect(parseNonNegative('-5', '资本')).toEqual({ ok: false, message: '资本不能为负数' });
  });

  it('shows shares without float noise', () => {
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.3)).toBe('30');
    expect(percentText(0.125)).toBe('12.5');
  });

  it('round-trips the default tiers', () => {
    expect(parseTiers(tierDrafts(DEFAULT_REWARD_TIERS)).tiers).toEqual(DEFAULT_REWARD_TIERS);
  });

  it('refuses bounds that do not rise and rates outside 0–100%', () => {
    const { tiers, errors } = parseTiers([
      { upTo: '500', rate: '20' },
      { upTo: '400', rate: '130' },
      { upTo: '', rate: '40' },
    ]);
    expect(tiers).toBeNull();
    expect(errors.upTo).toEqual([null, '第 2 档上限应大于第 1 档上限（500 万元）', null]);
    expect(errors.rate).toEqual([null, '第 2 档比例应在 0–100% 之间', null]);
    expect(
      parseTiers([
        { upTo: '0', rate: '10' },
        { upTo: '', rate: '10' },
      ]).errors.upTo[0],
    ).toBe('第 1 档上限应大于 0');
  });
});

describe('labels', () => {
  it('writes a rule and the reasons in Chinese', () => {
    expect(ruleText({ minOutsideShare: 0.3, minPaidInCapital: 1000 })).toBe(
      '市外税收占比 ≥ 30.0%，实缴资本 ≥ 1,000万元',
    );
    expect(reasonsText(['outside_share', 'paid_in_capital'])).toBe(
      '市外经营税收占比低于属地要求；实缴注册资本低于属地要求',
    );
    expect(ruleShortText({ minOutsideShare: 0.8, minPaidInCapital: 800 })).toBe('占比≥80.0%，资本≥800万元');
    expect(reasonsText([])).toBe('');
  });
});

describe('rewards by enterprise', () => {
  it('lists rewarded enterprises largest first, escaping names in the tooltip', () => {
    const o = asOpt(
      rewardsByEnterpriseOption([
        { creditCode: 'A', name: '甲<公司>', increment: 1_000_000, reward: 200_000 },
        { creditCode: 'B', name: null, increment: -5, reward: 0 },
        { creditCode: 'C', name: '丙', increment: 6_000_000, reward: 1_300_000 },
      ]),
    );
    expect((o.yAxis as { data: string[] }).data).toEqual(['丙', '甲<公司>']);
    expect(o.series[0]!.data).toEqual([1_300_000, 200_000]);
    const tooltip = (o.tooltip as { formatter: (p: { dataIndex: number }[]) => string }).formatter;
    expect(tooltip([{ dataIndex: 1 }])).toBe(
      '<b>甲&lt;公司&gt;</b><br/>信用代码：A<br/>增量：100.0万元<br/>奖励：20.0万元',
    );
  });
});

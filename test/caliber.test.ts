/** The 口径 document: hash, round trip, key order, and refusal of malformed or hostile files. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  caliberFileText,
  DEFAULT_CALIBER,
  DEFAULT_CALIBER_SETTINGS,
  diffCaliber,
  makeCaliber,
  parseCaliber,
  type CaliberSettings,
} from '../src/domain/caliber';
import { sha256Hex } from '../src/domain/caliber/sha256';

const EDITED: CaliberSettings = {
  ...DEFAULT_CALIBER_SETTINGS,
  weights: [40, 20, 10, 10, 20],
  method: 'efficacy',
  rules: { '330302': { minOutsideShare: 0.25, minPaidInCapital: 800 } },
  tiers: [
    { upTo: 300, rate: 0.15 },
    { upTo: null, rate: 0.35 },
  ],
};

/** Keys of every object reversed: the same document in another key order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  return value;
}

describe('sha256', () => {
  it('equals node:crypto on texts of every length around the block size', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 5000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 131 + length) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('口径 file', () => {
  it('round-trips: export, import, same settings, name and hash', () => {
    const caliber = makeCaliber('2024年度考核口径', EDITED);
    const parsed = parseCaliber(caliberFileText(caliber));
    expect(parsed).toEqual({ ok: true, caliber });
  });

  it('has a hash stable under key order, independent of the name, and changed by any rule', () => {
    const text = caliberFileText(makeCaliber('甲', EDITED));
    const shuffled = JSON.stringify(reversed(JSON.parse(text)));
    const a = parseCaliber(text);
    const b = parseCaliber(shuffled);
    expect(a.ok && b.ok && a.caliber.hash === b.caliber.hash).toBe(true);
    expect(makeCaliber('乙', EDITED).hash).toBe(makeCaliber('甲', EDITED).hash);
    expect(makeCaliber('甲', { ...EDITED, weights: [40, 20, 10, 10, 21] }).hash).not.toBe(
      makeCaliber('甲', EDITED).hash,
    );
    expect(DEFAULT_CALIBER.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads a file without a hash (written by hand) and computes it', () => {
    const file = JSON.parse(caliberFileText(makeCaliber('手写', EDITED))) as Record<string, unknown>;
    delete file.hash;
    const parsed = parseCaliber(JSON.stringify(file));
    expect(parsed.ok && parsed.caliber.hash).toBe(makeCaliber('手写', EDITED).hash);
  });

  const base = () => JSON.parse(caliberFileText(makeCaliber('测试', EDITED))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"schema": ', /不是有效的 JSON/],
    ['an array', '[]', /文件应为对象/],
    ['another schema', JSON.stringify({ ...base(), schema: 'x' }), /不是口径文件/],
    ['a newer version', JSON.stringify({ ...base(), schemaVersion: 2 }), /版本 2 不受支持/],
    ['an unknown top-level key', JSON.stringify({ ...base(), extra: 1 }), /未知的键“extra”/],
    [
      'an unknown content key',
      JSON.stringify({ ...base(), content: { ...base().content, bonus: 1 } }),
      /未知的键“bonus”/,
    ],
    [
      'a missing key',
      JSON.stringify({ ...base(), content: { ...base().content, method: undefined } }),
      /缺少“method”/,
    ],
    [
      'a weight as text',
      JSON.stringify({ ...base(), content: { ...base().content, weights: ['40', 20, 10, 10, 20] } }),
      /考核权重“完成率”应为数字/,
    ],
    [
      'a weight of 1e308',
      caliberFileText(makeCaliber('x', EDITED)).replace(
        '"weights": [\n      40',
        '"weights": [\n      1e308',
      ),
      /应在 0—1000 之间（实际为 1e\+308）/,
    ],
    [
      'a weight of 1e999 (Infinity)',
      caliberFileText(makeCaliber('x', EDITED)).replace(
        '"weights": [\n      40',
        '"weights": [\n      1e999',
      ),
      /应为数字/,
    ],
    [
      'four weights',
      JSON.stringify({ ...base(), content: { ...base().content, weights: [1, 2, 3, 4] } }),
      /应为 5 个数字/,
    ],
    [
      'all weights zero',
      JSON.stringify({ ...base(), content: { ...base().content, weights: [0, 0, 0, 0, 0] } }),
      /不能全为 0/,
    ],
    [
      '__proto__ at the top',
      caliberFileText(makeCaliber('x', EDITED)).replace('{', '{"__proto__": {"polluted": 1},'),
      /不允许的键“__proto__”/,
    ],
    [
      '__proto__ among the units',
      caliberFileText(makeCaliber('x', EDITED)).replace(
        '"certificationRules": {',
        '"certificationRules": {"__proto__": {"minOutsideShare": 0, "minPaidInCapital": 0},',
      ),
      /不允许的键“content.certificationRules.__proto__”/,
    ],
    [
      'constructor in a rule',
      JSON.stringify({ ...base(), content: { ...base().content, localShares: { constructor: 1 } } }),
      /不允许的键/,
    ],
    [
      'an unknown unit',
      JSON.stringify({
        ...base(),
        content: {
          ...base().content,
          certificationRules: { 999999: { minOutsideShare: 0, minPaidInCapital: 0 } },
        },
      }),
      /“999999”不是属地代码/,
    ],
    [
      'a share above 1',
      JSON.stringify({
        ...base(),
        content: { ...base().content, localShares: { ...base().content.localShares, 增值税: 50 } },
      }),
      /地方留成比例“增值税”应在 0—1 之间/,
    ],
    [
      'fractional days',
      JSON.stringify({
        ...base(),
        content: {
          ...base().content,
          projectThresholds: { signedToRegisteredDays: 1.5, registeredToOperatingDays: 365 },
        },
      }),
      /应为整数/,
    ],
    [
      'tiers out of order',
      JSON.stringify({
        ...base(),
        content: {
          ...base().content,
          rewardTiers: [
            { upTo: 500, rate: 0.2 },
            { upTo: 100, rate: 0.3 },
            { upTo: null, rate: 0.4 },
          ],
        },
      }),
      /第 2 档的上限应大于上一档/,
    ],
    [
      'an unknown method',
      JSON.stringify({ ...base(), content: { ...base().content, method: 'magic' } }),
      /标准化方法应为/,
    ],
    ['a name of control characters', JSON.stringify({ ...base(), name: 'a\u0000b' }), /口径名称/],
    [
      'a hash that does not match',
      JSON.stringify({ ...base(), hash: `sha256:${'0'.repeat(64)}` }),
      /校验值与内容不符/,
    ],
    ['a huge file', `{"schema":"${'x'.repeat(70_000)}"}`, /文件过大/],
  ];
  it.each(cases)('refuses %s with a clear message', (_, text, message) => {
    const parsed = parseCaliber(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/^口径文件无效：/);
      expect(parsed.message).toMatch(message);
      expect(parsed.message).toMatch(/未作任何更改/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('diffCaliber', () => {
  it('lists each changed item old → new, nothing when equal', () => {
    expect(diffCaliber(DEFAULT_CALIBER_SETTINGS, DEFAULT_CALIBER_SETTINGS)).toEqual([]);
    const changes = diffCaliber(DEFAULT_CALIBER_SETTINGS, EDITED);
    expect(changes).toContainEqual({ item: '考核权重·完成率', from: '30', to: '40' });
    expect(changes).toContainEqual({ item: '标准化方法', from: '比值法', to: '功效系数法' });
    expect(changes).toContainEqual({ item: '认定条件·鹿城区·市外税收占比', from: '30%', to: '25%' });
    expect(changes.find((c) => c.item === '本土总部奖励档次')?.to).toBe('0—300万元 15%；300万元以上 35%');
  });
});

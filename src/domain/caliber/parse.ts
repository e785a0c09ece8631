/**
 * Reading a 口径 file strictly. Anything not exactly the schema — unknown or missing keys, wrong
 * types, numbers out of range (1e308 as a weight), `__proto__` and its kin anywhere, a hash that
 * does not match the content — refuses the whole file with one message in Chinese naming the place;
 * nothing of a refused file is used, so a hostile file changes nothing.
 */
import type { RewardTier, ScoreWeights } from '../defaults';
import { TAX_TYPES } from '../enums';
import { INDICATORS } from '../figures/ranking';
import { unitByCode } from '../units';
import { CALIBER_SCHEMA, CALIBER_VERSION, makeCaliber, type Caliber, type CaliberSettings } from './document';

/** A 口径 file is a few kilobytes; anything far larger is not one. */
export const MAX_CALIBER_BYTES = 64 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_WEIGHT = 1000;
const MAX_PAID_IN = 1e7; // 万元: 1000亿元
const MAX_TIER_BOUND = 1e7; // 万元
const MAX_TIERS = 10;

export type ParsedCaliber = { ok: true; caliber: Caliber } | { ok: false; message: string };

class Refusal extends Error {}

const fail = (where: string, what: string): never => {
  throw new Refusal(`${where}${what}`);
};

type Json = Record<string, unknown>;

/** An object with exactly `keys` (all required unless listed in `optional`). */
function object(
  value: unknown,
  where: string,
  keys: readonly string[],
  optional: readonly string[] = [],
): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(where, '应为对象');
  const record = value as Json;
  for (const key of Object.keys(record)) {
    if (!keys.includes(key) && !optional.includes(key)) fail(where, `含有未知的键“${key}”`);
  }
  for (const key of keys) if (!Object.hasOwn(record, key)) fail(where, `缺少“${key}”`);
  return record;
}

function number(value: unknown, where: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, '应为数字');
  const n = value as number;
  if (integer && !Number.isInteger(n)) fail(where, `应为整数（实际为 ${n}）`);
  if (n < min || n > max) fail(where, `应在 ${min}—${max} 之间（实际为 ${n}）`);
  return n;
}

function bool(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') fail(where, '应为 true 或 false');
  return value as boolean;
}

function oneOf<T extends string>(value: unknown, where: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    fail(where, `应为 ${allowed.map((a) => `“${a}”`).join(' 或 ')} 之一`);
  return value as T;
}

/** `__proto__`, `constructor`, `prototype` anywhere in the document (JSON.parse keeps them as keys). */
function forbiddenKey(value: unknown, where: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `${where}${where ? '.' : ''}${key}`;
    const inner = forbiddenKey((value as Json)[key], `${where}${where ? '.' : ''}${key}`);
    if (inner) return inner;
  }
  return undefined;
}

function weights(value: unknown): ScoreWeights {
  if (!Array.isArray(value) || value.length !== INDICATORS.length)
    fail('考核权重', `应为 ${INDICATORS.length} 个数字`);
  const list = (value as unknown[]).map((w, k) => number(w, `考核权重“${INDICATORS[k]}”`, 0, MAX_WEIGHT));
  if (list.every((w) => w === 0)) fail('考核权重', '不能全为 0');
  return list as unknown as ScoreWeights;
}

function rulesPerUnit(value: unknown): CaliberSettings['rules'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail('认定条件', '应为对象');
  const out: Record<string, { minOutsideShare: number; minPaidInCapital: number }> = {};
  for (const [code, rule] of Object.entries(value as Json)) {
    const unit = unitByCode(code);
    if (!unit) fail('认定条件', `中的“${code}”不是属地代码`);
    const where = `认定条件“${unit!.name}”`;
    const r = object(rule, where, ['minOutsideShare', 'minPaidInCapital']);
    out[code] = {
      minOutsideShare: number(r.minOutsideShare, `${where}的市外税收占比`, 0, 1),
      minPaidInCapital: number(r.minPaidInCapital, `${where}的实缴资本（万元）`, 0, MAX_PAID_IN),
    };
  }
  return out;
}

function tiers(value: unknown): RewardTier[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_TIERS)
    fail('奖励档次', `应为 1—${MAX_TIERS} 个档次`);
  const list = value as unknown[];
  let previous = 0;
  return list.map((tier, i) => {
    const where = `奖励档次第 ${i + 1} 档`;
    const t = object(tier, where, ['upTo', 'rate']);
    const last = i === list.length - 1;
    let upTo: number | null = null;
    if (last) {
      if (t.upTo !== null) fail(where, '为最高档，上限应为 null（不设上限）');
    } else {
      upTo = number(t.upTo, `${where}的上限（万元）`, 0, MAX_TIER_BOUND);
      if (upTo <= previous) fail(where, `的上限应大于上一档（${previous} 万元）`);
      previous = upTo;
    }
    return { upTo, rate: number(t.rate, `${where}的比例`, 0, 1) };
  });
}

function settings(content: unknown): CaliberSettings {
  const c = object(
    content,
    '口径内容',
    [
      'weights',
      'method',
      'targetTypes',
      'certificationRules',
      'projectThresholds',
      'localShares',
      'rewardTiers',
    ],
    ['capCompletion', 'officeScope'],
  );
  const t = object(c.projectThresholds, '预警天数', ['signedToRegisteredDays', 'registeredToOperatingDays']);
  const s = object(c.localShares, '地方留成比例', TAX_TYPES);
  return {
    weights: weights(c.weights),
    method: oneOf(c.method, '标准化方法', ['ratio', 'efficacy'] as const),
    targetTypes: oneOf(c.targetTypes, '计入目标的总部类型', ['all', 'named'] as const),
    capCompletion: c.capCompletion === undefined ? false : bool(c.capCompletion, '完成率封顶'),
    officeScope:
      c.officeScope === undefined
        ? 'policy'
        : oneOf(c.officeScope, '办公用房补助适用范围', ['policy', 'all'] as const),
    rules: rulesPerUnit(c.certificationRules),
    thresholds: {
      signedToRegisteredDays: number(t.signedToRegisteredDays, '预警天数“签约→注册”', 1, 3650, true),
      registeredToOperatingDays: number(t.registeredToOperatingDays, '预警天数“注册→投产”', 1, 3650, true),
    },
    shares: Object.fromEntries(
      TAX_TYPES.map((type) => [type, number(s[type], `地方留成比例“${type}”`, 0, 1)]),
    ) as CaliberSettings['shares'],
    tiers: tiers(c.rewardTiers),
  };
}

/** A 口径 file's text → the 口径, or why it is refused. */
export function parseCaliber(text: string): ParsedCaliber {
  try {
    if (new TextEncoder().encode(text).length > MAX_CALIBER_BYTES)
      fail('', `文件过大（口径文件不超过 ${MAX_CALIBER_BYTES / 1024} KB）`);
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      fail('', '不是有效的 JSON 文本');
    }
    const bad = forbiddenKey(json, '');
    if (bad) fail('', `含有不允许的键“${bad}”`);
    const file = object(json, '文件', ['schema', 'schemaVersion', 'name', 'content'], ['hash']);
    if (file.schema !== CALIBER_SCHEMA) fail('', `不是口径文件（schema 应为“${CALIBER_SCHEMA}”）`);
    if (file.schemaVersion !== CALIBER_VERSION)
      fail('', `的版本 ${String(file.schemaVersion)} 不受支持（本程序读取版本 ${CALIBER_VERSION}）`);
    const name = file.name;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100 || /\p{Cc}/u.test(name))
      fail('口径名称', '应为 1—100 个字符的文本');
    const caliber = makeCaliber((name as string).trim(), settings(file.content));
    if (file.hash !== undefined && file.hash !== caliber.hash)
      fail('', '的校验值与内容不符（文件在导出后被改动过）');
    return { ok: true, caliber };
  } catch (error) {
    if (error instanceof Refusal)
      return { ok: false, message: `口径文件无效：${error.message}，未作任何更改。` };
    throw error;
  }
}

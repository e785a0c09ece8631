/** The assessment rules as the editor holds them: checking typed weights and saying which rules apply. */
import { DEFAULT_WEIGHTS, type ScoreMethod, type ScoreWeights } from '../../domain/defaults';
import { INDICATORS } from '../../domain/figures/ranking';

export const METHOD_NAMES: Record<ScoreMethod, string> = { ratio: '比值法', efficacy: '功效系数法' };

export type WeightCheck = { ok: true; weights: ScoreWeights } | { ok: false; message: string };

/** Typed text → weights, or the reason they cannot be used (blank, not a number, negative, all zero). */
export function checkWeights(texts: readonly string[]): WeightCheck {
  const values: number[] = [];
  for (const [k, text] of texts.entries()) {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) return { ok: false, message: `“${INDICATORS[k]}”的权重须为数字` };
    if (value < 0) return { ok: false, message: `“${INDICATORS[k]}”的权重不能为负数` };
    values.push(value);
  }
  if (values.length !== INDICATORS.length) return { ok: false, message: '须填写五项权重' };
  if (values.every((v) => v === 0)) return { ok: false, message: '五项权重不能全为 0' };
  return { ok: true, weights: values as unknown as ScoreWeights };
}

/** Stored weights that are no longer usable (an old or hand-edited setting) fall back to the default. */
export function usableWeights(stored: unknown): { weights: ScoreWeights; fellBack: boolean } {
  const texts = Array.isArray(stored) ? stored.map((v) => (typeof v === 'number' ? String(v) : '')) : [];
  const check = checkWeights(texts);
  // The stored array itself when usable: a stable reference, so the ranking is not re-scored per render.
  return check.ok
    ? { weights: stored as ScoreWeights, fellBack: false }
    : { weights: DEFAULT_WEIGHTS, fellBack: true };
}

export const usableMethod = (stored: unknown): ScoreMethod => (stored === 'efficacy' ? 'efficacy' : 'ratio');

const trimNumber = (n: number) => String(Number(n.toFixed(2)));

/** One sentence for a printout: the weights, their sum, the method and how it normalises. */
export function rulesText(weights: ScoreWeights, method: ScoreMethod): string {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = INDICATORS.map((name, k) => `${name} ${trimNumber(weights[k]!)}`).join('、');
  const norm =
    method === 'ratio'
      ? '各项指标 ÷ 各地最大值（最大值为 0 时计 0）'
      : '0.6 + 0.4 ×（指标 − 最小值）÷（最大值 − 最小值）（各地相同时计 1）';
  const isDefault = weights.every((w, k) => w === DEFAULT_WEIGHTS[k]) && method === 'ratio';
  return (
    `评分规则${isDefault ? '（默认）' : '（已调整）'}：权重 ${parts}（合计 ${trimNumber(sum)}）；` +
    `${METHOD_NAMES[method]}标准化：${norm}；得分 = 100 × Σ(权重 × 标准化值) ÷ 权重合计。` +
    '完成率 = 新引进总部 ÷ 年度目标（未下达目标时有新引进计 100%，否则 0）；' +
    '签约项目、投资额按签约日期在当年计；新引进总部税收为截至年末（年度未结束时截至数据截至日）已认定新引进总部企业当年税收。' +
    '同分按属地代码排序。'
  );
}

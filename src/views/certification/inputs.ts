/**
 * Reading the numbers typed into the screen's editors. Each returns the value or a message in
 * Chinese saying what is wrong, so an invalid entry is shown and never stored.
 */
import type { RewardTier } from '../../domain/defaults';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function number(text: string, label: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `请填写${label}` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${label}应为数字` };
  return { ok: true, value };
}

/** '30' → 0.3; a percentage between 0 and 100 inclusive. */
export function parsePercent(text: string, label: string): Parsed<number> {
  const n = number(text, label);
  if (!n.ok) return n;
  if (n.value < 0 || n.value > 100) return { ok: false, message: `${label}应在 0–100% 之间` };
  return { ok: true, value: n.value / 100 };
}

/** An amount that may be zero but not negative (万元). */
export function parseNonNegative(text: string, label: string): Parsed<number> {
  const n = number(text, label);
  if (!n.ok) return n;
  if (n.value < 0) return { ok: false, message: `${label}不能为负数` };
  return { ok: true, value: n.value };
}

/** 0.3 → '30' for an input box: no float noise (0.07 × 100 = 7.000000000000001). */
export function percentText(share: number): string {
  return String(Math.round(share * 100 * 1e6) / 1e6);
}

export interface TierDraft {
  /** Upper bound in 万元; ignored for the last (open) tier. */
  upTo: string;
  /** Percent. */
  rate: string;
}

export function tierDrafts(tiers: readonly RewardTier[]): TierDraft[] {
  return tiers.map((t) => ({ upTo: t.upTo === null ? '' : String(t.upTo), rate: percentText(t.rate) }));
}

export interface TierErrors {
  upTo: (string | null)[];
  rate: (string | null)[];
}

/**
 * Progressive tiers from the editor: each bound above the one before it (and above 0), each rate
 * 0–100 %, the last tier open at the top.
 */
export function parseTiers(drafts: readonly TierDraft[]): { tiers: RewardTier[] | null; errors: TierErrors } {
  const errors: TierErrors = { upTo: drafts.map(() => null), rate: drafts.map(() => null) };
  const tiers: RewardTier[] = [];
  let previous = 0;
  drafts.forEach((d, i) => {
    const last = i === drafts.length - 1;
    let upTo: number | null = null;
    if (!last) {
      const bound = parseNonNegative(d.upTo, `第 ${i + 1} 档上限`);
      if (!bound.ok) errors.upTo[i] = bound.message;
      else if (bound.value <= previous)
        errors.upTo[i] = `第 ${i + 1} 档上限应大于${i === 0 ? ' 0' : `第 ${i} 档上限（${previous} 万元）`}`;
      else {
        upTo = bound.value;
        previous = bound.value;
      }
    }
    const rate = parsePercent(d.rate, `第 ${i + 1} 档比例`);
    if (!rate.ok) errors.rate[i] = rate.message;
    tiers.push({ upTo, rate: rate.ok ? rate.value : 0 });
  });
  const valid = [...errors.upTo, ...errors.rate].every((e) => e === null) && drafts.length > 0;
  return { tiers: valid ? tiers : null, errors };
}

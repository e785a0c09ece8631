/** Checking the overdue thresholds a user types (whole days, at least 1). */
import { DEFAULT_PROJECT_THRESHOLDS, type ProjectThresholds } from '../../domain/defaults';

export const THRESHOLD_FIELDS = [
  { key: 'signedToRegisteredDays', label: '签约→注册' },
  { key: 'registeredToOperatingDays', label: '注册→投产' },
] as const;

export type ThresholdCheck = { ok: true; thresholds: ProjectThresholds } | { ok: false; message: string };

const validDays = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 3650;

export function checkThresholds(texts: Record<keyof ProjectThresholds, string>): ThresholdCheck {
  const out: Partial<Record<keyof ProjectThresholds, number>> = {};
  for (const { key, label } of THRESHOLD_FIELDS) {
    const text = texts[key].trim();
    const value = text === '' ? NaN : Number(text);
    if (!validDays(value)) return { ok: false, message: `“${label}”须为 1—3650 之间的整数天数` };
    out[key] = value;
  }
  return { ok: true, thresholds: out as ProjectThresholds };
}

/** The stored thresholds when usable (same reference, so figures are not re-run), else the defaults. */
export function usableThresholds(stored: unknown): { thresholds: ProjectThresholds; fellBack: boolean } {
  const s = stored as Partial<ProjectThresholds> | null | undefined;
  return validDays(s?.signedToRegisteredDays) && validDays(s?.registeredToOperatingDays)
    ? { thresholds: s as ProjectThresholds, fellBack: false }
    : { thresholds: DEFAULT_PROJECT_THRESHOLDS, fellBack: true };
}

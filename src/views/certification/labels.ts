/** Wording of the 总部认定 screen. */
import type { CertificationRule } from '../../domain/defaults';
import { FAIL_REASON_TEXT, type FailReason } from '../../domain/figures/certification';
import { formatPercent } from '../../format/numbers';

/** '市外税收占比 ≥ 30.0%，实缴资本 ≥ 1,000万元'. */
export function ruleText(rule: CertificationRule): string {
  const capital = rule.minPaidInCapital.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return `市外税收占比 ≥ ${formatPercent(rule.minOutsideShare)}，实缴资本 ≥ ${capital}万元`;
}

/** The same, short enough for a table cell: '占比≥30.0%，资本≥1,000万元'. */
export function ruleShortText(rule: CertificationRule): string {
  const capital = rule.minPaidInCapital.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return `占比≥${formatPercent(rule.minOutsideShare)}，资本≥${capital}万元`;
}

/** Every reason in Chinese, in policy order, joined with '；'; '' when the enterprise passes. */
export function reasonsText(reasons: readonly FailReason[]): string {
  return reasons.map((r) => FAIL_REASON_TEXT[r]).join('；');
}

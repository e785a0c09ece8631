/**
 * What differs between two 口径, item by item, in words a meeting reads ("考核权重·完成率: 30 → 40"):
 * the list beside 本机修改（未发布） and the audit trail's old → new.
 */
import { ruleFor, type RewardTier } from '../defaults';
import { TAX_TYPES } from '../enums';
import { INDICATORS } from '../figures/ranking';
import { UNITS } from '../units';
import type { CaliberSettings } from './document';

export interface CaliberChange {
  item: string;
  from: string;
  to: string;
}

const METHOD = { ratio: '比值法', efficacy: '功效系数法' } as const;
const TARGET_TYPES = { all: '全部类型', named: '综合型·功能型' } as const;
const cap = (capped: boolean) => (capped ? '封顶100%' : '不封顶');
const OFFICE_SCOPE = { policy: '市区及产业平台', all: '全部企业' } as const;
const num = (n: number) => String(Number(n.toFixed(6)));
const pct = (share: number) => `${num(share * 100)}%`;

function tiersText(tiers: readonly RewardTier[]): string {
  let lower = 0;
  return tiers
    .map((t) => {
      const band = t.upTo === null ? `${num(lower)}万元以上` : `${num(lower)}—${num(t.upTo)}万元`;
      lower = t.upTo ?? lower;
      return `${band} ${pct(t.rate)}`;
    })
    .join('；');
}

export function diffCaliber(from: CaliberSettings, to: CaliberSettings): CaliberChange[] {
  const changes: CaliberChange[] = [];
  const add = (item: string, a: string, b: string) => a !== b && changes.push({ item, from: a, to: b });
  INDICATORS.forEach((name, k) =>
    add(`考核权重·${name}`, num(from.weights[k] ?? 0), num(to.weights[k] ?? 0)),
  );
  add('标准化方法', METHOD[from.method], METHOD[to.method]);
  add('计入目标的总部类型', TARGET_TYPES[from.targetTypes], TARGET_TYPES[to.targetTypes]);
  add('完成率封顶', cap(from.capCompletion), cap(to.capCompletion));
  add('办公用房补助适用范围', OFFICE_SCOPE[from.officeScope], OFFICE_SCOPE[to.officeScope]);
  for (const unit of UNITS) {
    const a = ruleFor(from.rules, unit.code);
    const b = ruleFor(to.rules, unit.code);
    add(`认定条件·${unit.name}·市外税收占比`, pct(a.minOutsideShare), pct(b.minOutsideShare));
    add(`认定条件·${unit.name}·实缴资本`, `${num(a.minPaidInCapital)}万元`, `${num(b.minPaidInCapital)}万元`);
  }
  add(
    '预警天数·签约→注册',
    `${from.thresholds.signedToRegisteredDays}天`,
    `${to.thresholds.signedToRegisteredDays}天`,
  );
  add(
    '预警天数·注册→投产',
    `${from.thresholds.registeredToOperatingDays}天`,
    `${to.thresholds.registeredToOperatingDays}天`,
  );
  for (const type of TAX_TYPES) add(`地方留成比例·${type}`, pct(from.shares[type]), pct(to.shares[type]));
  add('本土总部奖励档次', tiersText(from.tiers), tiersText(to.tiers));
  return changes;
}

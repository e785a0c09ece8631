/**
 * A figure's 口径 in words, for its ⓘ and the drill panel: what it counts (DOMAIN.md), the tables it
 * reads, the filters and switches in force (and those that do not apply to it), the as-of date, and
 * for a figure with a target the traffic light's thresholds. Pure: built from the same parameters
 * the figure ran with.
 */
import { yearPeriod } from '../asOf';
import {
  DEFAULT_PROJECT_THRESHOLDS,
  DEFAULT_WEIGHTS,
  NAMED_HQ_TYPES,
  type ScoreMethod,
  type ScoreWeights,
} from '../defaults';
import { INDICATORS } from '../figures/ranking';
import { RED_GAP } from '../trafficLight';
import { unitByCode, unitName } from '../units';
import { figureDef, type DrillParams } from './figures';

export interface FigureCaliber {
  title: string;
  definition: string;
  tables: readonly string[];
  /** One line per filter, switch or rule in force: '属地 = 鹿城区（unit=330302）'. */
  conditions: string[];
  /** The as-of date and the effective date min(D, end of Y). */
  asOf: string;
  at: string;
}

/** Switches of the 口径 that some figures follow (not every screen passes them). */
export interface CaliberSwitches {
  /** Ranking ①: completion rate capped at 100% (DOMAIN.md 10 option; default off). */
  capCompletion?: boolean;
  /** The assessment's weights and method in force (the score's ⓘ); the defaults when absent. */
  weights?: ScoreWeights;
  method?: ScoreMethod;
}

const trim = (n: number) => String(Number(n.toFixed(2)));

/** The score's method and weights in force, as the ranking screen's rules say them. */
export function scoreRules(weights: ScoreWeights = DEFAULT_WEIGHTS, method: ScoreMethod = 'ratio'): string[] {
  const isDefault = weights.every((w, k) => w === DEFAULT_WEIGHTS[k]);
  const parts = INDICATORS.map((name, k) => `${'①②③④⑤'[k]}${name} ${trim(weights[k]!)}`).join('、');
  return [
    method === 'ratio'
      ? '标准化方法：比值法（默认），各项指标 ÷ 各属地最大值（最大值为 0 时计 0）'
      : '标准化方法：功效系数法（非默认），0.6 + 0.4 ×（指标 − 最小值）÷（最大值 − 最小值）（各属地相同时计 1）',
    `权重：${parts}（合计 ${trim(weights.reduce((a, b) => a + b, 0))}${isDefault ? '，默认' : '，已调整'}）`,
  ];
}

const FILTER_TEXT = { unit: '属地', hqType: '总部类型', origin: '企业来源', industry: '行业' } as const;

/** The traffic light's rule, said the same way in every ⓘ. */
export const LIGHT_RULE = `红黄绿灯：任务进度（完成数 ÷ 目标）不低于时间进度为绿（达序时）；落后不足 ${RED_GAP * 100} 个百分点为黄（略滞后）；落后 ${RED_GAP * 100} 个百分点及以上为红（滞后）；未下达目标不亮灯。`;

export function figureCaliber(p: DrillParams & CaliberSwitches): FigureCaliber {
  const def = figureDef(p.figure);
  if (!def) throw new Error(`无法识别的指标：${p.figure}`);
  // An earlier year's point (2024-03 on a 2025 screen) is of its own year, not the screen's.
  const year = def.keyYear?.(p.key) ?? p.year;
  const period = yearPeriod(year, p.asOf);
  const conditions = [
    `年度：${year}年${period.label ? `（${period.label}，年度未结束）` : ''}`,
    `数据截至：${p.asOf}${period.at !== p.asOf ? `（按 ${period.at} 计）` : ''}`,
  ];
  // The clicked unit: the key itself, or its unit part (`330302:2` of a ranking cell, `330302:已认定`).
  // (`2023:330302` of a year's segment).
  const unitKey = [p.key, ...(p.key?.split(':').slice(0, 2) ?? [])].find(
    (k) => k !== undefined && unitByCode(k) !== undefined,
  );
  if (unitKey) conditions.push(`属地 = ${unitName(unitKey)}（所点击的元素，unit=${unitKey}）`);
  for (const name of ['unit', 'hqType', 'origin', 'industry'] as const) {
    const value = p.filters?.[name];
    if (!value || (name === 'unit' && unitKey)) continue;
    const shown = name === 'unit' ? `${unitName(value)}（unit=${value}）` : `${value}（${name}=${value}）`;
    conditions.push(
      def.filters.includes(name)
        ? `${FILTER_TEXT[name]} = ${shown}`
        : `${FILTER_TEXT[name]}筛选（${shown}）不适用于本指标`,
    );
  }
  if (def.target) {
    conditions.push(
      p.targetTypes === 'named'
        ? `计入目标的总部类型：仅${NAMED_HQ_TYPES.join('、')}（非默认，政策二(一)）`
        : '计入目标的总部类型：全部类型（默认）',
    );
  }
  if (p.figure === 'rankingScore') conditions.push(...scoreRules(p.weights, p.method));
  if (p.figure === 'ranking' || p.figure === 'rankingScore') {
    conditions.push(
      p.capCompletion
        ? '完成率封顶：①完成率超过100%按100%计（非默认）'
        : '完成率封顶：不封顶（默认，超额完成按实际比例计）',
    );
  }
  if (p.figure === 'overdueProjects' || p.figure === 'personProjects') {
    const t = p.thresholds ?? DEFAULT_PROJECT_THRESHOLDS;
    conditions.push(
      `预警天数：签约→注册 ${t.signedToRegisteredDays} 天，注册→投产 ${t.registeredToOperatingDays} 天`,
    );
  }
  if (p.figure === 'unitArea') {
    conditions.push(
      p.officeScope === 'all'
        ? '核查范围：全部企业（非默认，DOMAIN.md 14）'
        : '核查范围：市区及产业平台有效“新引进”认定的企业（默认），其余不适用',
    );
  }
  if (def.target && p.figure !== 'ranking' && p.figure !== 'rankingScore') conditions.push(LIGHT_RULE);
  return {
    title: def.title(p.key),
    definition: def.definition,
    tables: def.tables,
    conditions,
    asOf: p.asOf,
    at: period.at,
  };
}

/**
 * The figures a reader can open (drill-through): for each figure id, its 口径 in words (definition
 * from DOMAIN.md, the tables it reads, which filters narrow it) and the records behind it, read with
 * the figure's own WHERE (exported by the figure module), so the count of records is the figure.
 * A figure may take a key: the clicked element (a unit's bar, a building, a ranking cell, a stage).
 */
import { sql, type Db } from '../../db';
import { previousYearPeriod } from '../asOf';
import {
  DEFAULT_PROJECT_THRESHOLDS,
  type CertificationRules,
  type LocalShares,
  type OfficeScope,
  type RewardTier,
  type ProjectThresholds,
  type TargetTypes,
} from '../defaults';
import { enterpriseMatches, unitMatches, type AttributeFilter, type Filters } from '../filters';
import { COUNTED } from '../figures/common';
import { beltsHqWhere } from '../figures/belts';
import { billionBuildings, buildingTaxes } from '../figures/buildings';
import { hqTaxWhere, loadedThrough, localHqWhere } from '../figures/hqStock';
import { fiveYearWhere, newHqWhere, planWindow } from '../figures/newHq';
import { CASE_BY, STAGE_AT } from '../figures/pipeline';
import { projectPipeline } from '../figures/projects';
import { datedBy, datedInYear, periodOf } from '../figures/period';
import { INDICATORS } from '../figures/ranking';
import { FAIL_REASON_TEXT } from '../figures/certification';
import { unitByCode, unitName } from '../units';
import {
  areaKey,
  areaRecords,
  checkKey,
  checkRecords,
  grantRecords,
  rewardRecords,
  STEPS,
  stepRecords,
  unfiledDaysKey,
  unfiledRecords,
  unitStage,
  unitStageRecords,
  unitStep,
} from './certificationRecords';
import {
  fourOnesRecords,
  fourOnesUnitRecords,
  personRecords,
  personTitle,
  trackedProjectRecords,
  unitBuildingRecords,
} from './tracking';
import {
  buildingRecords,
  caseRecords,
  enterpriseRecords,
  projectRecords,
  taxRecords,
  type RecordSet,
} from './records';
import { SCREEN_FIGURES } from './screenFigures';

export interface DrillParams {
  figure: string;
  /** The clicked element: a unit code, a building id, `unit:k` of a ranking cell, a stage. */
  key?: string;
  year: number;
  asOf: string;
  filters?: Filters;
  targetTypes?: TargetTypes;
  thresholds?: ProjectThresholds;
  /** The 口径's certification rules per unit (认定核查). */
  rules?: CertificationRules;
  /** The 口径's office-subsidy scope (单位面积产出, DOMAIN.md 14). */
  officeScope?: OfficeScope;
  /** The 口径's local shares and reward tiers (本土总部奖励估算). */
  shares?: LocalShares;
  tiers?: readonly RewardTier[];
}

type FilterName = 'unit' | AttributeFilter;

export interface FigureDef {
  title: (key: string | undefined) => string;
  /** DOMAIN.md's definition, in Chinese. */
  definition: string;
  tables: readonly string[];
  /** The global filters that narrow this figure; the others are named as not applying. */
  filters: readonly FilterName[];
  /** Counts toward the new-HQ target (the target-types switch applies, and the traffic light). */
  target?: boolean;
  /** What the figure adds up: a count of records, or the sum of their money. */
  measure: 'count' | 'sum';
  records: (db: Db, p: DrillParams) => Promise<RecordSet>;
  /** The year of the clicked element where it is not the screen's (an earlier year's point). */
  keyYear?: (key: string | undefined) => number | undefined;
}

const ALL_ATTRIBUTES: readonly FilterName[] = ['unit', 'hqType', 'origin', 'industry'];
const ATTRIBUTES_ONLY: readonly FilterName[] = ['hqType', 'origin', 'industry'];

/** A unit key replaces the unit filter (a unit's bar is that unit whatever the filter). */
const scoped = (p: DrillParams): Filters => ({ ...p.filters, ...(p.key ? { unit: p.key } : {}) });
const ofUnit = (key: string | undefined, what: string) => (key ? `${unitName(key)} · ${what}` : what);

async function overdueRecords(db: Db, p: DrillParams) {
  const thresholds = p.thresholds ?? DEFAULT_PROJECT_THRESHOLDS;
  const pipeline = await projectPipeline(db, { ...p, filters: scoped(p), thresholds });
  const overdue = pipeline.projects.filter((x) => x.overdue !== null);
  return projectRecords(
    db,
    overdue.map((x) => x.projectId),
    new Map(overdue.map((x) => [x.projectId, `${x.overdue}（${x.stageDays}天）`])),
    '预警原因',
  );
}

/** The origin of an enterprise the directory gives none (newHqByOrigin's 未登记). */
const UNREGISTERED_ORIGIN = '未登记';

/** `330302:4` → the unit and the indicator (0…4). */
export function rankingCell(key: string | undefined): { unit: string; k: number } | null {
  const m = /^([^:]+):([0-4])$/.exec(key ?? '');
  return m && unitByCode(m[1]!) ? { unit: m[1]!, k: Number(m[2]) } : null;
}

/** The records behind a ranking cell `unit:k`: the new HQ of ①②, the projects of ③④, the tax of ⑤. */
async function rankingRecords(db: Db, p: DrillParams): Promise<RecordSet> {
  const cell = rankingCell(p.key);
  if (!cell) throw new Error(`无法识别的考核指标：${p.key ?? ''}`);
  const period = await periodOf(db, p);
  if (cell.k <= 1) {
    return enterpriseRecords(
      db,
      sql`${newHqWhere(period, undefined, p.targetTypes)} AND region = ${cell.unit}`,
    );
  }
  if (cell.k <= 3) {
    const rows = await db.query<{ id: string }>(sql`
        SELECT project_id AS id FROM projects
        WHERE ${datedInYear(sql`signed_on`, period)} AND region = ${cell.unit}`);
    return projectRecords(
      db,
      rows.map((r) => r.id),
    );
  }
  return taxRecords(
    db,
    sql`${datedInYear(sql`period`, period)} AND credit_code IN (
        SELECT credit_code FROM certifications WHERE category = '新引进' AND ${COUNTED}
          AND ${datedBy(sql`certified_on`, period)} AND region = ${cell.unit})`,
  );
}

export const FIGURES: Record<string, FigureDef> = {
  newHq: {
    title: (key) => ofUnit(key, '新引进总部企业'),
    definition:
      '当年认定（认定日期在年度内、不晚于数据截至日）且状态为已认定或已备案的“新引进”类总部认定，按统一社会信用代码去重，计入认定地。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises：总部类型等属性）'],
    filters: ALL_ATTRIBUTES,
    target: true,
    measure: 'count',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      const f = scoped(p);
      const unit = f.unit ? sql`region = ${f.unit}` : sql`TRUE`;
      return enterpriseRecords(db, sql`${newHqWhere(period, f, p.targetTypes)} AND ${unit}`);
    },
  },
  fiveYear: {
    title: (key) => (key ? `${key}年新引进总部企业（五年累计）` : '五年累计新引进总部企业'),
    definition:
      '规划期（默认2019—2023年）内各年认定的“新引进”类总部（已认定或已备案，认定日期不晚于数据截至日），按信用代码去重后逐年相加，对照五年目标。',
    tables: ['总部认定台账（certifications）', '目标任务（targets）'],
    filters: ALL_ATTRIBUTES,
    target: true,
    measure: 'count',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      const window = await planWindow(db, p.year);
      // A year's bar of the cumulative chart: that year of the window.
      const year = p.key && /^\d{4}$/.test(p.key) ? sql`year(certified_on) = ${Number(p.key)}` : sql`TRUE`;
      return enterpriseRecords(
        db,
        sql`${fiveYearWhere(window, period, p.filters, p.targetTypes)} AND ${year}`,
      );
    },
  },
  newHqOrigin: {
    title: (key) => `新引进总部企业 · 来源：${key ?? ''}`,
    definition:
      '当年认定的“新引进”类总部（同“新引进总部企业”），按企业名录中的企业来源归类；名录中无来源的计为“未登记”。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises：企业来源）'],
    filters: ALL_ATTRIBUTES,
    target: true,
    measure: 'count',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      const origin =
        p.key === UNREGISTERED_ORIGIN
          ? sql`credit_code NOT IN (SELECT credit_code FROM enterprises WHERE origin IS NOT NULL)`
          : sql`credit_code IN (SELECT credit_code FROM enterprises WHERE origin = ${p.key ?? ''})`;
      return enterpriseRecords(
        db,
        sql`${newHqWhere(period, p.filters, p.targetTypes)} AND ${unitMatches(p.filters, sql`region`)} AND ${origin}`,
      );
    },
  },
  localHq: {
    title: () => '本土总部企业（存量）',
    definition:
      '认定日期不晚于数据截至日（已结束年度为年末）且状态为已认定或已备案的“本土”类总部，按信用代码去重。',
    tables: ['总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: async (db, p) => enterpriseRecords(db, localHqWhere(await periodOf(db, p), p.filters)),
  },
  hqTax: {
    title: () => '总部企业税收',
    definition:
      '截至数据截至日已认定（已认定或已备案，任一类别）的总部企业，当年各月（至截至日所在月份）的税收明细合计；同比按上年同期、同一口径。',
    tables: ['税收明细（tax）', '总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'sum',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      const through = Math.min(period.months, await loadedThrough(db, p.year));
      return taxRecords(db, hqTaxWhere(period, through, p.filters));
    },
  },
  hqTaxPrevious: {
    title: () => '总部企业税收（上年同期）',
    definition: '上年同一截至日已认定的总部企业，上年同期各月的税收明细合计（同比的分母）。',
    tables: ['税收明细（tax）', '总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'sum',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      const through = Math.min(period.months, await loadedThrough(db, p.year));
      return taxRecords(db, hqTaxWhere(previousYearPeriod(period), through, p.filters));
    },
  },
  billionBuildings: {
    title: (key) => ofUnit(key, '亿元楼宇'),
    definition:
      '楼宇税收（入驻企业当年各月税收合计，按企业名录的所在楼宇编号归集）≥ 1亿元的楼宇；年度未结束时按1月至截至月份累计额计。',
    tables: ['楼宇清单（buildings）', '企业名录（enterprises）', '税收明细（tax）'],
    filters: ['unit'],
    measure: 'count',
    records: async (db, p) => {
      const unit = scoped(p).unit;
      const all = await buildingTaxes(db, { year: p.year, asOf: p.asOf });
      const shown = billionBuildings(all).filter((b) => !unit || b.region === unit);
      return buildingRecords(db, new Map(shown.map((b) => [b.buildingId, { tax: b.tax, tier: b.tier }])));
    },
  },
  buildingTax: {
    title: (key) => `楼宇税收${key ? `（${key}）` : ''}`,
    definition:
      '该楼宇全部入驻企业（企业名录中所在楼宇编号为该楼宇）当年各月（至截至日所在月份）的税收明细合计。',
    tables: ['税收明细（tax）', '企业名录（enterprises）'],
    filters: [],
    measure: 'sum',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      return taxRecords(
        db,
        sql`${datedInYear(sql`period`, period)} AND credit_code IN (
          SELECT credit_code FROM enterprises WHERE building_id = ${p.key ?? ''})`,
      );
    },
  },
  beltsHq: {
    title: (key) => ofUnit(key, '总部企业'),
    definition:
      '截至数据截至日（已结束年度为年末）已认定（已认定或已备案，任一类别）的总部企业，按认定地归属、信用代码去重；税收为其当年各月税收合计。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises）', '税收明细（tax）'],
    filters: ATTRIBUTES_ONLY,
    measure: 'count',
    records: async (db, p) => {
      const period = await periodOf(db, p);
      const unit = p.key ? sql`region = ${p.key}` : sql`TRUE`;
      return enterpriseRecords(
        db,
        sql`${beltsHqWhere(period, p.filters)} AND ${unit}`,
        datedInYear(sql`period`, period),
      );
    },
  },
  ranking: {
    title: (key) => {
      const cell = rankingCell(key);
      return cell ? `${unitName(cell.unit)} · 考核指标${'①②③④⑤'[cell.k]}${INDICATORS[cell.k]}` : '考核指标';
    },
    definition:
      '①完成率 = 新引进总部 ÷ 年度目标（无目标时有新引进为1、否则为0）；②新引进总部（同“新引进总部企业”）；③当年签约项目数；④当年签约项目计划投资合计；⑤截至年末已认定“新引进”总部企业的当年税收。各指标除以各属地最大值标准化（或功效系数法），按权重加权得分。',
    tables: ['总部认定台账', '目标任务', '总部项目台账', '税收明细'],
    filters: [],
    target: true,
    measure: 'count',
    records: rankingRecords,
  },
  rankingScore: {
    title: (key) => (key && unitByCode(key) ? `${unitName(key)} · 考核得分与排名` : '考核得分与排名'),
    definition:
      '得分为五项考核指标（①完成率、②新引进总部、③签约项目数、④签约投资额、⑤新引进总部税收）标准化后按权重加权：得分 = 100 × Σ(权重 × 标准化值) ÷ 权重合计；各属地按得分从高到低排名，同分按属地代码排序。各项指标的明细在其单元格中打开；此处列出指标①②背后的新引进总部企业（同“考核指标①”）。',
    tables: ['总部认定台账', '目标任务', '总部项目台账', '税收明细'],
    filters: [],
    target: true,
    measure: 'count',
    records: async (db, p) => {
      if (!p.key || !unitByCode(p.key)) throw new Error(`无法识别的属地：${p.key ?? ''}`);
      return rankingRecords(db, { ...p, key: `${p.key}:0` });
    },
  },
  overdueProjects: {
    title: (key) => ofUnit(key, '逾期预警项目'),
    definition:
      '截至数据截至日（已结束年度为年末）已签约、未销号的项目中：签约超过规定天数仍未注册，或注册超过规定天数仍未投产的项目（阶段日期晚于截至日的视为尚未发生）。',
    tables: ['总部项目台账（projects）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: overdueRecords,
  },
  pipelineStage: {
    title: (key) => `认定流程 · ${key ?? ''}`,
    definition:
      '截至数据截至日的认定案件（首个日期不晚于截至日；已认定、已备案案件按认定日期），环节为其状态，备案日期晚于截至日的已备案案件计为已认定。',
    tables: ['总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: async (db, p) => {
      const at = (await periodOf(db, p)).at;
      const f = p.filters;
      return caseRecords(
        db,
        sql`${CASE_BY(at)} AND ${unitMatches(f, sql`region`)} AND ${enterpriseMatches(f, sql`credit_code`)}
          AND ${STAGE_AT(at)} = ${p.key ?? ''}`,
        STAGE_AT(at),
      );
    },
  },

  // ——— 项目跟踪, the certification pipeline's charts and lists, a unit's buildings (src/domain/drill/tracking.ts) ———
  projects: {
    title: (key) => (key ? `到达“${key}”环节的项目` : '在库项目'),
    definition:
      '截至数据截至日（已结束年度为年末）已签约的全部项目（含已销号）；项目环节为签约 → 注册 → 认定 → 投产 → 销号中最后一个有日期（且不晚于截至日）的环节。漏斗的一层为到达该环节的项目（已到后一环节的计入前面各环节）。',
    tables: ['总部项目台账（projects）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: trackedProjectRecords,
  },
  fourOnes: {
    title: (key) => (key ? `四个一缺“${key}”的项目` : '四个一齐全的项目'),
    definition:
      '在库项目（同“在库项目”）中，四个一齐全：有服务专班、项目经理、绿色通道，且已认定项目的开办补助不是“未兑现”（一门兑现）；缺项按四项分别计数。',
    tables: ['总部项目台账（projects）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: fourOnesRecords,
  },
  fourOnesUnit: {
    title: (key) => ofUnit(key, '四个一齐全率（在库项目）'),
    definition:
      '该属地的在库项目，逐个标明四个一是否齐全（齐全率 = 齐全项目数 ÷ 在库项目数）；各属地对比，属地筛选不适用，企业属性筛选适用。',
    tables: ['总部项目台账（projects）'],
    filters: ATTRIBUTES_ONLY,
    measure: 'count',
    records: fourOnesUnitRecords,
  },
  pipelineUnitStage: {
    title: (key) => {
      const cell = unitStage(key);
      return cell ? `${unitName(cell.unit)} · 认定流程${cell.stage ? ` · ${cell.stage}` : ''}` : '认定流程';
    },
    definition:
      '截至数据截至日的认定案件（同“认定流程”），该属地处于所点击环节的案件；环节为其状态，备案日期晚于截至日的已备案案件计为已认定。',
    tables: ['总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: unitStageRecords,
  },
  pipelineDays: {
    title: (key) => {
      const cell = unitStep(key);
      return cell ? `${unitName(cell.unit)} · ${STEPS[cell.step].label}用时` : '认定各环节用时';
    },
    definition:
      '申请→认定：认定日期不晚于数据截至日的案件，申请日期至认定日期的天数；认定→备案：备案日期不晚于截至日的案件，认定日期至备案日期的天数。表中为各属地的中位数，明细为计入的案件。',
    tables: ['总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: stepRecords,
  },
  unfiledCases: {
    title: (key) => `已认定未备案（超过 ${unfiledDaysKey(key)} 天）`,
    definition:
      '截至数据截至日状态为已认定（或备案日期晚于截至日）、认定日期至截至日超过 N 天（默认30天，可调）仍未备案的认定案件。',
    tables: ['总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: unfiledRecords,
  },
  grantsAtRisk: {
    title: (key) => ofUnit(key, '预兑现补助风险项目'),
    definition:
      '截至数据截至日已签约、开办补助为“预兑现”，而其企业截至该日没有有效认定（已认定或已备案）的项目（尚未注册的视为没有）；金额为补助金额（subsidy_amount）合计。',
    tables: ['总部项目台账（projects）', '总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'sum',
    records: grantRecords,
  },
  unitBuildings: {
    title: (key) => ofUnit(key, '楼宇'),
    definition:
      '该属地的全部楼宇及其楼宇税收（入驻企业当年各月税收合计，按企业名录的所在楼宇编号归集；年度未结束时至截至月份）。',
    tables: ['楼宇清单（buildings）', '企业名录（enterprises）', '税收明细（tax）'],
    filters: [],
    measure: 'count',
    records: unitBuildingRecords,
  },
  certCheck: {
    title: (key) => {
      const cell = checkKey(key);
      if (!cell) return '认定核查';
      const what =
        cell.pick === 'passed'
          ? '通过'
          : cell.pick === 'failed'
            ? '未通过'
            : `未通过：${FAIL_REASON_TEXT[cell.pick]}`;
      return `${cell.unit ? `${unitName(cell.unit)} · ` : ''}认定核查${what}`;
    },
    definition:
      '截至数据截至日有认定案件的企业，按属地认定条件核查（政策三(一)）：在温注册且具有独立法人资格；市外有分支机构并在温汇总缴纳企业所得税和增值税；当年市外经营税收占比、实缴注册资本不低于属地要求。一家企业可因多项原因未通过。',
    tables: ['总部认定台账（certifications）', '企业名录（enterprises）', '税收明细（tax）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: checkRecords,
  },
  personProjects: {
    title: personTitle,
    definition:
      '在库项目（同“在库项目”）中由该项目经理（或联系领导）负责的项目；逾期为逾期预警项目，四个一未齐全为缺任一项的项目。未填写的计为“未指定”。',
    tables: ['总部项目台账（projects）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: personRecords,
  },
  unitArea: {
    title: (key) => {
      const cell = areaKey(key);
      const what = cell?.met === false ? '未达标' : '达标';
      return `${cell?.unit ? `${unitName(cell.unit)} · ` : ''}单位面积产出${what}企业`;
    },
    definition:
      '当年企业年度数据中有总产出、企业名录中有办公面积的企业：单位面积产出 = 总产出 × 10000 ÷ 办公面积（元/㎡），≥ 1万元/㎡为达标。默认只核查市区（鹿城、龙湾、瓯海、洞头）及产业平台有有效“新引进”认定的企业，其余不适用（DOMAIN.md 14）。',
    tables: ['企业年度数据（annual）', '企业名录（enterprises）', '总部认定台账（certifications）'],
    filters: ALL_ATTRIBUTES,
    measure: 'count',
    records: areaRecords,
  },
  localReward: {
    title: (key) => ofUnit(key, '本土总部奖励估算'),
    definition:
      '认定年度C起5年内（C … C+4）的本土总部企业，当年地方财政贡献（有地方留成额用留成额，否则按税种留成比例测算）较认定前一年（C−1，年度未结束时为同期）的增量，按累进档次测算奖励；属地为认定地。',
    tables: ['总部认定台账（certifications）', '税收明细（tax）', '企业名录（enterprises）'],
    filters: ALL_ATTRIBUTES,
    measure: 'sum',
    records: rewardRecords,
  },
  // 亿元楼宇, 总部经济带 and 同期对比 (issue 13, part A): ./screenFigures.ts.
  ...SCREEN_FIGURES,
};

export function figureDef(id: string): FigureDef | undefined {
  return Object.hasOwn(FIGURES, id) ? FIGURES[id] : undefined;
}

/** The records behind a figure (the drill panel's one query). */
export async function drillRecords(db: Db, p: DrillParams): Promise<RecordSet> {
  const def = figureDef(p.figure);
  if (!def) throw new Error(`无法识别的指标：${p.figure}`);
  return def.records(db, p);
}

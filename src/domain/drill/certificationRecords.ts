/**
 * The records behind the figures of 总部认定: the certification pipeline's charts and lists (DOMAIN.md
 * 12, read with the figure's own SQL fragments from pipeline.ts), 认定核查 (7), 单位面积产出 (6, 14)
 * and 本土总部奖励 (9) — the last three computed in TypeScript and run again with the 口径's settings.
 */
import { joinSql, sql, type Db, type Sql } from '../../db';
import { type CertificationRules, type LocalShares, type OfficeScope, type RewardTier } from '../defaults';
import { CERT_STATUSES } from '../enums';
import { enterpriseMatches, unitMatches } from '../filters';
import {
  certificationChecks,
  FAIL_REASON_TEXT,
  unitAreaOutputs,
  type CertificationCheck,
  type FailReason,
} from '../figures/certification';
import { COUNTED } from '../figures/common';
import { localRewards } from '../figures/contribution';
import {
  CASE_BY,
  DEFAULT_UNFILED_DAYS,
  grantsAtRisk,
  STAGE_AT,
  TO_CERTIFIED,
  TO_FILED,
  UNFILED_DAYS,
} from '../figures/pipeline';
import { periodOf } from '../figures/period';
import { unitByCode, unitName } from '../units';
import {
  caseRecords,
  enterpriseRecords,
  projectRecords,
  type RecordColumn,
  type RecordRow,
  type RecordSet,
} from './records';
import type { TrackingParams } from './tracking';

/** `330302:已认定` → the unit and the stage (no stage: every stage of the unit). */
export function unitStage(key: string | undefined): { unit: string; stage?: string } | null {
  const [unit, stage] = (key ?? '').split(':');
  if (!unit || !unitByCode(unit)) return null;
  if (stage !== undefined && !(CERT_STATUSES as readonly string[]).includes(stage)) return null;
  return stage === undefined ? { unit } : { unit, stage };
}

/** The pipeline's cases in the view's scope (the figure's WHERE), narrowed by `more`. */
async function pipelineCases(
  db: Db,
  p: TrackingParams,
  more: (at: string) => Sql,
  measure?: { value: (at: string) => Sql; header: string },
) {
  const at = (await periodOf(db, p)).at;
  const f = p.filters;
  return caseRecords(
    db,
    sql`${CASE_BY(at)} AND ${unitMatches(f, sql`region`)} AND ${enterpriseMatches(f, sql`credit_code`)}
      AND ${more(at)}`,
    STAGE_AT(at),
    measure && { value: measure.value(at), header: measure.header },
  );
}

/** `pipelineUnitStage`: a unit's cases at a stage (a segment of the stacked chart), or all of them. */
export async function unitStageRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const cell = unitStage(p.key);
  if (!cell) throw new Error(`无法识别的属地与环节：${p.key ?? ''}`);
  return pipelineCases(db, p, (at) =>
    cell.stage ? sql`region = ${cell.unit} AND ${STAGE_AT(at)} = ${cell.stage}` : sql`region = ${cell.unit}`,
  );
}

/** The two steps 各环节用时 measures, as the key names them. */
export const STEPS = {
  toCertified: { label: '申请→认定', value: TO_CERTIFIED },
  toFiled: { label: '认定→备案', value: TO_FILED },
} as const;

export type Step = keyof typeof STEPS;

/** `330302:toCertified` → the unit and the step. */
export function unitStep(key: string | undefined): { unit: string; step: Step } | null {
  const [unit, step] = (key ?? '').split(':');
  return unit && unitByCode(unit) && (step === 'toCertified' || step === 'toFiled') ? { unit, step } : null;
}

/** `pipelineDays`: the cases a unit's median of one step is taken over, with their days. */
export async function stepRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const cell = unitStep(p.key);
  if (!cell) throw new Error(`无法识别的属地与环节：${p.key ?? ''}`);
  const step = STEPS[cell.step];
  return pipelineCases(db, p, (at) => sql`region = ${cell.unit} AND ${step.value(at)} IS NOT NULL`, {
    value: step.value,
    header: `${step.label}天数`,
  });
}

/** N of `unfiledCases` (the key), as the screen reads it from the link. */
export const unfiledDaysKey = (key: string | undefined) => {
  const n = Number(key);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_UNFILED_DAYS;
};

/** `unfiledCases`: 已认定 cases not filed more than N days (the key) after certification at D. */
export async function unfiledRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const n = unfiledDaysKey(p.key);
  return pipelineCases(db, p, (at) => sql`${UNFILED_DAYS(at)} > ${n}`, {
    value: UNFILED_DAYS,
    header: '已认定天数',
  });
}

/**
 * `grantsAtRisk`: the projects of the figure (its own function, run again), with the sum of their
 * 预兑现 amounts — the figure's 合计 — instead of the investment.
 */
export async function grantRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const at = (await periodOf(db, p)).at;
  const unit = p.key && unitByCode(p.key) ? p.key : undefined;
  const grants = await grantsAtRisk(db, at, unit ? { ...p.filters, unit } : p.filters);
  const set = await projectRecords(
    db,
    grants.projects.map((g) => g.projectId),
    new Map(grants.projects.map((g) => [g.projectId, g.creditCode ? '无有效认定' : '尚未注册'])),
    '风险',
  );
  const rows = set.everyRow ? await set.everyRow() : set.rows;
  const sum = rows.reduce((s, r) => s + Number(r.subsidy_amount ?? 0), 0);
  // The amount the figure adds up beside the reason, where the panel shows it without scrolling.
  const amount = set.columns.filter((c) => c.key === 'subsidy_amount');
  const columns = set.columns.filter((c) => c.key !== 'subsidy_amount');
  columns.splice(columns.findIndex((c) => c.key === 'note') + 1, 0, ...amount);
  return { ...set, columns, sum: Math.round(sum * 100) / 100, sumLabel: '预兑现补助合计' };
}

/** `passed`, `failed`, a reason (`outside_share`) or a unit's reason (`330302:outside_share`). */
export function checkKey(
  key: string | undefined,
): { unit?: string; pick: 'passed' | 'failed' | FailReason } | null {
  const reasons = Object.keys(FAIL_REASON_TEXT) as FailReason[];
  const [a, b] = (key ?? '').split(':');
  if (b !== undefined) {
    const reason = reasons.find((r) => r === b);
    return a && unitByCode(a) && reason ? { unit: a, pick: reason } : null;
  }
  const pick = a === 'passed' || a === 'failed' ? a : reasons.find((r) => r === a);
  return pick ? { pick } : null;
}

/** The words of a check for the record list: 通过, or each failed condition. */
const checkNote = (c: CertificationCheck) =>
  c.passed ? '通过' : c.reasons.map((r) => FAIL_REASON_TEXT[r]).join('；');

/**
 * `certCheck`: the enterprises of 认定核查 (the figure run again with the 口径's rules) that passed,
 * failed, or failed one condition (in one unit), with their certifications' source rows.
 */
export async function checkRecords(
  db: Db,
  p: TrackingParams & { rules?: CertificationRules },
): Promise<RecordSet> {
  const cell = checkKey(p.key);
  if (!cell) throw new Error(`无法识别的核查结果：${p.key ?? ''}`);
  const checks = await certificationChecks(db, {
    year: p.year,
    asOf: p.asOf,
    rules: p.rules,
    filters: p.filters,
  });
  const chosen = checks.filter(
    (c) =>
      (!cell.unit || c.region === cell.unit) &&
      (cell.pick === 'passed'
        ? c.passed
        : cell.pick === 'failed'
          ? !c.passed
          : c.reasons.includes(cell.pick)),
  );
  const at = (await periodOf(db, p)).at;
  const codes = chosen.length
    ? sql`credit_code IN (${joinSql(chosen.map((c) => sql`${c.creditCode}`))})`
    : sql`FALSE`;
  // The check's candidates: enterprises with a case begun by D (certificationChecks' own condition).
  const set = await enterpriseRecords(
    db,
    sql`${codes} AND coalesce(least(applied_on, certified_on, filed_on) <= ${at}::DATE, TRUE)`,
  );
  const note = new Map(chosen.map((c) => [c.creditCode, checkNote(c)]));
  const withNote = (rows: RecordRow[]) =>
    rows.map((r) => ({ ...r, note: note.get(String(r.credit_code)) ?? null }));
  const columns = [...set.columns];
  columns.splice(2, 0, { key: 'note', header: '核查结果' });
  return {
    ...set,
    columns,
    rows: withNote(set.rows),
    ...(set.everyRow ? { everyRow: async () => withNote(await set.everyRow!()) } : {}),
  };
}

/** `met` (the 达标 count), or a unit's stack of 单位面积产出达标情况: `330302:met`, `330302:missed`. */
export function areaKey(key: string | undefined): { unit?: string; met: boolean } | null {
  if (key === 'met') return { met: true };
  const [unit, what] = (key ?? '').split(':');
  return unit && unitByCode(unit) && (what === 'met' || what === 'missed')
    ? { unit, met: what === 'met' }
    : null;
}

/**
 * `unitArea`: the enterprises of 单位面积产出 (the figure run again, in the 口径's office scope) that
 * the check applies to and that meet it (or miss it), with their annual row's source file and row.
 */
export async function areaRecords(
  db: Db,
  p: TrackingParams & { officeScope?: OfficeScope },
): Promise<RecordSet> {
  const cell = areaKey(p.key);
  if (!cell) throw new Error(`无法识别的单位面积产出：${p.key ?? ''}`);
  const rows = await unitAreaOutputs(db, {
    year: p.year,
    ...(p.filters ? { filters: p.filters } : {}),
    ...(p.officeScope ? { scope: p.officeScope } : {}),
  });
  const chosen = rows.filter(
    (r) => r.applies && r.meets === cell.met && (!cell.unit || r.region === cell.unit),
  );
  const codes = chosen.length ? joinSql(chosen.map((r) => sql`${r.creditCode}`)) : sql`NULL`;
  const source = await db.query<{ credit_code: string; source_file: string; source_row: number }>(sql`
    SELECT credit_code, source_file, source_row FROM annual WHERE year = ${p.year} AND credit_code IN (${codes})`);
  const where = new Map(source.map((s) => [s.credit_code, s]));
  const list: RecordRow[] = chosen.map((r) => ({
    credit_code: r.creditCode,
    name: r.name,
    region: unitName(r.region),
    output: r.output * 10_000,
    office_area: r.officeArea,
    per_sqm: r.perSqm,
    note: r.meets ? '达标' : '未达标',
    source_file: where.get(r.creditCode)?.source_file ?? null,
    source_row: where.get(r.creditCode)?.source_row ?? null,
  }));
  return {
    kind: '企业',
    columns: [
      { key: 'credit_code', header: '统一社会信用代码' },
      { key: 'name', header: '企业名称' },
      { key: 'region', header: '属地' },
      { key: 'note', header: '≥1万元/㎡' },
      { key: 'per_sqm', header: '单位面积产出（元/㎡）', kind: 'number', digits: 0 },
      { key: 'output', header: '总产出', kind: 'yuan', unit: '万元' },
      { key: 'office_area', header: '办公面积（㎡）', kind: 'number', digits: 0 },
      { key: 'source_file', header: '来源文件（企业年度数据）' },
      { key: 'source_row', header: '行号', kind: 'count' },
    ],
    rows: list,
    total: list.length,
    sum: null,
    truncated: false,
  };
}

/**
 * `localReward`: the 本土 HQ in their reward years (the figure `localRewards` run again with the
 * 口径's shares and tiers), all or a certifying unit's, each with its base, contribution and reward;
 * the sum is the rewards' 合计.
 */
export async function rewardRecords(
  db: Db,
  p: TrackingParams & { shares?: LocalShares; tiers?: readonly RewardTier[] },
): Promise<RecordSet> {
  const unit = p.key && unitByCode(p.key) ? p.key : undefined;
  if (p.key && !unit) throw new Error(`无法识别的属地：${p.key}`);
  const rewards = (
    await localRewards(db, {
      year: p.year,
      asOf: p.asOf,
      ...(p.shares ? { shares: p.shares } : {}),
      ...(p.tiers ? { tiers: p.tiers } : {}),
      ...(p.filters ? { filters: p.filters } : {}),
    })
  ).filter((r) => !unit || r.region === unit);
  const byCode = new Map(rewards.map((r) => [r.creditCode, r]));
  const codes = rewards.length ? joinSql(rewards.map((r) => sql`${r.creditCode}`)) : sql`NULL`;
  const set = await enterpriseRecords(
    db,
    sql`category = '本土' AND ${COUNTED} AND credit_code IN (${codes})`,
  );
  const withReward = (rows: RecordRow[]) =>
    rows.map((r) => {
      const x = byCode.get(String(r.credit_code));
      return {
        ...r,
        base: x?.base ?? null,
        contribution: x?.contribution ?? null,
        reward: x?.reward ?? null,
      };
    });
  const rows = withReward(set.everyRow ? await set.everyRow() : set.rows);
  const money = (key: string, header: string): RecordColumn => ({ key, header, kind: 'yuan', unit: '万元' });
  const columns = [...set.columns];
  columns.splice(
    3,
    0,
    money('base', '基数（认定前一年贡献）'),
    money('contribution', `${p.year}年贡献`),
    money('reward', '奖励估算'),
  );
  return {
    ...set,
    columns,
    rows: rows.slice(0, set.rows.length),
    sum: Math.round(rows.reduce((s, r) => s + Number(r.reward ?? 0), 0) * 100) / 100,
    sumLabel: '奖励估算合计',
    ...(set.everyRow ? { everyRow: async () => rows } : {}),
  };
}

/**
 * Figure 12 of DOMAIN.md, the certification pipeline (policy 三(二) 汇总 → 认定 → 报备, 五(三) 预兑现):
 * the cases by stage as of D, the days each stage took by unit, the 已认定未备案 cases past N days,
 * and the 预认定 grants at risk — 开办补助 paid ahead (预兑现) to a project whose enterprise has no
 * counted certification.
 */
import { sql, type Db } from '../../db';
import { CERT_STATUSES } from '../enums';
import { attributesMatch, enterpriseMatches, unitMatches, type Filters } from '../filters';
import { UNITS, unitName } from '../units';
import { COUNTED } from './common';
import { periodOf, type AsOfParams } from './period';

/** 已认定 with no filing more than this many days after certification is flagged (editable). */
export const DEFAULT_UNFILED_DAYS = 30;

export type CaseStage = (typeof CERT_STATUSES)[number];

export interface StageDays {
  /** Cases with both dates by D. */
  cases: number;
  /** Median days between the two dates; null without cases. */
  median: number | null;
  mean: number | null;
}

export interface UnitPipeline {
  code: string;
  name: string;
  stages: Record<CaseStage, number>;
  /** 申请 → 认定 (applied_on → certified_on). */
  toCertified: StageDays;
  /** 认定 → 备案 (certified_on → filed_on). */
  toFiled: StageDays;
}

export interface UnfiledCase {
  creditCode: string;
  category: string;
  region: string;
  regionName: string;
  certifiedOn: string;
  /** Days from certified_on to D. */
  days: number;
}

export interface GrantAtRisk {
  projectId: string;
  name: string;
  region: string;
  regionName: string;
  creditCode: string | null;
  /** 补助金额, 万元. */
  amount: number | null;
}

export interface Pipeline {
  year: number;
  asOf: string;
  unfiledDays: number;
  /** All cases (the unit chosen, or the city) by stage. */
  stages: Record<CaseStage, number>;
  byUnit: UnitPipeline[];
  unfiled: UnfiledCase[];
  grantsAtRisk: {
    count: number;
    amount: number;
    byUnit: { code: string; name: string; count: number; amount: number }[];
    projects: GrantAtRisk[];
  };
}

export interface PipelineParams extends AsOfParams {
  filters?: Filters;
  unfiledDays?: number;
}

/**
 * A case's stage as of D is its status, except that a step dated after D has not happened yet: a
 * 已备案 case filed after D was 已认定 at D. A case certified after D (or whose first date lies after
 * D) is not yet in the pipeline's counted stages; it is left out when its status is 已认定/已备案,
 * since what it was at D (申请, 县级审核 or 预认定) is not in the export.
 */
export const STAGE_AT = (at: string) => sql`
  CASE WHEN status = '已备案' AND filed_on > ${at}::DATE THEN '已认定' ELSE status END`;

/** A case exists by D when its first date is on or before D, or when it carries no date at all. */
export const CASE_BY = (at: string) => sql`
  coalesce(least(applied_on, certified_on, filed_on) <= ${at}::DATE, TRUE)
  AND NOT (status IN ('已认定', '已备案') AND coalesce(certified_on > ${at}::DATE, FALSE))`;

/** Days 申请 → 认定 of a case certified by D (null otherwise, or without an application date). */
export const TO_CERTIFIED = (at: string) =>
  sql`CASE WHEN certified_on <= ${at}::DATE THEN date_diff('day', applied_on, certified_on) END`;

/** Days 认定 → 备案 of a case filed by D. */
export const TO_FILED = (at: string) =>
  sql`CASE WHEN filed_on <= ${at}::DATE THEN date_diff('day', certified_on, filed_on) END`;

/** Days a case has stood 已认定 (certified, not filed) at D; null for a case at another stage. */
export const UNFILED_DAYS = (at: string) =>
  sql`CASE WHEN ${STAGE_AT(at)} = '已认定' THEN date_diff('day', certified_on, ${at}::DATE) END`;

const emptyStages = (): Record<CaseStage, number> =>
  Object.fromEntries(CERT_STATUSES.map((s) => [s, 0])) as Record<CaseStage, number>;

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function stageDays(days: number[]): StageDays {
  const sorted = [...days].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, d) => s + d, 0) / sorted.length : null;
  return {
    cases: sorted.length,
    median: median(sorted),
    mean: mean === null ? null : Math.round(mean * 10) / 10,
  };
}

interface CaseRow {
  creditCode: string;
  category: string;
  region: string;
  stage: CaseStage;
  certifiedOn: string | null;
  toCertified: number | null;
  toFiled: number | null;
  unfiledDays: number | null;
}

export async function certificationPipeline(db: Db, params: PipelineParams): Promise<Pipeline> {
  const { filters } = params;
  const unfiledDays = params.unfiledDays ?? DEFAULT_UNFILED_DAYS;
  const p = await periodOf(db, params);
  const at = p.at;
  const cases = await db.query<CaseRow>(sql`
    SELECT credit_code AS "creditCode", category, region, ${STAGE_AT(at)} AS stage,
      strftime(certified_on, '%Y-%m-%d') AS "certifiedOn",
      ${TO_CERTIFIED(at)} AS "toCertified", ${TO_FILED(at)} AS "toFiled", ${UNFILED_DAYS(at)} AS "unfiledDays"
    FROM certifications
    WHERE ${CASE_BY(at)} AND ${unitMatches(filters, sql`region`)}
      AND ${enterpriseMatches(filters, sql`credit_code`)}
    ORDER BY region, credit_code, category`);

  const stages = emptyStages();
  for (const c of cases) stages[c.stage] += 1;
  const byUnit = UNITS.filter((u) => !filters?.unit || u.code === filters.unit).map((u): UnitPipeline => {
    const mine = cases.filter((c) => c.region === u.code);
    const unitStages = emptyStages();
    for (const c of mine) unitStages[c.stage] += 1;
    return {
      code: u.code,
      name: u.name,
      stages: unitStages,
      toCertified: stageDays(mine.flatMap((c) => (c.toCertified === null ? [] : [c.toCertified]))),
      toFiled: stageDays(mine.flatMap((c) => (c.toFiled === null ? [] : [c.toFiled]))),
    };
  });
  const unfiled = cases
    .filter((c) => c.unfiledDays !== null && c.unfiledDays > unfiledDays)
    .map((c) => ({
      creditCode: c.creditCode,
      category: c.category,
      region: c.region,
      regionName: unitName(c.region),
      certifiedOn: c.certifiedOn!,
      days: c.unfiledDays!,
    }))
    .sort((a, b) => b.days - a.days || a.creditCode.localeCompare(b.creditCode));

  return {
    year: p.year,
    asOf: p.asOf,
    unfiledDays,
    stages,
    byUnit,
    unfiled,
    grantsAtRisk: await grantsAtRisk(db, at, filters),
  };
}

/**
 * Projects signed by D whose 开办补助 is 预兑现 while their enterprise has no counted certification
 * certified by D (none registered yet counts as none): money paid ahead of a certification that
 * may never come (policy 五(三) 预兑现, 未达到的予以追回).
 */
export async function grantsAtRisk(
  db: Db,
  at: string,
  filters: Filters | undefined,
): Promise<Pipeline['grantsAtRisk']> {
  const rows = await db.query<Omit<GrantAtRisk, 'regionName'>>(sql`
    SELECT project_id AS "projectId", name, region, credit_code AS "creditCode", subsidy_amount AS amount
    FROM projects AS pr
    WHERE subsidy = '预兑现' AND signed_on <= ${at}::DATE AND ${unitMatches(filters, sql`region`)} AND ${attributesMatch(filters, 'pr')}
      AND NOT EXISTS (SELECT 1 FROM certifications AS c WHERE c.credit_code = pr.credit_code
        AND ${COUNTED} AND c.certified_on <= ${at}::DATE)
    ORDER BY amount DESC NULLS LAST, project_id`);
  const projects = rows.map((r) => ({ ...r, regionName: unitName(r.region) }));
  const sum = (list: readonly GrantAtRisk[]) =>
    Math.round(list.reduce((s, g) => s + (g.amount ?? 0), 0) * 1e6) / 1e6;
  const byUnit = UNITS.flatMap((u) => {
    const mine = projects.filter((g) => g.region === u.code);
    return mine.length ? [{ code: u.code, name: u.name, count: mine.length, amount: sum(mine) }] : [];
  });
  return { count: projects.length, amount: sum(projects), byUnit, projects };
}

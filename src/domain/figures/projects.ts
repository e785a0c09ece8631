/**
 * Figure 11 of DOMAIN.md: project tracking (全过程跟进、销号制管理) — stage, overdue warnings and
 * 四个一 completeness.
 */
import { ident, sql, type Db } from '../../db';
import { DEFAULT_PROJECT_THRESHOLDS, type ProjectThresholds } from '../defaults';
import { PROJECT_STAGES, type ProjectStage } from '../enums';
import { attributesMatch, type Filters } from '../filters';
import { UNITS } from '../units';
import { periodOf } from './period';

export interface ProjectFigure {
  projectId: string;
  name: string;
  region: string;
  investment: number | null;
  signedOn: string;
  registeredOn: string | null;
  certifiedOn: string | null;
  operatingOn: string | null;
  closedOn: string | null;
  manager: string | null;
  leader: string | null;
  taskForce: boolean | null;
  greenChannel: boolean | null;
  subsidy: string | null;
  stage: ProjectStage;
  /** Why the project is overdue (预警), or null. */
  overdue: string | null;
  fourOnes: boolean;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Latest stage with a date, in the order 签约 → 注册 → 认定 → 投产 → 销号. */
export function projectStage(
  p: Pick<ProjectFigure, 'registeredOn' | 'certifiedOn' | 'operatingOn' | 'closedOn'>,
) {
  const dates = [true, p.registeredOn, p.certifiedOn, p.operatingOn, p.closedOn];
  let stage: ProjectStage = PROJECT_STAGES[0];
  dates.forEach((d, i) => {
    if (d) stage = PROJECT_STAGES[i]!;
  });
  return stage;
}

/** Why a project is overdue (预警), as the report names it. */
export type OverdueKind = 'signed_not_registered' | 'registered_not_operating';

/** Which warning applies at `asOf`: signed too long without registration, or registered too long without operating. */
export function overdueKind(
  p: Pick<ProjectFigure, 'signedOn' | 'registeredOn' | 'operatingOn' | 'closedOn'>,
  asOf: string,
  t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS,
): OverdueKind | null {
  if (p.closedOn) return null;
  if (!p.registeredOn && daysBetween(p.signedOn, asOf) > t.signedToRegisteredDays) {
    return 'signed_not_registered';
  }
  if (p.registeredOn && !p.operatingOn && daysBetween(p.registeredOn, asOf) > t.registeredToOperatingDays) {
    return 'registered_not_operating';
  }
  return null;
}

export function overdueText(kind: OverdueKind, t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS): string {
  return kind === 'signed_not_registered'
    ? `签约超过${t.signedToRegisteredDays}天未注册`
    : `注册超过${t.registeredToOperatingDays}天未投产`;
}

/** The warning in words ('签约超过180天未注册'), or null. */
export function overdueReason(
  p: Pick<ProjectFigure, 'signedOn' | 'registeredOn' | 'operatingOn' | 'closedOn'>,
  asOf: string,
  t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS,
): string | null {
  const kind = overdueKind(p, asOf, t);
  return kind && overdueText(kind, t);
}

/** 四个一: a task force, a manager, a green channel, and once certified a subsidy not 未兑现. */
export function fourOnesComplete(
  p: Pick<ProjectFigure, 'taskForce' | 'manager' | 'greenChannel' | 'certifiedOn' | 'subsidy'>,
): boolean {
  const subsidyOk = !p.certifiedOn || (p.subsidy !== null && p.subsidy !== '未兑现');
  return p.taskForce === true && !!p.manager && p.greenChannel === true && subsidyOk;
}

type ProjectRow = Omit<
  TrackedProject,
  'stage' | 'overdue' | 'overdueKind' | 'fourOnes' | 'overdueDays' | 'stageDays' | 'fourOnesMissing'
>;

/**
 * The projects as they stood at `asAt`: signed by then, with any stage dated after it treated as not
 * yet reached (a stage dated after D has not happened yet, DOMAIN.md "As of a date").
 */
function projectsAt(db: Db, asAt: string, filters: Filters | undefined, order: 'id' | 'signed') {
  const upTo = (column: string) => sql`CASE WHEN ${ident(column)} <= ${asAt}::DATE THEN ${ident(column)} END`;
  return db.query<ProjectRow>(sql`
    SELECT project_id AS "projectId", name, region, investment,
      signed_on AS "signedOn", ${upTo('registered_on')} AS "registeredOn",
      ${upTo('certified_on')} AS "certifiedOn", ${upTo('operating_on')} AS "operatingOn",
      ${upTo('closed_on')} AS "closedOn", manager, leader,
      task_force AS "taskForce", green_channel AS "greenChannel", subsidy,
      origin, hq_type AS "hqType", industry
    FROM projects AS p
    WHERE signed_on <= ${asAt}::DATE AND ${attributesMatch(filters, 'p')}
    ORDER BY ${order === 'id' ? sql`project_id` : sql`signed_on DESC, project_id`}`);
}

/** Every project signed by `asOf`, read at that date (stage dates after it not yet reached), by id. */
export async function projectFigures(
  db: Db,
  { asOf, thresholds = DEFAULT_PROJECT_THRESHOLDS }: { asOf: string; thresholds?: ProjectThresholds },
): Promise<ProjectFigure[]> {
  const rows = await projectsAt(db, asOf, undefined, 'id');
  return rows.map((p) => ({
    ...p,
    stage: projectStage(p),
    overdue: overdueReason(p, asOf, thresholds),
    fourOnes: fourOnesComplete(p),
  }));
}

/** Funnel: how many projects reached each stage (a project at 投产 has passed 签约, 注册, 认定). */
export function projectFunnel(projects: readonly ProjectFigure[]): { stage: ProjectStage; count: number }[] {
  return PROJECT_STAGES.map((stage, i) => ({
    stage,
    count: projects.filter((p) => PROJECT_STAGES.indexOf(p.stage) >= i).length,
  }));
}

// ——— The 项目跟踪 screen: the pipeline of a year under the global filters ———

/** The four items of the 四个一 mechanism (policy 五(三)), in the policy's order. */
export const FOUR_ONES = ['服务专班', '项目经理', '绿色通道', '一门兑现'] as const;
export type FourOnesItem = (typeof FOUR_ONES)[number];

/** Which of the 四个一 a project lacks; empty when complete (the same rule as `fourOnesComplete`). */
export function fourOnesMissing(
  p: Pick<ProjectFigure, 'taskForce' | 'manager' | 'greenChannel' | 'certifiedOn' | 'subsidy'>,
): FourOnesItem[] {
  const missing: FourOnesItem[] = [];
  if (p.taskForce !== true) missing.push('服务专班');
  if (!p.manager) missing.push('项目经理');
  if (p.greenChannel !== true) missing.push('绿色通道');
  if (p.certifiedOn && (p.subsidy === null || p.subsidy === '未兑现')) missing.push('一门兑现');
  return missing;
}

/** Days past the overdue threshold at `asOf` (0 < days), or null when the project is not overdue. */
export function overdueDays(
  p: Pick<ProjectFigure, 'signedOn' | 'registeredOn' | 'operatingOn' | 'closedOn'>,
  asOf: string,
  t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS,
): number | null {
  if (!overdueReason(p, asOf, t)) return null;
  return p.registeredOn
    ? Math.round(daysBetween(p.registeredOn, asOf) - t.registeredToOperatingDays)
    : Math.round(daysBetween(p.signedOn, asOf) - t.signedToRegisteredDays);
}

/**
 * Days the project has stood at the stage it is overdue in — since signing (签约未注册) or since
 * registration (注册未投产) — at `asOf`; null when it is not overdue. The report's `days`.
 */
export function stageDays(
  p: Pick<ProjectFigure, 'signedOn' | 'registeredOn' | 'operatingOn' | 'closedOn'>,
  asOf: string,
  t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS,
): number | null {
  const kind = overdueKind(p, asOf, t);
  if (!kind) return null;
  return Math.round(daysBetween(kind === 'signed_not_registered' ? p.signedOn : p.registeredOn!, asOf));
}

export interface TrackedProject extends ProjectFigure {
  origin: string | null;
  hqType: string | null;
  industry: string | null;
  overdueKind: OverdueKind | null;
  /** Days past the threshold (the screens' 超期天数). */
  overdueDays: number | null;
  /** Days since the stage date it is stuck at (the report's `days`). */
  stageDays: number | null;
  fourOnesMissing: FourOnesItem[];
}

export interface PipelineParams {
  year: number;
  /** D (数据截至); the pipeline is read at min(D, end of year). Absent: the data's end. */
  asOf?: string;
  thresholds?: ProjectThresholds;
  filters?: Filters;
}

export interface UnitFourOnes {
  code: string;
  name: string;
  projects: number;
  complete: number;
}

export interface ProjectPipeline {
  /** The date the pipeline is read at: min(asOf, 31 Dec of the year). */
  asAt: string;
  /** Projects signed by `asAt` in the chosen unit (or all units) matching the attribute filters. */
  projects: TrackedProject[];
  /** 四个一 completeness of every unit with projects (attribute filters apply, the unit filter does not). */
  fourOnesByUnit: UnitFourOnes[];
}

/**
 * The pipeline as it stood at min(asOf, end of year): every project signed by then, with any date
 * after it treated as not yet reached (a 2023 view does not show a registration of 2024). The
 * attribute filters use the project's own origin/hq_type/industry columns.
 */
export async function projectPipeline(
  db: Db,
  { year, asOf, thresholds = DEFAULT_PROJECT_THRESHOLDS, filters }: PipelineParams,
): Promise<ProjectPipeline> {
  const asAt = (await periodOf(db, { year, asOf })).at;
  const rows = await projectsAt(db, asAt, filters, 'signed');
  const all: TrackedProject[] = rows.map((p) => ({
    ...p,
    stage: projectStage(p),
    overdue: overdueReason(p, asAt, thresholds),
    overdueKind: overdueKind(p, asAt, thresholds),
    overdueDays: overdueDays(p, asAt, thresholds),
    stageDays: stageDays(p, asAt, thresholds),
    fourOnes: fourOnesComplete(p),
    fourOnesMissing: fourOnesMissing(p),
  }));
  const fourOnesByUnit = UNITS.map((u) => {
    const own = all.filter((p) => p.region === u.code);
    return {
      code: u.code,
      name: u.name,
      projects: own.length,
      complete: own.filter((p) => p.fourOnes).length,
    };
  }).filter((u) => u.projects > 0);
  const projects = filters?.unit === undefined ? all : all.filter((p) => p.region === filters.unit);
  return { asAt, projects, fourOnesByUnit };
}

/** How often each of the 四个一 is missing, most missed first (ties in the policy's order). */
export function fourOnesGaps(projects: readonly TrackedProject[]): { item: FourOnesItem; count: number }[] {
  return FOUR_ONES.map((item) => ({
    item,
    count: projects.filter((p) => p.fourOnesMissing.includes(item)).length,
  })).sort((a, b) => b.count - a.count || FOUR_ONES.indexOf(a.item) - FOUR_ONES.indexOf(b.item));
}

export type PersonRole = 'manager' | 'leader';

export interface PersonLoad {
  /** The 项目经理 or 联系领导 as written in the file; null for projects without one. */
  person: string | null;
  projects: number;
  overdue: number;
  fourOnesIncomplete: number;
  /** Planned investment, 万元. */
  investment: number;
}

/** "My enterprises": per 项目经理 or 联系领导, their projects, overdue ones and 四个一 gaps. */
export function projectsByPerson(projects: readonly TrackedProject[], role: PersonRole): PersonLoad[] {
  const byPerson = new Map<string | null, PersonLoad>();
  for (const p of projects) {
    const person = p[role] || null;
    const load = byPerson.get(person) ?? {
      person,
      projects: 0,
      overdue: 0,
      fourOnesIncomplete: 0,
      investment: 0,
    };
    load.projects += 1;
    if (p.overdue) load.overdue += 1;
    if (!p.fourOnes) load.fourOnesIncomplete += 1;
    load.investment += p.investment ?? 0;
    byPerson.set(person, load);
  }
  // Most overdue first: the list is read as "whom to call".
  return [...byPerson.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.projects - a.projects ||
      (a.person ?? '\uffff').localeCompare(b.person ?? '\uffff', 'zh-CN'),
  );
}

/** The projects of one person (null: those without anyone in that role). */
export function projectsOf(
  projects: readonly TrackedProject[],
  role: PersonRole,
  person: string | null,
): TrackedProject[] {
  return projects.filter((p) => (p[role] || null) === person);
}

/**
 * Figure 11 of DOMAIN.md: project tracking (全过程跟进、销号制管理) — stage, overdue warnings and
 * 四个一 completeness.
 */
import { sql, type Db } from '../../db';
import { DEFAULT_PROJECT_THRESHOLDS, type ProjectThresholds } from '../defaults';
import { PROJECT_STAGES, type ProjectStage } from '../enums';

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

export function overdueReason(
  p: Pick<ProjectFigure, 'signedOn' | 'registeredOn' | 'operatingOn' | 'closedOn'>,
  asOf: string,
  t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS,
): string | null {
  if (p.closedOn) return null;
  if (!p.registeredOn && daysBetween(p.signedOn, asOf) > t.signedToRegisteredDays) {
    return `签约超过${t.signedToRegisteredDays}天未注册`;
  }
  if (p.registeredOn && !p.operatingOn && daysBetween(p.registeredOn, asOf) > t.registeredToOperatingDays) {
    return `注册超过${t.registeredToOperatingDays}天未投产`;
  }
  return null;
}

/** 四个一: a task force, a manager, a green channel, and once certified a subsidy not 未兑现. */
export function fourOnesComplete(
  p: Pick<ProjectFigure, 'taskForce' | 'manager' | 'greenChannel' | 'certifiedOn' | 'subsidy'>,
): boolean {
  const subsidyOk = !p.certifiedOn || (p.subsidy !== null && p.subsidy !== '未兑现');
  return p.taskForce === true && !!p.manager && p.greenChannel === true && subsidyOk;
}

export async function projectFigures(
  db: Db,
  { asOf, thresholds = DEFAULT_PROJECT_THRESHOLDS }: { asOf: string; thresholds?: ProjectThresholds },
): Promise<ProjectFigure[]> {
  const rows = await db.query<Omit<ProjectFigure, 'stage' | 'overdue' | 'fourOnes'>>(sql`
    SELECT project_id AS "projectId", name, region, investment,
      signed_on AS "signedOn", registered_on AS "registeredOn", certified_on AS "certifiedOn",
      operating_on AS "operatingOn", closed_on AS "closedOn", manager, leader,
      task_force AS "taskForce", green_channel AS "greenChannel", subsidy
    FROM projects WHERE signed_on <= ${asOf}::DATE ORDER BY project_id`);
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

/**
 * The records behind the figures of 项目跟踪 (DOMAIN.md 11) and a unit's buildings on its scorecard.
 * The project figures are computed in TypeScript (`projectPipeline`), so the drill runs it again with
 * the same parameters and lists the ids it picked.
 */
import { type Db } from '../../db';
import { DEFAULT_PROJECT_THRESHOLDS, type ProjectThresholds } from '../defaults';
import { PROJECT_STAGES } from '../enums';
import { type Filters } from '../filters';
import { buildingTaxes } from '../figures/buildings';
import {
  FOUR_ONES,
  projectPipeline,
  projectsOf,
  type PersonRole,
  type TrackedProject,
} from '../figures/projects';
import { unitByCode } from '../units';
import { buildingRecords, projectRecords, type RecordSet } from './records';

/** What a tracking figure is read with (a subset of DrillParams, to keep this module free of figures.ts). */
export interface TrackingParams {
  key?: string;
  year: number;
  asOf: string;
  filters?: Filters;
  thresholds?: ProjectThresholds;
}

/** The 项目跟踪 screen's projects: `projectPipeline` under the view's filters and thresholds. */
async function tracked(db: Db, p: TrackingParams, unit?: string): Promise<TrackedProject[]> {
  const filters = unit ? { ...p.filters, unit } : p.filters;
  const thresholds = p.thresholds ?? DEFAULT_PROJECT_THRESHOLDS;
  return (await projectPipeline(db, { year: p.year, asOf: p.asOf, thresholds, filters })).projects;
}

const list = (
  db: Db,
  projects: readonly TrackedProject[],
  note: (x: TrackedProject) => string,
  header: string,
) =>
  projectRecords(
    db,
    projects.map((x) => x.projectId),
    new Map(projects.map((x) => [x.projectId, note(x)])),
    header,
  );

const fourOnesNote = (x: TrackedProject) =>
  x.fourOnesMissing.length ? `缺${x.fourOnesMissing.join('、')}` : '四个一齐全';

/** A stage of 签约 … 销号, or undefined. */
const projectStage = (key: string | undefined) => PROJECT_STAGES.find((s) => s === key);

/**
 * `projects`: every project of the pipeline (no key), or those that reached a stage (the funnel's
 * layer; key 销号 is the card 已销号), each with its current stage.
 */
export async function trackedProjectRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const all = await tracked(db, p);
  const stage = projectStage(p.key);
  if (p.key && !stage) throw new Error(`无法识别的项目环节：${p.key}`);
  const reached = stage
    ? all.filter((x) => PROJECT_STAGES.indexOf(x.stage) >= PROJECT_STAGES.indexOf(stage))
    : all;
  return list(db, reached, (x) => x.stage, '当前环节');
}

/** `fourOnes`: the projects with the 四个一 complete (no key), or those lacking one item (key). */
export async function fourOnesRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const item = FOUR_ONES.find((i) => i === p.key);
  if (p.key && !item) throw new Error(`无法识别的四个一事项：${p.key}`);
  const all = await tracked(db, p);
  const chosen = item ? all.filter((x) => x.fourOnesMissing.includes(item)) : all.filter((x) => x.fourOnes);
  return list(db, chosen, fourOnesNote, '四个一');
}

/** `fourOnesUnit`: a unit's projects (its bar of 各地四个一齐全率), each marked complete or not. */
export async function fourOnesUnitRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  if (!p.key || !unitByCode(p.key)) throw new Error(`无法识别的属地：${p.key ?? ''}`);
  return list(db, await tracked(db, p, p.key), fourOnesNote, '四个一');
}

/** `unitBuildings`: a unit's buildings with their tax of the year (the scorecard's 楼宇 table). */
export async function unitBuildingRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const all = await buildingTaxes(db, { year: p.year, asOf: p.asOf });
  const mine = all.filter((b) => b.region === p.key);
  return buildingRecords(db, new Map(mine.map((b) => [b.buildingId, { tax: b.tax, tier: b.tier }])));
}

/** The key's name for projects without a 项目经理 or 联系领导 (the screens' 未指定). */
export const NO_PERSON = '未指定';

const PERSON_PICKS = { all: '', overdue: '逾期', incomplete: '四个一未齐全' } as const;
type PersonPick = keyof typeof PERSON_PICKS;

/** `manager:overdue:张三` → role, what, person (null: 未指定). The name may hold any character. */
export function personCell(
  key: string | undefined,
): { role: PersonRole; pick: PersonPick; person: string | null } | null {
  const m = /^(manager|leader):(all|overdue|incomplete):(.+)$/s.exec(key ?? '');
  if (!m) return null;
  return { role: m[1] as PersonRole, pick: m[2] as PersonPick, person: m[3] === NO_PERSON ? null : m[3]! };
}

export const personTitle = (key: string | undefined) => {
  const cell = personCell(key);
  if (!cell) return '人员负责的项目';
  const who = `${cell.role === 'manager' ? '项目经理' : '联系领导'}${cell.person ?? NO_PERSON}`;
  return `${who}的${PERSON_PICKS[cell.pick]}项目`;
};

/** `personProjects`: a row of 按项目经理 / 按联系领导 — the person's projects, overdue ones or 四个一 gaps. */
export async function personRecords(db: Db, p: TrackingParams): Promise<RecordSet> {
  const cell = personCell(p.key);
  if (!cell) throw new Error(`无法识别的人员：${p.key ?? ''}`);
  const mine = projectsOf(await tracked(db, p), cell.role, cell.person).filter((x) =>
    cell.pick === 'overdue' ? x.overdue !== null : cell.pick === 'incomplete' ? !x.fourOnes : true,
  );
  return cell.pick === 'overdue'
    ? list(db, mine, (x) => x.overdue ?? '', '预警原因')
    : list(db, mine, fourOnesNote, '四个一');
}

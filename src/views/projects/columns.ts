/** Columns of the project-tracking tables. Investment is stored in 万元; money columns take 元. */
import type { Column } from '../../app/DataTable';
import type { PersonLoad, TrackedProject } from '../../domain/figures/projects';
import { NO_PERSON } from '../../domain/drill/tracking';
import { unitName } from '../../domain/units';

/** How a missing person reads in a table and in the link (the drill key's own word). */
export const NOBODY = NO_PERSON;

const investment: Column<TrackedProject> = {
  key: 'investment',
  header: '计划投资',
  kind: 'yuan',
  unit: '万元',
  digits: 0,
  value: (p) => (p.investment === null ? null : p.investment * 1e4),
};

export const fourOnesText = (p: TrackedProject) =>
  p.fourOnesMissing.length === 0 ? '齐全' : `缺${p.fourOnesMissing.join('、')}`;

export const PROJECT_COLUMNS: readonly Column<TrackedProject>[] = [
  { key: 'name', header: '项目名称', value: (p) => p.name },
  { key: 'region', header: '属地', value: (p) => unitName(p.region) },
  { key: 'stage', header: '阶段', value: (p) => p.stage },
  { key: 'signedOn', header: '签约日期', value: (p) => p.signedOn },
  investment,
  { key: 'manager', header: '项目经理', value: (p) => p.manager },
  { key: 'leader', header: '联系领导', value: (p) => p.leader },
  { key: 'overdue', header: '预警', value: (p) => p.overdue },
  { key: 'fourOnes', header: '四个一', value: fourOnesText },
];

export const OVERDUE_COLUMNS: readonly Column<TrackedProject>[] = [
  { key: 'name', header: '项目名称', value: (p) => p.name },
  { key: 'region', header: '属地', value: (p) => unitName(p.region) },
  { key: 'stage', header: '阶段', value: (p) => p.stage },
  { key: 'reason', header: '预警原因', value: (p) => p.overdue },
  { key: 'days', header: '超期（天）', kind: 'count', value: (p) => p.overdueDays },
  { key: 'manager', header: '项目经理', value: (p) => p.manager },
  { key: 'leader', header: '联系领导', value: (p) => p.leader },
  { key: 'fourOnes', header: '四个一', value: fourOnesText },
];

/** Which projects of a person a count cell stands for (the drill key `personProjects`). */
export type PersonCount = 'all' | 'overdue' | 'incomplete';

/** `open`: a count cell opens the projects it counts (the row's own click still chooses the person). */
export function personColumns(
  role: '项目经理' | '联系领导',
  open?: (row: PersonLoad, what: PersonCount) => void,
): readonly Column<PersonLoad>[] {
  const opens = (what: PersonCount) => (open ? { onClick: (r: PersonLoad) => open(r, what) } : {});
  return [
    { key: 'person', header: role, value: (r) => r.person ?? NOBODY },
    { key: 'projects', header: '项目（个）', kind: 'count', value: (r) => r.projects, ...opens('all') },
    { key: 'overdue', header: '逾期（个）', kind: 'count', value: (r) => r.overdue, ...opens('overdue') },
    {
      key: 'fourOnes',
      header: '四个一未齐全（个）',
      kind: 'count',
      value: (r) => r.fourOnesIncomplete,
      ...opens('incomplete'),
    },
    {
      key: 'investment',
      header: '计划投资',
      kind: 'yuan',
      unit: '万元',
      digits: 0,
      value: (r) => r.investment * 1e4,
    },
  ];
}

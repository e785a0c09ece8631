/**
 * 项目跟踪 (DOMAIN.md figure 11; policy 五: 全过程跟进、销号制管理, 四个一): the pipeline of projects
 * signed by the end of the year, read at min(数据截至, 年末), under the unit and attribute filters.
 * Choosing a 项目经理 or 联系领导 (kept in the link as `person` and `role`) narrows the project list.
 */
import { useMemo } from 'react';
import { DataTable } from '../../app/DataTable';
import { useDrill } from '../../app/drill';
import { KpiCard } from '../../app/KpiCard';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useCaliber } from '../../app/settings';
import { useFigure, type FigureState } from '../../app/useFigure';
import { Chart } from '../../charts/Chart';
import {
  fourOnesByUnitOption,
  fourOnesGapsOption,
  funnelOption,
  shareOf,
} from '../../charts/options/projects';
import {
  fourOnesGaps,
  projectFunnel,
  projectPipeline,
  projectsByPerson,
  projectsOf,
  type PersonRole,
  type ProjectPipeline,
  type TrackedProject,
} from '../../domain/figures/projects';
import { formatPercent } from '../../format/numbers';
import { yearPeriod } from '../../domain/asOf';
import { scopeTitle } from '../labels';
import { NOBODY, OVERDUE_COLUMNS, personColumns, PROJECT_COLUMNS } from './columns';
import { ThresholdEditor } from './ThresholdEditor';
import { usableThresholds } from './thresholds';
import './projects.css';

const ROLE_NAMES: Record<PersonRole, '项目经理' | '联系领导'> = { manager: '项目经理', leader: '联系领导' };

interface View extends ProjectPipeline {
  funnel: ReturnType<typeof projectFunnel>;
  gaps: ReturnType<typeof fourOnesGaps>;
  overdue: TrackedProject[];
  managers: ReturnType<typeof projectsByPerson>;
  leaders: ReturnType<typeof projectsByPerson>;
}

function derive(p: ProjectPipeline): View {
  return {
    ...p,
    funnel: projectFunnel(p.projects),
    gaps: fourOnesGaps(p.projects),
    overdue: p.projects.filter((x) => x.overdue).sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0)),
    managers: projectsByPerson(p.projects, 'manager'),
    leaders: projectsByPerson(p.projects, 'leader'),
  };
}

export function ProjectsScreen({ db, year, asOf, filters, extra, navigate }: ScreenProps) {
  const { effective, revision } = useCaliber();
  const drill = useDrill();
  // A count of 按项目经理 / 按联系领导 opens those projects (personProjects `role:what:name`).
  const personCols = (r: PersonRole) =>
    personColumns(ROLE_NAMES[r], (row, what) =>
      drill?.open({ figure: 'personProjects', key: `${r}:${what}:${row.person ?? NOBODY}` }),
    );
  const settings = effective.settings;
  const { thresholds, fellBack } = usableThresholds(settings.thresholds);
  const pipeline = useFigure(db, projectPipeline, { year, asOf, thresholds, filters });
  const state = useMemo(
    (): FigureState<View> =>
      pipeline.status === 'ready' ? { status: 'ready', data: derive(pipeline.data) } : pipeline,
    [pipeline],
  );
  const charts = useMemo(
    () =>
      state.status === 'ready'
        ? {
            funnel: funnelOption(state.data.funnel),
            byUnit: fourOnesByUnitOption(state.data.fourOnesByUnit, filters.unit),
            gaps: fourOnesGapsOption(state.data.gaps),
          }
        : null,
    [state, filters.unit],
  );

  const role: PersonRole | undefined =
    extra.role === 'manager' || extra.role === 'leader' ? extra.role : undefined;
  const person = extra.person;
  const choose = (r: PersonRole, name: string | null) => {
    const value = name ?? NOBODY;
    const same = person === value && role === r;
    navigate({ extra: { person: same ? undefined : value, role: same ? undefined : r } });
  };
  const mine = (projects: readonly TrackedProject[]) => {
    if (!person) return projects;
    const name = person === NOBODY ? null : person;
    // Without a role in the link (a hand-written one), a name matches either role.
    return role
      ? projectsOf(projects, role, name)
      : projects.filter((p) => (p.manager || null) === name || (p.leader || null) === name);
  };
  const noProjects = (v: View) => v.projects.length === 0;
  const emptyText = '截至该年末暂无符合条件的项目';
  // The pipeline is read at min(D, 31 Dec of the year), the date every figure of the year uses.
  const asAt = yearPeriod(year, asOf).at;

  return (
    <section className="screen projects-screen">
      <h2>
        {year} 年{scopeTitle(filters)}总部项目跟踪
        <small>截至 {asAt} 的在库项目（签约于此前的全部项目，含已销号）</small>
      </h2>
      {state.status === 'ready' && <Kpis view={state.data} year={year} />}
      <ThresholdEditor key={revision} thresholds={thresholds} fellBack={fellBack} />
      <div className="grid">
        <Panel
          title="项目推进漏斗"
          unit="单位：个"
          state={state}
          isEmpty={noProjects}
          emptyText={emptyText}
          info={{ figure: 'projects' }}
        >
          {(v) => (
            <>
              {/* A layer opens the projects that reached its stage. */}
              <Chart
                label="项目推进漏斗"
                option={charts!.funnel}
                height={280}
                onClick={(e) => e.name && drill?.open({ figure: 'projects', key: e.name })}
              />
              <p className="note">
                到达各环节的项目数（已到后一环节的计入前面各环节）；→ 为较上一环节的转化率。签约至销号：
                {formatPercent(shareOf(v.funnel.at(-1)!.count, v.funnel[0]!.count))}
              </p>
            </>
          )}
        </Panel>
        <Panel
          title="四个一缺项"
          unit="单位：个"
          state={state}
          isEmpty={noProjects}
          emptyText={emptyText}
          info={{ figure: 'fourOnes' }}
          actions={
            state.status === 'ready' && state.data.projects.length > 0 ? (
              <span data-four-ones-share>
                齐全 {state.data.projects.filter((p) => p.fourOnes).length} / {state.data.projects.length}{' '}
                个（
                {formatPercent(
                  shareOf(state.data.projects.filter((p) => p.fourOnes).length, state.data.projects.length),
                )}
                ）
              </span>
            ) : undefined
          }
        >
          {(v) => (
            <>
              {/* A bar opens the projects lacking that item. */}
              <Chart
                label="四个一缺项"
                option={charts!.gaps}
                height={280}
                onClick={(e) => {
                  const gap = v.gaps[e.dataIndex];
                  if (gap) drill?.open({ figure: 'fourOnes', key: gap.item });
                }}
              />
              <p className="note">
                四个一：服务专班、项目经理、绿色通道，已认定项目的开办补助须已兑现或预兑现（一门兑现）。
              </p>
            </>
          )}
        </Panel>
        <Panel
          title="各地四个一齐全率"
          state={state}
          wide
          isEmpty={(v) => v.fourOnesByUnit.length === 0}
          emptyText={emptyText}
          info={{ figure: 'fourOnesUnit' }}
          actions={filters.unit ? <span className="note">各属地对比，不按属地筛选</span> : undefined}
        >
          {(v) => (
            <Chart
              label="各地四个一齐全率"
              option={charts!.byUnit}
              height={260}
              onClick={(e) => {
                const unit = v.fourOnesByUnit[e.dataIndex];
                if (unit) drill?.open({ figure: 'fourOnesUnit', key: unit.code });
              }}
            />
          )}
        </Panel>
        <Panel
          title="逾期预警"
          state={state}
          wide
          isEmpty={(v) => v.overdue.length === 0}
          emptyText="当前没有逾期项目"
          info={{ figure: 'overdueProjects' }}
          actions={
            <span className="note">
              签约超过 {thresholds.signedToRegisteredDays} 天未注册，或注册超过{' '}
              {thresholds.registeredToOperatingDays} 天未投产（已销号除外）
            </span>
          }
        >
          {(v) => (
            <DataTable
              label="逾期预警"
              rows={v.overdue}
              columns={OVERDUE_COLUMNS}
              pageSize={10}
              rowClass={() => 'warn'}
            />
          )}
        </Panel>
        <Panel title="按项目经理" state={state} isEmpty={noProjects} emptyText={emptyText}>
          {(v) => (
            <DataTable
              label="按项目经理"
              rows={v.managers}
              columns={personCols('manager')}
              pageSize={10}
              onRowClick={(r) => choose('manager', r.person)}
              rowClass={(r) =>
                role === 'manager' && (r.person ?? NOBODY) === person ? 'selected' : undefined
              }
            />
          )}
        </Panel>
        <Panel title="按联系领导" state={state} isEmpty={noProjects} emptyText={emptyText}>
          {(v) => (
            <DataTable
              label="按联系领导"
              rows={v.leaders}
              columns={personCols('leader')}
              pageSize={10}
              onRowClick={(r) => choose('leader', r.person)}
              rowClass={(r) =>
                role === 'leader' && (r.person ?? NOBODY) === person ? 'selected' : undefined
              }
            />
          )}
        </Panel>
        <Panel
          title={person ? `项目台账：${role ? ROLE_NAMES[role] : ''}${person}的项目` : '项目台账'}
          state={state}
          wide
          isEmpty={noProjects}
          emptyText={emptyText}
          actions={
            person ? (
              <button
                type="button"
                onClick={() => navigate({ extra: { person: undefined, role: undefined } })}
              >
                显示全部项目
              </button>
            ) : (
              <span className="note">点击上方人员可只看其负责的项目</span>
            )
          }
        >
          {(v) => (
            <DataTable
              label="项目台账"
              rows={mine(v.projects)}
              columns={PROJECT_COLUMNS}
              rowClass={(p) => (p.overdue ? 'warn' : undefined)}
            />
          )}
        </Panel>
      </div>
    </section>
  );
}

function Kpis({ view: v, year }: { view: View; year: number }) {
  const total = v.projects.length;
  const signed = v.projects.filter((p) => p.signedOn.startsWith(String(year))).length;
  const closed = v.projects.filter((p) => p.stage === '销号').length;
  const complete = v.projects.filter((p) => p.fourOnes).length;
  return (
    <div className="kpis">
      <KpiCard
        name="pipeline"
        label="在库项目"
        value={total}
        display={`${total} 个`}
        drill={{ figure: 'projects' }}
        note={`其中 ${year} 年签约 ${signed} 个`}
      />
      <KpiCard
        name="overdue"
        label="逾期预警"
        value={v.overdue.length}
        display={`${v.overdue.length} 个`}
        drill={{ figure: 'overdueProjects' }}
        note={`占在库 ${formatPercent(shareOf(v.overdue.length, total))}`}
        tone={v.overdue.length > 0 ? 'warn' : 'good'}
      />
      <KpiCard
        name="fourOnes"
        label="四个一齐全"
        value={complete}
        display={formatPercent(shareOf(complete, total))}
        drill={{ figure: 'fourOnes' }}
        note={`${complete} / ${total} 个项目`}
      />
      <KpiCard
        name="closed"
        label="已销号"
        value={closed}
        display={`${closed} 个`}
        drill={{ figure: 'projects', key: '销号' }}
        note="全过程跟进、销号制管理"
      />
    </div>
  );
}

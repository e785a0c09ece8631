/**
 * 认定流程 (DOMAIN.md 12; policy 三(二) 汇总 → 认定 → 报备, 五(三) 预兑现): where each case stands as of
 * D, how long each step took per unit, the 已认定未备案 cases past N days (N in the link as
 * `unfiled=`), and the 开办补助 paid ahead to projects whose enterprise is not (yet) certified.
 */
import { useMemo } from 'react';
import { DataTable, type Column } from '../../app/DataTable';
import { DrillButton, useDrill, type DrillScope } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { Navigate } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import { Chart } from '../../charts/Chart';
import { pipelineByUnitOption, pipelineChartUnits } from '../../charts/options/pipeline';
import type { Db } from '../../db';
import type { Filters } from '../../domain/filters';
import {
  certificationPipeline,
  DEFAULT_UNFILED_DAYS,
  type GrantAtRisk,
  type UnfiledCase,
  type UnitPipeline,
} from '../../domain/figures/pipeline';
import { formatCount, formatInUnit } from '../../format/numbers';

const UNFILED_CHOICES = [30, 60, 90, 180] as const;

/** N from the link: a whole number of days, else the default. */
export function unfiledDaysOf(linked: string | undefined): number {
  const n = Number(linked);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_UNFILED_DAYS;
}

const unfiledColumns: Column<UnfiledCase>[] = [
  { key: 'code', header: '信用代码', value: (c) => c.creditCode },
  { key: 'category', header: '认定类别', value: (c) => c.category },
  { key: 'region', header: '认定地', value: (c) => c.regionName },
  { key: 'certified', header: '认定日期', value: (c) => c.certifiedOn },
  { key: 'days', header: '已认定天数', kind: 'count', value: (c) => c.days },
];

const grantColumns: Column<GrantAtRisk>[] = [
  { key: 'id', header: '项目编号', value: (g) => g.projectId },
  { key: 'name', header: '项目名称', value: (g) => g.name },
  { key: 'region', header: '属地', value: (g) => g.regionName },
  { key: 'code', header: '信用代码', value: (g) => g.creditCode ?? '（尚未注册）' },
  // subsidy_amount is kept in 万元; the column's money kind takes 元.
  {
    key: 'amount',
    header: '预兑现补助',
    kind: 'yuan',
    unit: '万元',
    value: (g) => (g.amount === null ? null : g.amount * 10_000),
  },
];

const days = (d: UnitPipeline['toCertified']) =>
  d.median === null ? '—' : `${d.median} 天（${d.cases} 件）`;

/** Each figure of the table opens its cases: the unit's cases, or those a median is taken over. */
const durationColumns = (drill: DrillScope | null): Column<UnitPipeline>[] => [
  { key: 'unit', header: '属地', value: (u) => u.name },
  {
    key: 'cases',
    header: '在办及办结',
    kind: 'count',
    value: (u) => Object.values(u.stages).reduce((s, n) => s + n, 0),
    onClick: (u) => drill?.open({ figure: 'pipelineUnitStage', key: u.code }),
  },
  {
    key: 'toCertified',
    header: '申请→认定 中位数',
    value: (u) => days(u.toCertified),
    onClick: (u) => drill?.open({ figure: 'pipelineDays', key: `${u.code}:toCertified` }),
  },
  {
    key: 'toFiled',
    header: '认定→备案 中位数',
    value: (u) => days(u.toFiled),
    onClick: (u) => drill?.open({ figure: 'pipelineDays', key: `${u.code}:toFiled` }),
  },
];

interface Props {
  db: Db;
  year: number;
  asOf: string;
  filters: Filters;
  extra: Record<string, string>;
  navigate: Navigate;
}

export function PipelineSection({ db, year, asOf, filters, extra, navigate }: Props) {
  const unfiledDays = unfiledDaysOf(extra.unfiled);
  const pipeline = useFigure(db, certificationPipeline, { year, asOf, filters, unfiledDays });
  const drill = useDrill();
  const chart = useMemo(
    () => (pipeline.status === 'ready' ? pipelineByUnitOption(pipeline.data.byUnit) : null),
    [pipeline],
  );
  const total = (stages: Record<string, number>) => Object.values(stages).reduce((s, n) => s + n, 0);
  return (
    <div className="cert-pipeline">
      <Panel
        title="认定流程（汇总 → 认定 → 报备）"
        unit={`截至 ${asOf}，单位：件`}
        state={pipeline}
        isEmpty={(d) => total(d.stages) === 0}
        emptyText="暂无认定案件"
        info={{ figure: 'pipelineStage' }}
      >
        {(d) => (
          <>
            <p className="cert-outcome" data-stages={Object.values(d.stages).join('/')}>
              {Object.entries(d.stages).map(([stage, n]) => (
                <DrillButton
                  key={stage}
                  target={{ figure: 'pipelineStage', key: stage }}
                  className={`link ${stage === '已认定' ? 'cert-fail' : 'note'}`}
                  title={`查看“${stage}”环节的认定案件`}
                >
                  {stage} {formatCount(n)}
                </DrillButton>
              ))}
            </p>
            {/* A segment opens that unit's cases at that stage. */}
            <Chart
              label="各属地认定案件所处环节"
              option={chart!}
              height={380}
              onClick={(e) => {
                const unit = pipelineChartUnits(d.byUnit)[e.dataIndex];
                if (unit && e.seriesName) {
                  drill?.open({ figure: 'pipelineUnitStage', key: `${unit.code}:${e.seriesName}` });
                }
              }}
            />
          </>
        )}
      </Panel>
      <Panel
        title="各环节用时"
        unit="中位数，按属地"
        state={pipeline}
        isEmpty={(d) => total(d.stages) === 0}
        info={{ figure: 'pipelineDays' }}
      >
        {(d) => (
          <DataTable
            label="认定各环节用时"
            rows={d.byUnit.filter((u) => total(u.stages) > 0)}
            columns={durationColumns(drill)}
            pageSize={15}
          />
        )}
      </Panel>
      <Panel
        title={`已认定未备案（超过 ${unfiledDays} 天）`}
        unit={`按认定日期至 ${asOf} 计`}
        state={pipeline}
        isEmpty={(d) => d.unfiled.length === 0}
        emptyText={`没有认定后超过 ${unfiledDays} 天仍未备案的案件`}
        info={{ figure: 'unfiledCases', key: String(unfiledDays) }}
        actions={
          <label className="cert-unfiled-days">
            超过
            <select
              value={unfiledDays}
              aria-label="未备案天数"
              onChange={(e) =>
                navigate({
                  extra: {
                    unfiled: e.target.value === String(DEFAULT_UNFILED_DAYS) ? undefined : e.target.value,
                  },
                })
              }
            >
              {[...new Set([...UNFILED_CHOICES, unfiledDays])]
                .sort((a, b) => a - b)
                .map((n) => (
                  <option key={n} value={n}>
                    {n} 天
                  </option>
                ))}
            </select>
          </label>
        }
      >
        {(d) => (
          <>
            <p className="cert-outcome" data-unfiled={d.unfiled.length}>
              <DrillButton
                target={{ figure: 'unfiledCases', key: String(unfiledDays) }}
                className="link cert-fail"
                title="查看待备案案件的明细记录（来源文件与行号）"
              >
                {formatCount(d.unfiled.length)} 件待备案
              </DrillButton>
            </p>
            <DataTable label="已认定未备案" rows={d.unfiled} columns={unfiledColumns} pageSize={10} />
          </>
        )}
      </Panel>
      <Panel
        title="预兑现补助风险"
        unit="开办补助已预兑现、企业尚无有效认定"
        state={pipeline}
        isEmpty={(d) => d.grantsAtRisk.count === 0}
        emptyText="没有预兑现而未获认定的项目"
        info={{ figure: 'grantsAtRisk' }}
      >
        {(d) => (
          <>
            <p className="cert-outcome" data-grants={`${d.grantsAtRisk.count}/${d.grantsAtRisk.amount}`}>
              <DrillButton
                target={{ figure: 'grantsAtRisk' }}
                className="link cert-fail"
                title="查看预兑现补助风险项目的明细记录（来源文件与行号）"
              >
                {formatCount(d.grantsAtRisk.count)} 个项目，合计{' '}
                {formatInUnit(d.grantsAtRisk.amount * 10_000, '万元', 2)} 万元
              </DrillButton>
            </p>
            <DataTable
              label="预兑现补助风险项目"
              rows={d.grantsAtRisk.projects}
              columns={grantColumns}
              pageSize={10}
            />
          </>
        )}
      </Panel>
    </div>
  );
}

/** 总览: the first screen leaders see — the KPI cards and the four charts of target progress. */
import { useEffect, useMemo } from 'react';
import { KpiCard } from '../../app/KpiCard';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useSettings } from '../../app/settings';
import { useFigure } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import { useDrill } from '../../app/drill';
import { keepOpeningCards } from '../../app/openingCards';
import { Chart, type ChartClick } from '../../charts/Chart';
import {
  completionByUnitOption,
  cumulativeOption,
  originOption,
  progressOption,
} from '../../charts/options/overview';
import { newHqForecast, type NewHqForecast } from '../../domain/figures/forecast';
import { overviewFigures, type OverviewFigures } from '../../domain/figures/overview';
import { formatPercent } from '../../format/numbers';
import { partSuffix, periodTitle, scopeTitle } from '../labels';
import { TargetTypesSwitch, usableTargetTypes } from '../TargetTypesSwitch';
import { PeriodComparison } from './PeriodComparison';
import { cardModel, overviewCards } from './kpiCards';

export function OverviewScreen({ db, year, asOf, filters }: ScreenProps) {
  const targetTypes = usableTargetTypes(useSettings().targetTypes);
  // The params of the overview's figures for a view (this one, or one a click away: computed ahead).
  const paramsOf = (v: View) => ({ year: v.year, asOf, filters: v.filters, targetTypes });
  const state = useFigure(db, overviewFigures, paramsOf({ year, filters }), 'overview', paramsOf);
  // 预计全年 (DOMAIN.md 15) only means something while the year runs.
  const forecastState = useFigure(db, newHqForecast, paramsOf({ year, filters }), undefined, paramsOf);
  const forecast = forecastState.status === 'ready' && forecastState.data.running ? forecastState.data : null;
  // '（1—9月）' on every figure counted or summed within a year D falls inside.
  const part = partSuffix(year, asOf);
  // In a running year the 预计全年 card says it is coming or why it is missing: a print or a
  // screenshot taken before it arrives must not pass for a page without one.
  const forecastNote =
    part && forecastState.status === 'loading'
      ? '正在计算…'
      : part && forecastState.status === 'failed'
        ? `计算失败：${forecastState.message}`
        : null;
  const drill = useDrill();
  // A bar of the completion chart opens that unit's new HQ (its data item carries the unit code).
  const openUnit = (e: ChartClick) => {
    const code = (e.data as { code?: string } | null)?.code;
    if (code) drill?.open({ figure: 'newHq', key: code });
  };
  const title = `${year} 年${scopeTitle(filters)}总部回归总览`;
  const small = `数据截至 ${asOf}${part ? ` · ${periodTitle(year, asOf)}` : ''}`;
  // The engine's figures are kept, as the cards the next visit shows before the desktop's code: the
  // cards of a page whose 预计全年 is still computing, since that is how a revisit opens.
  const confirmed = state.status === 'ready' && !state.pending ? state.data : null;
  useEffect(() => {
    if (!confirmed) return;
    const cards = overviewCards(confirmed, null, part ? '正在计算…' : null);
    keepOpeningCards('overview', { text: title, small }, cards.map(cardModel));
  }, [confirmed, part, title, small]);
  const charts = useMemo(
    () => (state.status === 'ready' ? chartOptions(state.data, filters.unit, forecast) : null),
    [state, filters.unit, forecast],
  );
  return (
    <section className="screen overview">
      <h2>
        {title} <small>{small}</small>
        {state.status === 'ready' && state.pending && (
          <span className="panel-updating" title="上次打开时的数据，分析引擎正在重新计算">
            更新中
          </span>
        )}
      </h2>
      <TargetTypesSwitch value={targetTypes} />
      {state.status === 'ready' ? (
        <Kpis figures={state.data} forecast={forecast} forecastNote={forecastNote} />
      ) : (
        <p className={state.status === 'failed' ? 'state error' : 'state'}>
          {state.status === 'failed' ? `计算失败：${state.message}` : `正在计算 ${year} 年指标…`}
        </p>
      )}
      <div className="grid">
        <Panel title="任务进度与时间进度" state={state} info={{ figure: 'newHq' }}>
          {(f) => (
            <>
              <Chart
                label="任务进度与时间进度"
                option={charts!.progress}
                height={130}
                // The task progress is the new HQ against the target: its bar opens them.
                onClick={() => drill?.open({ figure: 'newHq' })}
              />
              <ProgressNotes figures={f} />
            </>
          )}
        </Panel>
        <Panel
          info={{ figure: 'fiveYear' }}
          title={`五年累计与目标路径（${state.status === 'ready' ? `${state.data.fiveYear.from}—${state.data.fiveYear.to}` : ''}）`}
          unit="单位：家"
          state={state}
        >
          {() => (
            <Chart
              label="五年累计与目标路径"
              option={charts!.cumulative}
              onClick={(e) => {
                const year = (e.data as { year?: number } | null)?.year;
                if (year) drill?.open({ figure: 'fiveYear', key: String(year) });
              }}
            />
          )}
        </Panel>
        <Panel
          title={`各地新引进总部企业完成情况${part}`}
          unit="单位：家"
          state={state}
          isEmpty={(d) => d.newHq.byRegion.every((u) => u.actual === 0 && !u.target)}
          info={{ figure: 'newHq' }}
        >
          {() => (
            <>
              <Chart label="各地新引进总部企业完成情况" option={charts!.completion} onClick={openUnit} />
              <p className="note light-legend">
                柱色为红黄绿灯（任务进度对时间进度）：<span className="light light-green">达序时</span>
                <span className="light light-amber">略滞后</span>
                <span className="light light-red">滞后</span>
                <span className="light light-none">无目标</span> 点击柱查看该地新引进企业明细。
              </p>
            </>
          )}
        </Panel>
        <Panel
          title={`新引进总部企业来源${part}`}
          unit="单位：家"
          state={state}
          isEmpty={(d) => d.byOrigin.length === 0}
          info={{ figure: 'newHq' }}
        >
          {() => (
            <Chart
              label="新引进总部企业来源"
              option={charts!.origin}
              onClick={(e) => e.name && drill?.open({ figure: 'newHqOrigin', key: e.name })}
            />
          )}
        </Panel>
        <PeriodComparison db={db} year={year} asOf={asOf} filters={filters} targetTypes={targetTypes} />
      </div>
    </section>
  );
}

export function chartOptions(
  f: OverviewFigures,
  unit: string | undefined,
  forecast: NewHqForecast | null = null,
) {
  const task = f.newHq.city.target ? f.newHq.city.actual / f.newHq.city.target : null;
  return {
    progress: progressOption(task, f.timeProgress),
    cumulative: cumulativeOption(f.fiveYear.years, f.fiveYear.target),
    completion: completionByUnitOption(
      f.newHq.byRegion,
      unit,
      forecast ? new Map(forecast.byRegion.map((u) => [u.code, u.forecast])) : undefined,
      f.timeProgress,
    ),
    origin: originOption(f.byOrigin),
  };
}

export function Kpis({
  figures,
  forecast,
  forecastNote,
}: {
  figures: OverviewFigures;
  forecast?: NewHqForecast | null;
  /** Where 预计全年 is still computing or failed: shown in its place. */
  forecastNote?: string | null;
}) {
  return (
    <div className="kpis">
      {overviewCards(figures, forecast, forecastNote).map((card) =>
        'pending' in card ? (
          <div key={card.pending} className="kpi" data-kpi-pending={card.pending}>
            <div className="kpi-label">{card.label}</div>
            <div className="kpi-note">{card.note}</div>
          </div>
        ) : (
          <KpiCard key={card.name} {...card} />
        ),
      )}
    </div>
  );
}

/** 时间过半，任务过半: the gap in percentage points, and the units behind time progress. */
function ProgressNotes({ figures: f }: { figures: OverviewFigures }) {
  const { actual, target } = f.newHq.city;
  const withTarget = f.newHq.byRegion.filter((u) => u.target);
  const behind = withTarget
    .map((u) => ({ name: u.name, rate: u.actual / u.target! }))
    .filter((u) => u.rate < f.timeProgress)
    .sort((a, b) => a.rate - b.rate);
  const gap = target ? (actual / target - f.timeProgress) * 100 : null;
  return (
    <div className="progress-notes">
      <p>
        {gap === null
          ? '未下达年度目标，仅显示时间进度。'
          : `任务进度${gap >= 0 ? '高于' : '低于'}时间进度 ${Math.abs(gap).toFixed(1)} 个百分点。`}
      </p>
      {withTarget.length > 0 && (
        <p>
          {behind.length === 0
            ? '各属地任务进度均不低于时间进度。'
            : `落后于时间进度的属地（${behind.length}个）：`}
          {behind.map((u) => (
            <span key={u.name} className="chip warn">
              {u.name} {formatPercent(u.rate)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

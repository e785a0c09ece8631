/**
 * 考核排名 (DOMAIN.md figure 10): the annual assessment of every unit. The raw indicators are fetched
 * once per year; every weight or method edit re-scores them with the pure `scoreUnits`, so the table
 * and chart follow at once. The ranking always covers all units (考核按全口径); the unit filter only
 * marks that unit.
 */
import { useMemo } from 'react';
import { DataTable } from '../../app/DataTable';
import { useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { updateSettings, useCaliber } from '../../app/settings';
import { useFigure, type FigureState } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import { Chart } from '../../charts/Chart';
import { clickedRankingCell, scoreBreakdownOption } from '../../charts/options/ranking';
import { INDICATORS, rankingIndicators, scoreUnits } from '../../domain/figures/ranking';
import { rankStability } from '../../domain/figures/rankStability';
import { AssessmentExport } from '../../export/AssessmentExport';
import { UNITS, unitName } from '../../domain/units';
import { rankingColumns, type RankingRow } from './columns';
import { newHqForecast } from '../../domain/figures/forecast';
import { WeightEditor } from './WeightEditor';
import { METHOD_NAMES, rulesText, usableMethod, usableWeights } from './weights';
import { partYearLabel } from '../../domain/asOf';
import { targetTypesCaliber } from '../labels';
import { RunningYearButton } from '../RunningYearButton';
import { TargetTypesSwitch, usableTargetTypes } from '../TargetTypesSwitch';
import './ranking.css';

/** The 口径 line of the capped completion rate (DOMAIN.md 10's option), when it is on. */
const CAP_TEXT = '①完成率超过 100% 的按 100% 计（完成率封顶，非默认）。';

export function RankingScreen({ db, year, asOf, filters, navigate }: ScreenProps) {
  const caliber = useCaliber();
  const drill = useDrill();
  const settings = caliber.effective.settings;
  const { weights, fellBack } = usableWeights(settings.weights);
  const method = usableMethod(settings.method);
  const targetTypes = usableTargetTypes(settings.targetTypes);
  const capCompletion = settings.capCompletion === true;
  // capCompletion only when on: the default 口径's params stay those its kept figures were keyed by.
  const rankingOf = (v: View) => ({
    year: v.year,
    asOf,
    targetTypes,
    ...(capCompletion ? { capCompletion } : {}),
  });
  const state = useFigure(db, rankingIndicators, rankingOf({ year, filters: {} }), 'ranking', rankingOf);
  const forecastOf = (v: View) => ({ year: v.year, asOf, targetTypes });
  const forecastState = useFigure(
    db,
    newHqForecast,
    forecastOf({ year, filters: {} }),
    undefined,
    forecastOf,
  );
  const forecast = forecastState.status === 'ready' && forecastState.data.running ? forecastState.data : null;
  const scored = useMemo((): FigureState<RankingRow[]> => {
    if (state.status !== 'ready') return state;
    const targets = new Map(state.data.map((u) => [u.code, u.target]));
    const forecasts = new Map(forecast?.byRegion.map((u) => [u.code, u.forecast]));
    const inputs = state.data.map(({ code, name, indicators }) => ({ code, name, indicators }));
    const stability = new Map(rankStability(inputs, weights, method).map((s) => [s.code, s]));
    const rows = scoreUnits(inputs, weights, method).map((r) => ({
      ...r,
      target: targets.get(r.code) ?? null,
      forecast: forecasts.get(r.code),
      stability: stability.get(r.code),
    }));
    return { status: 'ready', data: rows };
  }, [state, weights, method, forecast]);
  const chart = useMemo(
    () => (scored.status === 'ready' ? scoreBreakdownOption(scored.data, filters.unit) : null),
    [scored, filters.unit],
  );
  // D inside the year: the indicators are those of January to D's month, not the year's assessment.
  const months = partYearLabel(year, asOf);
  const selected =
    filters.unit && scored.status === 'ready' ? scored.data.find((r) => r.code === filters.unit) : undefined;
  const allZero = (rows: readonly RankingRow[]) => rows.every((r) => r.indicators.every((x) => x === 0));

  return (
    <section className="screen ranking-screen">
      <h2>
        {year} 年招商引资考核排名
        <small>
          考核按全口径计算（全部 {UNITS.length} 个属地）
          {filters.unit ? `，突出显示${unitName(filters.unit)}` : ''}
          {months ? ` · 数据截至 ${asOf}，年度未结束，按${months}数据测算` : ''}
        </small>
        <RunningYearButton year={year} asOf={asOf} navigate={navigate} />
      </h2>
      <TargetTypesSwitch value={targetTypes} />
      <div className="grid">
        <section className="panel wide" data-panel="考核权重">
          <header className="panel-head">
            <h3>考核权重与方法</h3>
            <span className="panel-unit">当前：{METHOD_NAMES[method]}</span>
          </header>
          <WeightEditor key={caliber.revision} weights={weights} method={method} fellBack={fellBack} />
          <label className="cap-switch" data-cap-completion={capCompletion}>
            <input
              type="checkbox"
              checked={capCompletion}
              onChange={(e) => updateSettings({ capCompletion: e.target.checked })}
            />{' '}
            ①完成率封顶 100%（超额完成按 100% 计；默认不封顶）
          </label>
          <p className="note rules" data-rules>
            {rulesText(weights, method)}
            {capCompletion ? CAP_TEXT : ''}
          </p>
        </section>
        {selected && (
          <p className="ranking-callout wide" data-selected-rank={selected.rank}>
            {selected.name}：第 <b>{selected.rank}</b> 名，得分 <b>{selected.score.toFixed(1)}</b> 分
          </p>
        )}
        <Panel
          title="得分构成"
          unit="单位：分"
          state={scored}
          wide
          isEmpty={allZero}
          // The chart is the score: its ⓘ states the method and weights in force.
          info={{ figure: 'rankingScore' }}
        >
          {(rows) => (
            <>
              <Chart
                label="得分构成"
                option={chart!}
                height={Math.max(320, rows.length * 26 + 70)}
                // A segment opens the records of that unit's indicator, as the table's cell does.
                onClick={(e) => {
                  const key = clickedRankingCell(e, rows);
                  if (key) drill?.open({ figure: 'ranking', key });
                }}
              />
              <p className="note">点击某属地的色段，查看该项考核指标背后的明细记录。</p>
            </>
          )}
        </Panel>
        <Panel
          title="各地考核指标与得分"
          state={scored}
          wide
          info={{ figure: 'ranking' }}
          isEmpty={allZero}
          actions={
            <AssessmentExport
              input={
                scored.status === 'ready'
                  ? {
                      year,
                      asOf,
                      indicators: INDICATORS,
                      weights,
                      methodName: METHOD_NAMES[method],
                      rules: `${rulesText(weights, method)}${capCompletion ? CAP_TEXT : ''}${targetTypesCaliber(targetTypes)}。`,
                      caliber: {
                        name: caliber.effective.name,
                        hash: caliber.effective.hash,
                        modified: caliber.modified,
                      },
                      rows: scored.data,
                    }
                  : null
              }
            />
          }
        >
          {(rows) => (
            <DataTable
              label="考核排名"
              exportName={`考核排名_${year}_全市`}
              rows={rows}
              columns={rankingColumns(
                forecast !== null,
                (code, k) => drill?.open({ figure: 'ranking', key: `${code}:${k}` }),
                (code) => drill?.open({ figure: 'rankingScore', key: code }),
              )}
              pageSize={20}
              rowClass={(r) => (r.code === filters.unit ? 'selected' : undefined)}
            />
          )}
        </Panel>
      </div>
    </section>
  );
}

/**
 * 总部认定: the certification check of every enterprise with a certification row against its own
 * unit's rules (DOMAIN.md 7), the office-subsidy unit-area output check (6) and the 本土总部 reward
 * estimate (8, 9), and the certification pipeline (12). Rules, local shares and reward tiers are edited here and kept in the settings, so
 * each edit recomputes only the figure it feeds.
 */
import { useMemo } from 'react';
import { DataTable } from '../../app/DataTable';
import { DrillButton, useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { updateSettings, useCaliber } from '../../app/settings';
import { OFFICE_SCOPES, type OfficeScope } from '../../domain/defaults';
import { useFigure } from '../../app/useFigure';
import { Chart, type ChartClick } from '../../charts/Chart';
import {
  FAIL_REASONS,
  failureReasonsOption,
  failuresByUnitOption,
  rewardsByEnterpriseOption,
  rewardsByUnit,
  rewardsByUnitOption,
  tallyReasons,
  unitAreaByUnitOption,
  unitOrder,
  unitAreaHistogramOption,
} from '../../charts/options/certification';
import { certificationChecks, FAIL_REASON_TEXT, unitAreaOutputs } from '../../domain/figures/certification';
import { localRewards } from '../../domain/figures/contribution';
import { formatCount, formatPercent, formatYuan } from '../../format/numbers';
import { partYearLabel } from '../../domain/asOf';
import { periodTitle, scopeTitle } from '../labels';
import { RunningYearButton } from '../RunningYearButton';
import { areaColumns, checkColumns, rewardColumns } from './columns';
import { PipelineSection } from './PipelineSection';
import { RewardEditor } from './RewardEditor';
import { RuleEditor } from './RuleEditor';
import './certification.css';

const OFFICE_SCOPE_TEXT = { policy: '市区及平台', all: '全部' } as const;

/**
 * Office-subsidy scope (DOMAIN.md 14, policy 三(三)1): the output check concerns new HQ in 市区
 * (鹿城、龙湾、瓯海、洞头) and the three platforms; a 口径 setting like the weights.
 */
function OfficeScopeSwitch({ value }: { value: OfficeScope }) {
  return (
    <span className="segmented" role="group" aria-label="办公用房补助适用范围">
      {OFFICE_SCOPES.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={value === s}
          title={
            s === 'policy'
              ? '政策三(三)1：市区（鹿城、龙湾、瓯海、洞头）及产业平台的新引进总部（默认）'
              : '所有有总产出和办公面积的企业'
          }
          onClick={() => updateSettings({ officeScope: s })}
        >
          {OFFICE_SCOPE_TEXT[s]}
        </button>
      ))}
    </span>
  );
}

export function CertificationScreen({ db, year, asOf, filters, extra, navigate }: ScreenProps) {
  const { effective, revision } = useCaliber();
  const { rules, shares, tiers } = effective.settings;
  const checks = useFigure(db, certificationChecks, { year, asOf, rules, filters });
  // Annual output is a whole-year figure of its own table: it does not move with D.
  // DOMAIN.md 14: outside 市区 and the platforms the output check is 不适用, unless the 口径 says all.
  const officeScope = effective.settings.officeScope === 'all' ? 'all' : 'policy';
  const areas = useFigure(db, unitAreaOutputs, {
    year,
    filters,
    ...(officeScope === 'all' ? { scope: officeScope } : {}),
  });
  const rewards = useFigure(db, localRewards, { year, asOf, shares, tiers, filters });
  // '1—9月' while D falls inside the year: tax and contribution are sums so far, the reward base the same months.
  const months = partYearLabel(year, asOf);

  // 全市: failures by reason overall, or per unit stacked by reason (kept in the link as fails=unit).
  const byUnit = !filters.unit && extra.fails === 'unit';
  const failureChart = useMemo(() => {
    if (checks.status !== 'ready') return null;
    const tally = tallyReasons(checks.data);
    return byUnit ? failuresByUnitOption(tally) : failureReasonsOption(tally);
  }, [checks, byUnit]);
  // One unit chosen: how its enterprises spread over bands; 全市: met / missed per unit.
  const areaChart = useMemo(
    () =>
      areas.status !== 'ready'
        ? null
        : filters.unit
          ? unitAreaHistogramOption(areas.data.filter((r) => r.applies))
          : unitAreaByUnitOption(areas.data.filter((r) => r.applies)),
    [areas, filters.unit],
  );
  // 全市: reward per certifying unit; one unit: its rewarded enterprises.
  const rewardChart = useMemo(() => {
    if (rewards.status !== 'ready') return null;
    return filters.unit
      ? rewardsByEnterpriseOption(rewards.data)
      : rewardsByUnitOption(rewardsByUnit(rewards.data));
  }, [rewards, filters.unit]);
  const checkCols = useMemo(() => checkColumns(rules), [rules]);
  const drill = useDrill();
  // A bar (by reason) or a segment (a unit's reason) opens the enterprises that failed it.
  const openFailure = (e: ChartClick) => {
    if (checks.status !== 'ready') return;
    if (!byUnit) {
      const reason = FAIL_REASONS[e.dataIndex];
      if (reason) drill?.open({ figure: 'certCheck', key: reason });
      return;
    }
    const unit = tallyReasons(checks.data).units[e.dataIndex];
    const reason = FAIL_REASONS.find((r) => FAIL_REASON_TEXT[r] === e.seriesName);
    if (unit && reason) drill?.open({ figure: 'certCheck', key: `${unit}:${reason}` });
  };
  const outcome = (key: 'passed' | 'failed', className: string, text: string) => (
    <DrillButton
      target={{ figure: 'certCheck', key }}
      className={`link ${className}`}
      title="查看这些企业的明细记录（来源文件与行号）"
    >
      {text}
    </DrillButton>
  );
  const rewardCols = useMemo(() => rewardColumns(year, months), [year, months]);

  return (
    <section className="screen cert-screen">
      <h2>
        {year} 年{scopeTitle(filters)}总部认定{' '}
        <small>
          数据截至 {asOf}
          {months ? ` · ${year}年${months}，年度未结束` : ''}
        </small>
        <RunningYearButton year={year} asOf={asOf} navigate={navigate} />
      </h2>
      {/* Outside the panels: a recompute shows "正在计算" in a panel and must not unmount an editor being typed in. */}
      <div className="cert-editors">
        <RuleEditor key={`${filters.unit ?? ''}:${revision}`} rules={rules} initialUnit={filters.unit} />
        <RewardEditor key={revision} shares={shares} tiers={tiers} />
      </div>
      <div className="cert-charts">
        <Panel
          title="认定核查结果"
          unit="单位：家"
          state={checks}
          isEmpty={(d) => d.length === 0}
          emptyText="暂无认定记录"
          info={{ figure: 'certCheck', key: 'failed' }}
          actions={
            !filters.unit && (
              <span className="segmented" role="group" aria-label="未通过原因视图">
                {(
                  [
                    [false, '按原因'],
                    [true, '按属地'],
                  ] as const
                ).map(([unitView, text]) => (
                  <button
                    key={text}
                    type="button"
                    aria-pressed={byUnit === unitView}
                    onClick={() => navigate({ extra: { fails: unitView ? 'unit' : undefined } })}
                  >
                    {text}
                  </button>
                ))}
              </span>
            )
          }
        >
          {(d) => {
            const passed = d.filter((c) => c.passed).length;
            return (
              <>
                <p className="cert-outcome" data-outcome={`${passed}/${d.length - passed}`}>
                  {outcome('passed', 'cert-pass', `通过 ${formatCount(passed)} 家`)}
                  {outcome('failed', 'cert-fail', `未通过 ${formatCount(d.length - passed)} 家`)}
                  <span className="note">通过率 {formatPercent(passed / d.length)}</span>
                </p>
                {passed === d.length ? (
                  <p className="state empty">全部通过</p>
                ) : (
                  <Chart
                    label={byUnit ? '各属地未通过原因' : '未通过原因'}
                    option={failureChart!}
                    height={280}
                    onClick={openFailure}
                  />
                )}
              </>
            );
          }}
        </Panel>
        <Panel
          title={filters.unit ? '单位面积产出分布' : '单位面积产出达标情况'}
          unit="要求：≥ 1万元/㎡"
          state={areas}
          isEmpty={(d) => d.length === 0}
          emptyText={`暂无 ${year} 年有总产出和办公面积的企业`}
          actions={<OfficeScopeSwitch value={officeScope} />}
          info={{ figure: 'unitArea', key: 'met' }}
        >
          {(d) => (
            <>
              <p className="cert-outcome" data-office-scope={officeScope}>
                <DrillButton
                  target={{ figure: 'unitArea', key: 'met' }}
                  className="link cert-pass"
                  title="查看达标企业的明细记录（来源文件与行号）"
                >
                  达标 {formatCount(d.filter((r) => r.applies && r.meets).length)} 家
                </DrillButton>
                <span className="note">
                  共 {formatCount(d.length)} 家有产出和办公面积
                  {officeScope === 'policy'
                    ? `，其中 ${formatCount(d.filter((r) => !r.applies).length)} 家不在市区及产业平台的新引进总部之列（不适用）`
                    : '（口径：全部企业，非默认）'}
                </span>
              </p>
              {/* 全市: a unit's 达标 or 未达标 segment opens those enterprises. */}
              <Chart
                label="单位面积产出"
                option={areaChart!}
                height={280}
                onClick={(e) => {
                  if (filters.unit) return;
                  const unit = unitOrder(d.filter((r) => r.applies).map((r) => r.region))[e.dataIndex];
                  const what = e.seriesName === '达标' ? 'met' : 'missed';
                  if (unit) drill?.open({ figure: 'unitArea', key: `${unit}:${what}` });
                }}
              />
            </>
          )}
        </Panel>
        <Panel
          title={filters.unit ? '本土总部奖励估算（获奖励企业）' : '本土总部奖励估算（按认定地）'}
          unit="按测算参数"
          state={rewards}
          isEmpty={(d) => d.length === 0}
          emptyText="该年度无处于奖励期的本土总部"
          info={{ figure: 'localReward' }}
        >
          {(d) => (
            <>
              <p className="cert-outcome">
                <DrillButton
                  target={{ figure: 'localReward' }}
                  className="link cert-total"
                  title="查看奖励期内本土总部的明细记录（来源文件与行号）"
                >
                  合计 {formatYuan(d.reduce((s, r) => s + r.reward, 0))}
                </DrillButton>
                <span className="note" data-part-year={months ?? undefined}>
                  {formatCount(d.filter((r) => r.reward > 0).length)} / {formatCount(d.length)} 家有奖励
                  {months ? ` · ${months}贡献对比认定前一年同期` : ''}
                </span>
              </p>
              {d.some((r) => r.reward > 0) ? (
                <Chart
                  label={filters.unit ? '本土总部奖励按企业' : '本土总部奖励按认定地'}
                  option={rewardChart!}
                  height={280}
                  onClick={(e) => {
                    // 全市: a unit's bar opens its 本土 HQ in their reward years.
                    const unit = filters.unit ? undefined : rewardsByUnit(d)[e.dataIndex];
                    if (unit) drill?.open({ figure: 'localReward', key: unit.code });
                  }}
                />
              ) : (
                <p className="state empty">该年度贡献均未超过认定前一年，无奖励</p>
              )}
            </>
          )}
        </Panel>
      </div>
      <PipelineSection db={db} year={year} asOf={asOf} filters={filters} extra={extra} navigate={navigate} />
      <div className="cert-tables">
        <Panel
          title="认定核查明细"
          unit={`${periodTitle(year, asOf)}税收口径`}
          state={checks}
          isEmpty={(d) => d.length === 0}
          emptyText="暂无认定记录"
        >
          {(d) => (
            <DataTable
              label="认定核查明细"
              rows={d}
              columns={checkCols}
              pageSize={10}
              rowClass={(c) => (c.passed ? undefined : 'warn')}
            />
          )}
        </Panel>
        <Panel
          title="本土总部贡献奖励明细"
          unit={
            months
              ? `认定当年起 5 年，按当年${months}地方财政贡献较认定前一年同期（${months}）的增量累进奖励`
              : '认定当年起 5 年，按当年地方财政贡献较认定前一年的增量累进奖励'
          }
          state={rewards}
          isEmpty={(d) => d.length === 0}
          emptyText="该年度无处于奖励期的本土总部"
        >
          {(d) => <DataTable label="本土总部贡献奖励明细" rows={d} columns={rewardCols} pageSize={10} />}
        </Panel>
        <Panel
          title="单位面积产出明细"
          state={areas}
          isEmpty={(d) => d.length === 0}
          emptyText={`暂无 ${year} 年有总产出和办公面积的企业`}
        >
          {(d) => (
            <DataTable
              label="单位面积产出明细"
              rows={d}
              columns={areaColumns}
              pageSize={10}
              rowClass={(r) => (r.applies && !r.meets ? 'warn' : undefined)}
            />
          )}
        </Panel>
      </div>
    </section>
  );
}

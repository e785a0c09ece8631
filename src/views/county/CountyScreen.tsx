/**
 * 属地考核卡 (`#/county?unit=…`, issue 13 item 4): one unit's assessment on one page — its five
 * indicators with points against full marks, score and rank, the rank change against last year
 * (DOMAIN.md 16), and the records behind each indicator, its overdue projects and its buildings.
 * Printable on A4 and exportable as the unit's 考核材料 (one workbook, a sheet per table).
 */
import { DataTable, columnTitle, type Column } from '../../app/DataTable';
import { drillProps, FigureInfo, DrillButton, useDrill, type DrillTarget } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useSettings } from '../../app/settings';
import { useFigure } from '../../app/useFigure';
import { Chart } from '../../charts/Chart';
import { fullMarks, scorecardPointsOption } from '../../charts/options/scorecard';
import { INDICATORS } from '../../domain/figures/ranking';
import { countyScorecard, type Scorecard } from '../../domain/figures/scorecard';
import { UNITS, unitByCode } from '../../domain/units';
import { downloadBlob, exportFileName } from '../../export/download';
import { tableToSheetRows } from '../../export/table';
import { useExport } from '../../export/useExport';
import { xlsxBlob } from '../../export/xlsx';
import { formatCount, formatPercent, formatYuan } from '../../format/numbers';
import { METHOD_NAMES, rulesText, usableMethod, usableWeights } from '../ranking/weights';
import { RunningYearButton } from '../RunningYearButton';
import { usableTargetTypes } from '../TargetTypesSwitch';
import { usableThresholds } from '../projects/thresholds';
import { BUILDING_COLUMNS, NEW_HQ_COLUMNS, OVERDUE_COLUMNS, PROJECT_COLUMNS, TAX_COLUMNS } from './columns';
import './county.css';

/** The unit of the link; the first of the dictionary when the link names none or an unknown one. */
export function scorecardUnit(linked: string | undefined): { code: string; linked: boolean } {
  return linked && unitByCode(linked)
    ? { code: linked, linked: true }
    : { code: UNITS[0]!.code, linked: false };
}

/** The value of indicator k as the ranking table shows it. */
function indicatorText(card: Scorecard, k: number): string {
  const x = card.ranked.indicators[k]!;
  switch (k) {
    case 0:
      return `${formatPercent(x)}${card.target ? `（目标 ${card.target} 家）` : '（未下达目标）'}`;
    case 1:
      return `${formatCount(x)} 家`;
    case 2:
      return `${formatCount(x)} 个`;
    case 3:
      return formatYuan(x * 1e4);
    default:
      return formatYuan(x);
  }
}

function RankChange({ change }: { change: Scorecard['rankChange'] }) {
  if (change.previousRank === null) return <span className="rank-change">上年无可比排名</span>;
  const c = change.change!;
  const text = c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '—';
  return (
    <span className={`rank-change ${c > 0 ? 'up' : c < 0 ? 'down' : ''}`} data-rank-change={c}>
      较上年 {text}（上年第 {change.previousRank} 名）
    </span>
  );
}

const tables = (card: Scorecard) =>
  [
    ['新引进总部企业', card.newHq, NEW_HQ_COLUMNS],
    ['签约项目', card.projects, PROJECT_COLUMNS],
    ['新引进总部税收', card.taxByEnterprise, TAX_COLUMNS],
    ['逾期预警项目', card.overdue, OVERDUE_COLUMNS],
    ['楼宇', card.buildings, BUILDING_COLUMNS],
  ] as const;

/**
 * The figure behind indicator k and behind each record table (in `tables` order): the ranking's own
 * cells (so the card and the ranking open the same records), the unit's overdue projects, its buildings.
 */
const indicatorTarget = (unit: string, k: number): DrillTarget => ({
  figure: 'ranking',
  key: `${unit}:${k}`,
});
const scoreTarget = (unit: string): DrillTarget => ({ figure: 'rankingScore', key: unit });
const tableTargets = (unit: string): DrillTarget[] => [
  indicatorTarget(unit, 1),
  indicatorTarget(unit, 2),
  indicatorTarget(unit, 4),
  { figure: 'overdueProjects', key: unit },
  { figure: 'unitBuildings', key: unit },
];

function MaterialsExport({ card, rules }: { card: Scorecard; rules: string }) {
  const [busy, run] = useExport();
  const summary = [
    [`${card.year}年${card.name}招商引资考核材料`],
    ['数据截至', card.asOf],
    ['评分规则', rules],
    ['得分', Number(card.ranked.score.toFixed(1))],
    ['排名', `${card.ranked.rank} / ${card.units}`],
    ['上年排名', card.rankChange.previousRank ?? '—'],
    ...INDICATORS.map((name, k) => [name, indicatorText(card, k), Number(card.ranked.points[k]!.toFixed(2))]),
  ];
  return (
    <button
      type="button"
      className="export-button"
      disabled={busy}
      onClick={() =>
        run(async () => {
          const sheets = tables(card).map(([name, rows, columns]) => ({
            name,
            rows: tableToSheetRows(
              rows as readonly unknown[],
              (columns as readonly Column<unknown>[]).map((c) => ({ ...c, title: columnTitle(c) })),
            ),
          }));
          downloadBlob(
            exportFileName(['考核材料', card.year, card.name], 'xlsx'),
            await xlsxBlob([{ name: '考核卡', rows: summary }, ...sheets]),
          );
        })
      }
    >
      导出考核材料
    </button>
  );
}

export function CountyScreen({ db, year, asOf, filters, navigate }: ScreenProps) {
  const settings = useSettings();
  const { weights } = usableWeights(settings.weights);
  const method = usableMethod(settings.method);
  const targetTypes = usableTargetTypes(settings.targetTypes);
  const unit = scorecardUnit(filters.unit);
  const state = useFigure(db, countyScorecard, {
    year,
    asOf,
    unit: unit.code,
    weights,
    method,
    targetTypes,
    // The overdue list follows the edited thresholds, as 项目跟踪 and its drill do.
    thresholds: usableThresholds(settings.thresholds).thresholds,
    // Only when on: the params of the default 口径 stay those its kept figures were keyed by.
    ...(settings.capCompletion ? { capCompletion: true } : {}),
  });
  // The React Compiler memoizes these on state and weights.
  const chart = state.status === 'ready' ? scorecardPointsOption(state.data.ranked, weights) : null;
  const full = fullMarks(weights);
  const rules = rulesText(weights, method);
  const card = state.status === 'ready' ? state.data : null;
  const drill = useDrill();

  return (
    <section className="screen county-screen">
      <h2>
        {year} 年{unitByCode(unit.code)!.name}招商引资考核卡
        <small>
          数据截至 {asOf}
          {card?.months ? ` · 年度未结束，按${card.months}数据测算` : ''} · {METHOD_NAMES[method]}
        </small>
        <RunningYearButton year={year} asOf={asOf} navigate={navigate} />
      </h2>
      {!unit.linked && (
        <p className="note" data-unit-missing>
          {filters.unit ? `链接中的属地“${filters.unit}”无法识别，` : '未选择属地，'}
          显示{unitByCode(unit.code)!.name}；请在上方“属地”中选择。
        </p>
      )}
      {card ? (
        <div className="county-head" data-rank={card.ranked.rank} data-score={card.ranked.score.toFixed(2)}>
          {/* The score is a weighted sum of ①–⑤ (each opens its own records): a click shows the
              score's 口径 (method, weights in force) with the records of indicator ①. */}
          <p className="county-rank" {...drillProps(drill, scoreTarget(card.code), '得分与排名')}>
            第 <b>{card.ranked.rank}</b> 名 / 共 {card.units} 个属地，得分{' '}
            <b>{card.ranked.score.toFixed(1)}</b> 分
            <FigureInfo target={scoreTarget(card.code)} />
            <RankChange change={card.rankChange} />
          </p>
          <p className="note">{rules}</p>
          <div className="actions">
            <MaterialsExport card={card} rules={rules} />
            <button type="button" className="export-button" onClick={() => window.print()}>
              打印
            </button>
          </div>
        </div>
      ) : (
        <p className={state.status === 'failed' ? 'state error' : 'state'}>
          {state.status === 'failed' ? `计算失败：${state.message}` : '正在计算考核卡…'}
        </p>
      )}
      {card && (
        <div className="kpis county-indicators">
          {INDICATORS.map((name, k) => (
            <div
              key={name}
              className="kpi"
              data-indicator={k + 1}
              data-value={card.ranked.indicators[k]}
              {...drillProps(drill, indicatorTarget(card.code, k), name)}
            >
              <div className="kpi-label">
                {['①', '②', '③', '④', '⑤'][k]}
                {name}
                <FigureInfo target={indicatorTarget(card.code, k)} />
              </div>
              <div className="kpi-value">{indicatorText(card, k)}</div>
              <div className="kpi-note">
                {card.ranked.points[k]!.toFixed(1)} / {full[k]!.toFixed(1)} 分 · 标准化{' '}
                {card.ranked.normalised[k]!.toFixed(3)}
              </div>
            </div>
          ))}
        </div>
      )}
      <div className="grid">
        <Panel title="得分构成" unit="单位：分" state={state} wide>
          {(d) => (
            // A bar (indicator k, in INDICATORS order) opens the same records as its card.
            <Chart
              label="属地得分构成"
              option={chart!}
              height={240}
              onClick={(e) => drill?.open(indicatorTarget(d.code, e.dataIndex))}
            />
          )}
        </Panel>
        {tables(card ?? EMPTY).map(([title, , columns], i) => {
          const target = tableTargets(unit.code)[i]!;
          return (
            <Panel
              key={title}
              title={title}
              state={state}
              wide
              isEmpty={(d) => (tables(d)[i]![1] as readonly unknown[]).length === 0}
              emptyText={`本年度无${title}`}
              info={target}
              actions={
                <DrillButton target={target} className="link no-print">
                  明细记录（来源文件与行号）
                </DrillButton>
              }
            >
              {(d) => (
                <DataTable
                  label={`${d.name}${title}`}
                  rows={tables(d)[i]![1] as readonly unknown[]}
                  columns={columns as readonly Column<unknown>[]}
                  pageSize={10}
                />
              )}
            </Panel>
          );
        })}
      </div>
    </section>
  );
}

/** Titles of the record tables before the card has arrived. */
const EMPTY = {
  newHq: [],
  projects: [],
  taxByEnterprise: [],
  overdue: [],
  buildings: [],
} as unknown as Scorecard;

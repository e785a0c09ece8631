/**
 * 驾驶舱 (#/cockpit): one screen for the meeting-room wall at 1920×1080, no scrolling, dark unless
 * light was chosen here. The year's target progress with its traffic light, each unit's completion
 * with its own, the assessment ranking with ↑↓ against last year, the 亿元楼宇 and the overdue
 * projects. `rotate=20` in the link turns on the rotation: the cockpit, then the deck's slides, each
 * shown 20 s, and back. Its figures are computed again when the data change (an import rebuilds the
 * screens, src/app/App.tsx).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { drillProps, FigureInfo, DrillButton, useDrill, type DrillTarget } from '../../app/drill';
import type { ScreenProps } from '../../app/screen';
import { useSettings } from '../../app/settings';
import { enterCockpitTheme } from '../../app/theme';
import { useFigure } from '../../app/useFigure';
import { Chart } from '../../charts/Chart';
import { rankingOption } from '../../charts/options/buildings';
import { projectorOption } from '../../charts/options/projector';
import { cockpitFigures, type CockpitFigures } from '../../domain/figures/cockpit';
import { LIGHT_LABEL, RED_GAP, type Light } from '../../domain/trafficLight';
import { formatCount, formatInUnit, formatPercent } from '../../format/numbers';
import { usableThresholds } from '../projects/thresholds';
import { usableMethod, usableWeights } from '../ranking/weights';
import { usableTargetTypes } from '../TargetTypesSwitch';
import { rotationSeconds } from './rotation';
import './cockpit.css';

/** Overdue projects listed: as many as the panel holds at 1920×1080 (six left a third of it empty). */
const OVERDUE_ROWS = 9;

/** The cockpit chart's smallest text (px at 1920×1080). */
const COCKPIT_CHART_FONT = 15;

/** Seconds each view stays up while rotating. */
export const ROTATE_SECONDS = 20;

export function CockpitScreen({ db, year, asOf, extra, navigate }: ScreenProps) {
  const settings = useSettings();
  useEffect(() => enterCockpitTheme(), []);
  const state = useFigure(db, cockpitFigures, {
    year,
    asOf,
    targetTypes: usableTargetTypes(settings.targetTypes),
    weights: usableWeights(settings.weights).weights,
    method: usableMethod(settings.method),
    thresholds: usableThresholds(settings.thresholds).thresholds,
    // Only when on: the params of the default 口径 stay those its kept figures were keyed by.
    ...(settings.capCompletion ? { capCompletion: true } : {}),
  });
  const rotate = rotationSeconds(extra.rotate);
  // A reader looking at records (the drill panel) holds the rotation until it closes.
  const held = extra.drill !== undefined;
  useEffect(() => {
    if (!rotate || held) return;
    const timer = window.setTimeout(
      () => navigate({ screen: 'present', extra: { slide: '2', rotate: String(rotate) } }),
      rotate * 1000,
    );
    return () => window.clearTimeout(timer);
  }, [rotate, held, navigate]);

  return (
    <section className="cockpit" data-cockpit-status={state.status}>
      <header className="cockpit-head">
        <h2>
          {year}年
          {state.status === 'ready' && state.data.overview.months ? `（${state.data.overview.months}）` : ''}
          总部回归驾驶舱
        </h2>
        <span className="cockpit-asof">数据截至 {asOf}</span>
        <button
          type="button"
          aria-pressed={rotate > 0}
          title={`依次显示驾驶舱与汇报各页，每页 ${ROTATE_SECONDS} 秒`}
          onClick={() => navigate({ extra: { rotate: rotate ? undefined : String(ROTATE_SECONDS) } })}
        >
          {rotate ? '停止轮播' : '轮播'}
        </button>
      </header>
      {state.status === 'ready' ? (
        <Wall figures={state.data} />
      ) : (
        <p className={state.status === 'failed' ? 'state error' : 'state'}>
          {state.status === 'failed' ? `计算失败：${state.message}` : '正在计算…'}
        </p>
      )}
    </section>
  );
}

/** cockpit.css's design pixel in px: 1 at 1920×1080, 0.71 at 1366×768. */
function wallScale(): number {
  return Math.min(window.innerWidth / 1920, (window.innerHeight - 92) / 988);
}

function useWallScale(): number {
  return useSyncExternalStore((changed) => {
    window.addEventListener('resize', changed);
    return () => window.removeEventListener('resize', changed);
  }, wallScale);
}

function Wall({ figures: f }: { figures: CockpitFigures }) {
  const o = f.overview;
  const { actual, target } = o.newHq.city;
  const drill = useDrill();
  // Wall text: the tables are 17 px, ECharts' 11–12 px was unreadable from the room (projectorOption
  // raises every text of the option), scaled with the rest of the cockpit (cockpit.css's --u).
  const font = Math.round(COCKPIT_CHART_FONT * useWallScale());
  const buildingsChart = useMemo(
    () => projectorOption(rankingOption(f.buildings, undefined, 10), font),
    [f.buildings, font],
  );
  return (
    <div className="cockpit-grid">
      <div className="cockpit-kpis">
        <Tile
          name="newHqAnnual"
          label={`年度新引进总部企业${o.months ? `（${o.months}）` : ''}`}
          value={`${actual} / ${target ?? '—'}`}
          unit="家"
          light={f.light}
          drill={{ figure: 'newHq' }}
          note={`任务进度 ${formatPercent(f.task)} · 时间进度 ${formatPercent(o.timeProgress)}`}
        />
        <Tile
          name="fiveYear"
          label={`五年累计（${o.fiveYear.from}—${o.fiveYear.to}）`}
          value={`${o.fiveYear.actual} / ${o.fiveYear.target ?? '—'}`}
          unit="家"
          drill={{ figure: 'fiveYear' }}
          note={`完成 ${formatPercent(o.fiveYear.target ? o.fiveYear.actual / o.fiveYear.target : null)}`}
        />
        <Tile
          name="billionBuildings"
          label="亿元楼宇"
          value={formatCount(o.billionBuildings)}
          unit="幢"
          drill={{ figure: 'billionBuildings' }}
          note={o.months ? `${o.months}累计税收 ≥ 1亿元` : '楼宇税收 ≥ 1亿元'}
        />
        <Tile
          name="hqTax"
          label={`总部企业税收${o.months ? `（${o.months}）` : ''}`}
          value={formatInUnit(o.hqTax.tax, '亿元', 2)}
          unit="亿元"
          drill={{ figure: 'hqTax' }}
          note={`同比 ${o.hqTax.change === null ? '—' : formatPercent(o.hqTax.change)}`}
        />
        <Tile
          name="overdue"
          label="逾期预警项目"
          value={formatCount(f.overdue.length)}
          unit="个"
          drill={{ figure: 'overdueProjects' }}
          note={`在库项目 ${formatCount(f.projects)} 个`}
        />
      </div>
      <section className="cockpit-panel cockpit-units" aria-label="各地完成情况">
        <h3>
          各地完成情况 <small>红绿灯：任务进度对比时间进度 {formatPercent(o.timeProgress)}</small>
        </h3>
        <table className="cockpit-table">
          <thead>
            <tr>
              <th scope="col">属地</th>
              <th scope="col" className="num">
                新引进 / 目标（家）
              </th>
              <th scope="col" className="num">
                完成率
              </th>
              <th scope="col">进度</th>
            </tr>
          </thead>
          <tbody>
            {f.units.map((u) => (
              <tr key={u.code}>
                <td>{u.name}</td>
                <td className="num">
                  {/* The unit's new HQ: the same records as its bar on 总览. */}
                  <DrillButton
                    target={{ figure: 'newHq', key: u.code }}
                    className="cell-link"
                    title={`查看${u.name}新引进总部企业的明细记录`}
                  >
                    {u.actual}
                  </DrillButton>{' '}
                  / {u.target ?? '—'}
                </td>
                <td className="num">{formatPercent(u.task)}</td>
                <td>
                  <LightMark light={u.light} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="cockpit-key">
          <LightMark light="green" /> 不低于时间进度 <LightMark light="amber" /> 落后不足
          {RED_GAP * 100}个百分点 <LightMark light="red" /> 落后{RED_GAP * 100}个百分点及以上
        </p>
      </section>
      <section className="cockpit-panel cockpit-ranking" aria-label="招商考核排名">
        <h3>
          招商考核排名{' '}
          <small>
            对比{f.ranking.previous.year}年{o.months ? `同期（${o.months}）` : ''}名次
          </small>
          <FigureInfo target={{ figure: 'rankingScore' }} />
        </h3>
        <table className="cockpit-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                名次
              </th>
              <th scope="col">属地</th>
              <th scope="col" className="num">
                得分
              </th>
              <th scope="col" className="num">
                升降
              </th>
            </tr>
          </thead>
          <tbody>
            {/* A unit's row opens its score's 口径 (method, weights) with the records of indicator ①. */}
            {f.ranking.units.map((u) => (
              <tr
                key={u.code}
                {...drillProps(drill, { figure: 'rankingScore', key: u.code }, `${u.name}得分`)}
              >
                <td className="num">{u.rank}</td>
                <td>{u.name}</td>
                <td className="num">{u.score.toFixed(1)}</td>
                <td className="num">
                  <RankMove change={u.change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="cockpit-panel cockpit-buildings" aria-label="亿元楼宇">
        <h3>
          楼宇税收前十 <small>单位：亿元</small>
        </h3>
        {/* A bar opens the building's tax rows, as its 税收明细 on 亿元楼宇. */}
        <Chart
          label="楼宇税收前十"
          option={buildingsChart}
          height={360}
          exportable={false}
          onClick={(e) => {
            const id = (e.data as { buildingId?: string } | null)?.buildingId;
            if (id) drill?.open({ figure: 'buildingTax', key: id });
          }}
        />
      </section>
      <section className="cockpit-panel cockpit-overdue" aria-label="逾期预警项目">
        <h3>
          逾期预警项目 <small>超期天数最多的 {OVERDUE_ROWS} 个</small>
        </h3>
        {f.overdue.length === 0 ? (
          <p className="state">没有逾期项目</p>
        ) : (
          <table className="cockpit-table">
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">预警原因</th>
                <th scope="col" className="num">
                  超期（天）
                </th>
              </tr>
            </thead>
            <tbody>
              {f.overdue.slice(0, OVERDUE_ROWS).map((p) => (
                <tr key={p.projectId}>
                  <td>{p.name}</td>
                  <td>{p.overdue}</td>
                  <td className="num">{formatCount(p.overdueDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Tile(props: {
  name: string;
  label: string;
  value: string;
  unit: string;
  note: string;
  light?: Light;
  /** The records behind the tile: the same figure as the overview's card. */
  drill?: DrillTarget;
}) {
  const scope = useDrill();
  return (
    <div
      className="cockpit-tile"
      data-kpi={props.name}
      data-light={props.light}
      {...drillProps(scope, props.drill, props.label)}
    >
      <div className="cockpit-tile-label">
        {props.label} {props.light && <LightMark light={props.light} />}
        {props.drill && <FigureInfo target={props.drill} />}
      </div>
      <div className="cockpit-tile-value">
        {props.value}
        <span>{props.unit}</span>
      </div>
      <div className="cockpit-tile-note">{props.note}</div>
    </div>
  );
}

/** A coloured dot with its word: colour is never the only signal. */
function LightMark({ light }: { light: Light }) {
  return (
    <span className={`light light-${light}`} data-light={light}>
      <span aria-hidden="true">●</span>
      {LIGHT_LABEL[light]}
    </span>
  );
}

function RankMove({ change }: { change: number | null }) {
  if (change === null) return <span className="move">—</span>;
  if (change === 0) return <span className="move">持平</span>;
  const up = change > 0;
  return (
    <span
      className={up ? 'move up' : 'move down'}
      aria-label={`${up ? '上升' : '下降'} ${Math.abs(change)} 位`}
    >
      {up ? '↑' : '↓'}
      {Math.abs(change)}
    </span>
  );
}

/**
 * The slides of the joint-meeting deck (汇报模式), each a 1280×720 page: its title, its unit caption
 * and its body drawn from the deck's figures with the screens' own option builders.
 */
import type { ReactNode } from 'react';
import { drillProps, useDrill, type DrillTarget } from '../../app/drill';
import { Chart, type ChartClick } from '../../charts/Chart';
import { INDICATORS } from '../../domain/figures/ranking';
import { FAIL_REASONS } from '../../charts/options/certification';
import type { DeckFigures } from '../../domain/figures/deck';
import { formatCount, formatMoney, formatPercent } from '../../format/numbers';
import type { SlideCharts } from '../../charts/options/deck';

export interface SlideContext {
  year: number;
  asOf: string;
  /** '1—9月' while the as-of date falls inside the year: every count and sum on the slides is part-year. */
  months: string | null;
  /** '全市' or the unit's name. */
  scope: string;
  unit?: string;
  /** Opens the records behind a figure (the shared drill panel), as the screens' figures do. */
  open?: (target: DrillTarget) => void;
}

export interface Slide {
  /** The topic, shown above the takeaway (and alone while the figures are computed). */
  title: (c: SlideContext) => string;
  /** The one-sentence takeaway from the figures, as the 简报 words it: the slide's heading. */
  takeaway?: (f: DeckFigures, c: SlideContext) => string;
  /** The unit caption, e.g. '单位：家'. */
  unit?: string;
  body: (f: DeckFigures, c: SlideContext, charts: SlideCharts) => ReactNode;
}

const CHART_HEIGHT = 480;

/** Tier names as a reader of one slide needs them: 亿元楼宇 alone would read as the total. */
const TIER_LABEL: Record<string, string> = {
  十亿元楼宇: '十亿元楼宇（≥10亿）',
  五亿元楼宇: '五亿元楼宇（5亿—10亿）',
  亿元楼宇: '1亿—5亿元楼宇',
  培育楼宇: '培育楼宇（5000万—1亿）',
};

function Figure({
  label,
  value,
  note,
  drill,
}: {
  label: string;
  value: string;
  note?: string;
  /** The overview's (or belts') figure behind it: a click opens the same records. */
  drill?: DrillTarget;
}) {
  const scope = useDrill();
  return (
    <div className="deck-figure" {...drillProps(scope, drill, label)}>
      <div className="deck-figure-label">{label}</div>
      <div className="deck-figure-value">{value}</div>
      {note && <div className="deck-figure-note">{note}</div>}
    </div>
  );
}

const chart = (
  label: string,
  option: Parameters<typeof Chart>[0]['option'],
  height = CHART_HEIGHT,
  onClick?: (e: ChartClick) => void,
) => <Chart label={label} option={option} height={height} exportable={false} onClick={onClick} />;

/** A chart element's data item carries the unit code (completion bars, map regions) or a building id. */
const field = (e: ChartClick, name: 'code' | 'buildingId' | 'year') =>
  (e.data as Record<string, unknown> | null)?.[name] as string | number | undefined;

export const SLIDES: readonly Slide[] = [
  {
    title: () => '温州市总部回归工作联席会议',
    body: (f, c) => (
      <div className="deck-cover">
        <p className="deck-cover-year">
          {c.year}年{c.months ?? ''}
        </p>
        <p className="deck-cover-scope">{c.scope}总部回归工作情况汇报</p>
        <p className="deck-cover-asof">数据截至 {c.asOf}</p>
        <p className="deck-cover-source">
          新引进总部企业 {f.overview.newHq.city.actual} 家 · 亿元楼宇 {f.overview.billionBuildings} 幢 ·
          总部企业税收 {formatMoney(f.overview.hqTax.tax, '亿元')}
        </p>
      </div>
    ),
  },
  {
    title: (c) => `${c.year}年${c.scope}目标任务进度`,
    takeaway: (f) => {
      const { actual, target } = f.overview.newHq.city;
      if (!target) return `新引进总部企业${actual}家，未下达年度目标`;
      const task = actual / target;
      const pace = task >= f.overview.timeProgress ? '快于' : '慢于';
      return `新引进总部企业${actual}家，完成年度目标${formatPercent(task)}，${pace}时间进度`;
    },
    unit: '单位：家',
    body: (f, c, charts) => {
      const { actual, target } = f.overview.newHq.city;
      const task = target ? actual / target : null;
      const five = f.overview.fiveYear;
      return (
        <div className="deck-split">
          <div className="deck-figures">
            <Figure
              label={`年度新引进总部企业${f.overview.months ? `（${f.overview.months}）` : ''}`}
              value={`${actual} / ${target ?? '—'} 家`}
              drill={{ figure: 'newHq' }}
            />
            <Figure
              label="任务进度 / 时间进度"
              value={`${formatPercent(task)} / ${formatPercent(f.overview.timeProgress)}`}
              note={
                task === null
                  ? '未下达年度目标'
                  : task >= f.overview.timeProgress
                    ? '快于时间进度'
                    : '慢于时间进度'
              }
            />
            <Figure
              label={`五年累计（${five.from}—${five.to}）`}
              value={`${five.actual} / ${five.target ?? '—'} 家`}
              note={`完成 ${formatPercent(five.target ? five.actual / five.target : null)}`}
              drill={{ figure: 'fiveYear' }}
            />
            {chart('任务进度与时间进度', charts.progress, 136)}
          </div>
          {chart('五年累计与目标路径', charts.cumulative, 496, (e) => {
            const year = field(e, 'year');
            if (year) c.open?.({ figure: 'fiveYear', key: String(year) });
          })}
        </div>
      );
    },
  },
  {
    title: (c) => `${c.year}年${c.months ?? ''}各地新引进总部企业完成情况`,
    takeaway: (f) => {
      const withTarget = f.overview.newHq.byRegion.filter((u) => u.target);
      const done = withTarget.filter((u) => u.actual >= u.target!).length;
      const behind = withTarget.filter((u) => u.actual / u.target! < f.overview.timeProgress).length;
      return `${done}个属地完成年度目标，${behind}个落后于时间进度`;
    },
    unit: '单位：家',
    body: (_f, c, charts) =>
      chart('各地完成情况', charts.completion, 512, (e) => {
        const code = field(e, 'code');
        if (code) c.open?.({ figure: 'newHq', key: String(code) });
      }),
  },
  {
    title: (c) => `${c.year}年${c.months ?? ''}${c.scope}亿元楼宇`,
    takeaway: (f) => {
      const top = [...f.buildings.buildings].sort((a, b) => b.tax - a.tax)[0];
      const head = `亿元楼宇${f.overview.billionBuildings}幢`;
      return top ? `${head}，${top.name}以${formatMoney(top.tax, '亿元')}居首` : head;
    },
    unit: '单位：亿元',
    body: (f, c, charts) => {
      const s = f.buildings.summary;
      return (
        <div className="deck-split">
          <div className="deck-figures">
            <Figure
              label="亿元楼宇"
              value={`${f.overview.billionBuildings} 幢`}
              drill={{ figure: 'billionBuildings' }}
            />
            {s.tiers
              .filter((t) => t.count > 0)
              .map((t) => (
                <Figure key={t.name} label={`其中${TIER_LABEL[t.name] ?? t.name}`} value={`${t.count} 幢`} />
              ))}
            <Figure
              label={`楼宇税收合计${f.overview.months ? `（${f.overview.months}）` : ''}`}
              value={formatMoney(s.tax, '亿元')}
              note={f.overview.months ? `按${f.overview.months}累计税收分档（全年标准）` : undefined}
            />
          </div>
          {chart('楼宇税收排名', charts.buildings, 512, (e) => {
            const id = field(e, 'buildingId');
            if (id) c.open?.({ figure: 'buildingTax', key: String(id) });
          })}
        </div>
      );
    },
  },
  {
    title: (c) => `${c.year}年${c.months ?? ''}总部经济带布局`,
    takeaway: (f) => {
      const top = [...f.belts.units].sort((a, b) => b.hqCount - a.hqCount)[0];
      const head = `全市总部企业${formatCount(f.belts.city.hqCount)}家`;
      return top ? `${head}，${top.name}最多（${formatCount(top.hqCount)}家）` : head;
    },
    unit: '单位：家（已认定总部企业）',
    body: (f, c, charts) => (
      <div className="deck-split">
        <div className="deck-figures">
          <Figure
            label="全市总部企业"
            value={`${formatCount(f.belts.city.hqCount)} 家`}
            drill={{ figure: 'beltsHq' }}
          />
          <Figure label="总部企业税收" value={formatMoney(f.belts.city.hqTax, '亿元')} />
          <p className="deck-note">
            示意图。底图为龙港市设立前的县级区划，苍南县着色仅为苍南县数值；龙港市（●）与三个功能区（◆）以标记显示，标注名称与家数。
          </p>
        </div>
        {chart('各地总部企业分布', charts.map, 528, (e) => {
          const code = field(e, 'code') ?? f.belts.units.find((u) => u.name === e.name)?.code;
          if (code) c.open?.({ figure: 'beltsHq', key: String(code) });
        })}
      </div>
    ),
  },
  {
    title: (c) => `${c.year}年${c.months ? `（${c.months}测算）` : ''}招商引资考核排名`,
    takeaway: (f, c) => {
      const first = f.ranking[0];
      const head = first ? `${first.name}以${first.score.toFixed(1)}分居首` : '暂无考核得分';
      return c.months ? `${head}（年度未结束，按${c.months}测算）` : head;
    },
    unit: '单位：分',
    body: (f, c, charts) => (
      <>
        {c.months && (
          <p className="deck-sub" data-part-year={c.months}>
            年度未结束：按{c.months}数据测算，名次随全年数据变化，仅供参考。
          </p>
        )}
        {/* A segment opens that unit's indicator records, as the ranking's cell does. */}
        {chart('得分构成', charts.ranking, c.months ? 488 : 528, (e) => {
          const k = INDICATORS.indexOf(e.seriesName as (typeof INDICATORS)[number]);
          const unit = f.ranking[e.dataIndex];
          if (unit && k >= 0) c.open?.({ figure: 'ranking', key: `${unit.code}:${k}` });
        })}
      </>
    ),
  },
  {
    title: (c) => `${c.scope}总部项目推进`,
    takeaway: (f) => `在库项目${f.projects.total}个，逾期预警${f.projects.overdue.length}个`,
    unit: '单位：个',
    body: (f, c, charts) => (
      <div className="deck-split">
        {chart('项目推进漏斗', charts.funnel, 496, (e) => {
          if (e.name) c.open?.({ figure: 'projects', key: e.name });
        })}
        <div>
          <h3 className="deck-sub">
            <button
              type="button"
              className="cell-link"
              data-drill-target="overdueProjects"
              onClick={() => c.open?.({ figure: 'overdueProjects' })}
            >
              逾期预警 {f.projects.overdue.length} 个
            </button>
            （截至 {f.projects.asAt}）
          </h3>
          <table className="deck-table">
            <thead>
              <tr>
                <th>项目</th>
                <th>属地</th>
                <th>预警原因</th>
                <th className="num">超期（天）</th>
              </tr>
            </thead>
            <tbody>
              {f.projects.overdue.slice(0, 10).map((p) => (
                <tr key={p.projectId}>
                  <td>{p.name}</td>
                  <td>{regionName(f, p.region)}</td>
                  <td>{p.overdue}</td>
                  <td className="num">{formatCount(p.overdueDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {f.projects.overdue.length > 10 && (
            <p className="deck-note">另有 {f.projects.overdue.length - 10} 个，见项目跟踪页。</p>
          )}
        </div>
      </div>
    ),
  },
  {
    title: (c) => `${c.year}年${c.months ?? ''}${c.scope}总部认定核查`,
    takeaway: (f) => {
      const passed = f.certification.filter((x) => x.passed).length;
      const total = f.certification.length;
      return `${passed}家通过认定核查，通过率${formatPercent(total ? passed / total : null)}`;
    },
    unit: '单位：家',
    body: (f, c, charts) => {
      const passed = f.certification.filter((x) => x.passed).length;
      const failed = f.certification.length - passed;
      return (
        <div className="deck-split">
          <div className="deck-figures">
            <Figure label="通过" value={`${passed} 家`} drill={{ figure: 'certCheck', key: 'passed' }} />
            <Figure label="未通过" value={`${failed} 家`} drill={{ figure: 'certCheck', key: 'failed' }} />
            <Figure
              label="通过率"
              value={formatPercent(f.certification.length ? passed / f.certification.length : null)}
            />
          </div>
          {chart('未通过原因', charts.reasons, 480, (e) => {
            const reason = FAIL_REASONS[e.dataIndex];
            if (reason) c.open?.({ figure: 'certCheck', key: reason });
          })}
        </div>
      );
    },
  },
];

function regionName(f: DeckFigures, code: string): string {
  return f.belts.units.find((u) => u.code === code)?.name ?? code;
}

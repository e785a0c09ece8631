/**
 * 总部经济带 (policy 四(一) 统筹规划布局, 四(二) 在外温商招商地图): where the certified HQ sit on the map of
 * Wenzhou, what industries each group of units holds (中心城区 high-end services vs 产业平台), and the
 * outside 温商 leads on the China map.
 *
 * Filters: HQ type, origin and industry narrow the enterprises counted; the unit is highlighted (map,
 * group bars, table row), not filtered, so the belts stay comparable. Leads follow the industry filter
 * (their own industry) and the unit filter (their 对接属地); HQ type and origin say nothing about a lead.
 */
import { useMemo } from 'react';
import { useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import { Chart, type ChartClick } from '../../charts/Chart';
import { registerMaps } from '../../charts/maps';
import {
  clickedIndustryCell,
  industryStructureOption,
  leadsMapOption,
  LONGGANG,
  mapNumber,
  mapUnit,
  POINT_UNITS,
  unitMapOption,
  type BeltMetric,
} from '../../charts/options/belts';
import {
  beltsFigures,
  leadsFigures,
  serviceShare,
  STRUCTURE_GROUPS,
  type BeltsFigures,
} from '../../domain/figures/belts';
import type { Filters } from '../../domain/filters';
import { UNITS, unitGroups, unitName } from '../../domain/units';
import { formatCount, formatPercent, formatYuan } from '../../format/numbers';
import { partSuffix, periodTitle } from '../labels';
import { LeadsTable, UnitsTable } from './BeltsTables';
import './belts.css';

registerMaps();

const METRICS: readonly { value: BeltMetric; text: string }[] = [
  { value: 'count', text: '总部企业数' },
  { value: 'tax', text: '总部企业税收' },
];

export function BeltsScreen({ db, year, asOf, filters, extra, navigate }: ScreenProps) {
  const metric: BeltMetric = extra.metric === 'tax' ? 'tax' : 'count';
  const attributes = useMemo<Filters>(
    () => dropUndefined({ hqType: filters.hqType, origin: filters.origin, industry: filters.industry }),
    [filters.hqType, filters.origin, filters.industry],
  );
  // The belts follow the unit only in what they highlight: a view a click away differs by its year.
  const beltsOf = (v: View) => ({ year: v.year, asOf, filters: attributes });
  const belts = useFigure(db, beltsFigures, beltsOf({ year, filters }), 'belts', beltsOf);
  const leads = useFigure(db, leadsFigures, {
    filters: dropUndefined({ industry: filters.industry, unit: filters.unit }),
  });
  const selected = filters.unit;
  const drill = useDrill();

  const charts = useMemo(() => {
    if (belts.status !== 'ready') return null;
    // The chosen unit's groups stand out in the bars (鹿城 → 中心城区 and 三区两市).
    const highlight = selected ? unitGroups(selected) : [];
    return {
      map: unitMapOption(belts.data.units, metric, selected),
      structure: industryStructureOption(belts.data.structure, STRUCTURE_GROUPS, metric, highlight),
    };
  }, [belts, metric, selected]);
  const leadsMap = useMemo(
    () => (leads.status === 'ready' ? leadsMapOption(leads.data.byProvince) : null),
    [leads],
  );

  /**
   * Click a unit (map, marker or table) to highlight it and open its HQ enterprises (drill-through);
   * click it again to go back to 全市. One history entry: back undoes both.
   */
  const toggleUnit = (code: string | undefined) =>
    code &&
    navigate(
      code === selected
        ? { filters: { unit: undefined }, extra: { drill: undefined, drillKey: undefined } }
        : { filters: { unit: code }, extra: { drill: 'beltsHq', drillKey: code } },
    );
  const onMapClick = (e: ChartClick) => {
    const data = e.data as { code?: string } | undefined;
    toggleUnit(data?.code ?? UNITS.find((u) => u.name === e.name)?.code);
  };
  const switcher = (
    <div className="segmented" role="group" aria-label="地图指标">
      {METRICS.map((m) => (
        <button
          key={m.value}
          type="button"
          aria-pressed={metric === m.value}
          onClick={() => navigate({ extra: { metric: m.value === 'count' ? undefined : m.value } })}
        >
          {m.text}
        </button>
      ))}
    </div>
  );
  const attributeText = [filters.hqType, filters.origin, filters.industry].filter(Boolean).join('·');

  return (
    <section className="screen belts">
      <h2>
        {year} 年总部经济带{attributeText ? `（${attributeText}）` : ''}
        <small>
          数据截至 {asOf}
          {partSuffix(year, asOf) ? ` · ${periodTitle(year, asOf)}` : ''}
          {selected ? ` · 高亮：${unitName(selected)}` : ''}
        </small>
      </h2>
      <div className="grid">
        <Panel
          title="各地总部企业分布"
          unit={belts.status === 'ready' ? `单位：${mapUnit(belts.data.units, metric)}` : undefined}
          state={belts}
          actions={switcher}
          isEmpty={(d) => d.city.hqCount === 0}
          info={{ figure: 'beltsHq' }}
        >
          {(d) => (
            <>
              <Chart label="各地总部企业分布图" option={charts!.map} height={480} onClick={onMapClick} />
              <ul className="belts-points" aria-label="以点标注的属地">
                {d.units
                  .filter((u) => u.code in POINT_UNITS)
                  .map((u) => (
                    <li key={u.code} className={u.code === selected ? 'selected' : undefined}>
                      <button type="button" className="link" onClick={() => toggleUnit(u.code)}>
                        {u.code === LONGGANG ? '●' : '◆'} {u.name}
                      </button>{' '}
                      <b>{mapNumber(metric === 'count' ? u.hqCount : u.hqTax, mapUnit(d.units, metric))}</b>
                    </li>
                  ))}
              </ul>
              <p className="note" data-part-year={d.months ?? undefined}>
                总部企业：{stockEnd(d)}认定（已认定 / 已备案，新引进与本土）的企业，按认定地计；税收为其{' '}
                {d.year} 年{d.months ?? '全年'}入库税额。全市 {formatCount(d.city.hqCount, '家')}，税收{' '}
                {formatYuan(d.city.hqTax)}。
                底图早于龙港市设立，苍南县色块含龙港市范围但只计苍南县数值；龙港市（●）与三个功能区（◆）以点标注在所在位置。点击某地可高亮并查看其总部企业明细。
              </p>
            </>
          )}
        </Panel>
        <Panel
          title="各片区总部企业行业结构"
          unit={metric === 'count' ? '按总部企业数占比' : '按总部企业税收占比'}
          state={belts}
          isEmpty={(d) => d.structure.length === 0}
          info={{ figure: 'beltsIndustry' }}
        >
          {(d) => (
            <>
              <ServiceHeadline figures={d} metric={metric} />
              <Chart
                label="各片区总部企业行业结构"
                option={charts!.structure}
                height={420}
                onClick={(e) => {
                  const key = clickedIndustryCell(e, STRUCTURE_GROUPS);
                  if (key) drill?.open({ figure: 'beltsIndustry', key });
                }}
              />
              <p className="note">
                高端服务业（暖色）：数字经济、文化创意、生命健康、研发设计，政策要求中心城区重点引进培育。三区两市含中心城区（鹿城、龙湾、瓯海）及瑞安、乐清；产业平台为三个功能区，不计入所在区；同一企业在片区内只计一次。
                {filters.industry ? ` 已按行业“${filters.industry}”筛选，各片区占比均为 100%。` : ''}
              </p>
            </>
          )}
        </Panel>
        <Panel
          title="在外温商招商地图"
          unit="单位：条"
          state={leads}
          isEmpty={(d) => d.leads.length === 0}
          emptyText="暂无符合条件的招商线索"
        >
          {(d) => (
            <>
              <Chart label="在外温商招商线索分布图" option={leadsMap!} height={440} />
              <p className="lead-status">
                {d.byStatus.map((s) => (
                  <span key={s.status}>
                    {s.status} <b>{s.count}</b>
                  </span>
                ))}
              </p>
              <p className="note">
                示意图，不作为国界、省界划定依据。线索台账不分年度；按行业筛选线索自身行业，按属地筛选对接属地，总部类型与企业来源不适用于线索。
                {d.unmapped > 0 ? ` 另有 ${d.unmapped} 条线索的省份无法在地图上定位（见下表）。` : ''}
              </p>
            </>
          )}
        </Panel>
        <Panel title="各地总部企业" state={belts} isEmpty={(d) => d.units.length === 0}>
          {(d) => (
            <>
              <UnitsTable units={d.units} selected={selected} onSelect={(code) => toggleUnit(code)} />
              <p className="note">
                片区取最小归属：中心城区（鹿城、龙湾、瓯海）同属三区两市。同一企业在多地认定时各地分别计入，全市合计按企业去重。本土总部为
                {stockEnd(d)}认定的存量{d.months ? `，新引进为 ${d.year} 年${d.months}认定` : ''}
                。点击行可高亮该地。
              </p>
            </>
          )}
        </Panel>
        <Panel
          title="在外温商招商线索"
          state={leads}
          isEmpty={(d) => d.leads.length === 0}
          emptyText="暂无符合条件的招商线索"
        >
          {(d) => <LeadsTable leads={d.leads} />}
        </Panel>
      </div>
    </section>
  );
}

/** '截至 2024 年底' for a whole year, '截至 2025-09-30' while D falls inside it. */
function stockEnd(f: BeltsFigures): string {
  return f.months ? `截至 ${f.at} ` : `截至 ${f.year} 年底`;
}

function ServiceHeadline({ figures, metric }: { figures: BeltsFigures; metric: BeltMetric }) {
  const share = (group: (typeof STRUCTURE_GROUPS)[number]) => serviceShare(figures.structure, group, metric);
  return (
    <div className="belts-headline">
      <div>
        <span className="belts-headline-label">中心城区高端服务业总部占比</span>
        <span className="belts-headline-value">{formatPercent(share('中心城区'))}</span>
      </div>
      <div className="belts-headline-compare">
        全市 {formatPercent(share('全市'))} · 产业平台 {formatPercent(share('产业平台'))} · 其他县市{' '}
        {formatPercent(share('其他县市'))}
      </div>
    </div>
  );
}

function dropUndefined(f: Filters): Filters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Filters;
}

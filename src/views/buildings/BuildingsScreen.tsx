/**
 * 亿元楼宇: the building economy — tier counts, the ranking by building tax, 亿元楼宇 per year and unit,
 * tax per ㎡ against occupancy, the buildings on the Wenzhou map, and a click on any building opens
 * its enterprises. Follows the year and the unit; building tax counts every tenant, so the
 * enterprise-attribute filters do not apply (FilterBar disables them here).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { DataTable } from '../../app/DataTable';
import { useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import { Chart, type ChartClick } from '../../charts/Chart';
import { registerMaps, WENZHOU_MAP } from '../../charts/maps';
import {
  clickedBuilding,
  clickedTrendCell,
  mappable,
  mapOption,
  mapRegionOf,
  rankingOption,
  scatterable,
  scatterOption,
  trendOption,
} from '../../charts/options/buildings';
import { buildingsScreenFigures, type BuildingsScreenFigures } from '../../domain/figures/buildings';
import { partYearLabel } from '../../domain/asOf';
import { scopeTitle } from '../labels';
import { BuildingForecastPanel } from './BuildingForecastPanel';
import { BuildingKpis } from './BuildingKpis';
import { BuildingRegisterPanel } from './BuildingRegisterPanel';
import { BuildingTenants } from './BuildingTenants';
import { buildingColumns } from './columns';
import './buildings.css';

registerMaps();

const TOP = 20;

export function BuildingsScreen({ db, year, asOf, filters, extra, navigate }: ScreenProps) {
  const unit = filters.unit;
  // Only the unit narrows this screen, so only the unit is a parameter (no refetch on other filters).
  const paramsOf = (v: View) => ({
    year: v.year,
    asOf,
    filters: v.filters.unit ? { unit: v.filters.unit } : {},
  });
  const state = useFigure(db, buildingsScreenFigures, paramsOf({ year, filters }), 'buildings', paramsOf);
  const selectedId = extra.building;
  const drill = useDrill();
  // '1—9月' while D falls inside the year: building tax is then the sum so far.
  const months = partYearLabel(year, asOf) ?? undefined;

  const scrollOnSelect = useRef(false);
  const detail = useRef<HTMLDivElement>(null);
  const select = useCallback(
    (id: string | undefined) => {
      scrollOnSelect.current = id !== undefined;
      navigate({ extra: { building: id } });
    },
    [navigate],
  );
  // A building on a chart: select it (its tenants below) and open its tax rows, in one history entry.
  const onChartClick = useCallback(
    (event: ChartClick) => {
      const id = clickedBuilding(event);
      if (!id) return;
      scrollOnSelect.current = true;
      navigate({ extra: { building: id, drill: 'buildingTax', drillKey: id } });
    },
    [navigate],
  );
  useEffect(() => {
    if (!scrollOnSelect.current || !selectedId) return;
    scrollOnSelect.current = false;
    detail.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [selectedId]);

  const charts = useMemo(
    () => (state.status === 'ready' ? chartOptions(state.data, { year, months, unit, selectedId }) : null),
    [state, year, months, unit, selectedId],
  );
  const data = state.status === 'ready' ? state.data : undefined;
  const selected = data?.buildings.find((b) => b.buildingId === selectedId);
  const noBuildings = (d: BuildingsScreenFigures) => d.buildings.length === 0;
  // A year before the tax data starts: every building at 0 — say so instead of drawing zeros.
  const noTax = (d: BuildingsScreenFigures) => d.buildings.every((b) => b.tax === 0);

  return (
    <section className="screen buildings">
      <h2>
        {year} 年{scopeTitle(unit ? { unit } : {})}亿元楼宇
        <small>
          数据截至 {asOf}
          {months ? ` · ${year}年为${months}累计` : ''} · 楼宇税收按全部入驻企业计算
        </small>
      </h2>
      {months && (
        <p className="note part-year-note" data-part-year={months}>
          {year}年为{months}累计税收：亿元楼宇（≥ 1亿元）、培育楼宇（≥ 5000万元）等档次是全年标准，此处按
          {months}
          累计额判定，年内仍会变化。
        </p>
      )}
      {data ? (
        <BuildingKpis summary={data.summary} months={months} />
      ) : (
        <p className={state.status === 'failed' ? 'state error' : 'state'}>
          {state.status === 'failed' ? `计算失败：${state.message}` : `正在计算 ${year} 年楼宇税收…`}
        </p>
      )}
      <div className="grid">
        <Panel
          title={`楼宇税收排名（前 ${TOP} 位${months ? `，${months}` : ''}）`}
          unit="单位：亿元"
          state={state}
          isEmpty={noTax}
        >
          {() => <Chart label="楼宇税收排名" option={charts!.ranking} height={560} onClick={onChartClick} />}
        </Panel>
        <Panel title="楼宇分布" unit="点大小：楼宇税收" state={state} isEmpty={noTax}>
          {(d) => (
            <>
              <Chart label="楼宇分布地图" option={charts!.map} height={516} onClick={onChartClick} />
              <MapNotes figures={d} unit={unit} />
            </>
          )}
        </Panel>
        <Panel
          title="亿元楼宇数量（按年度、属地）"
          unit="单位：幢"
          state={state}
          isEmpty={(d) => d.byYear.length === 0}
          emptyText="各年度均无亿元楼宇"
          info={{ figure: 'billionBuildingsYear' }}
        >
          {(d) => (
            <Chart
              label="亿元楼宇数量"
              option={charts!.trend}
              height={340}
              // A unit's segment of a year opens that year's 亿元楼宇 of the unit.
              onClick={(e) => {
                const key = clickedTrendCell(e, d.byYear, year);
                if (key) drill?.open({ figure: 'billionBuildingsYear', key });
              }}
            />
          )}
        </Panel>
        <Panel
          title="每㎡税收与入驻率"
          unit="纵轴：元/㎡ · 点大小：楼宇税收"
          state={state}
          isEmpty={(d) => noTax(d) || scatterable(d.buildings).length === 0}
        >
          {(d) => (
            <>
              <Chart label="每㎡税收与入驻率" option={charts!.scatter} height={316} onClick={onChartClick} />
              <ScatterNote figures={d} />
            </>
          )}
        </Panel>
        <div className="buildings-detail" ref={detail}>
          <BuildingTenants
            db={db}
            year={year}
            asOf={asOf}
            building={selected}
            selectedId={data ? selectedId : undefined}
            onClear={() => select(undefined)}
          />
        </div>
        {months && <BuildingForecastPanel db={db} year={year} asOf={asOf} unit={unit} months={months} />}
        <BuildingRegisterPanel db={db} year={year} asOf={asOf} unit={unit} months={months} />
        <Panel title="楼宇一览" state={state} isEmpty={noBuildings} wide>
          {(d) => (
            <DataTable
              rows={d.buildings}
              columns={buildingColumns(
                drill ? (b) => drill.open({ figure: 'buildingTax', key: b.buildingId }) : undefined,
              )}
              label="楼宇一览"
              onRowClick={(b) => select(b.buildingId === selectedId ? undefined : b.buildingId)}
              rowClass={(b) => (b.buildingId === selectedId ? 'selected' : undefined)}
            />
          )}
        </Panel>
      </div>
    </section>
  );
}

function chartOptions(
  f: BuildingsScreenFigures,
  o: { year: number; months?: string; unit?: string; selectedId?: string },
) {
  return {
    ranking: rankingOption(f.buildings, o.selectedId, TOP),
    trend: trendOption(f.byYear, {
      selectedYear: o.year,
      ...(o.months ? { partial: { year: o.year, months: o.months } } : {}),
    }),
    scatter: scatterOption(f.buildings, o.selectedId),
    map: mapOption(f.buildings, { map: WENZHOU_MAP, selected: o.selectedId, unit: o.unit }),
  };
}

/** What the map cannot show, said beside it: the base map's age and buildings without coordinates. */
function MapNotes({ figures, unit }: { figures: BuildingsScreenFigures; unit?: string }) {
  const shown = new Set(mappable(figures.buildings).map((b) => b.buildingId));
  const missing = figures.buildings.filter((b) => !shown.has(b.buildingId));
  const region = mapRegionOf(unit);
  return (
    <p className="note map-notes">
      示意图，可滚轮缩放、拖动。底图为龙港市设立（2019年）前的县级区划，龙港市位于苍南县范围内。
      {region && unit ? `阴影为所选属地所在的${region}。` : ''}
      {missing.length > 0 &&
        `无坐标、未上图的楼宇 ${missing.length} 幢：${missing.map((b) => b.name).join('、')}。`}
    </p>
  );
}

function ScatterNote({ figures }: { figures: BuildingsScreenFigures }) {
  const missing = figures.buildings.length - scatterable(figures.buildings).length;
  return missing > 0 ? <p className="note">缺少建筑面积或入驻面积的楼宇 {missing} 幢未列入散点图。</p> : null;
}

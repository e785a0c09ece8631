/**
 * 亿元楼宇 预计全年 (DOMAIN.md 15) while the year runs: the buildings under 1亿 so far whose forecast
 * reaches it (candidates) and those whose forecast falls short though they are, or last year were,
 * 亿元楼宇 (at risk). Every figure here is a forecast and is labelled 预计.
 */
import { DataTable, type Column } from '../../app/DataTable';
import { DrillButton, useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import { useFigure } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import type { Db } from '../../db';
import { buildingForecasts, type BuildingForecast } from '../../domain/figures/forecast';
import { unitName } from '../../domain/units';

const BASIS_TEXT: Record<BuildingForecast['basis'], string> = {
  lastYear: '按上年同期占全年比例',
  pace: '上年同期无税收，按月均进度',
};

function columns(months: string): Column<BuildingForecast & { kind: string }>[] {
  return [
    { key: 'kind', header: '类别', value: (b) => b.kind },
    { key: 'id', header: '楼宇编号', value: (b) => b.buildingId },
    { key: 'name', header: '楼宇名称', value: (b) => b.name },
    { key: 'region', header: '属地', value: (b) => unitName(b.region) },
    { key: 'tax', header: `${months}税收`, kind: 'yuan', unit: '亿元', value: (b) => b.tax },
    { key: 'forecast', header: '预计全年税收（预计）', kind: 'yuan', unit: '亿元', value: (b) => b.forecast },
    { key: 'lastYear', header: '上年全年税收', kind: 'yuan', unit: '亿元', value: (b) => b.lastYear },
    { key: 'basis', header: '测算方法', value: (b) => BASIS_TEXT[b.basis] },
  ];
}

interface Props {
  db: Db;
  year: number;
  asOf: string;
  unit: string | undefined;
  months: string;
}

export function BuildingForecastPanel({ db, year, asOf, unit, months }: Props) {
  const paramsOf = (v: View) => ({ year: v.year, asOf });
  const state = useFigure(db, buildingForecasts, paramsOf({ year, filters: {} }), undefined, paramsOf);
  const drill = useDrill();
  const inUnit = (b: BuildingForecast) => !unit || b.region === unit;
  return (
    <Panel
      title="亿元楼宇预计（预计全年）"
      unit="预计值，非实际完成"
      state={state}
      wide
      isEmpty={(d) => !d.candidates.some(inUnit) && !d.atRisk.some(inUnit)}
      emptyText="按预计全年测算，暂无新增候选或可能跌出的亿元楼宇"
      info={{ figure: 'buildingForecast' }}
    >
      {(d) => {
        const candidates = d.candidates.filter(inUnit);
        const atRisk = d.atRisk.filter(inUnit);
        return (
          <>
            <p className="note" data-forecast={`${candidates.length}/${atRisk.length}`}>
              预计全年可达 1亿元的候选楼宇 <Count list="candidates" n={candidates.length} /> 幢；预计全年低于
              1亿元的亿元楼宇（本年已达或上年为亿元楼宇） <Count list="atRisk" n={atRisk.length} /> 幢。
            </p>
            <DataTable
              label="亿元楼宇预计"
              rows={[
                ...candidates.map((b) => ({ ...b, kind: '候选（预计达标）' })),
                ...atRisk.map((b) => ({ ...b, kind: '风险（预计跌出）' })),
              ]}
              columns={columns(months)}
              pageSize={10}
              rowClass={(b) => (b.kind.startsWith('风险') ? 'warn' : undefined)}
              // A building's row opens its tax rows (the sum is its 税收 column).
              onRowClick={drill ? (b) => drill.open({ figure: 'buildingTax', key: b.buildingId }) : undefined}
            />
          </>
        );
      }}
    </Panel>
  );
}

/** A count of the note that opens its buildings (the records behind it). */
function Count({ list, n }: { list: 'candidates' | 'atRisk'; n: number }) {
  const drill = useDrill();
  if (!drill) return <b>{n}</b>;
  return (
    <DrillButton
      target={{ figure: 'buildingForecast', key: list }}
      className="cell-link"
      title="查看这些楼宇的明细记录"
    >
      {n}
    </DrillButton>
  );
}

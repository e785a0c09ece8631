/**
 * The enterprises of the selected building (click a building on any panel). The selection lives in
 * the link (`building=`), so a copied link opens on the same building.
 */
import { useMemo } from 'react';
import { DataTable } from '../../app/DataTable';
import { DrillButton, useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import type { FigureState } from '../../app/useFigure';
import { useFigure } from '../../app/useFigure';
import type { Db } from '../../db';
import { buildingEnterprises, type BuildingFigure } from '../../domain/figures/buildings';
import { unitName } from '../../domain/units';
import { formatYuan } from '../../format/numbers';
import { periodTitle } from '../labels';
import { tenantColumns, type TenantRow } from './columns';

interface Props {
  db: Db;
  year: number;
  /** D: the tenants' tax is summed to its month. */
  asOf: string;
  /** The selected building, when it is among the buildings shown. */
  building: BuildingFigure | undefined;
  /** The id in the link, also when that building is not shown (another unit chosen). */
  selectedId: string | undefined;
  onClear: () => void;
}

const PROMPT = '点击排名、散点图、地图或下方表格中的楼宇，查看其入驻企业';
const IDLE: FigureState<TenantRow[]> = { status: 'ready', data: [] };

export function BuildingTenants({ db, year, asOf, building, selectedId, onClear }: Props) {
  if (!building) {
    return (
      <Panel
        title="楼宇入驻企业"
        state={IDLE}
        isEmpty={() => true}
        emptyText={selectedId ? '所选楼宇不在当前属地范围内，请重新选择' : PROMPT}
      >
        {() => null}
      </Panel>
    );
  }
  return <TenantsOf db={db} year={year} asOf={asOf} building={building} onClear={onClear} />;
}

function TenantsOf({
  db,
  year,
  asOf,
  building,
  onClear,
}: Omit<Props, 'selectedId'> & { building: BuildingFigure }) {
  const state = useFigure(db, buildingEnterprises, { year, asOf, buildingId: building.buildingId });
  const drill = useDrill();
  const rows = useMemo<TenantRow[]>(
    () =>
      state.status === 'ready'
        ? state.data.map((e) => ({ ...e, share: building.tax > 0 ? e.tax / building.tax : null }))
        : [],
    [state, building.tax],
  );
  const rowState: FigureState<TenantRow[]> =
    state.status === 'ready' ? { status: 'ready', data: rows } : state;
  return (
    <Panel
      title={`${building.name} · 入驻企业（${periodTitle(year, asOf)}税收）`}
      unit={`${unitName(building.region)} · 楼宇税收 ${formatYuan(building.tax)}${building.tier ? ` · ${building.tier}` : ''}`}
      state={rowState}
      isEmpty={(d) => d.length === 0}
      emptyText="该楼宇暂无登记的入驻企业"
      info={{ figure: 'buildingTax', key: building.buildingId }}
      actions={
        <>
          <DrillButton target={{ figure: 'buildingTax', key: building.buildingId }}>税收明细</DrillButton>
          <button type="button" className="link" onClick={onClear}>
            取消选择
          </button>
        </>
      }
    >
      {(data) => (
        <DataTable
          rows={data}
          // An enterprise's 税收 opens its tax rows of the year (their sum is the cell).
          columns={tenantColumns(
            drill ? (e) => drill.open({ figure: 'enterpriseTax', key: e.creditCode }) : undefined,
          )}
          label="楼宇入驻企业"
          pageSize={10}
        />
      )}
    </Panel>
  );
}

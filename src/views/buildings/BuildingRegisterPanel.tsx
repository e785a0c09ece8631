/**
 * 楼宇类型与所属平台 (issue 13 item 7; policy 二(四)): the register of 商务楼宇、产业楼宇、总部孵化器、
 * 改造厂房 and of the platforms they belong to, with their tax, occupancy and HQ tenants.
 */
import { DataTable, type Column } from '../../app/DataTable';
import { useDrill } from '../../app/drill';
import { Panel } from '../../app/Panel';
import { useFigure } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import type { Db } from '../../db';
import { buildingRegister, type RegisterGroup } from '../../domain/figures/buildingRegister';

/** What a cell of a group opens: its buildings (幢数, 税收), its 亿元楼宇, or the HQ they house. */
type Opens = (
  figure: 'buildingGroup' | 'buildingGroupBillion' | 'buildingGroupHq',
) => (g: RegisterGroup) => void;

/** The 幢数 and 税收 of a group open its buildings; 亿元楼宇 and 总部企业 the records behind each. */
function columns(first: string, months: string | undefined, open?: Opens): Column<RegisterGroup>[] {
  const opens = open ? { onClick: open('buildingGroup') } : {};
  return [
    { key: 'name', header: first, value: (g) => g.name },
    { key: 'buildings', header: '幢数', kind: 'count', value: (g) => g.buildings, ...opens },
    { key: 'floor', header: '面积（万㎡）', kind: 'number', digits: 1, value: (g) => g.floorArea / 1e4 },
    { key: 'occupancy', header: '入驻率', kind: 'percent', value: (g) => g.occupancy },
    {
      key: 'tax',
      header: `税收${months ? `（${months}）` : ''}`,
      kind: 'yuan',
      unit: '亿元',
      value: (g) => g.tax,
      ...opens,
    },
    {
      key: 'billion',
      header: '亿元楼宇',
      kind: 'count',
      value: (g) => g.billion,
      ...(open ? { onClick: open('buildingGroupBillion') } : {}),
    },
    {
      key: 'hq',
      header: '总部企业',
      kind: 'count',
      value: (g) => g.hqEnterprises,
      ...(open ? { onClick: open('buildingGroupHq') } : {}),
    },
  ];
}

interface Props {
  db: Db;
  year: number;
  asOf: string;
  unit: string | undefined;
  months: string | undefined;
}

export function BuildingRegisterPanel({ db, year, asOf, unit, months }: Props) {
  const paramsOf = (v: View) => ({ year: v.year, asOf, unit: v.filters.unit });
  const state = useFigure(db, buildingRegister, paramsOf({ year, filters: { unit } }), undefined, paramsOf);
  const drill = useDrill();
  const open = (by: 'kind' | 'platform'): Opens | undefined =>
    drill ? (figure) => (g) => drill.open({ figure, key: `${by}:${g.name}` }) : undefined;
  return (
    <Panel
      title="楼宇类型与所属平台"
      unit="总部孵化器、改造厂房按政策二(四)单列"
      state={state}
      wide
      isEmpty={(d) => d.byKind.length === 0}
      info={{ figure: 'buildingGroup' }}
    >
      {(d) => (
        <div className="register-tables">
          <DataTable
            label="按楼宇类型"
            rows={d.byKind}
            columns={columns('楼宇类型', months, open('kind'))}
            pageSize={10}
          />
          <DataTable
            label="按所属平台"
            rows={d.byPlatform}
            columns={columns('所属平台', months, open('platform'))}
            pageSize={10}
          />
        </div>
      )}
    </Panel>
  );
}

/** The two tables of the belts screen: HQ by unit, and the outside 温商 leads. */
import { DataTable, type Column } from '../../app/DataTable';
import { useDrill } from '../../app/drill';
import type { BeltUnit, Lead } from '../../domain/figures/belts';

const UNIT_COLUMNS: readonly Column<BeltUnit>[] = [
  { key: 'name', header: '属地', value: (u) => u.name },
  // The narrowest group; the panel note says 三区两市 also contains 中心城区.
  { key: 'group', header: '片区', value: (u) => u.group },
  { key: 'hqCount', header: '总部（家）', kind: 'count', value: (u) => u.hqCount },
  { key: 'hqTax', header: '总部税收', kind: 'yuan', unit: '万元', digits: 1, value: (u) => u.hqTax },
  { key: 'newHq', header: '当年新引进（家）', kind: 'count', value: (u) => u.newHq },
  { key: 'localStock', header: '本土存量（家）', kind: 'count', value: (u) => u.localStock },
];

/** 当年新引进 and 本土存量 open their enterprises (the row itself opens its HQ). */
function unitColumns(open?: (u: BeltUnit, flow: 'newHq' | 'localStock') => void) {
  if (!open) return UNIT_COLUMNS;
  return UNIT_COLUMNS.map((c) => {
    const flow = c.key === 'newHq' || c.key === 'localStock' ? c.key : null;
    return flow ? { ...c, onClick: (u: BeltUnit) => open(u, flow) } : c;
  });
}

export function UnitsTable({
  units,
  selected,
  onSelect,
}: {
  units: readonly BeltUnit[];
  selected?: string;
  onSelect: (code: string) => void;
}) {
  const drill = useDrill();
  return (
    <DataTable
      rows={units}
      columns={unitColumns(
        drill ? (u, flow) => drill.open({ figure: 'beltsFlow', key: `${u.code}:${flow}` }) : undefined,
      )}
      label="各地总部企业"
      pageSize={15}
      onRowClick={(u) => onSelect(u.code)}
      rowClass={(u) => (u.code === selected ? 'selected' : undefined)}
    />
  );
}

const LEAD_COLUMNS: readonly Column<Lead>[] = [
  { key: 'name', header: '企业名称', value: (l) => l.name },
  { key: 'province', header: '所在省份', value: (l) => l.province },
  { key: 'city', header: '所在城市', value: (l) => l.city },
  { key: 'industry', header: '行业', value: (l) => l.industry },
  { key: 'listed', header: '上市', value: (l) => (l.listed === null ? null : l.listed ? '是' : '否') },
  // Leads' revenue is kept in 亿元 (the table's canonical unit), so it is a plain number here.
  { key: 'revenue', header: '营业收入（亿元）', kind: 'number', digits: 2, value: (l) => l.revenue },
  { key: 'status', header: '跟进状态', value: (l) => l.status },
  { key: 'region', header: '对接属地', value: (l) => l.regionName ?? '未对接' },
];

export function LeadsTable({ leads }: { leads: readonly Lead[] }) {
  return <DataTable rows={leads} columns={LEAD_COLUMNS} label="在外温商招商线索" pageSize={10} />;
}

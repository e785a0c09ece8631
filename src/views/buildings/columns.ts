/** The columns of the two tables of the buildings screen (all values stay in 元, ㎡ and ratios). */
import type { Column } from '../../app/DataTable';
import type { BuildingFigure } from '../../domain/figures/buildings';
import { unitName } from '../../domain/units';

export const BUILDING_COLUMNS: readonly Column<BuildingFigure>[] = [
  { key: 'name', header: '楼宇名称', value: (b) => b.name },
  { key: 'region', header: '属地', value: (b) => unitName(b.region) },
  { key: 'kind', header: '类型', value: (b) => b.kind },
  { key: 'tax', header: '税收', kind: 'yuan', unit: '万元', digits: 1, value: (b) => b.tax },
  { key: 'tier', header: '等级', value: (b) => b.tier },
  { key: 'floorArea', header: '建筑面积（㎡）', kind: 'count', value: (b) => b.floorArea },
  { key: 'occupancy', header: '入驻率', kind: 'percent', value: (b) => b.occupancy },
  { key: 'taxPerSqm', header: '每㎡税收（元/㎡）', kind: 'count', value: (b) => b.taxPerSqm },
  { key: 'enterprises', header: '入驻企业数', kind: 'count', value: (b) => b.enterprises },
];

/** The register's columns with the 税收 cell opening the building's tax rows (the row selects it). */
export function buildingColumns(open?: (b: BuildingFigure) => void): readonly Column<BuildingFigure>[] {
  return open
    ? BUILDING_COLUMNS.map((c) => (c.key === 'tax' ? { ...c, onClick: open } : c))
    : BUILDING_COLUMNS;
}

export interface TenantRow {
  creditCode: string;
  name: string;
  tax: number;
  /** Share of the building's tax; null when the building's tax is not positive. */
  share: number | null;
}

/** The tenants' columns with the 税收 cell opening that enterprise's tax rows of the year. */
export function tenantColumns(open?: (e: TenantRow) => void): readonly Column<TenantRow>[] {
  return open ? TENANT_COLUMNS.map((c) => (c.key === 'tax' ? { ...c, onClick: open } : c)) : TENANT_COLUMNS;
}

export const TENANT_COLUMNS: readonly Column<TenantRow>[] = [
  { key: 'name', header: '企业名称', value: (e) => e.name },
  { key: 'creditCode', header: '统一社会信用代码', value: (e) => e.creditCode },
  { key: 'tax', header: '税收', kind: 'yuan', unit: '万元', digits: 1, value: (e) => e.tax },
  { key: 'share', header: '占楼宇税收', kind: 'percent', value: (e) => e.share },
];

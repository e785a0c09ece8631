/** Columns of the county scorecard's record tables: what stands behind each indicator. */
import type { Column } from '../../app/DataTable';
import type { BuildingFigure } from '../../domain/figures/buildings';
import type { ProjectFigure } from '../../domain/figures/projects';
import type { Scorecard } from '../../domain/figures/scorecard';

export const NEW_HQ_COLUMNS: readonly Column<Scorecard['newHq'][number]>[] = [
  { key: 'code', header: '信用代码', value: (h) => h.creditCode },
  { key: 'name', header: '企业名称', value: (h) => h.name ?? '（企业名录中无此企业）' },
  { key: 'type', header: '总部类型', value: (h) => h.hqType },
  { key: 'certified', header: '认定日期', value: (h) => h.certifiedOn },
];

export const PROJECT_COLUMNS: readonly Column<ProjectFigure>[] = [
  { key: 'id', header: '项目编号', value: (p) => p.projectId },
  { key: 'name', header: '项目名称', value: (p) => p.name },
  { key: 'signed', header: '签约日期', value: (p) => p.signedOn },
  // Investment is kept in 万元; money columns take 元.
  {
    key: 'investment',
    header: '计划投资',
    kind: 'yuan',
    unit: '万元',
    digits: 0,
    value: (p) => (p.investment === null ? null : p.investment * 1e4),
  },
  { key: 'stage', header: '阶段', value: (p) => p.stage },
];

export const TAX_COLUMNS: readonly Column<Scorecard['taxByEnterprise'][number]>[] = [
  { key: 'code', header: '信用代码', value: (t) => t.creditCode },
  { key: 'name', header: '企业名称', value: (t) => t.name ?? '（企业名录中无此企业）' },
  { key: 'tax', header: '税收', kind: 'yuan', unit: '万元', value: (t) => t.tax },
];

export const OVERDUE_COLUMNS: readonly Column<ProjectFigure>[] = [
  { key: 'id', header: '项目编号', value: (p) => p.projectId },
  { key: 'name', header: '项目名称', value: (p) => p.name },
  { key: 'stage', header: '阶段', value: (p) => p.stage },
  { key: 'reason', header: '预警原因', value: (p) => p.overdue },
  { key: 'manager', header: '项目经理', value: (p) => p.manager },
];

export const BUILDING_COLUMNS: readonly Column<BuildingFigure>[] = [
  { key: 'id', header: '楼宇编号', value: (b) => b.buildingId },
  { key: 'name', header: '楼宇名称', value: (b) => b.name },
  { key: 'kind', header: '类型', value: (b) => b.kind },
  { key: 'tax', header: '楼宇税收', kind: 'yuan', unit: '亿元', value: (b) => b.tax },
  { key: 'tier', header: '档次', value: (b) => b.tier },
  { key: 'occupancy', header: '入驻率', kind: 'percent', value: (b) => b.occupancy },
];

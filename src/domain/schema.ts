/**
 * The data contract of DOMAIN.md "Input tables": each table's canonical columns, their Chinese
 * headers, value kinds and canonical units. The importer reads it to recognise files and map
 * headers; the database layer reads it to create tables. Identifiers here come from code only.
 */
import {
  BUILDING_KINDS,
  DEFAULT_METRIC,
  CERT_CATEGORIES,
  CERT_STATUSES,
  HQ_TYPES,
  INDUSTRIES,
  LEAD_STATUSES,
  ORIGINS,
  SUBSIDY_STATES,
} from './enums';

export type MoneyUnit = '元' | '万元' | '亿元';
export type ValueKind =
  | { type: 'creditCode' }
  | { type: 'text' }
  | { type: 'unit' }
  | { type: 'unitOrCity' }
  | { type: 'date' }
  | { type: 'month' }
  | { type: 'year' }
  | { type: 'yearOrWindow' }
  | { type: 'money'; unit: MoneyUnit }
  | { type: 'area' }
  | { type: 'number' }
  | { type: 'integer' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'taxType' };

export interface Column {
  name: string;
  /** Headers that map to this column, the canonical Chinese one first. Compared after folding. */
  headers: readonly string[];
  kind: ValueKind;
  required?: boolean;
  /**
   * The value an empty or absent cell takes, as canonical text (what a normaliser returns), given
   * before keys are compared (DOMAIN.md "Keys after defaults"): a blank 指标 is 新引进总部企业.
   */
  default?: string;
}

export type TableName =
  'enterprises' | 'certifications' | 'tax' | 'annual' | 'buildings' | 'projects' | 'targets' | 'leads';

export interface Table {
  name: TableName;
  label: string;
  /** Columns whose values identify a row; empty for additive tables (tax). */
  key: readonly string[];
  columns: readonly Column[];
}

const creditCode = (headers: string[], required = true): Column => ({
  name: 'credit_code',
  headers,
  kind: { type: 'creditCode' },
  required,
});
const text = (name: string, headers: string[], required = false): Column => ({
  name,
  headers,
  kind: { type: 'text' },
  required,
});
const col = (name: string, headers: string[], kind: ValueKind, required = false): Column => ({
  name,
  headers,
  kind,
  required,
});
const oneOf = (values: readonly string[]): ValueKind => ({ type: 'enum', values });

export const TABLES: readonly Table[] = [
  {
    name: 'enterprises',
    label: '企业名录',
    key: ['credit_code'],
    columns: [
      creditCode(['统一社会信用代码', '信用代码', '纳税人识别号']),
      text('name', ['企业名称', '纳税人名称'], true),
      col('region', ['属地', '注册地', '所在县市区', '县市区'], { type: 'unit' }, true),
      col('registered_on', ['成立日期', '注册日期'], { type: 'date' }),
      col('independent_legal_person', ['是否独立法人'], { type: 'boolean' }),
      col('registered_capital', ['注册资本'], { type: 'money', unit: '万元' }),
      col('paid_in_capital', ['实缴资本', '实缴注册资本'], { type: 'money', unit: '万元' }),
      col('industry', ['行业', '产业领域'], oneOf(INDUSTRIES)),
      col('hq_type', ['总部类型'], oneOf(HQ_TYPES)),
      col('origin', ['企业来源', '来源'], oneOf(ORIGINS)),
      col('wenzhou_merchant', ['是否温商'], { type: 'boolean' }),
      text('building_id', ['所在楼宇编号', '楼宇编号']),
      col('branches_outside', ['市外分支机构数'], { type: 'integer' }),
      col('consolidated_tax', ['是否在温汇总纳税', '汇总纳税'], { type: 'boolean' }),
      col('office_area', ['办公面积'], { type: 'area' }),
    ],
  },
  {
    name: 'certifications',
    label: '总部认定',
    key: ['credit_code', 'category'],
    columns: [
      creditCode(['统一社会信用代码', '信用代码', '纳税人识别号']),
      col('category', ['认定类别'], oneOf(CERT_CATEGORIES), true),
      col('status', ['认定状态'], oneOf(CERT_STATUSES), true),
      col('region', ['认定地', '属地'], { type: 'unit' }, true),
      col('applied_on', ['申请日期'], { type: 'date' }),
      col('certified_on', ['认定日期'], { type: 'date' }),
      col('filed_on', ['备案日期'], { type: 'date' }),
    ],
  },
  {
    name: 'tax',
    label: '税收明细',
    key: [],
    columns: [
      creditCode(['统一社会信用代码', '纳税人识别号', '信用代码']),
      col('period', ['所属期', '税款所属期', '所属月份'], { type: 'month' }, true),
      col('tax_type', ['税种'], { type: 'taxType' }, true),
      col('amount', ['税额', '实缴税额', '入库税额'], { type: 'money', unit: '元' }, true),
      { ...col('outside', ['是否市外经营', '市外税源'], { type: 'boolean' }), default: 'false' },
      col('local_amount', ['地方财政贡献', '地方留成'], { type: 'money', unit: '元' }),
    ],
  },
  {
    name: 'annual',
    label: '企业年度数据',
    key: ['credit_code', 'year'],
    columns: [
      creditCode(['统一社会信用代码', '信用代码', '纳税人识别号']),
      col('year', ['年度'], { type: 'year' }, true),
      col('revenue', ['营业收入'], { type: 'money', unit: '万元' }),
      col('output', ['总产出'], { type: 'money', unit: '万元' }, true),
      col('employees', ['从业人员'], { type: 'integer' }),
    ],
  },
  {
    name: 'buildings',
    label: '楼宇',
    key: ['building_id'],
    columns: [
      text('building_id', ['楼宇编号'], true),
      text('name', ['楼宇名称'], true),
      col('region', ['所在县市区', '属地'], { type: 'unit' }, true),
      col('kind', ['楼宇类型'], oneOf(BUILDING_KINDS)),
      col('floor_area', ['建筑面积'], { type: 'area' }, true),
      col('occupied_area', ['已入驻面积'], { type: 'area' }),
      col('lng', ['经度'], { type: 'number' }),
      col('lat', ['纬度'], { type: 'number' }),
      text('platform', ['所属平台']),
    ],
  },
  {
    name: 'projects',
    label: '总部项目',
    key: ['project_id'],
    columns: [
      text('project_id', ['项目编号'], true),
      text('name', ['项目名称'], true),
      col('region', ['属地'], { type: 'unit' }, true),
      creditCode(['统一社会信用代码', '信用代码'], false),
      col('origin', ['企业来源', '来源'], oneOf(ORIGINS)),
      col('hq_type', ['总部类型'], oneOf(HQ_TYPES)),
      col('industry', ['行业', '产业领域'], oneOf(INDUSTRIES)),
      col('investment', ['计划投资', '投资额'], { type: 'money', unit: '万元' }),
      col('signed_on', ['签约日期'], { type: 'date' }, true),
      col('registered_on', ['注册日期'], { type: 'date' }),
      col('certified_on', ['认定日期'], { type: 'date' }),
      col('operating_on', ['投产日期', '运营日期'], { type: 'date' }),
      col('closed_on', ['销号日期'], { type: 'date' }),
      text('manager', ['项目经理']),
      text('leader', ['联系领导']),
      col('task_force', ['服务专班'], { type: 'boolean' }),
      col('green_channel', ['绿色通道'], { type: 'boolean' }),
      col('subsidy', ['开办补助'], oneOf(SUBSIDY_STATES)),
      col('subsidy_amount', ['补助金额'], { type: 'money', unit: '万元' }),
    ],
  },
  {
    name: 'targets',
    label: '目标任务',
    key: ['year', 'region', 'metric'],
    columns: [
      col('year', ['年度'], { type: 'yearOrWindow' }, true),
      col('region', ['属地'], { type: 'unitOrCity' }, true),
      { ...text('metric', ['指标']), default: DEFAULT_METRIC },
      col('target', ['目标值', '目标'], { type: 'number' }, true),
    ],
  },
  {
    name: 'leads',
    label: '在外温商招商线索',
    key: ['lead_id'],
    columns: [
      text('lead_id', ['线索编号']),
      text('name', ['企业名称'], true),
      text('province', ['所在省份'], true),
      text('city', ['所在城市']),
      col('industry', ['行业', '产业领域'], oneOf(INDUSTRIES)),
      col('listed', ['是否上市'], { type: 'boolean' }),
      col('revenue', ['营业收入'], { type: 'money', unit: '亿元' }),
      col('status', ['跟进状态'], oneOf(LEAD_STATUSES)),
      col('region', ['对接属地'], { type: 'unit' }),
    ],
  },
];

/** Whether a column can hold no value once imported (neither required nor defaulted). */
export function nullable(column: Column): boolean {
  return !column.required && column.default === undefined;
}

export function tableByName(name: TableName): Table {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown table ${name}`);
  return table;
}

/**
 * The CSV exports, each in the encoding and spelling habits of the system it comes from:
 * ledgers kept by hand in Excel and saved as GBK CSV (认定台账, 项目台账), the tax system's UTF-8
 * export with BOM, and plain UTF-8 from the building survey.
 */
import { join } from 'node:path';
import { AS_OF, type Building, type Certification, type Enterprise, type Project } from './model';
import { mixedDate } from './dates';
import { periodLabel } from './dates';
import { grouped, money2, writeCsv, type Cell } from './csv';
import { header } from './headers';
import type { AnnualRow, LeadRow, TargetRow } from './extras';
import type { Rng } from './rng';
import { spellBoolean, spellRegion } from './spell';
import type { TaxRow } from './tax';

export const FILES = {
  enterprises: '总部企业名录.xlsx',
  certifications: '总部认定台账.csv',
  tax: '税收明细_2019-2025.csv',
  buildings: '楼宇清单.csv',
  projects: '总部项目台账.csv',
  targets: '目标任务.csv',
  annual: '企业年度数据.csv',
  leads: '在外温商招商线索.csv',
} as const;

export function writeCertifications(
  dir: string,
  rng: Rng,
  certs: readonly Certification[],
  enterprises: readonly Enterprise[],
): void {
  const columns = ['credit_code', 'category', 'status', 'region', 'applied_on', 'certified_on', 'filed_on'];
  const row = (c: Certification, region?: string): Cell[] => [
    c.code,
    c.category,
    c.status,
    region ?? spellRegion(rng, c.region, { name: 55, short: 25, code: 12, alias: 8 }),
    mixedDate(rng, c.appliedOn),
    mixedDate(rng, c.certifiedOn),
    mixedDate(rng, c.filedOn),
  ];
  // The ledger lists cases in the order they were decided (or applied for).
  const sorted = [...certs].sort(
    (a, b) => (a.certifiedOn ?? a.appliedOn ?? 0) - (b.certifiedOn ?? b.appliedOn ?? 0),
  );
  const rows = sorted.map((c) => row(c));

  // Deliberate bad row: a rejected case typed twice (duplicate key credit_code + category).
  const rejected = sorted.findIndex((c) => c.status === '驳回');
  rows.splice(rejected + 1, 0, row(sorted[rejected]!));
  // Deliberate bad row: an application from an enterprise whose unit is outside Wenzhou.
  const certified = new Set(certs.map((c) => c.code));
  const outsider = enterprises.find((e) => !certified.has(e.code))!;
  rows.push(
    row(
      { code: outsider.code, category: '新引进', status: '申请', region: '', appliedOn: AS_OF - 20 },
      '杭州市西湖区',
    ),
  );

  writeCsv(
    join(dir, FILES.certifications),
    columns.map((c) => header('certifications', c)),
    rows,
    'gbk',
  );
}

/**
 * The tax system's export: 所属期 as 2019-01 up to 2021 (old system), 202201 from 2022 on. Names
 * are left out (the list has them): with them the file would be 16 MB rather than about 9.
 */
export function writeTax(dir: string, rows: readonly TaxRow[]): void {
  const head = [
    header('tax', 'credit_code', { alt: 1 }),
    header('tax', 'period'),
    header('tax', 'tax_type'),
    header('tax', 'amount', { unit: '元' }),
    header('tax', 'outside'),
  ];
  const cells: Cell[][] = rows.map((r) => [
    r.code,
    periodLabel(r.period, r.period.year <= 2021 ? 'dash' : 'compact'),
    r.taxType,
    money2(r.amount),
    r.outside ? '是' : '否',
  ]);
  // Deliberate bad row: an amount someone left as a note instead of a number.
  const at = Math.floor(cells.length / 3);
  const victim = cells[at]!;
  cells.splice(at, 0, [victim[0], victim[1], '其他', '待核实', '否']);
  writeCsv(join(dir, FILES.tax), head, cells, 'utf8-bom');
}

export function writeBuildings(dir: string, rng: Rng, buildings: readonly Building[]): void {
  const head = [
    header('buildings', 'building_id'),
    header('buildings', 'name'),
    header('buildings', 'region'),
    header('buildings', 'kind'),
    header('buildings', 'floor_area', { unit: '平方米' }),
    header('buildings', 'occupied_area', { unit: '平方米' }),
    header('buildings', 'lng'),
    header('buildings', 'lat'),
    header('buildings', 'platform'),
  ];
  const rows = buildings.map((b) => [
    b.id,
    b.name,
    spellRegion(rng, b.region, { name: 40, short: 50, code: 10, alias: 10 }),
    b.kind,
    // Survey sheets show thousands separators on some rows and not on others.
    rng.chance(0.5) ? grouped(b.floorArea) : b.floorArea,
    b.occupiedArea,
    b.lng.toFixed(5),
    b.lat.toFixed(5),
    b.platform ?? '',
  ]);
  writeCsv(join(dir, FILES.buildings), head, rows, 'utf8');
}

export function writeProjects(dir: string, rng: Rng, projects: readonly Project[]): void {
  const columns: [string, string?][] = [
    ['project_id'],
    ['name'],
    ['region'],
    ['credit_code'],
    ['origin'],
    ['hq_type'],
    ['industry'],
    ['investment', '亿元'],
    ['signed_on'],
    ['registered_on'],
    ['certified_on'],
    ['operating_on'],
    ['closed_on'],
    ['manager'],
    ['leader'],
    ['task_force'],
    ['green_channel'],
    ['subsidy'],
    ['subsidy_amount', '万元'],
  ];
  const row = (p: Project): Cell[] => [
    p.id,
    p.name,
    spellRegion(rng, p.region, { name: 70, short: 25, code: 5, alias: 5 }),
    p.code ?? '',
    p.origin,
    p.hqType,
    p.industry,
    // 万元 internally, 亿元 in the ledger; 4 decimals keep it exact to the 万.
    (p.investment / 10_000).toFixed(4),
    mixedDate(rng, p.signedOn),
    mixedDate(rng, p.registeredOn),
    mixedDate(rng, p.certifiedOn),
    mixedDate(rng, p.operatingOn),
    mixedDate(rng, p.closedOn),
    p.manager ?? '',
    p.leader,
    spellBoolean(rng, p.taskForce),
    spellBoolean(rng, p.greenChannel),
    p.subsidy ?? '',
    p.subsidyAmount ?? '',
  ];
  const rows = projects.map(row);
  // Deliberate bad row: a subsidy state outside the enumeration (未兑现 / 预兑现 / 已兑现).
  const template = projects.find((p) => p.subsidy === '预兑现')!;
  const bad = row({
    ...template,
    id: `${template.id.slice(0, 6)}900`,
    name: template.name.replace(/项目$/, '二期项目'),
    subsidy: '部分兑现',
  });
  rows.push(bad);
  writeCsv(
    join(dir, FILES.projects),
    columns.map(([c, unit]) => header('projects', c, { unit })),
    rows,
    'gbk',
  );
}

export function writeTargets(dir: string, rng: Rng, targets: readonly TargetRow[]): void {
  const head = ['year', 'region', 'metric', 'target'].map((c) => header('targets', c));
  const rows = targets.map((t) => [
    t.year,
    t.region === '全市' ? t.region : spellRegion(rng, t.region, { name: 85, short: 15, code: 0 }),
    '新引进总部企业',
    t.target,
  ]);
  writeCsv(join(dir, FILES.targets), head, rows, 'utf8');
}

export function writeAnnual(dir: string, rows: readonly AnnualRow[]): void {
  const head = [
    header('annual', 'credit_code'),
    header('annual', 'year'),
    header('annual', 'revenue', { unit: '万元' }),
    header('annual', 'output', { unit: '万元' }),
    header('annual', 'employees'),
  ];
  const cells: Cell[][] = rows.map((r) => [
    r.code,
    r.year,
    r.revenue.toFixed(2),
    r.output.toFixed(2),
    r.employees,
  ]);
  // Deliberate bad row: one enterprise-year reported twice with a corrected output (duplicate key).
  const at = Math.floor(cells.length / 2);
  const original = rows[at]!;
  cells.splice(at + 1, 0, [
    original.code,
    original.year,
    original.revenue.toFixed(2),
    (original.output * 1.02).toFixed(2),
    original.employees,
  ]);
  writeCsv(join(dir, FILES.annual), head, cells, 'utf8-bom');
}

export function writeLeads(dir: string, rng: Rng, leads: readonly LeadRow[]): void {
  const columns: [string, string?][] = [
    ['lead_id'],
    ['name'],
    ['province'],
    ['city'],
    ['industry'],
    ['listed'],
    ['revenue', '亿元'],
    ['status'],
    ['region'],
  ];
  const rows = leads.map((l) => [
    l.id,
    l.name,
    l.province,
    l.city,
    l.industry,
    spellBoolean(rng, l.listed),
    l.revenue.toFixed(2),
    l.status,
    l.region ? spellRegion(rng, l.region, { name: 80, short: 20, code: 0 }) : '',
  ]);
  writeCsv(
    join(dir, FILES.leads),
    columns.map(([c, unit]) => header('leads', c, { unit })),
    rows,
    'utf8',
  );
}

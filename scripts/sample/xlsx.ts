/**
 * 总部企业名录.xlsx the way the registry prints it: a title row, a blank row, the header (with 序号
 * and 备注 beside the contract's columns), the enterprises, and a 合计 row the importer must drop.
 */
import * as XLSX from '@e965/xlsx';
import { excelSerial } from './dates';
import { header } from './headers';
import type { Enterprise } from './model';
import type { Rng } from './rng';
import { breakCheckChar, spellBoolean, spellRegion } from './spell';

export const ENTERPRISE_TITLE = '温州市总部企业名录（截至2025年9月30日）';

/** Row (1-based among enterprises) before which the bad-check-digit row is inserted. */
const BAD_ROW_AT = 500;

/**
 * A name an export may well carry and a spreadsheet must never run: it tests that tooltips escape
 * it and that exports write it as text (issue 5's formula-injection guard).
 */
export const HOSTILE_NAME = '=HYPERLINK("x")';

export function enterpriseWorkbook(
  rng: Rng,
  enterprises: readonly Enterprise[],
  hostileCode?: string,
): Buffer {
  const columns = [
    '序号',
    header('enterprises', 'credit_code'),
    header('enterprises', 'name'),
    header('enterprises', 'region'),
    header('enterprises', 'registered_on'),
    header('enterprises', 'independent_legal_person'),
    header('enterprises', 'registered_capital', { unit: '万元' }),
    header('enterprises', 'paid_in_capital', { unit: '万元' }),
    header('enterprises', 'industry'),
    header('enterprises', 'hq_type'),
    header('enterprises', 'origin'),
    header('enterprises', 'wenzhou_merchant'),
    header('enterprises', 'building_id'),
    header('enterprises', 'branches_outside'),
    header('enterprises', 'consolidated_tax'),
    header('enterprises', 'office_area', { unit: '平方米' }),
    '备注',
  ];
  const DATE_COL = 4;

  const listed: Enterprise[] = [...enterprises];
  // Deliberate bad row: a real enterprise entered a second time with a mistyped check character,
  // as happens when codes are typed by hand. The importer must reject it and keep the rest.
  const template = listed[BAD_ROW_AT]!;
  listed.splice(BAD_ROW_AT, 0, { ...template, code: breakCheckChar(template.code) });

  const body = listed.map((e, i) => [
    i + 1,
    e.code,
    e.code === hostileCode ? HOSTILE_NAME : e.name,
    spellRegion(rng, e.region, { name: 85, short: 8, code: 4, alias: 3 }),
    excelSerial(e.registeredOn),
    spellBoolean(rng, e.independent),
    round2(e.registeredCapital),
    round2(e.paidInCapital),
    e.industry,
    e.hqType,
    e.origin,
    spellBoolean(rng, e.wenzhouMerchant),
    e.buildingId ?? '',
    e.branchesOutside,
    spellBoolean(rng, e.consolidatedTax),
    e.officeArea,
    remark(rng, e),
  ]);
  const sum = (k: number): number => round2(body.reduce((s, row) => s + Number(row[k]), 0));
  const total = ['合计', '', '', '', '', '', sum(6), sum(7), '', '', '', '', '', '', '', sum(15), ''];

  const sheet = XLSX.utils.aoa_to_sheet([[ENTERPRISE_TITLE], [], columns, ...body, total]);
  // Dates are real Excel dates: serial numbers shown in a date format.
  for (let r = 3; r < 3 + body.length; r++) {
    const cell = sheet[XLSX.utils.encode_cell({ r, c: DATE_COL })] as XLSX.CellObject | undefined;
    if (cell) cell.z = 'yyyy-mm-dd';
  }
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: columns.length - 1 } }];
  sheet['!cols'] = columns.map((c) => ({ wch: c === '企业名称' ? 36 : c === '统一社会信用代码' ? 22 : 12 }));

  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '企业名录');
  // A fixed creation date keeps the file byte-identical between runs.
  book.Props = {
    Title: ENTERPRISE_TITLE,
    Author: '温州市投资促进局',
    CreatedDate: new Date(Date.UTC(2025, 8, 30)),
  };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function remark(rng: Rng, e: Enterprise): string {
  if (e.size > 1e8 && rng.chance(0.5)) return '重点联系企业';
  return rng.weighted([
    ['', 85],
    ['楼宇招商引进', 4],
    ['拟上市企业', 3],
    ['地址变更', 3],
    ['已迁入新址', 2],
    ['专精特新', 3],
  ]);
}

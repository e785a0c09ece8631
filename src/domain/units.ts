/**
 * The unit dictionary (属地): Wenzhou's 12 county-level divisions and the functional zones that are
 * assessed on their own. Every enterprise, building, project, certification and target resolves to
 * one of these codes. Zones have no official code; ours are stable and sort after the 6-digit codes.
 */

export type UnitKind = 'county' | 'zone';
export type UnitGroup = '中心城区' | '三区两市' | '产业平台' | '其他县市';

export interface Unit {
  code: string;
  name: string;
  short: string;
  kind: UnitKind;
  /** The county-level division the unit lies in (for the map); a county lies in itself. */
  district: string;
  /** Other names exports use: older and newer official names of the same unit. */
  aliases: readonly string[];
}

export const UNITS: readonly Unit[] = [
  county('330302', '鹿城区', '鹿城'),
  county('330303', '龙湾区', '龙湾'),
  county('330304', '瓯海区', '瓯海'),
  county('330305', '洞头区', '洞头'),
  county('330324', '永嘉县', '永嘉'),
  county('330326', '平阳县', '平阳'),
  county('330327', '苍南县', '苍南'),
  county('330328', '文成县', '文成'),
  county('330329', '泰顺县', '泰顺'),
  county('330381', '瑞安市', '瑞安'),
  county('330382', '乐清市', '乐清'),
  county('330383', '龙港市', '龙港'),
  // 温州湾新区 (2022) took over 经开区 and 高新区; exports after 2022 name the new area. We resolve it to
  // 浙南产业集聚区 (the 经开区 core, where its administration sits) so older and newer files agree.
  zone('ZN01', '浙南产业集聚区', '浙南集聚区', '330303', [
    '温州经开区',
    '经开区',
    '温州经济技术开发区',
    '温州湾新区',
  ]),
  zone('ZN02', '瓯江口产业集聚区', '瓯江口', '330303', ['瓯江口新区', '瓯江口集聚区']),
  zone('ZN03', '浙南科技城', '科技城', '330303', ['温州高新区', '高新区', '温州国家高新区']),
];

function county(code: string, name: string, short: string): Unit {
  return { code, name, short, kind: 'county', district: code, aliases: [] };
}

function zone(code: string, name: string, short: string, district: string, aliases: string[]): Unit {
  return { code, name, short, kind: 'zone', district, aliases };
}

export const CITY_CODE = '330300';
export const CITY_NAME = '全市';

const CENTRAL = ['330302', '330303', '330304'];
const THREE_PLUS_TWO = [...CENTRAL, '330381', '330382'];

/** Chart groups of DESIGN.md. 三区两市 contains 中心城区; a unit's primary group is the narrowest. */
export function unitGroups(code: string): UnitGroup[] {
  const unit = unitByCode(code);
  if (unit?.kind === 'zone') return ['产业平台'];
  const groups: UnitGroup[] = [];
  if (CENTRAL.includes(code)) groups.push('中心城区');
  if (THREE_PLUS_TWO.includes(code)) groups.push('三区两市');
  if (groups.length === 0) groups.push('其他县市');
  return groups;
}

const byCode = new Map(UNITS.map((u) => [u.code, u]));

export function unitByCode(code: string): Unit | undefined {
  return byCode.get(code);
}

export function unitName(code: string): string {
  return code === CITY_CODE ? CITY_NAME : (byCode.get(code)?.name ?? code);
}

/** Every spelling a unit may be given in, folded, mapped to its code. */
const lookup = new Map<string, string>();
for (const u of UNITS) {
  for (const key of [u.code, u.name, u.short, ...u.aliases]) lookup.set(foldUnitKey(key), u.code);
}

export function foldUnitKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^温州市/, '');
}

/** A unit given by code, name, short name or alias → its code; undefined when unknown. */
export function resolveUnit(text: string): string | undefined {
  return lookup.get(foldUnitKey(text));
}

/** The lookup table as rows, so the importer can resolve units inside DuckDB in one join. */
export function unitAliasRows(): { key: string; code: string }[] {
  return [...lookup].map(([key, code]) => ({ key, code }));
}

/**
 * Header rows → which table a file holds and where each canonical column is. Headers are compared
 * with spaces removed and brackets folded; a unit in brackets — （万元）, （㎡） — is split off and
 * turned into a factor to the column's canonical unit.
 */
import { TABLES, type Column, type Table, type TableName } from '../domain/schema';

export interface HeaderCell {
  /** Position in the file's row. */
  index: number;
  text: string;
}

export interface MappedColumn {
  column: Column;
  index: number;
  header: string;
  /** Multiply parsed numbers by this to reach the canonical unit (1 when no unit is given). */
  factor: number;
}

export interface HeaderMapping {
  table: Table;
  columns: MappedColumn[];
  /** Headers kept as extra data (序号, 备注 …). */
  extras: HeaderCell[];
  /** Required canonical columns no header maps to. */
  missing: Column[];
}

const UNIT_FACTORS: Record<string, { kind: 'money' | 'area'; factor: number }> = {
  元: { kind: 'money', factor: 1 },
  人民币元: { kind: 'money', factor: 1 },
  万元: { kind: 'money', factor: 1e4 },
  亿元: { kind: 'money', factor: 1e8 },
  '㎡': { kind: 'area', factor: 1 },
  m2: { kind: 'area', factor: 1 },
  'm²': { kind: 'area', factor: 1 },
  平方米: { kind: 'area', factor: 1 },
  平米: { kind: 'area', factor: 1 },
  万平方米: { kind: 'area', factor: 1e4 },
};

const MONEY_FACTORS = { 元: 1, 万元: 1e4, 亿元: 1e8 } as const;

/** '注册资本 （万元）' → { base: '注册资本', unit: '万元' }. */
export function splitHeader(text: string): { base: string; unit?: string } {
  const folded = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\uFEFF/, '');
  const match = /^(.*?)[([【]([^)\]】]*)[)\]】]$/.exec(folded);
  if (match && match[2] !== undefined && match[2] in UNIT_FACTORS) return { base: match[1]!, unit: match[2] };
  return { base: folded.replace(/[([【][^)\]】]*[)\]】]$/, '') || folded };
}

/** Header bases a column answers to: its Chinese headers and its canonical name. */
function columnKeys(column: Column): string[] {
  return [...column.headers.map((h) => splitHeader(h).base), column.name];
}

function factorFor(column: Column, unit: string | undefined): number {
  if (!unit) return 1;
  const given = UNIT_FACTORS[unit];
  if (column.kind.type === 'money' && given?.kind === 'money')
    return given.factor / MONEY_FACTORS[column.kind.unit];
  if (column.kind.type === 'area' && given?.kind === 'area') return given.factor;
  return 1;
}

/** Maps a header row onto one table's columns; the first header wins when two name one column. */
/**
 * Header text → the canonical column it holds, or '' to keep it as extra data: the user's own
 * mapping of headers the contract does not know (or knows as something else).
 */
export type ManualMapping = Readonly<Record<string, string>>;

export function mapHeaders(
  table: Table,
  cells: readonly HeaderCell[],
  manual: ManualMapping = {},
): HeaderMapping {
  const columns: MappedColumn[] = [];
  const extras: HeaderCell[] = [];
  for (const cell of cells) {
    if (cell.text.trim() === '') continue;
    const { base, unit } = splitHeader(cell.text);
    const chosen = manual[cell.text];
    const column =
      chosen === undefined
        ? table.columns.find((c) => columnKeys(c).includes(base))
        : table.columns.find((c) => c.name === chosen);
    if (column && !columns.some((m) => m.column === column)) {
      columns.push({ column, index: cell.index, header: cell.text, factor: factorFor(column, unit) });
    } else {
      extras.push(cell);
    }
  }
  const missing = table.columns.filter((c) => c.required && !columns.some((m) => m.column === c));
  return { table, columns, extras, missing };
}

/**
 * The table a header row belongs to: the one with the most mapped columns, ties broken by fewest
 * missing required columns. Undefined when no table maps two columns (not a header row).
 */
export function recogniseTable(
  cells: readonly HeaderCell[],
  only?: TableName,
  manual?: ManualMapping,
): HeaderMapping | undefined {
  const candidates = TABLES.filter((t) => !only || t.name === only).map((t) => mapHeaders(t, cells, manual));
  const ranked = candidates
    .filter((m) => m.columns.length >= 2)
    .sort((a, b) => b.columns.length - a.columns.length || a.missing.length - b.missing.length);
  return ranked[0];
}

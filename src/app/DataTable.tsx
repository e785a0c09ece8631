/**
 * Every table of the dashboard: TanStack Table with sorting (click a header), a text filter over all
 * columns and pagination, so 10,000 rows stay smooth. Numbers are right-aligned and formatted in the
 * unit named in their header; text is rendered as text, never as HTML. Printed, a table shows every
 * row its filter keeps, not the page on screen (see `usePrinting`).
 */
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { TableExport } from '../export/TableExport';
import { formatCount, formatInUnit, formatPercent, numberFormat } from '../format/numbers';

export type CellKind = 'text' | 'count' | 'yuan' | 'percent' | 'number';

export interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | null;
  kind?: CellKind;
  /** Money columns: the unit the column is shown in (named in the header). */
  unit?: '万元' | '亿元';
  /** Digits for 'number' and money columns. */
  digits?: number;
  /** The cell opens something (the records behind a figure): it renders as a button. */
  onClick?: (row: T) => void;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  label: string;
  pageSize?: number;
  onRowClick?: (row: T) => void;
  /** Marks a row (the selected unit, an overdue project). */
  rowClass?: (row: T) => string | undefined;
  /** 导出XLSX / 导出CSV buttons (default true). */
  exportable?: boolean;
  /** Export file name without extension; default `<label>_<year>_<scope>`. */
  exportName?: string;
  /**
   * The rows 导出XLSX / 导出CSV write instead of the table's: all records of a drill list longer than
   * the table was given (src/domain/drill/records.ts `everyRow`).
   */
  exportRows?: () => Promise<readonly T[]>;
}

export function formatCell(
  value: string | number | null,
  column: Pick<Column<unknown>, 'kind' | 'unit' | 'digits'>,
) {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'yuan':
      return formatInUnit(value, column.unit ?? '万元', column.digits ?? 2);
    case 'percent':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
    case 'number':
      // Digits given: every row shows them (10.16 above 4.70, not 4.7), so a column reads evenly.
      return numberFormat(column.digits ?? 0, column.digits ?? 2).format(value);
    default:
      return String(value);
  }
}

export function columnTitle(column: Pick<Column<unknown>, 'header' | 'kind' | 'unit'>): string {
  return column.kind === 'yuan' ? `${column.header}（${column.unit ?? '万元'}）` : column.header;
}

/**
 * True while the browser prints. `flushSync`: the rows must be in the page before the browser lays
 * it out for paper, which it does right after `beforeprint` returns.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

export function DataTable<T>({
  rows,
  columns,
  label,
  pageSize = 15,
  onRowClick,
  rowClass,
  exportable = true,
  exportName,
  exportRows,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  const printing = usePrinting();
  const defs = useMemo<ColumnDef<T, string | number | null>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        header: columnTitle(c),
        accessorFn: c.value,
        sortUndefined: 'last',
        cell: (info) => {
          const text = formatCell(info.getValue(), c);
          const open = c.onClick;
          if (!open) return text;
          return (
            <button
              type="button"
              className="cell-link"
              title={`查看“${c.header}”背后的明细记录`}
              onClick={(e) => {
                // The row's own click (a drill-down row) is not the cell's.
                e.stopPropagation();
                open(info.row.original);
              }}
            >
              {text}
            </button>
          );
        },
        meta: { numeric: c.kind !== undefined && c.kind !== 'text' },
      })),
    [columns],
  );
  // Exports take the same header (with its unit) and raw values, money converted to the unit.
  const exportColumns = useMemo(() => columns.map((c) => ({ ...c, title: columnTitle(c) })), [columns]);
  // TanStack's table object is mutable by design; this component does not rely on memoising it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows as T[],
    columns: defs,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
    autoResetPageIndex: true,
  });
  const { pageIndex } = table.getState().pagination;
  const shown = table.getFilteredRowModel().rows.length;
  // Printed: every row in the table's order (thead repeats on each sheet); on screen: the page.
  const visibleRows = printing ? table.getPrePaginationRowModel().rows : table.getRowModel().rows;
  return (
    <div className="table-wrap" data-table={label}>
      <div className="table-tools">
        <input
          type="search"
          placeholder="筛选…"
          aria-label={`筛选${label}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="table-count">
          共 {formatCount(shown)} 行{shown !== rows.length ? `（全部 ${formatCount(rows.length)} 行）` : ''}
        </span>
        {exportable && (
          <TableExport
            label={label}
            name={exportName}
            columns={exportColumns}
            rows={exportRows ?? (() => table.getPrePaginationRowModel().rows.map((r) => r.original))}
          />
        )}
      </div>
      <table className="data-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const numeric = (header.column.columnDef.meta as { numeric: boolean }).numeric;
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className={numeric ? 'num' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    onClick={header.column.getToggleSortingHandler()}
                    // Sorting by keyboard: the header takes focus, Enter or space sorts.
                    tabIndex={header.column.getCanSort() ? 0 : undefined}
                    onKeyDown={(e) => {
                      if ((e.key === 'Enter' || e.key === ' ') && header.column.getCanSort()) {
                        e.preventDefault();
                        header.column.getToggleSortingHandler()?.(e);
                      }
                    }}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span className="sort-mark">
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </span>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {visibleRows.map((row) => (
            <tr
              key={row.id}
              className={
                [onRowClick ? 'clickable' : '', rowClass?.(row.original) ?? ''].join(' ').trim() || undefined
              }
              onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              // A row that drills down (a building's tenants, a unit on the map) is reached by Tab and
              // opened with Enter or space, like the click.
              tabIndex={onRowClick ? 0 : undefined}
              onKeyDown={
                onRowClick
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onRowClick(row.original);
                      }
                    }
                  : undefined
              }
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={(cell.column.columnDef.meta as { numeric: boolean }).numeric ? 'num' : undefined}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.getPageCount() > 1 && (
        <div className="pager">
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            上一页
          </button>
          <span>
            第 {pageIndex + 1} / {table.getPageCount()} 页
          </span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            下一页
          </button>
        </div>
      )}
    </div>
  );
}

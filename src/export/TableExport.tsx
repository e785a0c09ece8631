/**
 * 导出XLSX / 导出CSV for a table: the rows as the table holds them (filtered and sorted, every page),
 * the columns as defined for the table. Named `<label>_<year>_<scope>` unless the screen names it.
 */
import { useContext } from 'react';
import { ExportContext } from './context';
import { downloadBlob, exportFileName } from './download';
import { csvBlob, tableToCsv, tableToSheetRows, type ExportColumn } from './table';
import { useExport } from './useExport';
import { xlsxBlob } from './xlsx';
import './export.css';

export interface TableExportProps<T> {
  label: string;
  /** The file name without extension; default `<label>_<year>_<scope>`. */
  name?: string;
  columns: readonly ExportColumn<T>[];
  /**
   * Read at click time, so the export follows the table's current filter and sort; a promise when the
   * rows are read again from the engine (a drill list longer than the page holds).
   */
  rows: () => readonly T[] | Promise<readonly T[]>;
}

export function TableExport<T>({ label, name, columns, rows }: TableExportProps<T>) {
  const scope = useContext(ExportContext);
  const [busy, run] = useExport();
  const file = (ext: string) => exportFileName(name ? [name] : [label, scope.year, scope.scope], ext);
  return (
    <span className="table-exports">
      <button
        type="button"
        className="export-button"
        disabled={busy}
        title={`将“${label}”导出为 Excel 文件`}
        onClick={() =>
          run(async () =>
            downloadBlob(
              file('xlsx'),
              await xlsxBlob([{ name: label, rows: tableToSheetRows(await rows(), columns) }]),
            ),
          )
        }
      >
        导出XLSX
      </button>
      <button
        type="button"
        className="export-button"
        disabled={busy}
        title={`将“${label}”导出为 CSV 文件（UTF-8）`}
        onClick={() => run(async () => downloadBlob(file('csv'), csvBlob(tableToCsv(await rows(), columns))))}
      >
        导出CSV
      </button>
    </span>
  );
}

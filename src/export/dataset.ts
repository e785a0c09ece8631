/**
 * 导出全部数据: one ZIP of CSV files in the import format (UTF-8 with BOM, canonical headers) plus
 * a manifest. Imported into another browser's desk it replaces that browser's data with this one.
 * Text is written as it is (no formula guard): this file is for the importer, not for a spreadsheet.
 */
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../db';
import { datasetTables } from '../domain/dataset';
import type { SourceFile } from '../ingest';
import { MAX_DATASET_UNPACKED, unzipBounded } from '../ingest/zipLimits';
import { plainNumber } from './table';

export const DATASET_MANIFEST = 'manifest.json';
/** The readable note beside the manifest; the importer reads only the manifest and the CSVs. */
export const DATASET_README = '说明.txt';

export interface DatasetManifest {
  app: '温州市总部回归监测';
  format: 1;
  exportedAt: string;
  asOf: string | null;
  tables: Record<string, number>;
}

export async function datasetZip(db: Db, asOf: string | null): Promise<Uint8Array> {
  const tables = await datasetTables(db);
  const manifest: DatasetManifest = {
    app: '温州市总部回归监测',
    format: 1,
    exportedAt: new Date().toISOString(),
    asOf,
    tables: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
  };
  const files: Record<string, Uint8Array> = {
    [DATASET_MANIFEST]: strToU8(JSON.stringify(manifest, null, 2)),
    [DATASET_README]: strToU8(datasetReadme(manifest, tables)),
  };
  for (const t of tables) files[`${t.label}.csv`] = strToU8(`\uFEFF${csv([t.headers, ...t.rows])}`);
  return zipSync(files, { level: 6 });
}

/** 说明.txt: what the ZIP holds and how to use it, for whoever opens it (UTF-8 with BOM, CRLF). */
export function datasetReadme(
  manifest: DatasetManifest,
  tables: readonly { label: string; rows: readonly unknown[] }[],
): string {
  const exported = manifest.exportedAt.slice(0, 19).replace('T', ' ');
  const lines = [
    '温州市总部回归监测 · 全部数据导出',
    '',
    `导出时间：${exported}（UTC）`,
    `数据截至：${manifest.asOf ?? '（无税收数据）'}`,
    '',
    '包含的文件（每个文件一张表，UTF-8 编码带 BOM，表头为导入格式的中文列名）：',
    ...tables.map((t) => `  ${t.label}.csv\u3000${t.rows.length} 行`),
    `  ${DATASET_MANIFEST}\u3000供系统识别本备份的清单（请勿修改）`,
    '',
    '用途：在另一台电脑的仪表盘“数据”页导入本 ZIP 文件（不必解压），将以本备份整体替换该电脑上的数据，',
    '各页数字与导出时一致。也可用 Excel 打开其中的 CSV 查看。',
    '',
    '金额单位为元；日期为 YYYY-MM-DD；月份为 YYYY-MM。',
    '本文件含企业税收等敏感数据，请按涉密资料管理，勿通过互联网传送。',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A dataset ZIP → its CSV files and manifest; undefined when the bytes are no dataset of ours. The
 * entries are unpacked within MAX_DATASET_UNPACKED (a FileRefused past it): a one-row backup whose
 * CSV unpacks to 1 GiB was inflated whole. In the page this runs in the parsing worker.
 */
export function readDatasetZip(
  file: string,
  bytes: Uint8Array,
): { manifest: DatasetManifest; files: SourceFile[] } | undefined {
  const entries = unzipBounded(
    file,
    bytes,
    MAX_DATASET_UNPACKED,
    (name) => name === DATASET_MANIFEST || name.endsWith('.csv'),
  );
  const manifestBytes = entries?.[DATASET_MANIFEST];
  if (!entries || !manifestBytes) return undefined;
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as DatasetManifest;
  } catch {
    return undefined;
  }
  if (manifest.app !== '温州市总部回归监测') return undefined;
  const files = Object.entries(entries)
    .filter(([name]) => name.endsWith('.csv'))
    .map(([name, data]) => ({ name, bytes: data }));
  return { manifest, files };
}

function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

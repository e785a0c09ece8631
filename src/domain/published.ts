/**
 * A published dataset (`npm run publish`): what the office publishes once and every viewer's page
 * opens read-only. It is a folder — served at `dataset/` beside index.html — holding:
 *
 * - `manifest.json`   this manifest: name, as-of date, publish time, the 口径's name and hash,
 *                      rows per table, the SHA-256 of every file of the folder;
 * - `dataset.duckdb`  the tables as a DuckDB file, with its `.wal` (src/db/snapshot.ts);
 * - `import-report.json` what the importer read, accepted and rejected, with each export's SHA-256;
 * - `rules.json`      the 口径 file (src/domain/caliber);
 * - `audit.json`      the audit trail: every publish, import and 口径 change, old → new;
 * - `figures/`        the figures cache per view, when the publish step has one (see the manifest).
 *
 * The page and the publish command share these names and the manifest's reader.
 */
import type { CaliberChange } from './caliber';

export const DATASET_DIR = 'dataset';
export const DATASET_FORMAT = 'hq-return-dataset';
export const DATASET_VERSION = 1;
export const DATASET_FILES = {
  manifest: 'manifest.json',
  database: 'dataset.duckdb',
  wal: 'dataset.duckdb.wal',
  importReport: 'import-report.json',
  rules: 'rules.json',
  audit: 'audit.json',
} as const;

export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  formatVersion: number;
  name: string;
  /** Data's end: last day of the newest tax month (数据截至), or null without tax rows. */
  asOf: string | null;
  /** When it was published (ISO 8601 with time zone). */
  publishedAt: string;
  caliber: { name: string; hash: string };
  rows: Record<string, number>;
  /** SHA-256 (hex) of each file of the dataset folder except the manifest. */
  files: Record<string, string>;
  /** Views whose figures are cached under figures/, or null when publish wrote none. */
  figures: string[] | null;
}

/** One line of the audit trail (when, what, and for 口径 changes old → new). */
export interface AuditEntry {
  at: string;
  kind: 'publish' | 'import' | 'rollback' | 'reset' | 'rules';
  /** One sentence for people. */
  summary: string;
  /** 口径 in force after the event. */
  caliber?: { name: string; hash: string };
  changes?: CaliberChange[];
  files?: {
    file: string;
    sha256?: string;
    bytes?: number;
    table?: string | null;
    accepted?: number;
    rejectedRows?: number;
  }[];
  /** Where the entry was recorded: the publish command, or a browser (本机). */
  where: 'publish' | 'browser';
}

export interface AuditTrail {
  format: 'hq-return-audit';
  entries: AuditEntry[];
}

/** A fetched or read manifest → the manifest, or why it cannot be one (a message in Chinese). */
export function readManifest(json: unknown): DatasetManifest | string {
  const m = json as Partial<DatasetManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== DATASET_FORMAT) return '不是已发布的数据集清单';
  if (m.formatVersion !== DATASET_VERSION) return `数据集版本 ${String(m.formatVersion)} 不受支持`;
  if (typeof m.name !== 'string' || typeof m.publishedAt !== 'string') return '数据集清单缺少名称或发布时间';
  if (!m.caliber || typeof m.caliber.hash !== 'string' || typeof m.caliber.name !== 'string')
    return '数据集清单缺少口径';
  if (m.asOf !== null && typeof m.asOf !== 'string') return '数据集清单的数据截至日期无效';
  return m as DatasetManifest;
}

/** 2026-11-29T13:05:00+08:00 → 2026-11-29 13:05 as the page shows it (the publisher's clock). */
export const publishedText = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

/**
 * The published dataset beside the app (`dataset/`, see src/domain/published.ts and
 * docs/DEPLOYMENT.md): when the server has one, every viewer's page opens on it, read-only.
 */
import { parseCaliber, type Caliber } from '../domain/caliber';
import {
  DATASET_DIR,
  DATASET_FILES,
  readManifest,
  type AuditEntry,
  type DatasetManifest,
} from '../domain/published';
import type { ImportReport } from '../ingest';

export interface PublishedDataset {
  manifest: DatasetManifest;
  snapshot: { file: Uint8Array; wal?: Uint8Array };
  caliber: Caliber;
  imported: ImportReport;
}

const url = (file: string) => `${DATASET_DIR}/${file}`;

/** A static server may answer a missing file with index.html (SPA fallback): only real files count. */
const real = (r: Response | undefined): r is Response =>
  !!r?.ok && !r.headers.get('content-type')?.includes('html');

/**
 * The dataset, or undefined when the server has none (no `dataset/manifest.json`). A dataset that is
 * there but unusable is an error with a message for the user, never a silent fall back to other data.
 */
export async function fetchPublishedDataset(): Promise<PublishedDataset | undefined> {
  const head = await fetch(url(DATASET_FILES.manifest), { cache: 'no-cache' }).catch(() => undefined);
  if (!real(head)) return undefined;
  const manifest = readManifest(await head.json().catch(() => null));
  if (typeof manifest === 'string') throw new Error(`发布数据集无法打开：${manifest}`);
  const [file, wal, rules, report] = await Promise.all(
    [DATASET_FILES.database, DATASET_FILES.wal, DATASET_FILES.rules, DATASET_FILES.importReport].map((f) =>
      fetch(url(f), { cache: 'no-cache' }),
    ),
  );
  if (!real(file)) throw new Error(`发布数据集无法打开：缺少数据库文件 ${DATASET_FILES.database}`);
  if (!real(rules)) throw new Error(`发布数据集无法打开：缺少口径文件 ${DATASET_FILES.rules}`);
  const parsed = parseCaliber(await rules.text());
  if (!parsed.ok) throw new Error(`发布数据集的${parsed.message}`);
  if (parsed.caliber.hash !== manifest.caliber.hash)
    throw new Error('发布数据集无法打开：口径文件与数据集清单的校验值不一致');
  return {
    manifest,
    snapshot: {
      file: new Uint8Array(await file.arrayBuffer()),
      ...(real(wal) ? { wal: new Uint8Array(await wal.arrayBuffer()) } : {}),
    },
    caliber: parsed.caliber,
    imported: real(report) ? ((await report.json()) as ImportReport) : { files: [], committed: [] },
  };
}

/** The dataset's audit trail (导出修改记录); empty when the dataset has none. */
export async function fetchPublishedAudit(): Promise<AuditEntry[]> {
  const response = await fetch(url(DATASET_FILES.audit), { cache: 'no-cache' });
  if (!real(response)) return [];
  const trail = (await response.json()) as { entries?: AuditEntry[] };
  return Array.isArray(trail.entries) ? trail.entries : [];
}

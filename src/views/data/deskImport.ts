/**
 * The desk's import, step by step, apart from its React and worker plumbing (deskSession.ts) so the
 * same steps run in Node on the real engine (test/persist.test.ts):
 *
 * 1. `checkImport`: a connection of its own (`db.session()`); the files read and checked there, their
 *    staged rows left in its temporary tables. While the data shown is the sample — no import is
 *    recorded — the import will replace it (`replaceAll`: the sample is a demonstration and never
 *    mixes with imported data, DOMAIN.md). A whole-dataset ZIP replaces everything anyway.
 * 2. `commitImport`: the storage readied on that connection (`before`, persistence's beforeImport),
 *    one transaction with its history, then the connection closed. Other connections read the
 *    committed data meanwhile.
 * 3. Or `releaseImport` (放弃, or a check made stale): staged rows dropped, connection closed.
 */
import type { Db } from '../../db';
import {
  commitWithHistory,
  prepareImport,
  type ImportOptions,
  type ImportReport,
  type PreparedImport,
  type ImportFile,
} from '../../ingest';
import { hasImports } from '../../ingest/history';

export interface CheckedImport {
  prepared: PreparedImport;
  /** The connection the staged rows live on, until the commit or release. */
  connection: Db;
  /** The data shown is the sample, which this import replaces. */
  replacesSample: boolean;
}

export async function checkImport(
  db: Db,
  files: readonly ImportFile[],
  options: Omit<ImportOptions, 'replaceAll'> & { dataset?: boolean } = {},
): Promise<CheckedImport> {
  const { dataset = false, ...rest } = options;
  const connection = await db.session();
  try {
    const replacesSample = !dataset && !(await hasImports(connection));
    const prepared = await prepareImport(connection, files, { ...rest, replaceAll: dataset || replacesSample });
    return { prepared, connection, replacesSample };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}

/** Drops a checked import's staged rows and closes its connection. */
export async function releaseImport({ prepared, connection }: CheckedImport): Promise<void> {
  try {
    await prepared.discard();
  } finally {
    await connection.close();
  }
}

/**
 * Commits a checked import (`checksums`: file name → SHA-256) after `before(connection)` readied
 * the storage; the connection is closed whatever happens. Rejects as the commit or `before` did:
 * then nothing was committed.
 */
export async function commitImport(
  checked: CheckedImport,
  checksums: Readonly<Record<string, string>>,
  before: (connection: Db) => Promise<void>,
): Promise<ImportReport> {
  try {
    await before(checked.connection);
    performance.mark('导入：写入');
    return (await commitWithHistory(checked.connection, checked.prepared, checksums)).report;
  } finally {
    await releaseImport(checked).catch(() => undefined);
  }
}

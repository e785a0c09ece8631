/**
 * Whether the browser's storage for this page has room. DuckDB-Wasm does not say so when a write to
 * its OPFS file runs out of quota: measured, the statement fails with an unrelated error ("Maximum
 * call stack size exceeded"), or the engine traps ("RuntimeError: null function") and later
 * statements answer wrongly. So the storage is asked directly, before an import writes anything and
 * again after a failure: the estimate's free space first, then a probe file of the size asked for,
 * written and always removed (the estimate does not know every limit, e.g. a quota set by policy).
 */

const PROBE = 'hq_quota_probe';
const MB = 1024 ** 2;

/**
 * Room an import of `bytes` of files needs in the stored database: its rows, the WAL, and the
 * history's copy of what it replaces. Measured: 74 MB of CSV grow the file by about 20 MB; half the
 * bytes plus 8 MB leaves a margin, capped so the probe of a 1 GB file stays short.
 */
export function roomForImport(bytes: number): number {
  return Math.min(256 * MB, 8 * MB + Math.ceil(bytes / 2));
}

/** False when `bytes` more cannot be stored (or OPFS is missing: then nothing is stored at all). */
export async function storageHasRoom(bytes: number): Promise<boolean> {
  if (!navigator.storage?.getDirectory) return true;
  const { quota, usage } = await navigator.storage
    .estimate()
    .catch(() => ({ quota: undefined, usage: undefined }));
  if (quota !== undefined && usage !== undefined && quota - usage < bytes) return false;
  const root = await navigator.storage.getDirectory();
  try {
    const writable = await (await root.getFileHandle(PROBE, { create: true })).createWritable();
    try {
      await writable.write(new Uint8Array(bytes));
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
    return true;
  } catch (error) {
    return !(error instanceof DOMException && error.name === 'QuotaExceededError');
  } finally {
    await root.removeEntry(PROBE).catch(() => undefined);
  }
}

/**
 * Whether the browser's storage for this page has room. DuckDB-Wasm does not say so when a write to
 * its OPFS file runs out of quota: measured, the statement fails with an unrelated error ("Maximum
 * call stack size exceeded"), or the engine traps ("RuntimeError: null function") and later
 * statements answer wrongly. So the storage is asked directly, before an import writes anything and
 * again after a failure: the estimate's free space first, then a small probe file, written and
 * always removed (the estimate does not know every limit: a quota cut through the DevTools protocol,
 * as the browser test does, leaves it unchanged).
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

/**
 * The probe is at most this large: the estimate answers for the whole room; the probe catches a
 * storage that is already full whatever the estimate says, for a short write (a 45 MB probe cost
 * 0.35 s before a 1M-row import; 8 MB costs about 0.05 s).
 */
const MAX_PROBE = 8 * MB;

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
      await writable.write(new Uint8Array(Math.min(bytes, MAX_PROBE)));
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

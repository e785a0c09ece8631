/**
 * Whether the browser's storage for this page is full. DuckDB-Wasm does not say so when a write to
 * its OPFS file runs out of quota (the statement fails with an unrelated error, measured: "Maximum
 * call stack size exceeded"), so after a failed write the storage is asked directly: a small probe
 * file is written (and always removed), and the estimate's free space is compared with what an
 * import needs. Only asked after a failure: it costs a write.
 */

const PROBE = 'hq_quota_probe';
const PROBE_BYTES = 1024 ** 2;
/** Less free space than this cannot hold an import's copy of the state before it (history.ts). */
const LOW_SPACE = 64 * 1024 ** 2;

export async function storageIsFull(): Promise<boolean> {
  if (!navigator.storage?.getDirectory) return false;
  const { quota, usage } = await navigator.storage
    .estimate()
    .catch(() => ({ quota: undefined, usage: undefined }));
  if (quota !== undefined && usage !== undefined && quota - usage < LOW_SPACE) return true;
  const root = await navigator.storage.getDirectory();
  try {
    const writable = await (await root.getFileHandle(PROBE, { create: true })).createWritable();
    try {
      await writable.write(new Uint8Array(PROBE_BYTES));
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
    return false;
  } catch (error) {
    return error instanceof DOMException && error.name === 'QuotaExceededError';
  } finally {
    await root.removeEntry(PROBE).catch(() => undefined);
  }
}

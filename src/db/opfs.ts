/**
 * The stored database in the browser: `hq_dashboard.duckdb` and its `.wal` in the origin-private
 * file system (OPFS), ATTACHed beside the in-memory database (persist.ts holds the transitions).
 *
 * DuckDB-Wasm 1.32 traps met on the way (docs/PERSISTENCE.md):
 * - `ATTACH 'opfs://new.duckdb'` refuses the 0-byte file it has just created ("exists, but it is not
 *   a valid DuckDB database file"): a new file is first given the bytes of an empty database
 *   (emptyDatabase.ts).
 * - Files registered by name leave the still-empty WAL unregistered, and the first commit fails
 *   ("File is not opened in write mode"): both files are registered as handles with direct IO, as
 *   `db.open({ path: 'opfs://…' })` does.
 * - OPFS access handles are exclusive: a second tab cannot register the file. A reload releases
 *   the old page's handles a moment after the new page starts, so a lock is retried for ~1.9 s.
 */
import { DuckDBDataProtocol, type AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { emptyDatabaseFile } from './emptyDatabase';
import { isLocked, MESSAGES, PersistError, type StoredFile } from './persist';
import { storageHasRoom } from './storageFull';

const FILE_NAME = 'hq_dashboard.duckdb';
const NAMES = [FILE_NAME, `${FILE_NAME}.wal`];
/** A reload terminates the old page's worker; its file locks are released a moment later. */
const LOCK_RETRIES = [100, 250, 500, 1000];

export function opfsStoredFile(engine: AsyncDuckDB): StoredFile {
  const release = async () => {
    for (const name of NAMES) await engine.dropFile(`opfs://${name}`).catch(() => undefined);
  };
  return {
    path: `opfs://${FILE_NAME}`,
    exists: async () => (await storedFileSize()) > 0,
    async prepare() {
      const root = await navigator.storage.getDirectory();
      if ((await storedFileSize()) === 0) {
        const writable = await (await root.getFileHandle(FILE_NAME, { create: true })).createWritable();
        await writable.write(new Uint8Array(emptyDatabaseFile()));
        await writable.close();
      }
      for (let attempt = 0; ; attempt++) {
        try {
          for (const name of NAMES) {
            const handle = await root.getFileHandle(name, { create: true });
            await engine.registerFileHandle(
              `opfs://${name}`,
              handle,
              DuckDBDataProtocol.BROWSER_FSACCESS,
              true,
            );
          }
          return;
        } catch (error) {
          const wait = LOCK_RETRIES[attempt];
          if (!isLocked(error) || wait === undefined) throw error;
          // Release whatever half was registered before trying again.
          await release();
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    },
    release,
    async remove() {
      const root = await navigator.storage.getDirectory();
      for (const name of NAMES) await root.removeEntry(name).catch(() => undefined);
    },
    hasRoom: storageHasRoom,
  };
}

/**
 * Whether this browser may hold imported data (a stored file, or storage that cannot be read to
 * tell): before the engine starts, the page must not show another dataset's figures over it.
 */
export async function mayHoldStoredData(): Promise<boolean> {
  return storedFileSize().then(
    (size) => size > 0,
    (error: unknown) => !(error instanceof PersistError && error.kind === 'unavailable'),
  );
}

/**
 * The stored file's size, 0 when there is none. Where OPFS is missing (an old browser, some private
 * modes) or refused, a `PersistError` of kind 'unavailable'.
 */
async function storedFileSize(): Promise<number> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) {
    throw new PersistError(MESSAGES.unavailable, 'unavailable');
  }
  const root = await navigator.storage.getDirectory();
  let handle: FileSystemFileHandle;
  try {
    handle = await root.getFileHandle(FILE_NAME);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return 0;
    throw error;
  }
  try {
    return (await handle.getFile()).size;
  } catch {
    // Unreadable while another page holds it: opening it tells which.
    return 1;
  }
}

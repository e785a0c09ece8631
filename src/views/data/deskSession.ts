/**
 * The import desk's work, kept outside React: a check or a commit goes on while the user looks at
 * another screen, and the desk shows where it stands when they come back. One session per page —
 * the files picked, the user's choices, the checked import waiting for 确认导入, and its progress.
 * A change of the data made elsewhere (undo, rollback, 恢复样例数据) makes a waiting check stale:
 * it is dropped, as its report no longer says what the commit would do.
 *
 * Each check runs on a connection of its own (`db.session()`): its staged rows are temporary tables
 * there until 确认导入 or 放弃, and the commit's transaction is there too, so the screens keep
 * reading the committed data on the page's connection meanwhile. The connection is closed with
 * the check (committed, discarded, or dropped as stale).
 *
 * While the data shown is the sample (no import recorded), an import replaces it (`replaceAll`,
 * DOMAIN.md: "Sample data never mixes with imported data"); the desk says so before 确认导入.
 */
import { onDataVersion } from '../../app/dataVersion';
import { beforeImport, commitFailureMessage } from '../../app/useData';
import { setDeskActivity } from '../../app/deskActivity';
import { createStore, useStore } from '../../app/store';
import type { Db } from '../../db';
import type { DatasetManifest } from '../../export/dataset';
import {
  fileChecksum,
  fileSizeProblem,
  ImportCancelled,
  type ImportOptions,
  type ImportProgress,
  fileSize,
  type ImportFile,
  type ImportReport,
  type PreparedImport,
} from '../../ingest';
import { checkImport, commitImport, releaseImport, type CheckedImport } from './deskImport';
import {
  checksumInWorker,
  readDatasetInWorker,
  readSourceInWorker,
  stopParsing,
} from '../../ingest/sourceInWorker';
import { dataChanged } from './dataChanges';

export type DeskStatus = 'idle' | 'checking' | 'ready' | 'running' | 'done' | 'failed';
export type Overrides = NonNullable<ImportOptions['overrides']>;
export type Choice = Overrides[string];

export interface DeskState {
  status: DeskStatus;
  files: ImportFile[];
  /** A whole-dataset ZIP (导出全部数据) replaces all data on commit. */
  dataset?: DatasetManifest;
  overrides: Overrides;
  prepared?: PreparedImport;
  /** The data shown is the sample, which the checked import replaces. */
  replacesSample?: boolean;
  progress?: ImportProgress;
  message?: string;
  done?: ImportReport;
}

const session = createStore<DeskState>({ status: 'idle', files: [], overrides: {} });
/** Each checked import with the connection it lives on (deskImport.ts), closed with it. */
const checkedImports = new WeakMap<PreparedImport, CheckedImport>();
/** Bumped by every new check, 取消 and 放弃: a check that is no longer the latest stops. */
let request = 0;
/** File name → SHA-256, taken when a file is added (the engine takes its bytes over on import). */
const checksums: Record<string, string> = {};

function update(patch: Partial<DeskState>) {
  const next = { ...session.get(), ...patch };
  session.set(next);
  setDeskActivity(next.status === 'checking' || next.status === 'running' ? next.status : undefined);
}

export function useDeskState(): DeskState {
  return useStore(session);
}

/** Checks the files again with the user's choices; the previous check is discarded. */
export async function checkFiles(
  db: Db,
  files: ImportFile[],
  overrides: Overrides,
  dataset?: DatasetManifest,
): Promise<void> {
  const mine = ++request;
  const { status, prepared: previous } = session.get();
  if (status === 'checking') stopParsing();
  // The desk says at once that the files are being checked again (the old report is gone).
  update({
    files,
    dataset,
    overrides,
    prepared: undefined,
    replacesSample: undefined,
    message: undefined,
    progress: undefined,
    status: files.length === 0 ? 'idle' : 'checking',
  });
  // A check no longer wanted: its staged rows and connection go; nothing for the user to hear.
  if (previous) await release(previous).catch(() => undefined);
  if (files.length === 0) return;
  try {
    const checked = await checkImport(db, files, {
      overrides,
      dataset: dataset !== undefined,
      read: readSourceInWorker,
      onProgress: (progress) => {
        if (mine === request) update({ progress });
      },
      cancelled: () => mine !== request,
    });
    if (mine !== request) return await releaseImport(checked);
    checkedImports.set(checked.prepared, checked);
    update({ prepared: checked.prepared, replacesSample: checked.replacesSample, status: 'ready', progress: undefined });
  } catch (error) {
    if (error instanceof ImportCancelled || mine !== request) return;
    fail(messageOf(error));
  }
}

/** Drops a checked import's staged rows and closes its connection. */
async function release(prepared: PreparedImport): Promise<void> {
  const checked = checkedImports.get(prepared);
  checkedImports.delete(prepared);
  await (checked ? releaseImport(checked) : prepared.discard());
}

/** 取消 while files are read and checked: nothing was written, nothing changes. */
export function cancelCheck() {
  request += 1;
  stopParsing();
  update({ status: 'idle', files: [], overrides: {}, progress: undefined, message: '已取消，数据未改变。' });
}

function fail(message: string) {
  update({ status: 'failed', message, progress: undefined });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one of the desk's actions from a click or a change: whatever it rejects with is shown on the
 * desk (the desk's own failures are said there already), and the desk stays usable.
 */
export function deskAction(work: () => Promise<void>): void {
  work().catch((error: unknown) => fail(`操作未完成：${messageOf(error)}`));
}

/** Files picked or dropped: read, checksummed, and checked with those already on the desk. */
export async function addFiles(db: Db, list: readonly File[]): Promise<void> {
  if (list.length === 0) return;
  const tooLarge = list.map((f) => fileSizeProblem(f.name, f.size)).find(Boolean);
  if (tooLarge) return fail(tooLarge);
  // The files stay where the browser keeps them: the parsing worker reads each when it needs it, so
  // the page holds no copy of a large export (a check again after a changed choice reads it again).
  const read: ImportFile[] = list.map((f) => ({ name: f.name, blob: f }));
  update({ done: undefined });
  try {
    for (const f of read) checksums[f.name] = await checksumInWorker(f);
  } catch (error) {
    // The browser could not read or hold the file: nothing was read, nothing changes.
    return fail(`读取文件失败，可能超出浏览器可用内存，请拆分后再导入（${messageOf(error)}）`);
  }
  const zip = read.find((f) => /\.zip$/i.test(f.name));
  if (zip) {
    // Unpacked in the parsing worker, within a size bound (a refusal names the file and the cause).
    const pack = await readDatasetInWorker(zip).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (typeof pack === 'string') return fail(pack);
    if (!pack) return fail(`「${zip.name}」不是本系统“导出全部数据”生成的数据包`);
    for (const f of pack.files) checksums[f.name] = await fileChecksum(f);
    return checkFiles(db, pack.files, {}, pack.manifest);
  }
  // A file of the same name replaces the one picked before.
  const { files, overrides, dataset } = session.get();
  const kept = files.filter((b) => !read.some((r) => r.name === b.name));
  await checkFiles(db, [...kept, ...read], overrides, dataset);
}

/** The user changed what a file is read as: check the files again. */
export function changeChoice(db: Db, file: string, patch: Choice): Promise<void> {
  const { files, overrides, dataset } = session.get();
  return checkFiles(db, files, { ...overrides, [file]: { ...overrides[file], ...patch } }, dataset);
}

/** 放弃: the checked files are dropped, nothing is written. */
export function clearDesk(db: Db): Promise<void> {
  return checkFiles(db, [], {});
}

/** 确认导入: one transaction, recorded in the history, saved, and the screens rebuilt. */
export async function commitDesk(): Promise<void> {
  const { prepared, files } = session.get();
  const checked = prepared && checkedImports.get(prepared);
  if (!prepared || !checked) return;
  checkedImports.delete(prepared);
  update({ status: 'running', prepared: undefined });
  try {
    const bytes = files.reduce((n, f) => n + fileSize(f), 0);
    const report = await commitImport(checked, checksums, (connection) => beforeImport(connection, bytes));
    performance.mark('导入：保存');
    // Saved and the screens rebuilt before the desk says done (the rebuilt desk shows the result).
    await dataChanged(report);
    performance.mark('导入：完成写入');
    update({ status: 'done', done: report, files: [], overrides: {}, dataset: undefined, replacesSample: undefined });
  } catch (error) {
    // The commit was rolled back (or never began): the data is as it was. A full storage is said
    // as such; the checked files are dropped, to be picked again.
    fail(await commitFailureMessage(error));
  }
}

onDataVersion((version) => {
  const { status, prepared } = session.get();
  if (status === 'running') return;
  if (status === 'checking' || prepared) {
    request += 1;
    stopParsing();
    // Only temporary tables and a connection to let go of: nothing the user needs to hear about.
    if (prepared) release(prepared).catch(() => undefined);
    update({
      status: 'idle',
      files: [],
      overrides: {},
      dataset: undefined,
      prepared: undefined,
      replacesSample: undefined,
      progress: undefined,
      message: '数据已在别处改变，待导入的文件已放弃，请重新选择。',
    });
  } else if (status === 'done' && !version.imported) {
    update({ status: 'idle', done: undefined });
  }
});

/**
 * The import desk: drop or pick many exports at once, see for each file what it was recognised as,
 * its encoding, how each header was mapped and which rows would be rejected — all before anything
 * is written — change what detection got wrong, then 确认导入 commits every file in one transaction.
 * The desk carries `data-import-status` = idle / checking / ready / running / done / failed.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Db } from '../../db';
import { useDataVersion } from '../../app/dataVersion';
import { TABLES, type TableName } from '../../domain/schema';
import {
  commitWithHistory,
  fileChecksum,
  ImportCancelled,
  fileSizeProblem,
  prepareImport,
  type ImportProgress, type Encoding, type ImportOptions, type ImportReport, type PreparedImport } from '../../ingest';
import type { SourceFile } from '../../ingest';
import { formatCount } from '../../format/numbers';
import { FileCard } from './FileCard';
import { readDatasetZip, type DatasetManifest } from '../../export/dataset';
import './importDesk.css';

export type DeskStatus = 'idle' | 'checking' | 'ready' | 'running' | 'done' | 'failed';
export type Overrides = NonNullable<ImportOptions['overrides']>;

interface Props {
  db: Db;
  /** Called after a successful commit (persist, refresh the screens). */
  onCommitted: (report: ImportReport) => Promise<void> | void;
}

export function ImportDesk({ db, onCommitted }: Props) {
  const [files, setFiles] = useState<SourceFile[]>([]);
  /** A whole-dataset ZIP (导出全部数据) replaces all data on commit. */
  const [dataset, setDataset] = useState<DatasetManifest>();
  const [overrides, setOverrides] = useState<Overrides>({});
  const [prepared, setPrepared] = useState<PreparedImport>();
  // The screens are rebuilt after a commit: the import that did it is kept with the data version.
  const lastImport = useDataVersion().imported;
  const [status, setStatus] = useState<DeskStatus>(lastImport ? 'done' : 'idle');
  const [message, setMessage] = useState<string>();
  const [progress, setProgress] = useState<ImportProgress>();
  const [done, setDone] = useState<ImportReport | undefined>(lastImport);
  const current = useRef<PreparedImport>(undefined);

  const request = useRef(0);
  /** File name → SHA-256, taken when a file is added (the engine takes its bytes over on import). */
  const checksums = useRef<Record<string, string>>({});

  /** Checks the files again with the user's choices; the previous check is discarded. */
  async function check(nextFiles: SourceFile[], nextOverrides: Overrides, nextDataset?: DatasetManifest) {
    setFiles(nextFiles);
    setDataset(nextDataset);
    setOverrides(nextOverrides);
    const mine = ++request.current;
    // The desk says at once that the files are being checked again (the old report is gone).
    const previous = current.current;
    current.current = undefined;
    setPrepared(undefined);
    setMessage(undefined);
    setStatus(nextFiles.length === 0 ? 'idle' : 'checking');
    await previous?.discard();
    if (nextFiles.length === 0) return;
    try {
      const next = await prepareImport(db, nextFiles, {
        overrides: nextOverrides,
        replaceAll: nextDataset !== undefined,
        onProgress: setProgress,
        // A newer check, 取消 or 放弃 makes this one stale: it stops at its next step.
        cancelled: () => mine !== request.current,
      });
      if (mine !== request.current) return void next.discard();
      current.current = next;
      setPrepared(next);
      setStatus('ready');
    } catch (error) {
      if (error instanceof ImportCancelled) return;
      if (mine === request.current) fail(String(error));
    } finally {
      if (mine === request.current) setProgress(undefined);
    }
  }

  function cancel() {
    request.current += 1;
    setProgress(undefined);
    setFiles([]);
    setOverrides({});
    setStatus('idle');
    setMessage('已取消，数据未改变。');
  }

  useEffect(() => () => void current.current?.discard(), []);

  function fail(text: string) {
    setStatus('failed');
    setMessage(text);
  }

  async function add(list: FileList | null) {
    if (!list || list.length === 0) return;
    const tooLarge = [...list].map((f) => fileSizeProblem(f.name, f.size)).find(Boolean);
    if (tooLarge) return fail(tooLarge);
    let read: SourceFile[];
    try {
      read = await Promise.all(
        [...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
    } catch (error) {
      // The browser could not hold the file (memory): nothing was read, nothing changes.
      return fail(`读取文件失败，可能超出浏览器可用内存，请拆分后再导入（${String(error)}）`);
    }
    setDone(undefined);
    for (const f of read) checksums.current[f.name] = await fileChecksum(f);
    const zip = read.find((f) => /\.zip$/i.test(f.name));
    if (zip) {
      const pack = readDatasetZip(zip.bytes);
      if (!pack) return fail(`「${zip.name}」不是本系统“导出全部数据”生成的数据包`);
      for (const f of pack.files) checksums.current[f.name] = await fileChecksum(f);
      return check(pack.files, {}, pack.manifest);
    }
    // A file of the same name replaces the one picked before.
    await check([...files.filter((b) => !read.some((r) => r.name === b.name)), ...read], overrides, dataset);
  }

  async function commit() {
    if (!prepared) return;
    setStatus('running');
    try {
      const { report } = await commitWithHistory(db, prepared, checksums.current);
      current.current = undefined;
      // Saved and the screens rebuilt before the desk says done (the rebuilt desk shows the result).
      await onCommitted(report);
      setDone(report);
      setFiles([]);
      setPrepared(undefined);
      setOverrides({});
      setStatus('done');
    } catch (error) {
      fail(String(error instanceof Error ? error.message : error));
    }
  }

  const clear = () => void check([], {});

  const change = (file: string, patch: { table?: TableName; encoding?: Encoding; columns?: Record<string, string> }) =>
    void check(files, { ...overrides, [file]: { ...overrides[file], ...patch } }, dataset);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void add(e.dataTransfer.files);
  };
  const ready = status === 'ready' && prepared !== undefined && prepared.refused.length === 0;
  return (
    <div className="import-desk" data-import-status={status}>
      <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <p>把导出文件拖到这里（可一次多个，CSV 或 Excel；或“导出全部数据”得到的 ZIP 数据包），或</p>
        <input
          type="file"
          multiple
          accept=".csv,.txt,.xlsx,.zip"
          aria-label="选择导出文件"
          onChange={(e) => {
            void add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {status === 'checking' && (
        <div className="desk-progress" role="status">
          <progress value={progress?.bytesDone ?? 0} max={progress?.bytesTotal ?? 1} />
          <span>
            {progress
              ? `第 ${progress.file + 1}/${progress.files} 个文件「${progress.name}」${progress.phase}` +
                `${progress.rows === undefined ? '' : `（${formatCount(progress.rows)} 行）`} · 已完成 ${formatBytes(progress.bytesDone)} / ${formatBytes(progress.bytesTotal)}`
              : `正在读取与校验 ${files.length} 个文件…`}
          </span>
          <button type="button" onClick={cancel}>
            取消
          </button>
        </div>
      )}
      {message && <p className="state error">{message}</p>}
      {prepared && status !== 'checking' && (
        <>
          {dataset && (
            <p className="state error dataset-note">
              数据包导出于 {dataset.exportedAt.slice(0, 10)}，数据截至 {dataset.asOf ?? '—'}：确认导入将
              <b>替换当前全部数据</b>。
            </p>
          )}
          {prepared.refused.map((r) => (
            <p key={r.file} className="state error refused">
              {r.message}
            </p>
          ))}
          {prepared.files.map((report) => (
            <FileCard
              key={report.file}
              report={report}
              choice={overrides[report.file] ?? {}}
              onChange={(patch) => change(report.file, patch)}
            />
          ))}
          <div className="desk-actions">
            <button type="button" className="primary" disabled={!ready} onClick={() => void commit()}>
              确认导入
            </button>
            <button type="button" onClick={clear}>
              放弃
            </button>
            <span className="note">
              {prepared.refused.length
                ? '有文件被拒绝：修正或移除后才能导入（已载入的数据不受影响）。'
                : `将接受 ${formatCount(prepared.files.reduce((n, f) => n + f.accepted, 0))} 行，拒绝 ${formatCount(
                    prepared.files.reduce((n, f) => n + f.rejected.length, 0),
                  )} 行。`}
            </span>
          </div>
        </>
      )}
      {status === 'running' && <p className="state">正在写入…</p>}
      {done && status === 'done' && (
        <p className="state done">
          导入完成：
          {done.committed
            .map((c) => `${TABLES.find((t) => t.name === c.table)?.label ?? c.table} 新增 ${formatCount(c.added)} 行、替换 ${formatCount(c.replaced)} 行`)
            .join('；')}
        </p>
      )}
    </div>
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}


/**
 * The import desk: drop or pick many exports at once, see for each file what it was recognised as,
 * its encoding, how each header was mapped and which rows would be rejected — all before anything
 * is written — change what detection got wrong, then 确认导入 commits every file in one transaction.
 * The desk carries `data-import-status` = idle / checking / ready / running / done / failed.
 */
import type { DragEvent } from 'react';
import type { Db } from '../../db';
import { formatCount } from '../../format/numbers';
import { committedSummary } from './committedText';
import { FileCard } from './FileCard';
import {
  addFiles,
  cancelCheck,
  changeChoice,
  clearDesk,
  commitDesk,
  deskAction,
  useDeskState,
} from './deskSession';
import './importDesk.css';

export function ImportDesk({ db }: { db: Db }) {
  const { status, files, dataset, overrides, prepared, replacesSample, progress, message, done } = useDeskState();
  const add = (list: FileList | null) => deskAction(() => addFiles(db, list ? [...list] : []));
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    add(e.dataTransfer.files);
  };
  const ready = status === 'ready' && prepared !== undefined && prepared.refused.length === 0;
  return (
    <div className="import-desk" data-import-status={status}>
      <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <p>把导出文件拖到这里（可一次多个，CSV、文本或 Excel .xlsx/.xls；或“导出全部数据”得到的 ZIP 数据包），或</p>
        {/* The native control says "Choose Files / No file chosen" in the browser's own language:
            a Chinese button stands in front of it (the input stays in the page for the keyboard). */}
        <label className="file-pick">
          选择文件
          <input
            type="file"
            className="file-pick-input"
            multiple
            accept=".csv,.txt,.tsv,.xlsx,.xls,.zip"
            aria-label="选择导出文件"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {status === 'checking' && (
        <div className="desk-progress" role="status">
          <progress value={progress?.fraction ?? 0} max={1} />
          <span>
            {progress
              ? `第 ${progress.file + 1}/${progress.files} 个文件「${progress.name}」${progress.phase}` +
                `${progress.rows === undefined ? '' : `（${formatCount(progress.rows)} 行）`} · 文件已完成 ${formatBytes(progress.bytesDone)} / 共 ${formatBytes(progress.bytesTotal)}`
              : `正在读取与校验 ${files.length} 个文件…`}
          </span>
          <button type="button" onClick={cancelCheck}>
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
          {replacesSample && (
            <p className="state sample-note">
              当前显示样例数据：确认导入将<b>替换样例数据</b>
              （样例数据可随时用“恢复样例数据”找回）。
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
              onChange={(patch) => deskAction(() => changeChoice(db, report.file, patch))}
            />
          ))}
          <div className="desk-actions">
            <button type="button" className="primary" disabled={!ready} onClick={() => deskAction(commitDesk)}>
              确认导入
            </button>
            <button type="button" onClick={() => deskAction(() => clearDesk(db))}>
              放弃
            </button>
            <span className="note">
              {prepared.refused.length
                ? '有文件被拒绝：修正或移除后才能导入（已载入的数据不受影响）。'
                : `将接受 ${formatCount(prepared.files.reduce((n, f) => n + f.accepted, 0))} 行，拒绝 ${formatCount(
                    prepared.files.reduce((n, f) => n + f.rejectedRows, 0),
                  )} 行${replacesSample ? '，替换样例数据' : ''}。`}
            </span>
          </div>
        </>
      )}
      {status === 'running' && (
        // The commit is one transaction in the engine: no step to count, so the bar is indeterminate.
        <div className="desk-progress" role="status">
          <progress />
          <span>正在写入并保存…（一次事务：完成前关闭页面，数据保持导入前的样子）</span>
        </div>
      )}
      {done && status === 'done' && (
        <p className="state done">
          导入完成：{committedSummary(done.committed)}
        </p>
      )}
    </div>
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}


/**
 * The strip under the top bar on every screen: which data is showing (the published dataset's name,
 * as-of date and publish time) and which 口径 the figures follow (name and hash). When this browser's
 * 口径 is not the published one it says 本机修改（未发布）, lists the difference item by item, and
 * offers the way back. The 口径 file is exported and imported here; the audit trail is exported here.
 */
import { useState } from 'react';
import { auditExport } from '../app/auditLog';
import { fetchPublishedAudit } from '../app/publishedDataset';
import { importCaliber, revertToPublished, useCaliber } from '../app/settings';
import { useAction } from '../app/useAction';
import { caliberFileText, MAX_CALIBER_BYTES, parseCaliber, shortHash } from '../domain/caliber';
import { publishedText, type DatasetManifest } from '../domain/published';
import { downloadBlob, exportFileName } from '../export/download';

export function CaliberBar({ dataset }: { dataset?: DatasetManifest }) {
  const { effective, published, modified, changes } = useCaliber();
  const action = useAction();
  const [refusal, setRefusal] = useState<string>();

  const readFile = async (file: File) => {
    setRefusal(undefined);
    if (file.size > MAX_CALIBER_BYTES) {
      setRefusal(`口径文件无效：文件过大（口径文件不超过 ${MAX_CALIBER_BYTES / 1024} KB），未作任何更改。`);
      return;
    }
    const parsed = parseCaliber(await file.text());
    if (parsed.ok) importCaliber(parsed.caliber);
    else setRefusal(parsed.message);
  };

  return (
    <div className="caliber-bar" data-caliber-hash={effective.hash} data-caliber-modified={modified}>
      {dataset && (
        <span className="dataset-line" data-dataset-name={dataset.name}>
          <b>发布数据：{dataset.name}</b> · 数据截至 {dataset.asOf ?? '无税收数据'} · 发布于{' '}
          <span data-published-at={dataset.publishedAt}>{publishedText(dataset.publishedAt)}</span> · 只读
        </span>
      )}
      <span className="caliber-line" title={effective.hash}>
        口径：{effective.name}（{shortHash(effective.hash)}）
      </span>
      {modified && (
        <details className="caliber-changes">
          <summary>
            <strong className="caliber-modified">本机修改（未发布）</strong>与发布口径「{published.name}」相比{' '}
            {changes.length} 项不同
          </summary>
          <ul>
            {changes.map((c) => (
              <li key={c.item} data-change-item={c.item}>
                {c.item}：{c.from} → {c.to}
              </li>
            ))}
          </ul>
        </details>
      )}
      <span className="caliber-actions no-print">
        {modified && (
          <button type="button" onClick={revertToPublished}>
            恢复发布口径
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              exportFileName(['口径', effective.name, shortHash(effective.hash)], 'json'),
              new Blob([caliberFileText(effective)], { type: 'application/json' }),
            )
          }
        >
          导出口径
        </button>
        <button
          type="button"
          onClick={() => chooseFile((file) => action.run('导入口径未完成', () => readFile(file)))}
        >
          导入口径
        </button>
        <button
          type="button"
          onClick={() =>
            action.run('导出修改记录未完成', async () => {
              const trail = auditExport(dataset ? await fetchPublishedAudit() : []);
              downloadBlob(
                exportFileName(['修改记录', dataset?.name], 'json'),
                new Blob([JSON.stringify(trail, null, 1)], { type: 'application/json' }),
              );
            })
          }
        >
          导出修改记录
        </button>
      </span>
      {(refusal ?? action.message) && (
        <p className="state error" role="alert" data-caliber-error>
          {refusal ?? action.message}
        </p>
      )}
    </div>
  );
}

/**
 * Opens the file dialog from an input that is never in the page: the data page's desk owns the
 * page's one file input (tests and users find it as `input[type=file]`).
 */
function chooseFile(then: (file: File) => void) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) then(file);
  });
  input.click();
}

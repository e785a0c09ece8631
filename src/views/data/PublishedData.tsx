/**
 * 数据 for a viewer of a published dataset: what is showing (name, as-of date, publish time, the
 * 口径), the tables and the source files with their SHA-256 — read-only. There is no import desk
 * here; the office reaches it only through `#/data?office=1` and a confirmation (app/officeMode.ts).
 */
import { DataTable, type Column } from '../../app/DataTable';
import { Panel } from '../../app/Panel';
import { setOfficeMode } from '../../app/officeMode';
import type { ScreenProps } from '../../app/screen';
import { useCaliber } from '../../app/settings';
import { useFigure } from '../../app/useFigure';
import { caliberFileText } from '../../domain/caliber';
import { dataStatus, type TableStatus } from '../../domain/figures/dataStatus';
import { publishedText, type DatasetManifest } from '../../domain/published';
import { downloadBlob, exportFileName } from '../../export/download';
import { formatCount } from '../../format/numbers';
import type { ImportReport } from '../../ingest';

type FileRow = ImportReport['files'][number] & { sha256?: string };

const TABLE_COLUMNS: Column<TableStatus>[] = [
  { key: 'label', header: '数据表', value: (t) => t.label },
  { key: 'rows', header: '行数', kind: 'count', value: (t) => t.rows },
  { key: 'from', header: '最早', value: (t) => t.from?.slice(0, 10) ?? null },
  { key: 'to', header: '最新', value: (t) => t.to?.slice(0, 10) ?? null },
];

const FILE_COLUMNS: Column<FileRow>[] = [
  { key: 'file', header: '文件', value: (f) => f.file },
  { key: 'table', header: '识别为', value: (f) => f.tableLabel },
  { key: 'read', header: '读取行', kind: 'count', value: (f) => f.rowsRead },
  { key: 'accepted', header: '接受', kind: 'count', value: (f) => f.accepted },
  { key: 'rejected', header: '拒绝', kind: 'count', value: (f) => f.rejectedRows },
  { key: 'sha256', header: 'SHA-256', value: (f) => f.sha256 ?? null },
];

export function PublishedData({
  db,
  source,
  extra,
  dataset,
}: ScreenProps & { dataset: DatasetManifest }) {
  const status = useFigure(db, dataStatus, {});
  const { published } = useCaliber();
  const files = source.imported.files as FileRow[];
  return (
    <section className="screen" data-readonly>
      <h2>数据</h2>
      <div className="grid">
        {extra.office === '1' && <OfficeEntry />}
        <Panel
          title="发布数据集"
          state={status}
          wide
          actions={
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  exportFileName(['发布口径', published.name], 'json'),
                  new Blob([caliberFileText(published)], { type: 'application/json' }),
                )
              }
            >
              下载发布口径
            </button>
          }
        >
          {(s) => (
            <dl className="facts" data-data-source={source.label}>
              <dt>正在显示</dt>
              <dd data-dataset-name={dataset.name}>发布数据「{dataset.name}」（只读，所有用户看到同一份数据）</dd>
              <dt>数据截至</dt>
              <dd>{dataset.asOf ?? '无税收数据'}</dd>
              <dt>发布时间</dt>
              <dd>{publishedText(dataset.publishedAt)}</dd>
              <dt>发布口径</dt>
              <dd>
                {published.name}（{published.hash}）
              </dd>
              <dt>已载入</dt>
              <dd>
                {formatCount(s.tables.reduce((n, t) => n + t.rows, 0))} 行，{files.length} 个来源文件
              </dd>
              <dt>数据质量</dt>
              <dd className={s.orphanTaxRows > 0 ? 'warn' : undefined}>
                {s.orphanTaxRows > 0
                  ? `${formatCount(s.orphanTaxRows)} 行税收明细的企业不在企业名录中（已保留；不计入楼宇税收）`
                  : '税收明细的企业均在企业名录中'}
              </dd>
              <dt>更新数据</dt>
              <dd>由联席会议办公室发布（npm run publish）；本页不能导入或修改数据。</dd>
            </dl>
          )}
        </Panel>
        <Panel title="各数据表" state={status}>
          {(s) => <DataTable label="各数据表" rows={s.tables} columns={TABLE_COLUMNS} />}
        </Panel>
        <Panel title="来源文件" state={{ status: 'ready', data: files }} wide>
          {(rows) => <DataTable label="来源文件" rows={rows} columns={FILE_COLUMNS} />}
        </Panel>
      </div>
    </section>
  );
}

/** `#/data?office=1`: the office's way to the desk, behind a confirmation a viewer does not stumble on. */
function OfficeEntry() {
  return (
    <section className="panel wide" data-office-entry>
      <header className="panel-head">
        <h3>办公室模式（仅供联席会议办公室）</h3>
      </header>
      <p className="note">
        启用后，本浏览器显示在本机导入的数据（或样例数据），而不是发布数据集；导入的数据只保存在本机，不会发布给其他用户。
        发布数据请使用 npm run publish。
      </p>
      <button type="button" onClick={() => setOfficeMode(true)}>
        在本浏览器启用办公室模式
      </button>
    </section>
  );
}

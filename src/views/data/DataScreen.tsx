/**
 * 数据: the import desk, and what is loaded — which data is showing, its as-of date, rows and date
 * range per table, the source files, and what the last import accepted and rejected.
 */
import { DataTable, type Column } from '../../app/DataTable';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import { dataStatus, type TableStatus } from '../../domain/figures/dataStatus';
import { encodingLabel, type ImportReport } from '../../ingest';
import { formatCount } from '../../format/numbers';
import { committedSummary } from './committedText';
import { DataQuality } from './DataQuality';
import { ImportDesk } from './ImportDesk';
import { backToSample } from './dataChanges';
import { ImportHistory } from './ImportHistory';
import { useDataVersion } from '../../app/dataVersion';
import { useAction } from '../../app/useAction';
import { datasetZip } from '../../export/dataset';
import { downloadBlob } from '../../export/download';
import { officeMode, setOfficeMode } from '../../app/officeMode';
import { PublishedData } from './PublishedData';

type FileRow = ImportReport['files'][number];
type Rejected = FileRow['rejected'][number];

const TABLE_COLUMNS: Column<TableStatus>[] = [
  { key: 'label', header: '数据表', value: (t) => t.label },
  { key: 'rows', header: '行数', kind: 'count', value: (t) => t.rows },
  { key: 'dateLabel', header: '日期字段', value: (t) => t.dateLabel },
  { key: 'from', header: '最早', value: (t) => t.from?.slice(0, 10) ?? null },
  { key: 'to', header: '最新', value: (t) => t.to?.slice(0, 10) ?? null },
];

const FILE_COLUMNS: Column<FileRow>[] = [
  { key: 'file', header: '文件', value: (f) => f.file },
  { key: 'table', header: '识别为', value: (f) => f.tableLabel },
  { key: 'encoding', header: '编码', value: (f) => encodingLabel(f.encoding) },
  { key: 'headerRow', header: '表头行', kind: 'count', value: (f) => f.headerRow },
  { key: 'read', header: '读取行', kind: 'count', value: (f) => f.rowsRead },
  { key: 'accepted', header: '接受', kind: 'count', value: (f) => f.accepted },
  { key: 'rejected', header: '拒绝', kind: 'count', value: (f) => f.rejectedRows },
  { key: 'totals', header: '合计行（已剔除）', kind: 'count', value: (f) => f.totals.length },
];

const REJECTED_COLUMNS: Column<Rejected>[] = [
  { key: 'file', header: '文件', value: (r) => r.file },
  { key: 'row', header: '行号', kind: 'count', value: (r) => r.row },
  { key: 'header', header: '列', value: (r) => r.header },
  { key: 'value', header: '值', value: (r) => r.value },
  { key: 'reason', header: '原因', value: (r) => r.reason },
];

/** A published dataset is read-only for viewers; elsewhere (the office, the sample) the desk is here. */
export function DataScreen(props: ScreenProps) {
  const { dataset } = props.source;
  return dataset ? <PublishedData {...props} dataset={dataset} /> : <DeskDataScreen {...props} />;
}

function DeskDataScreen({ db, source, extra, navigate }: ScreenProps) {
  const status = useFigure(db, dataStatus, {});
  const { version } = useDataVersion();
  const action = useAction();
  const rejected = source.imported.files.flatMap((f) => f.rejected);
  return (
    <section className="screen">
      <h2>数据</h2>
      <div className="grid">
        {officeMode() && (
          <p className="state wide" data-office-mode>
            办公室模式：本浏览器显示本机导入的数据，不是发布数据集；导入的数据只保存在本机。{' '}
            <button type="button" onClick={() => setOfficeMode(false)}>
              退出办公室模式
            </button>
          </p>
        )}
        <Panel title="导入数据" state={{ status: 'ready', data: null }} wide>
          {() => <ImportDesk db={db} />}
        </Panel>
        <Panel
          title="当前数据"
          state={status}
          actions={
            <>
              <button
                type="button"
                onClick={() => action.run('导出全部数据未完成', () => exportDataset(db, status))}
              >
                导出全部数据
              </button>
              <button type="button" onClick={() => confirmReset() && action.run('恢复样例数据未完成', backToSample)}>
                恢复样例数据
              </button>
            </>
          }
        >
          {(s) => (
            <>
            {action.message && (
              <p className="state error" role="alert">
                {action.message}
              </p>
            )}
            <dl className="facts" data-data-source={source.label}>
              <dt>正在显示</dt>
              <dd>{source.label}</dd>
              {source.problem && (
                <>
                  <dt>保存</dt>
                  <dd className="warn" data-persist-problem>
                    {source.problem}
                  </dd>
                </>
              )}
              <dt>数据截至</dt>
              <dd>{s.asOf ?? '无税收数据'}</dd>
              <dt>已载入</dt>
              <dd>{formatCount(s.tables.reduce((n, t) => n + t.rows, 0))} 行，{s.files.length} 个来源文件</dd>
              <dt>数据质量</dt>
              <dd className={s.orphanTaxRows > 0 ? 'warn' : undefined}>
                {s.orphanTaxRows > 0
                  ? `${formatCount(s.orphanTaxRows)} 行税收明细的企业不在企业名录中（已保留；这些企业无属地与楼宇信息，不计入楼宇税收）`
                  : '税收明细的企业均在企业名录中'}
              </dd>
            </dl>
            </>
          )}
        </Panel>
        <Panel title="各数据表" state={status}>
          {(s) => <DataTable label="各数据表" rows={s.tables} columns={TABLE_COLUMNS} />}
        </Panel>
        <ImportHistory db={db} version={version} />
        <DataQuality db={db} extra={extra} navigate={navigate} />
        <Panel title="本次载入的文件" state={{ status: 'ready', data: source.imported.files }} wide>
          {(files) => <DataTable label="载入文件" rows={files} columns={FILE_COLUMNS} />}
        </Panel>
        <Panel
          title="被拒绝的行"
          state={{ status: 'ready', data: rejected }}
          isEmpty={(rows) => rows.length === 0}
          emptyText="没有被拒绝的行"
          wide
        >
          {(rows) => <DataTable label="被拒绝的行" rows={rows} columns={REJECTED_COLUMNS} pageSize={10} />}
        </Panel>
        <Panel title="写入结果" state={{ status: 'ready', data: source.imported.committed }} wide>
          {(committed) => (
            <p className="note">
              {committedSummary(committed)}
            </p>
          )}
        </Panel>
      </div>
    </section>
  );
}

/** 导出全部数据: the dataset as one ZIP in the import format (src/export/dataset.ts). */
async function exportDataset(db: ScreenProps['db'], status: { status: string; data?: { asOf: string | null } }) {
  const asOf = status.status === 'ready' ? (status.data?.asOf ?? null) : null;
  const zip = await datasetZip(db, asOf);
  downloadBlob(`总部回归数据_${asOf ?? '无日期'}.zip`, new Blob([zip.slice()], { type: 'application/zip' }));
}

function confirmReset(): boolean {
  return window.confirm('恢复样例数据？已导入的数据、导入记录和本机保存的数据都将删除（可先“导出全部数据”备份）。');
}

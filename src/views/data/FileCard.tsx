/**
 * One file on the import desk: what it was recognised as and in which encoding (both changeable),
 * the rows read / accepted / rejected / dropped, the first names as read (so garbled text is seen
 * before anything is saved), warnings about the file, how each header was mapped (changeable: any
 * header can be given a column or kept as extra), and the rejected rows with their reasons
 * (错误清单, exportable).
 */
import { DataTable, type Column } from '../../app/DataTable';
import { TABLES, type TableName } from '../../domain/schema';
import { encodingLabel, type ChosenEncoding, type FileReport } from '../../ingest';
import { formatCount } from '../../format/numbers';

type Rejected = FileReport['rejected'][number];

const REJECTED_COLUMNS: Column<Rejected>[] = [
  { key: 'row', header: '行号', kind: 'count', value: (r) => r.row },
  { key: 'header', header: '列', value: (r) => r.header },
  { key: 'value', header: '值', value: (r) => r.value },
  { key: 'reason', header: '原因', value: (r) => r.reason },
];

const EXTRA = '';

const FORMAT: Record<FileReport['format'], string> = {
  csv: '文本（CSV）',
  xlsx: 'Excel',
  xls: 'Excel 97–2003',
  html: '网页表格',
};

interface Props {
  report: FileReport;
  choice: { table?: TableName; encoding?: ChosenEncoding; columns?: Record<string, string> };
  onChange: (patch: { table?: TableName; encoding?: ChosenEncoding; columns?: Record<string, string> }) => void;
}

export function FileCard({ report, choice, onChange }: Props) {
  const table = TABLES.find((t) => t.name === report.table)!;
  const headers = [
    ...report.columns.map((c) => ({ header: c.header, column: c.column })),
    ...report.extras.map((header) => ({ header, column: EXTRA })),
  ];
  return (
    <section className="file-card" data-file={report.file}>
      <header>
        <h4>{report.file}</h4>
        <span className="file-format">{FORMAT[report.format]}</span>
        <label>
          识别为
          <select
            name="table"
            value={report.table}
            onChange={(e) => onChange({ table: e.target.value as TableName, columns: {} })}
          >
            {TABLES.map((t) => (
              <option key={t.name} value={t.name}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          编码
          <select
            name="encoding"
            value={report.encoding === 'xlsx' ? 'xlsx' : (choice.encoding ?? '')}
            disabled={report.encoding === 'xlsx'}
            onChange={(e) =>
              onChange({ encoding: (e.target.value || undefined) as ChosenEncoding | undefined })
            }
          >
            {report.encoding === 'xlsx' && <option value="xlsx">Excel</option>}
            <option value="">自动（{encodingLabel(report.encoding)}）</option>
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
          </select>
        </label>
        <span className="file-counts">
          读取 {formatCount(report.rowsRead)} 行 · 接受 {formatCount(report.accepted)} · 拒绝{' '}
          <b className={report.rejectedRows ? 'warn' : undefined}>{formatCount(report.rejectedRows)}</b>
          {report.totals.length > 0 && ` · 剔除合计行 ${report.totals.length}`}
        </span>
      </header>
      {report.preview.length > 0 && (
        <p className="name-preview" data-preview>
          名称预览（按 {encodingLabel(report.encoding)} 读取）：{report.preview.join('、')}
        </p>
      )}
      {report.warnings.length > 0 && (
        <ul className="file-warnings">
          {report.warnings.map((w) => (
            <li key={w.kind} data-warning={w.kind}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>表头对应（{headers.length} 列，其中 {report.extras.length} 列作为附加信息）</summary>
        <table className="mapping">
          <thead>
            <tr>
              <th>文件中的表头</th>
              <th>对应字段</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h) => (
              <tr key={h.header}>
                <td>{h.header}</td>
                <td>
                  <select
                    aria-label={`「${h.header}」对应字段`}
                    value={choice.columns?.[h.header] ?? h.column}
                    onChange={(e) => onChange({ columns: { ...choice.columns, [h.header]: e.target.value } })}
                  >
                    <option value={EXTRA}>（保留为附加信息）</option>
                    {table.columns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.headers[0]}
                        {c.required ? '（必填）' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {report.rejected.length > 0 && (
        <DataTable
          label={`${report.file} 错误清单`}
          exportName={`错误清单_${report.file.replace(/\.[^.]+$/, '')}`}
          rows={report.rejected}
          columns={REJECTED_COLUMNS}
          pageSize={5}
        />
      )}
    </section>
  );
}

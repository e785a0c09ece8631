/**
 * 导入记录: every committed import with its time, files (and checksums) and counts; undo the last
 * one, or roll back to the state before any earlier one. Both rebuild the screens on the result.
 */
import { Panel } from '../../app/Panel';
import { useAction } from '../../app/useAction';
import { useFigure } from '../../app/useFigure';
import type { Db } from '../../db';
import { TABLES } from '../../domain/schema';
import { formatCount } from '../../format/numbers';
import { importHistory, type HistoryEntry } from '../../ingest';
import { committedText } from './committedText';
import { rollBack } from './dataChanges';

const tableLabel = (name: string) => TABLES.find((t) => t.name === name)?.label ?? name;

export function ImportHistory({ db, version }: { db: Db; version: number }) {
  const history = useFigure(db, importHistory, { version });
  const { message, run } = useAction();

  function restore(entry: HistoryEntry, newest: boolean) {
    const what = newest ? '撤销最近一次导入' : `回滚到第 ${entry.id} 次导入之前（其后的导入一并撤销）`;
    if (!window.confirm(`${what}？`)) return;
    run(`${what}未完成`, () => rollBack(db, entry.id));
  }

  return (
    <Panel
      title="导入记录"
      state={history}
      isEmpty={(h) => h.length === 0}
      emptyText="尚无导入记录：显示的是样例数据"
      wide
    >
      {(entries) => (
        <div className="history" data-history={entries.length}>
          {message && <p className="state error">{message}</p>}
          <table className="data-table">
            <thead>
              <tr>
                <th>次序</th>
                <th>时间</th>
                <th>文件（SHA-256 前 12 位）</th>
                <th>写入</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => (
                <tr key={entry.id}>
                  <td className="num">{entry.id}</td>
                  <td>{new Date(entry.at).toLocaleString('zh-CN', { hour12: false })}</td>
                  <td>
                    {entry.files.map((f) => (
                      <div key={f.name}>
                        {f.name}（{tableLabel(f.table)}，{formatCount(f.rows)} 行，拒绝 {formatCount(f.rejected)}）{' '}
                        <code>{f.sha256.slice(0, 12)}</code>
                      </div>
                    ))}
                  </td>
                  <td>
                    {entry.committed.map((c) => (
                      <div key={c.table}>{committedText(c)}</div>
                    ))}
                  </td>
                  <td>
                    {entry.restorable ? (
                      <button type="button" onClick={() => restore(entry, i === 0)}>
                        {i === 0 ? '撤销此次导入' : '回滚到此次之前'}
                      </button>
                    ) : (
                      <span className="note">状态已不保留</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

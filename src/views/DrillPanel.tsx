/**
 * The one drill panel: the records behind the figure named in the link (`drill=`, `drillKey=`), with
 * the figure's 口径, the count (or sum) that equals the figure, and 导出XLSX / 导出CSV (the tables'
 * export, formula-guarded). It only renders: the records and the 口径 come from src/domain/drill.
 */
import { useEffect } from 'react';
import { CaliberText, type DrillScope } from '../app/drill';
import { DataTable, type Column } from '../app/DataTable';
import { useFigure } from '../app/useFigure';
import type { Db } from '../db';
import { figureCaliber } from '../domain/drill/caliber';
import { drillRecords, figureDef } from '../domain/drill/figures';
import type { RecordRow, RecordSet } from '../domain/drill/records';
import { formatCount, formatMoney } from '../format/numbers';
import './drill.css';

interface Props {
  db: Db;
  scope: DrillScope;
  figure: string;
  drillKey?: string;
  onClose: () => void;
}

export function DrillPanel({ db, scope, figure, drillKey, onClose }: Props) {
  useEffect(() => {
    const close = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);
  const known = figureDef(figure) !== undefined;
  const params = {
    figure,
    ...(drillKey ? { key: drillKey } : {}),
    year: scope.year,
    asOf: scope.asOf,
    filters: scope.filters,
    targetTypes: scope.targetTypes,
    thresholds: scope.thresholds,
    // Only the figures that follow the rules read them; the others' params stay as they were.
    ...(figure === 'certCheck' && scope.rules ? { rules: scope.rules } : {}),
    ...(figure === 'unitArea' && scope.officeScope ? { officeScope: scope.officeScope } : {}),
    ...(figure === 'localReward' ? { shares: scope.shares, tiers: scope.tiers } : {}),
  };
  const state = useFigure(db, drillRecords, params);
  const caliber = known
    ? figureCaliber({
        ...params,
        capCompletion: scope.capCompletion,
        weights: scope.weights,
        method: scope.method,
      })
    : null;
  return (
    <aside
      className="drill-panel"
      role="dialog"
      aria-label={caliber ? `${caliber.title}的明细记录` : '明细记录'}
      data-drill={figure}
      data-drill-key={drillKey ?? ''}
      data-drill-status={state.status}
      {...(state.status === 'ready' ? { 'data-drill-total': String(state.data.total) } : {})}
    >
      <header className="drill-head">
        <h3>{caliber ? caliber.title : '明细记录'} · 明细记录</h3>
        <button type="button" className="drill-close" onClick={onClose} aria-label="关闭明细">
          关闭
        </button>
      </header>
      {!known && <p className="state error">链接中的指标“{figure}”无法识别。</p>}
      {caliber && (
        <details className="drill-caliber" open>
          <summary>ⓘ 口径与筛选</summary>
          <CaliberText caliber={caliber} />
        </details>
      )}
      {state.status === 'loading' && <p className="state">正在读取明细…</p>}
      {state.status === 'failed' && <p className="state error">明细读取失败：{state.message}</p>}
      {state.status === 'ready' && <Records set={state.data} title={caliber?.title ?? figure} />}
    </aside>
  );
}

function Records({ set, title }: { set: RecordSet; title: string }) {
  const columns: Column<RecordRow>[] = set.columns.map((c) => ({
    ...c,
    value: (r: RecordRow) => r[c.key] ?? null,
  }));
  return (
    <>
      <p className="drill-summary" data-drill-summary>
        共 <b>{formatCount(set.total)}</b> 条{set.kind}记录
        {set.sum !== null && (
          <>
            ，{set.sumLabel ?? '合计'} <b data-drill-sum={String(set.sum)}>{formatMoney(set.sum, '万元')}</b>
          </>
        )}
        {set.truncated && `（表中显示前 ${formatCount(set.rows.length)} 条，导出XLSX / CSV 含全部记录）`}
      </p>
      <DataTable
        rows={set.rows}
        columns={columns}
        label={`${title}明细`}
        exportName={`明细_${title.replace(/[\s·]+/g, '_')}`}
        pageSize={12}
        {...(set.truncated && set.everyRow ? { exportRows: set.everyRow } : {})}
      />
    </>
  );
}

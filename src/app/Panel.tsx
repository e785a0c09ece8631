/**
 * A titled panel around one figure: it always shows something — a loading line, the error, or
 * "该年度暂无数据" when the figure is empty — never a blank box. The unit caption (单位：万元) sits
 * in the header so a reader never has to guess the scale.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { PanelContext } from '../export/context';
import { FigureInfo, type DrillTarget } from './drill';
import type { FigureState } from './useFigure';

export interface PanelProps<T> {
  title: string;
  /** e.g. '单位：万元'. */
  unit?: string;
  state: FigureState<T>;
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  /** Controls in the header (a metric switch, an export button). */
  actions?: ReactNode;
  wide?: boolean;
  /** The figure this panel shows: an ⓘ with its 口径 beside the title (src/app/drill.tsx). */
  info?: DrillTarget;
  children: (data: T) => ReactNode;
}

export function Panel<T>({
  title,
  unit,
  state,
  isEmpty,
  emptyText,
  actions,
  wide,
  info,
  children,
}: PanelProps<T>) {
  const empty = state.status === 'ready' && isEmpty?.(state.data) === true;
  const pending = state.status === 'ready' && state.pending === true;
  // 'updating': figures kept from an earlier visit of the same data, until the engine confirms them.
  const status = empty ? 'empty' : pending ? 'updating' : state.status;
  // The charts inside put their 导出图片 buttons into this header slot and take title and unit.
  const [slot, setSlot] = useState<HTMLSpanElement | null>(null);
  const panelInfo = useMemo(() => ({ title, unit, slot }), [title, unit, slot]);
  return (
    <section className={wide ? 'panel wide' : 'panel'} data-panel={title} data-panel-status={status}>
      <header className="panel-head">
        <h3>
          {title}
          {info && <FigureInfo target={info} />}
        </h3>
        {unit && <span className="panel-unit">{unit}</span>}
        {pending && (
          <span className="panel-updating" title="上次打开时的数据，分析引擎正在重新计算">
            更新中
          </span>
        )}
        {actions && <div className="panel-actions">{actions}</div>}
        <span className="panel-exports" ref={setSlot} />
      </header>
      <div className="panel-body">
        {state.status === 'loading' && <p className="state">正在计算…</p>}
        {state.status === 'failed' && <p className="state error">计算失败：{state.message}</p>}
        {empty && <p className="state empty">{emptyText ?? '该年度暂无数据'}</p>}
        {state.status === 'ready' && !empty && (
          <PanelContext.Provider value={panelInfo}>{children(state.data)}</PanelContext.Provider>
        )}
      </div>
    </section>
  );
}

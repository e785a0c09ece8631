import { drillProps, FigureInfo, useDrill, type DrillTarget } from './drill';
import { LIGHT_LABEL, type Light } from '../domain/trafficLight';

export interface KpiCardProps {
  name: string;
  label: string;
  value: number;
  display: string;
  target?: number | null;
  note?: string;
  /** Colours the note: ahead of or behind time progress. */
  tone?: 'good' | 'warn';
  /** The records behind the figure: the card opens them (click, Enter) and carries its ⓘ. */
  drill?: DrillTarget;
  /** 红/黄/绿 from task progress against time progress (src/domain/trafficLight.ts). */
  light?: Light;
}

/** A headline figure. `data-kpi`/`data-value`/`data-target` are the test hooks other tests rely on. */
export function KpiCard({ name, label, value, display, target, note, tone, drill, light }: KpiCardProps) {
  const scope = useDrill();
  return (
    <div
      className="kpi"
      data-kpi={name}
      data-value={String(value)}
      {...(target !== undefined && target !== null ? { 'data-target': String(target) } : {})}
      {...drillProps(scope, drill, label)}
    >
      <div className="kpi-label">
        {label}
        {drill && <FigureInfo target={drill} />}
      </div>
      <div className="kpi-value">
        {display}
        {light && (
          <span className={`light light-${light}`} data-light={light} title="任务进度对时间进度的红黄绿灯">
            {LIGHT_LABEL[light]}
          </span>
        )}
      </div>
      {note && <div className={tone ? `kpi-note ${tone}` : 'kpi-note'}>{note}</div>}
    </div>
  );
}

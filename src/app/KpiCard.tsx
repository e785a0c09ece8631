export interface KpiCardProps {
  name: string;
  label: string;
  value: number;
  display: string;
  target?: number | null;
  note?: string;
  /** Colours the note: ahead of or behind time progress. */
  tone?: 'good' | 'warn';
}

/** A headline figure. `data-kpi`/`data-value`/`data-target` are the test hooks other tests rely on. */
export function KpiCard({ name, label, value, display, target, note, tone }: KpiCardProps) {
  return (
    <div
      className="kpi"
      data-kpi={name}
      data-value={String(value)}
      {...(target !== undefined && target !== null ? { 'data-target': String(target) } : {})}
    >
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{display}</div>
      {note && <div className={tone ? `kpi-note ${tone}` : 'kpi-note'}>{note}</div>}
    </div>
  );
}

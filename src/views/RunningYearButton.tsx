/**
 * The assessment and reward screens open on the newest complete year; this puts the running year —
 * the year D falls in, read to D — one click away, saying how much of it there is.
 */
import type { Navigate } from '../app/screen';
import { partYearLabel } from '../domain/asOf';

export function RunningYearButton({
  year,
  asOf,
  navigate,
}: {
  year: number;
  asOf: string;
  navigate: Navigate;
}) {
  const running = Number(asOf.slice(0, 4));
  const months = partYearLabel(running, asOf);
  if (running <= year || months === null) return null;
  return (
    <button
      type="button"
      className="link year-switch"
      data-running-year={running}
      onClick={() => navigate({ year: running })}
    >
      查看{running}年（{months}，年度未结束）
    </button>
  );
}

/**
 * The cockpit's traffic light for a target: task progress (完成数 ÷ 目标) against time progress (the
 * elapsed share of the year), the comparison leaders make as "时间过半，任务过半".
 *
 * Thresholds (percentage points of the year):
 * - green  (达序时): task ≥ time;
 * - amber  (略滞后): behind by less than 10 points (time − task < 0.10);
 * - red    (滞后):   behind by 10 points or more;
 * - none   (无目标): no target set, so nothing to compare.
 */
export type Light = 'green' | 'amber' | 'red' | 'none';

/** Behind time progress by this much (or more) is red. */
export const RED_GAP = 0.1;

export const LIGHT_LABEL: Record<Light, string> = {
  green: '达序时',
  amber: '略滞后',
  red: '滞后',
  none: '无目标',
};

/** `task` and `time` are ratios (0.5 = 50%); task null when there is no target. */
export function progressLight(task: number | null, time: number): Light {
  if (task === null || !Number.isFinite(task)) return 'none';
  const gap = time - task;
  // Compare at 1e-9: 0.6 − 0.5 is 0.09999999999999998 in binary floating point.
  if (gap <= 1e-9) return 'green';
  return gap < RED_GAP - 1e-9 ? 'amber' : 'red';
}

/**
 * Time progress of a plan window (2019—2023) at year Y as of D: whole years elapsed before Y plus
 * Y's own time progress, over the window's years — the five-year card's yardstick.
 */
export function windowTimeProgress(
  window: { from: number; to: number },
  year: number,
  yearProgress: number,
): number {
  const span = window.to - window.from + 1;
  const before = Math.min(Math.max(year - window.from, 0), span);
  return Math.min(1, (before + (year >= window.from && year <= window.to ? yearProgress : 0)) / span);
}

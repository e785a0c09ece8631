/**
 * 办公室模式: where a published dataset is deployed, the import desk is for the joint-meeting office
 * only. A viewer never meets it by accident: the data page shows the dataset, and the desk appears
 * only after the office opens `#/data?office=1` and confirms, which this browser then remembers.
 * In office mode the page shows this browser's own imports (or the sample), not the dataset.
 */
const KEY = 'hq-dashboard.office.v1';

export function officeMode(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Switches office mode and reloads: the page loads its data once, so the switch takes a reload. */
export function setOfficeMode(on: boolean): void {
  if (on) localStorage.setItem(KEY, '1');
  else localStorage.removeItem(KEY);
  window.location.hash = '#/data';
  window.location.reload();
}

/**
 * What the data page does after it changed the data: save it (so it survives a reload and a browser
 * restart) and rebuild the screens on it. A failed save does not undo the change in this page; it
 * is reported, and the saved data stays what it was.
 */
import { bumpDataVersion } from '../../app/dataVersion';
import { afterImport, resetToSample } from '../../app/useData';
import type { ImportReport } from '../../ingest';

export async function dataChanged(report?: ImportReport): Promise<void> {
  let warning: string | undefined;
  try {
    await afterImport();
  } catch (error) {
    warning = `数据已在本页更新，但未能保存，刷新后将恢复为上次保存的数据：${error instanceof Error ? error.message : String(error)}`;
  }
  bumpDataVersion(report, warning);
}

/** 恢复样例数据, after the user confirmed: forgets what was imported and saved. */
export async function backToSample(): Promise<void> {
  await resetToSample();
  bumpDataVersion();
}

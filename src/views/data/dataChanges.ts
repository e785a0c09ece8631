/**
 * What the data page does after it changed the data: save it (so it survives a reload and a browser
 * restart) and rebuild the screens on it. A failed save does not undo the change in this page; it
 * is reported, and the saved data stays what it was.
 */
import { recordAudit } from '../../app/auditLog';
import { bumpDataVersion } from '../../app/dataVersion';
import { forgetFiguresVersion } from '../../app/figureCache';
import { afterChange, resetToSample } from '../../app/useData';
import type { Db } from '../../db';
import { rollbackTo, type ImportReport } from '../../ingest';

export async function dataChanged(report?: ImportReport): Promise<void> {
  recordAudit(
    report
      ? {
          kind: 'import',
          summary: `本机导入 ${report.files.length} 个文件`,
          files: report.files.map((f) => ({
            file: f.file,
            table: f.table,
            accepted: f.accepted,
            rejectedRows: f.rejectedRows,
          })),
        }
      : { kind: 'rollback', summary: '撤销本机导入' },
  );
  let warning: string | undefined;
  try {
    await afterChange();
  } catch (error) {
    warning = `数据已在本页更新，但未能保存，刷新后将恢复为上次保存的数据：${error instanceof Error ? error.message : String(error)}`;
  }
  bumpDataVersion(report, warning);
}

/**
 * 撤销此次导入 / 回滚到此次之前, after the user confirmed. On a connection of its own: the screens
 * keep reading the committed data while the rollback's transaction runs.
 */
export async function rollBack(db: Db, id: number): Promise<void> {
  // The kept figures are of the data before: none are shown until the new version is known.
  forgetFiguresVersion();
  const session = await db.session();
  try {
    await rollbackTo(session, id);
  } finally {
    await session.close();
  }
  await dataChanged();
}

/** 恢复样例数据, after the user confirmed: forgets what was imported and saved. */
export async function backToSample(): Promise<void> {
  await resetToSample();
  recordAudit({ kind: 'reset', summary: '恢复样例数据（删除本机导入的数据）' });
  bumpDataVersion();
}

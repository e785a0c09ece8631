/** Runs one export at a time per button and reports a failure instead of losing it. */
import { useState } from 'react';

export function useExport(): [busy: boolean, run: (job: () => Promise<void>) => void] {
  const [busy, setBusy] = useState(false);
  const run = (job: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    job()
      .catch((error: unknown) => {
        console.warn('导出失败', error);
        window.alert(`导出失败：${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => setBusy(false));
  };
  return [busy, run];
}

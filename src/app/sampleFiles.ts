import type { ImportReport, SourceFile } from '../ingest';

/** The sample exports shipped beside the app (see vite.config.ts), fetched from our own origin. */
export async function fetchSampleFiles(): Promise<SourceFile[]> {
  const list = await fetch('sample/manifest.json');
  if (!list.ok) throw new Error(`样例数据清单加载失败（${list.status}）`);
  const manifest = (await list.json()) as string[];
  return Promise.all(
    manifest.map(async (name) => {
      const response = await fetch(`sample/${encodeURIComponent(name)}`);
      if (!response.ok) throw new Error(`样例数据 ${name} 加载失败（${response.status}）`);
      return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}

/**
 * The build's snapshot of the imported sample (scripts/snapshot-sample.ts), or undefined when the
 * app runs without one (the dev server): then the exports themselves are imported.
 */
export async function fetchSampleSnapshot(): Promise<
  { file: Uint8Array; wal?: Uint8Array; imported: ImportReport } | undefined
> {
  const [file, wal, report] = await Promise.all(
    ['sample/sample.duckdb', 'sample/sample.duckdb.wal', 'sample/sample-import.json'].map((u) => fetch(u)),
  );
  // A static server may answer a missing file with index.html (SPA fallback): only real files count.
  const real = (r: Response | undefined): r is Response =>
    !!r?.ok && !r.headers.get('content-type')?.includes('html');
  if (!real(file) || !real(report)) return undefined;
  return {
    file: new Uint8Array(await file.arrayBuffer()),
    ...(real(wal) ? { wal: new Uint8Array(await wal.arrayBuffer()) } : {}),
    imported: (await report.json()) as ImportReport,
  };
}

import type { SourceFile } from '../ingest';

/** The sample exports shipped beside the app (see vite.config.ts), fetched from our own origin. */
export async function fetchSampleFiles(): Promise<SourceFile[]> {
  const manifest = (await (await fetch('sample/manifest.json')).json()) as string[];
  return Promise.all(
    manifest.map(async (name) => {
      const response = await fetch(`sample/${encodeURIComponent(name)}`);
      if (!response.ok) throw new Error(`样例数据 ${name} 加载失败（${response.status}）`);
      return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}

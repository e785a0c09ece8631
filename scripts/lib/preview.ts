/** `vite preview` of dist/ (or another build folder) on a port, for the scripts that drive the built app in Chromium. */
import { spawn } from 'node:child_process';

export async function startPreview(
  port: number,
  outDir = 'dist',
): Promise<{ url: string; stop: () => void }> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  // Until it answers, however busy the machine; a server that never does is an error, not a blank run.
  const start = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (Date.now() - start > 180_000) throw new Error(`vite preview did not answer at ${url}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { url, stop: () => server.pid && process.kill(-server.pid) };
}

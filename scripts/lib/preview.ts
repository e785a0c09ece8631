/** `vite preview` of dist/ on a port, for the scripts that drive the built app in Chromium. */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<{ url: string; stop: () => void }> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { url, stop: () => server.pid && process.kill(-server.pid) };
}

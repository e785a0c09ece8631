/**
 * Builds the persistence test page (index.html + harness.ts) with Vite into a folder of its own, with
 * the sample snapshot beside it, and serves it on 127.0.0.1 (a secure context, which OPFS needs).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * `sampleFrom`: a folder holding the sample snapshot already (the browser tests pass the build's
 * dist/sample, made by their global setup from the same data folder): copied instead of importing
 * the sample a second time, which took longer than the rest of the persistence tests.
 */
export async function buildHarness(outDir: string, sampleFrom?: string): Promise<void> {
  await build({
    configFile: false,
    root: import.meta.dirname,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
    worker: { format: 'es' },
  });
  if (sampleFrom) {
    fs.cpSync(sampleFrom, path.join(outDir, 'sample'), { recursive: true });
    return;
  }
  const snapshot = spawnSync(
    'npx',
    ['tsx', 'scripts/snapshot-sample.ts', 'data', path.join(outDir, 'sample')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (snapshot.status !== 0) throw new Error('snapshot-sample failed');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
};

/** A static server of `dir`; missing files are 404 (no SPA fallback). */
export async function serveDir(
  dir: string,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = path.join(dir, name.endsWith('/') ? `${name}index.html` : name);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

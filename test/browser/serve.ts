/** Global setup of the browser tests: build dist/ and serve it with `vite preview` on a free port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

/** HQ_TEST_PORT moves the test server, so two checkouts can run their browser tests at once. */
export const PORT = Number(process.env.HQ_TEST_PORT ?? 4391);
let server: ChildProcess | undefined;

export async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which Vite would keep: React's development build, not what ships.
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');
  server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${PORT}/`;
  await untilServing(url);
  project.provide('baseUrl', url);
}

/**
 * Until the server answers. The deadline is generous: on a busy machine (load 20 on two cores) vite
 * took longer than the 20 s this once allowed, and the tests then began against no server at all.
 */
export async function untilServing(url: string, deadlineMs = 180_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > deadlineMs) throw new Error(`vite preview did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function teardown() {
  if (server?.pid) process.kill(-server.pid);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

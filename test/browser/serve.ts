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
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  project.provide('baseUrl', url);
}

export async function teardown() {
  if (server?.pid) process.kill(-server.pid);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    // The data sets several files read, imported once per run (test/shared/files.ts).
    globalSetup: ['test/shared/setup.ts'],
    // Limits after which a test counts as hung, not expected durations: the suite must pass on a busy
    // machine (it failed once at load 20 on two cores with 60 s).
    testTimeout: 240_000,
    hookTimeout: 600_000,
    // The engine starts once per file; two cores, so two workers.
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

/** Browser tests: the production build served by `vite preview`, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/serve.ts'],
    // Limits after which a test counts as hung (see vitest.config.ts): generous for a busy machine.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});

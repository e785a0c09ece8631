/** Global setup of the unit tests: the run's folder for the shared data sets (files.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let dir: string | undefined;

export function setup(project: TestProject) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-shared-'));
  project.provide('sharedDataDir', dir);
}

export function teardown() {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedDataDir: string;
  }
}

/**
 * A Vitest reporter for measuring the suites (docs/TESTING.md): per test file, the time its worker
 * spent on it (import, collection, hooks and tests), slowest first, with the whole run's wall time
 * and the load average beside it — on this shared two-core machine a duration means little without
 * the load it was measured at.
 *
 *   npx vitest run --reporter=default --reporter=./test/timesReporter.ts
 *
 * HQ_TIMES_FILE=<path> also writes the table as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Reporter, TestModule } from 'vitest/node';

interface FileTime {
  file: string;
  tests: number;
  /** Seconds from the file's import to its last hook. */
  total: number;
  /** Seconds importing the file and what it imports. */
  collect: number;
  /** Seconds in its hooks and tests. */
  run: number;
}

const load = () => os.loadavg()[0]!.toFixed(1);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

export default class TimesReporter implements Reporter {
  private started = Date.now();
  private loadAtStart = load();

  onInit() {
    this.started = Date.now();
    this.loadAtStart = load();
  }

  onTestRunEnd(modules: readonly TestModule[]) {
    const files: FileTime[] = modules
      .map((m) => {
        const d = m.diagnostic();
        const setup = d.environmentSetupDuration + d.prepareDuration + d.setupDuration;
        return {
          file: m.relativeModuleId,
          tests: Array.from(m.children.allTests()).length,
          total: seconds(setup + d.collectDuration + d.duration),
          collect: seconds(d.collectDuration),
          run: seconds(d.duration),
        };
      })
      .sort((a, b) => b.total - a.total);
    const wall = seconds(Date.now() - this.started);
    const summary = { wall, loadAtStart: this.loadAtStart, loadAtEnd: load(), files };
    const lines = files.map(
      (f) => `${f.total.toFixed(1).padStart(7)} s ${f.collect.toFixed(1).padStart(6)} s  ${f.file}`,
    );
    console.log(
      [
        `\nper file: total (import + hooks + tests), of which import; slowest first`,
        ...lines,
        `wall ${wall} s, load ${summary.loadAtStart} at start, ${summary.loadAtEnd} at end`,
      ].join('\n'),
    );
    if (process.env.HQ_TIMES_FILE)
      fs.writeFileSync(process.env.HQ_TIMES_FILE, JSON.stringify(summary, null, 2));
  }
}

/**
 * Native DuckDB (`@duckdb/node-api`) behind the same `Db` seam: the report command gives identical
 * JSON on the wasm engine and the native one, on the messy 2023 examples under a 口径 file and on a
 * running year as of a date inside it; a dataset published on the native engine opens in the wasm
 * engine (as the page opens it) with the same figures.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../src/db/node';
import { refreshRollups } from '../src/domain/rollups';
import { caliberFileText, DEFAULT_CALIBER_SETTINGS, makeCaliber } from '../src/domain/caliber';
import { restoreData } from '../src/domain/ddl';
import { buildReport } from '../src/domain/report';
import { tsx } from './tsx';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-native-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function report(engine: 'wasm' | 'native', ...args: string[]): Promise<unknown> {
  const { stdout } = await run(...tsx('scripts/report.ts', ...args, '--json', '--engine', engine), {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

describe('report on the native engine', () => {
  it('equals the wasm engine on the 2023 examples under a 口径 file', async () => {
    const rules = path.join(dir, 'rules.json');
    const caliber = makeCaliber('测试', {
      ...DEFAULT_CALIBER_SETTINGS,
      weights: [10, 10, 30, 40, 10],
      method: 'efficacy',
    });
    fs.writeFileSync(rules, caliberFileText(caliber));
    const args = ['test/fixtures/exports-2023', '--year', '2023', '--rules', rules];
    const [wasm, native] = await Promise.all([report('wasm', ...args), report('native', ...args)]);
    expect(native).toEqual(wasm);
  });

  it('equals the wasm engine on a running year as of a date inside it', async () => {
    const args = ['test/fixtures/running-year', '--as-of', '2025-06-30'];
    const [wasm, native] = await Promise.all([report('wasm', ...args), report('native', ...args)]);
    expect((native as { months: string }).months).toBe('1—6月');
    expect(native).toEqual(wasm);
  });

  it('publishes a dataset the wasm engine opens, with the same report', async () => {
    const out = path.join(dir, 'dataset');
    await run(
      ...tsx(
        'scripts/publish.ts',
        'test/fixtures/exports-2023',
        ...['--out', out, '--engine', 'native', '--phone-years', '1'],
      ),
      {
        cwd: ROOT,
      },
    );
    const db = await openNodeDb();
    try {
      // Native DuckDB checkpoints on DETACH: the file alone, no write-ahead log.
      expect(fs.existsSync(path.join(out, 'dataset.duckdb.wal'))).toBe(false);
      await restoreData(db, { file: new Uint8Array(fs.readFileSync(path.join(out, 'dataset.duckdb'))) });
      await refreshRollups(db);
      const wasm = (await report('wasm', 'test/fixtures/exports-2023', '--year', '2023')) as Record<
        string,
        unknown
      >;
      const opened = await buildReport(db, { year: 2023 });
      expect(opened).toEqual(
        Object.fromEntries(
          Object.entries(wasm).filter(([k]) => !['rejected', 'skipped', 'caliber'].includes(k)),
        ),
      );
    } finally {
      await db.close();
    }
  });

  it('refuses an unknown engine', async () => {
    await expect(report('gpu' as 'wasm', 'test/fixtures/exports-2023')).rejects.toThrow(
      /--engine 应为 wasm 或 native/,
    );
  });
});

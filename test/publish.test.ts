/**
 * `npm run publish` end to end, in child processes on the real engine: the messy 2023 examples
 * published under a 口径 file give a dataset whose tables, opened as the page opens them (the
 * snapshot restored into a fresh database), produce the same report as `npm run report --rules` on
 * the same folder; the files' SHA-256 are those of the exports; a second publish under another 口径
 * hands the audit trail on with the change old → new; a hostile 口径 file changes nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { refreshRollups } from '../src/domain/rollups';
import { caliberFileText, DEFAULT_CALIBER_SETTINGS, makeCaliber, parseCaliber } from '../src/domain/caliber';
import { restoreData } from '../src/domain/ddl';
import type { AuditTrail, DatasetManifest } from '../src/domain/published';
import { buildReport } from '../src/domain/report';
import { FIRST_FIGURES_FILE, readFirstFigures } from '../src/domain/firstFigures';
import { viewFigures, type ViewParams } from '../src/domain/viewFigures';
import { tsx } from './tsx';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXPORTS = 'test/fixtures/exports-2023';

function run(
  script: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(...tsx(script, ...args), {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** A 口径 that moves the ranking away from the default one (and the overdue list, by its thresholds). */
const INVESTMENT_FIRST = makeCaliber('测试口径：投资优先', {
  ...DEFAULT_CALIBER_SETTINGS,
  weights: [10, 10, 30, 40, 10],
  method: 'efficacy',
  thresholds: { signedToRegisteredDays: 90, registeredToOperatingDays: 365 },
});
const SECOND = makeCaliber('测试口径二', { ...INVESTMENT_FIRST.settings, weights: [10, 10, 30, 40, 20] });

describe('npm run publish', () => {
  let dir: string;
  let out: string;
  let rulesFile: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-publish-'));
    out = path.join(dir, 'dataset');
    rulesFile = path.join(dir, 'rules.json');
    fs.writeFileSync(rulesFile, caliberFileText(INVESTMENT_FIRST));
    const published = await run(
      'scripts/publish.ts',
      EXPORTS,
      '--out',
      out,
      '--rules',
      rulesFile,
      '--name',
      '测试数据集',
      // One year of the 掌上驾驶舱's files: each year costs a 简报 per unit.
      '--phone-years',
      '1',
    );
    expect(published.stderr).not.toMatch(/Error/);
    expect(published.code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the manifest, with every file hashed, and the 口径 file that reads back', () => {
    const manifest = readJson<DatasetManifest>(path.join(out, 'manifest.json'));
    expect(manifest).toMatchObject({
      format: 'hq-return-dataset',
      name: '测试数据集',
      asOf: '2023-12-31',
      caliber: { name: INVESTMENT_FIRST.name, hash: INVESTMENT_FIRST.hash },
      figures: ['belts', 'buildings', 'context', 'overview', 'ranking'],
    });
    expect(manifest.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    for (const [file, hash] of Object.entries(manifest.files)) {
      expect(sha256(fs.readFileSync(path.join(out, file)))).toBe(hash);
    }
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining([
        'dataset.duckdb',
        'import-report.json',
        'rules.json',
        'audit.json',
        // The 掌上驾驶舱's files (issue 16), hashed like the rest.
        'figures/m/index.json',
        'figures/m/2023/city.json',
        // …and the first screen nginx puts into the page (docs/PHONE.md).
        'figures/m/first.html',
      ]),
    );
    expect(parseCaliber(fs.readFileSync(path.join(out, 'rules.json'), 'utf8'))).toEqual({
      ok: true,
      caliber: INVESTMENT_FIRST,
    });
  });

  it('records each export with its SHA-256 in the import report and the audit trail', () => {
    const report = readJson<{ files: { file: string; sha256: string; accepted: number }[] }>(
      path.join(out, 'import-report.json'),
    );
    const exports = fs.readdirSync(EXPORTS).filter((f) => /\.(csv|xlsx|xls|txt|tsv)$/i.test(f));
    expect(report.files.map((f) => f.file).sort()).toEqual(exports.sort());
    for (const f of report.files) expect(f.sha256).toBe(sha256(fs.readFileSync(path.join(EXPORTS, f.file))));
    const audit = readJson<AuditTrail>(path.join(out, 'audit.json'));
    expect(audit.entries.map((e) => e.kind)).toEqual(['import', 'publish']);
    expect(audit.entries[0]!.files!.map((f) => f.sha256)).toEqual(report.files.map((f) => f.sha256));
  });

  it('opened as the page opens it, gives the report of `report --rules` on the same folder', async () => {
    const db = await openNodeDb();
    try {
      const wal = path.join(out, 'dataset.duckdb.wal');
      await restoreData(db, {
        file: new Uint8Array(fs.readFileSync(path.join(out, 'dataset.duckdb'))),
        ...(fs.existsSync(wal) ? { wal: new Uint8Array(fs.readFileSync(wal)) } : {}),
      });
      await refreshRollups(db);
      // The tax export's 纳税人名称 comes with the dataset, each row pointing to its name.
      const [named] = await db.query<{ rows: number; names: number }>(
        raw(
          `SELECT count(*) AS rows, count(n.name) AS names FROM tax AS t LEFT JOIN tax_names AS n ON n.id = t.name_id`,
        ),
      );
      expect(named!.names).toBe(named!.rows);
      const { weights, method, rules, thresholds, targetTypes } = INVESTMENT_FIRST.settings;
      const page = await buildReport(db, { year: 2023, weights, method, rules, thresholds, targetTypes });
      const cli = await run('scripts/report.ts', EXPORTS, '--year', '2023', '--rules', rulesFile, '--json');
      expect(cli.code).toBe(0);
      const output = JSON.parse(cli.stdout) as Record<string, unknown>;
      const { caliber } = output;
      // What the command adds around the report: the rows it rejected, files skipped, the 口径 named.
      const reported = Object.fromEntries(
        Object.entries(output).filter(([key]) => !['rejected', 'skipped', 'caliber'].includes(key)),
      );
      expect(caliber).toEqual({ name: INVESTMENT_FIRST.name, hash: INVESTMENT_FIRST.hash });
      expect(page).toEqual(reported);
      // The 口径 moved the ranking: the default one ranks 鹿城区 first on these files.
      expect(page.ranking[0]!.code).toBe('330303');
      // The figures cache carries the views' own figures, computed under the same 口径.
      const overview = readJson<{ params: { year: number }; figures: { newHq: { city: unknown } } }>(
        path.join(out, 'figures', 'overview.json'),
      );
      expect(overview.params.year).toBe(2023);
      expect(overview.figures.newHq.city).toEqual(page.newHq.city);
      const ranking = readJson<{ figures: { code: string; indicators: number[] }[] }>(
        path.join(out, 'figures', 'ranking.json'),
      );
      expect(ranking.figures.map((u) => u.indicators[1])).toEqual(page.newHq.byRegion.map((u) => u.actual));
      // A first visit's file (src/app/firstFigures.ts): the same views, and the overview of the
      // other years, each the figure function's answer for its params.
      const first = readFirstFigures(readJson(path.join(out, FIRST_FIGURES_FILE)))!;
      expect(first.find((e) => e.view === 'overview')!.params).toEqual(overview.params);
      const earlier = first.find(
        (e) => e.view === 'overview' && (e.params as { year: number }).year === 2022,
      )!;
      expect(earlier.figures).toEqual(
        JSON.parse(
          JSON.stringify(await viewFigures(db, 'overview', earlier.params as ViewParams<'overview'>)),
        ),
      );
    } finally {
      await db.close();
    }
  });

  it('refuses a hostile 口径 file with a message and leaves the published dataset as it was', async () => {
    const before = fs.readFileSync(path.join(out, 'manifest.json'), 'utf8');
    const hostile = path.join(dir, 'hostile.json');
    fs.writeFileSync(
      hostile,
      caliberFileText(INVESTMENT_FIRST).replace('"weights": [\n      10', '"weights": [\n      1e308'),
    );
    const result = await run('scripts/publish.ts', EXPORTS, '--out', out, '--rules', hostile);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/口径文件无效：考核权重“完成率”应在 0—1000 之间/);
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.publishing-'))).toEqual([]);
  });

  it('hands the audit trail on to the next publish, with the 口径 change old → new', async () => {
    const second = path.join(dir, 'second.json');
    fs.writeFileSync(second, caliberFileText(SECOND));
    const result = await run(
      'scripts/publish.ts',
      EXPORTS,
      '--out',
      out,
      '--rules',
      second,
      '--phone-years',
      '0',
    );
    expect(result.code).toBe(0);
    const audit = readJson<AuditTrail>(path.join(out, 'audit.json'));
    expect(audit.entries.map((e) => e.kind)).toEqual(['import', 'publish', 'rules', 'import', 'publish']);
    expect(audit.entries[2]!.changes).toEqual([{ item: '考核权重·新引进总部税收', from: '10', to: '20' }]);
    expect(readJson<DatasetManifest>(path.join(out, 'manifest.json')).caliber.hash).toBe(SECOND.hash);
  });

  it('will not write into a folder that holds something else', async () => {
    const other = path.join(dir, 'dist');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'index.html'), '<!doctype html>');
    const result = await run('scripts/publish.ts', EXPORTS, '--out', other, '--phone-years', '0');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/不是空文件夹，也不是已发布的数据集/);
    expect(fs.readdirSync(other)).toEqual(['index.html']);
  });
});

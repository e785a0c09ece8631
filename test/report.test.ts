/**
 * The report command end to end (DOMAIN.md, "The report command"): the real script in a child
 * process, on the real engine, over the example exports of 2023 (copied from ../shared/examples into
 * test/fixtures/exports-2023 so the test runs from a clone), compared with the independently computed
 * test/fixtures/expected-report-2023.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../src/domain/schema';
import { UNITS } from '../src/domain/units';
import { tsx } from './tsx';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXPORTS = 'test/fixtures/exports-2023';
const FIGURES = 'test/fixtures/figures';
/** Data to 2025-09-30, hand-computed in test/runningYear.test.ts. */
const RUNNING = 'test/fixtures/running-year';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function report(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(...tsx('scripts/report.ts', ...args), {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface UnitCountJson {
  code: string;
  name: string;
  actual: number;
  target: number | null;
}
interface RankJson {
  code: string;
  name: string;
  score: number;
  rank: number;
}
interface BuildingJson {
  buildingId: string;
  name: string;
  tier?: string | null;
  tax: number;
}
interface FailedJson {
  creditCode: string;
  reasons: string[];
}
interface RejectedJson {
  file: string;
  row: number;
  column: string;
  value: string | null;
  reason: string;
}

interface OverdueJson {
  projectId: string;
  reason: 'signed_not_registered' | 'registered_not_operating';
  days: number;
}

interface ReportJson {
  year: number;
  asOf: string;
  at: string;
  months: string | null;
  targetTypes: 'all' | 'named';
  timeProgress: number;
  newHq: { city: { actual: number; target: number | null }; byRegion: UnitCountJson[] };
  fiveYear: { from: number; to: number; actual: number; target: number | null };
  localHq: { stock: number; flow: number };
  hqTax: { tax: number; previous: number; change: number | null };
  billionBuildings: BuildingJson[];
  cultivatingBuildings: BuildingJson[];
  unitAreaOutput: { meeting: string[]; notMeeting: string[] };
  projects: { overdue: OverdueJson[]; fourOnes: { complete: number; total: number } };
  ranking: RankJson[];
  certification: { passed: string[]; failed: FailedJson[] };
  rejected: RejectedJson[];
  orphanTaxRows: number;
  rowsLoaded: Record<TableName, number>;
}

interface ExpectedJson {
  year: number;
  newHq: { city: { actual: number; target: number | null }; byRegion: UnitCountJson[] };
  fiveYear: { from: number; to: number; actual: number; target: number };
  billionBuildings: BuildingJson[];
  ranking: RankJson[];
  certification: { passed: string[]; failed: FailedJson[] };
  rejectedAtLeast: Partial<Record<TableName, number>>;
  orphanTaxRows: number;
  rowsLoaded: Partial<Record<TableName, number>>;
}

const expected = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test/fixtures/expected-report-2023.json'), 'utf8'),
) as ExpectedJson;

/** The table each example export holds (recognised from its header; checked against the readable output below). */
const FILE_TABLE: Record<string, TableName> = {
  '2023年总部企业名录.xlsx': 'enterprises',
  '总部认定台账.csv': 'certifications',
  '总部项目台账.csv': 'projects',
  '楼宇清单.csv': 'buildings',
  '目标任务.csv': 'targets',
  '税收明细_2018-2023.csv': 'tax',
};

const ZONES = UNITS.filter((u) => u.kind === 'zone').map((u) => u.code);

let json: Run;
let readable: Run;
let halfYear: Run;
let figures: Run;
let running: Run;
let runningJune: Run;
let runningNamed: Run;
let runningText: Run;
let report2023: ReportJson;

beforeAll(async () => {
  // The runs are independent: start them together.
  [json, readable, halfYear, figures, running, runningJune, runningNamed, runningText] = await Promise.all([
    report(EXPORTS, '--year', '2023', '--json'),
    report(EXPORTS, '--year', '2023'),
    // As of mid-year: every figure counts only what is dated by then (the small fixture is enough).
    report(FIGURES, '--as-of', '2023-06-30', '--year', '2023', '--json'),
    report(FIGURES, '--json'),
    report(RUNNING, '--json'),
    report(RUNNING, '--as-of', '2025-06-30', '--json'),
    report(RUNNING, '--target-types', 'named', '--json'),
    report(RUNNING, '--target-types', 'named'),
  ]);
  expect(json.stderr).toBe('');
  expect(json.code).toBe(0);
  report2023 = JSON.parse(json.stdout) as ReportJson;
}, 600_000);

describe('report --json on the 2023 example exports', () => {
  it('has the shape of DOMAIN.md', () => {
    const r = report2023;
    for (const key of [
      'year',
      'newHq',
      'fiveYear',
      'billionBuildings',
      'ranking',
      'certification',
      'rejected',
    ]) {
      expect(r, key).toHaveProperty(key);
    }
    expect(r.year).toBe(2023);
    expect(Object.keys(r.newHq.city).sort()).toEqual(['actual', 'target']);
    for (const row of r.newHq.byRegion)
      expect(Object.keys(row).sort()).toEqual(['actual', 'code', 'name', 'target']);
    expect(Object.keys(r.fiveYear).sort()).toEqual(['actual', 'from', 'target', 'to']);
    for (const b of r.billionBuildings)
      expect(b).toEqual(
        expect.objectContaining({
          buildingId: expect.any(String),
          name: expect.any(String),
          tax: expect.any(Number),
        }),
      );
    for (const u of r.ranking)
      expect(u).toEqual(
        expect.objectContaining({
          code: expect.any(String),
          name: expect.any(String),
          score: expect.any(Number),
          rank: expect.any(Number),
        }),
      );
    expect(r.certification.passed.every((c) => typeof c === 'string')).toBe(true);
    for (const f of r.certification.failed) {
      expect(typeof f.creditCode).toBe('string');
      expect(f.reasons.length).toBeGreaterThan(0);
    }
    for (const e of r.rejected) {
      expect(e).toEqual(
        expect.objectContaining({
          file: expect.any(String),
          row: expect.any(Number),
          column: expect.any(String),
          reason: expect.any(String),
        }),
      );
      expect(e).toHaveProperty('value');
      expect(e.reason).toMatch(/[\u4e00-\u9fff]/); // reasons are in Chinese
    }
  });

  it('gives amounts in 元 and buildings by tax descending', () => {
    const taxes = report2023.billionBuildings.map((b) => b.tax);
    expect(taxes).toEqual([...taxes].sort((a, b) => b - a));
    // ≥ 1亿元 = 100,000,000 元 (in 万元 these would be about 10,000)
    expect(taxes.every((t) => t >= 1e8)).toBe(true);
    // Cents at most: the amounts are rounded to 分.
    expect(taxes.every((t) => Math.abs(t * 100 - Math.round(t * 100)) < 1e-6)).toBe(true);
    expect(report2023.hqTax.tax).toBeGreaterThan(1e8);
  });

  it('matches the expected new HQ for the city and the 12 counties; the zones are 0', () => {
    expect(report2023.newHq.city).toEqual(expected.newHq.city);
    const counties = report2023.newHq.byRegion.filter((r) => !ZONES.includes(r.code));
    expect(counties).toEqual(expected.newHq.byRegion);
    const zones = report2023.newHq.byRegion.filter((r) => ZONES.includes(r.code));
    expect(zones.map((z) => z.code)).toEqual(ZONES);
    for (const z of zones) expect(z.actual, z.code).toBe(0);
  });

  it('matches the expected five-year progress', () => {
    expect(report2023.fiveYear).toEqual(expected.fiveYear);
  });

  it('matches the expected 亿元楼宇 to the cent', () => {
    const actual = report2023.billionBuildings;
    expect(actual.map((b) => [b.buildingId, b.name])).toEqual(
      expected.billionBuildings.map((b) => [b.buildingId, b.name]),
    );
    actual.forEach((b, i) => expect(b.tax, b.buildingId).toBeCloseTo(expected.billionBuildings[i]!.tax, 2));
  });

  it('matches the expected ranking for the 12 counties; the zones follow with 0', () => {
    const { ranking } = report2023;
    expect(ranking).toHaveLength(UNITS.length);
    const first = ranking.slice(0, expected.ranking.length);
    expect(first.map((r) => [r.code, r.name, r.rank])).toEqual(
      expected.ranking.map((r) => [r.code, r.name, r.rank]),
    );
    first.forEach((r, i) => expect(r.score, r.code).toBeCloseTo(expected.ranking[i]!.score, 3));
    const rest = ranking.slice(expected.ranking.length);
    expect(rest.map((r) => [r.code, r.score, r.rank])).toEqual(
      ZONES.map((code, i) => [code, 0, expected.ranking.length + i + 1]),
    );
  });

  it('matches the expected certification check, passed and failed with reasons', () => {
    const { passed, failed } = report2023.certification;
    expect([...passed].sort()).toEqual([...expected.certification.passed].sort());
    const byCode = (rows: FailedJson[]) => Object.fromEntries(rows.map((f) => [f.creditCode, f.reasons]));
    expect(byCode(failed)).toEqual(byCode(expected.certification.failed));
    expect(failed).toHaveLength(expected.certification.failed.length);
  });

  it('rejects at least the expected rows per table, and counts orphan tax rows and loaded rows', () => {
    const perTable: Partial<Record<TableName, number>> = {};
    for (const e of report2023.rejected) {
      const table = FILE_TABLE[e.file];
      expect(table, e.file).toBeDefined();
      perTable[table!] = (perTable[table!] ?? 0) + 1;
    }
    for (const [table, atLeast] of Object.entries(expected.rejectedAtLeast)) {
      expect(perTable[table as TableName] ?? 0, table).toBeGreaterThanOrEqual(atLeast);
    }
    expect(report2023.orphanTaxRows).toBe(expected.orphanTaxRows);
    expect(report2023.rowsLoaded).toMatchObject(expected.rowsLoaded);
  });

  it('reads the as-of date from the newest tax month: a finished year', () => {
    expect(report2023.asOf).toBe('2023-12-31');
    expect(report2023.timeProgress).toBe(1);
    expect(report2023.months).toBeNull();
  });

  it('carries the keys DOMAIN.md added: 培育楼宇, unit-area output, overdue projects and 四个一', () => {
    const r = report2023;
    const taxes = r.cultivatingBuildings.map((b) => b.tax);
    expect(taxes).toEqual([...taxes].sort((a, b) => b - a));
    expect(taxes.every((t) => t >= 5e7 && t < 1e8)).toBe(true);
    for (const b of r.cultivatingBuildings)
      expect(Object.keys(b).sort()).toEqual(['buildingId', 'name', 'region', 'tax', 'tier']);
    expect(Object.keys(r.unitAreaOutput).sort()).toEqual(['meeting', 'notMeeting']);
    expect(Object.keys(r.projects).sort()).toEqual(['fourOnes', 'overdue']);
    expect(r.projects.fourOnes.total).toBeGreaterThanOrEqual(r.projects.fourOnes.complete);
    for (const o of r.projects.overdue) {
      expect(['signed_not_registered', 'registered_not_operating']).toContain(o.reason);
      // Days since the stage date: past the threshold of its stage.
      expect(o.days).toBeGreaterThan(o.reason === 'signed_not_registered' ? 180 : 365);
    }
    expect(r.targetTypes).toBe('all');
  });
});

describe('report, readable output', () => {
  it('prints Chinese headings and tables and exits 0', () => {
    expect(readable.code).toBe(0);
    expect(readable.stderr).toBe('');
    const out = readable.stdout;
    expect(() => JSON.parse(out) as unknown).toThrow();
    for (const heading of [
      '温州市总部回归 2023 年度报告',
      '新引进总部企业（按属地）',
      '五年累计（2019—2023）',
      '亿元楼宇（12 幢）',
      '招商考核排名',
      '总部认定条件核验',
      '拒绝的行：',
    ]) {
      expect(out, heading).toContain(heading);
    }
    expect(out).toContain(
      `新引进总部企业：${expected.newHq.city.actual} 家，目标 ${expected.newHq.city.target}`,
    );
    expect(out).toContain('瓯海总部大厦6号楼');
  });

  it('lists each file with the table it was recognised as', () => {
    const labelOf = (name: TableName) => TABLES.find((t) => t.name === name)!.label;
    for (const [file, table] of Object.entries(FILE_TABLE)) {
      const line = readable.stdout.split('\n').find((l) => l.startsWith(file));
      expect(line, file).toBeDefined();
      expect(line!.slice(file.length).trim().startsWith(labelOf(table)), file).toBe(true);
    }
  });
});

describe('report on the hand-made figures fixture', () => {
  it('--as-of 2023-06-30 moves the time progress and counts only what is dated by then', () => {
    expect(halfYear.code).toBe(0);
    const r = JSON.parse(halfYear.stdout) as ReportJson;
    const full = JSON.parse(figures.stdout) as ReportJson;
    expect(r.asOf).toBe('2023-06-30');
    expect(r.timeProgress).toBe(0.5);
    // Without --as-of: the last day of the newest tax month, 2023-12 → a finished year.
    expect(full.asOf).toBe('2023-12-31');
    expect(full.timeProgress).toBe(1);
    // Hand-computed in test/asOf.test.ts: A only by 06-30 (B, G, H later); W X C A in the window;
    // HQ tax Jan–Jun against Jan–Jun 2022; B1's Jan–Jun tax; H and Y had not applied yet.
    expect(r.newHq.city).toEqual({ actual: 1, target: 10 });
    expect(r.fiveYear).toEqual({ from: 2019, to: 2023, actual: 4, target: 20 });
    expect(r.localHq).toMatchObject({ stock: 3, flow: 1 });
    expect(r.hqTax).toEqual({ tax: 132_500_000, previous: 8_000_000, change: 15.5625 });
    expect(r.billionBuildings.map((b) => [b.buildingId, b.tax])).toEqual([['B1', 103_500_000]]);
    expect(r.certification.passed.length + r.certification.failed.length).toBe(9);
    expect(r.ranking[0]).toMatchObject({ code: '330302', rank: 1 });
    // What is not dated inside the year is the same.
    expect(r.rowsLoaded).toEqual(full.rowsLoaded);
    expect(r.orphanTaxRows).toBe(full.orphanTaxRows);
  });

  it('prints the hand-computed figures of test/figures.test.ts', () => {
    expect(figures.code).toBe(0);
    const r = JSON.parse(figures.stdout) as ReportJson;
    // No --year: the year of the newest tax month (2023-12).
    expect(r.year).toBe(2023);
    expect(r.newHq.city).toEqual({ actual: 4, target: 10 });
    expect(r.fiveYear).toEqual({ from: 2019, to: 2023, actual: 7, target: 20 });
    expect(r.localHq).toMatchObject({ stock: 3, flow: 1 });
    expect(r.hqTax).toEqual({ tax: 208_500_000, previous: 10_000_000, change: 19.85 });
    expect(r.billionBuildings.map((b) => [b.buildingId, b.tax])).toEqual([['B1', 109_000_000]]);
    expect(r.ranking.slice(0, 4).map((u) => [u.code, u.score])).toEqual([
      ['330302', 90],
      ['330303', 46.3636],
      ['ZN01', 41.5909],
      ['330381', 15.7273],
    ]);
    expect(r.certification.passed.length + r.certification.failed.length).toBe(11);
    expect(r.rejected).toEqual([]);
    expect(r.orphanTaxRows).toBe(3);
  });

  it('lists 培育楼宇, unit-area output and the projects as test/figures.test.ts computes them', () => {
    const r = JSON.parse(figures.stdout) as ReportJson;
    // B2: C 40M + D 15M + G 7M = 62M (≥ 5000万, < 1亿)
    expect(r.cultivatingBuildings.map((b) => [b.buildingId, b.tax, b.tier])).toEqual([
      ['B2', 62_000_000, '培育楼宇'],
    ]);
    // 2023 output × 10,000 ÷ office area: A 15,000, C 10,000 (exactly the bar), B 8,000; D has no area.
    expect(r.unitAreaOutput).toEqual({
      meeting: ['91330302MA2HQ0001Q', '91330303MA2HQ0003D'],
      notMeeting: ['91330302MA2HQ0002U'],
    });
    // At 2023-12-31: P1 signed 2023-01-10 (355 days), P3 registered 2022-06-01 (578 days);
    // 四个一 complete: P1, P4, P5 of the six signed by then.
    expect(r.projects).toEqual({
      overdue: [
        { projectId: 'P1', reason: 'signed_not_registered', days: 355 },
        { projectId: 'P3', reason: 'registered_not_operating', days: 578 },
      ],
      fourOnes: { complete: 3, total: 6 },
    });
    // As of 2023-06-30: B2 is at 45M; P1 at 171 days is not yet overdue, P3 at 394 is; P2 and P6 not signed.
    const half = JSON.parse(halfYear.stdout) as ReportJson;
    expect(half.cultivatingBuildings).toEqual([]);
    expect(half.projects).toEqual({
      overdue: [{ projectId: 'P3', reason: 'registered_not_operating', days: 394 }],
      fourOnes: { complete: 3, total: 4 },
    });
  });
});

describe('report on a running year (test/fixtures/running-year, data to 2025-09-30)', () => {
  it('reads 2025 to September and says so', () => {
    expect(running.stderr).toBe('');
    const r = JSON.parse(running.stdout) as ReportJson;
    expect([r.year, r.asOf, r.at, r.months, r.timeProgress]).toEqual([
      2025,
      '2025-09-30',
      '2025-09-30',
      '1—9月',
      0.75,
    ]);
    expect(r.newHq.city).toEqual({ actual: 5, target: 10 });
    expect(r.billionBuildings.map((b) => [b.buildingId, b.tax])).toEqual([['B1', 111_000_000]]);
    expect(r.projects).toEqual({
      overdue: [
        { projectId: 'R1', reason: 'signed_not_registered', days: 263 },
        { projectId: 'R2', reason: 'registered_not_operating', days: 578 },
      ],
      fourOnes: { complete: 1, total: 3 },
    });
  });

  it('--as-of 2025-06-30, before the last certifications: the counts drop and 时间进度 moves', () => {
    const r = JSON.parse(runningJune.stdout) as ReportJson;
    expect([r.asOf, r.months, r.timeProgress]).toEqual(['2025-06-30', '1—6月', 0.5]);
    expect(r.newHq.city).toEqual({ actual: 3, target: 10 });
    expect(r.hqTax).toMatchObject({ tax: 84_000_000, previous: 9_000_000 });
    // B1 at 72M is a 培育楼宇 in June.
    expect(r.billionBuildings).toEqual([]);
    expect(r.cultivatingBuildings.map((b) => [b.buildingId, b.tax])).toEqual([['B1', 72_000_000]]);
    // R2: 2024-03-01 → 2025-06-30 = 365 + 121 days. R1 at 171 days is not overdue yet; R3's 08-01
    // operating date has not happened (302 days since registration, under 365).
    expect(r.projects).toEqual({
      overdue: [{ projectId: 'R2', reason: 'registered_not_operating', days: 486 }],
      fourOnes: { complete: 1, total: 3 },
    });
  });

  it('--target-types named counts only 综合型总部 and 功能型总部 toward new HQ and the target', () => {
    expect(runningNamed.code).toBe(0);
    const r = JSON.parse(runningNamed.stdout) as ReportJson;
    expect(r.targetTypes).toBe('named');
    expect(r.newHq.city).toEqual({ actual: 2, target: 10 });
    expect(r.newHq.byRegion.find((u) => u.code === '330302')).toMatchObject({ actual: 1, target: 4 });
    expect(runningText.stdout).toContain('计入目标的总部类型：仅综合型总部、功能型总部');
    expect(runningText.stdout).toContain('新引进总部企业（1—9月）：2 家，目标 10');
    expect(runningText.stdout).toContain('亿元楼宇（1 幢，按1—9月累计税收计，全年标准）');
    expect(runningText.stdout).toContain('培育楼宇（5000万—1亿元，0 幢');
    expect(runningText.stdout).toContain('逾期预警 2 个；“四个一”完整 1 / 3 个');
  });
});

describe.concurrent('report, failures', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-report-'));
    // A folder with one good file and one tax file that lacks its required 税额 column.
    const refused = path.join(tmp, 'refused');
    fs.mkdirSync(refused);
    fs.copyFileSync(path.join(ROOT, FIGURES, '楼宇清单.csv'), path.join(refused, '楼宇清单.csv'));
    fs.writeFileSync(
      path.join(refused, '税收缺列.csv'),
      '统一社会信用代码,所属期,税种,是否市外经营\n91330302MA2HQ0001Q,202301,增值税,是\n',
    );
    fs.mkdirSync(path.join(tmp, 'empty'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exits non-zero naming the refused file and its missing column, printing no report', async () => {
    const run = await report(path.join(tmp, 'refused'), '--year', '2023', '--json');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('税收缺列.csv');
    expect(run.stderr).toContain('税额');
  });

  it.each([
    ['a missing folder', () => [path.join(tmp, 'no-such-folder'), '--json'], 'no-such-folder'],
    ['a folder without export files', () => [path.join(tmp, 'empty')], '没有'],
    ['no folder at all', () => [], 'usage'],
    ['a bad --year', () => [EXPORTS, '--year', '23'], '--year'],
    ['a bad --as-of', () => [EXPORTS, '--as-of', '2023/06/30'], '--as-of'],
    ['an impossible --as-of', () => [EXPORTS, '--as-of', '2023-02-30'], '--as-of'],
    ['a bad --target-types', () => [EXPORTS, '--target-types', 'some'], '--target-types'],
  ] as const)('exits non-zero with a message on %s', async (_, args, message) => {
    const run = await report(...args());
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('report on a folder as an office has it (issue 11, items 1 and 7)', () => {
  let folder: string;
  let text: Run;
  let asJson: Run;
  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-office-'));
    const hostile = (name: string) =>
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/hostile', name), path.join(folder, name));
    hostile('企业名录.xls');
    hostile('amounts.csv');
    fs.writeFileSync(
      path.join(folder, '税收.csv'),
      '统一社会信用代码,所属期,税种,税额\n91330100716105852F,2023-06,增值税,10\n91330100716105852F,2023-07,增值税,x\n合计,,,10\n',
    );
    fs.writeFileSync(path.join(folder, '说明.docx'), 'not an export');
    fs.writeFileSync(path.join(folder, '~$企业名录.xlsx'), 'lock');
    fs.mkdirSync(path.join(folder, '旧数据'));
    [text, asJson] = await Promise.all([
      report(folder, '--year', '2023'),
      report(folder, '--year', '2023', '--json'),
    ]);
  }, 600_000);
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('loads the .xls and names every file it did not read, with why', () => {
    expect(text.code).toBe(0);
    for (const [file, why] of [
      ['说明.docx', '不是 CSV、Excel'],
      ['~$企业名录.xlsx', '临时锁定文件'],
      ['旧数据', '文件夹'],
    ]) {
      expect(text.stderr).toContain(`未读取「${file}」：`);
      expect(text.stderr).toContain(why);
      expect(text.stdout).toContain(`未读取「${file}」`);
    }
    const skipped = (JSON.parse(asJson.stdout) as { skipped: { file: string; reason: string }[] }).skipped;
    expect(skipped.map((s) => s.file).sort()).toEqual(['~$企业名录.xlsx', '旧数据', '说明.docx'].sort());
  });

  it('shows read = imported + rejected + dropped per file, as the desk does', () => {
    const line = (file: string) =>
      text.stdout
        .split('\n')
        .find((l) => l.startsWith(file))!
        .trim()
        .split(/\s+/);
    // file, table, encoding, read, imported, rejected, dropped
    expect(line('企业名录.xls').slice(2)).toEqual(['Excel', '5', '5', '0', '0']);
    expect(line('amounts.csv').slice(3)).toEqual(['5', '4', '1', '0']);
    expect(line('税收.csv').slice(3)).toEqual(['3', '1', '1', '1']);
    expect(text.stdout).toContain('拒绝的行：2 行（错误 2 项）');
  });
});

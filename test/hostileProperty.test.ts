/**
 * A property of the importer (issue 11): random mutations of a valid export — bytes flipped,
 * inserted (quotes, delimiters, line breaks, NUL, high bytes), deleted, repeated, the file cut —
 * never crash it, never hang it, and never commit garbled text. Each run either refuses the file
 * (ImportRefused, a Chinese message naming it) or commits rows whose text holds no U+FFFD and was
 * decoded in the export's own encoding. Seeded, so a failure replays.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, raw, sql, type Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { createTables } from '../src/domain/ddl';
import { TABLES } from '../src/domain/schema';
import { ImportRefused, importFiles, type SourceFile } from '../src/ingest';
import { CODE } from './fixtures/importer/codes';

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const TEXT =
  '2023年总部企业名单\n统一社会信用代码,企业名称,属地,成立日期,注册资本（万元）,备注\n' +
  [
    [CODE.A, '温州鹿城甲贸易有限公司', '鹿城区', '2020-01-15', '500', '首批'],
    [CODE.B, '瓯海乙科技股份有限公司', '瓯海', '2019/5/20', '"1,200.5"', '"含,逗号"'],
    [CODE.C, '龙港丙控股集团有限公司', '龙港市', '20211103', '3000', ''],
    [CODE.D, '乐清丁电气有限公司', '乐清', '2018年7月1日', '800', '"两行\n备注"'],
    [CODE.E, '瑞安戊汽配有限公司', '瑞安市', '2022.2.28', '650', '新'],
  ]
    .map((r) => r.join(','))
    .join('\n') +
  '\n合计,,,,5150.5,\n';

const BASES: { name: string; encoding: string; bytes: Uint8Array }[] = [
  { name: 'utf8.csv', encoding: 'utf-8', bytes: new TextEncoder().encode(TEXT) },
  { name: 'gbk.csv', encoding: 'gb18030', bytes: new Uint8Array(iconv.encode(TEXT, 'gbk')) },
  {
    name: 'xlsx.xlsx',
    encoding: 'xlsx',
    bytes: new Uint8Array(fs.readFileSync(new URL('./fixtures/hostile/企业名录.xlsx', import.meta.url))),
  },
];

const INSERTS = [0x22, 0x2c, 0x0a, 0x0d, 0x00, 0x80, 0xff, 0xe4, 0xb0, 0x3b, 0x09];

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const out = [...bytes];
  const steps = 1 + Math.floor(next() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(next() * out.length);
    const kind = Math.floor(next() * 5);
    if (kind === 0) out[at] = Math.floor(next() * 256);
    else if (kind === 1) out.splice(at, 0, INSERTS[Math.floor(next() * INSERTS.length)]!);
    else if (kind === 2) out.splice(at, 1 + Math.floor(next() * 8));
    else if (kind === 3) out.splice(at, 0, ...out.slice(at, at + 1 + Math.floor(next() * 40)));
    else out.length = Math.max(1, at);
  }
  return Uint8Array.from(out);
}

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await createTables(db);
});
afterAll(async () => db.close());

/** Every committed text of the enterprises (names, regions' codes aside, extra cells). */
async function committedText(): Promise<string[]> {
  const rows = await db.query<{ t: string | null }>(
    raw(`SELECT name AS t FROM enterprises UNION ALL SELECT unnest(map_values(extra)) AS t FROM enterprises`),
  );
  return rows.map((r) => r.t ?? '');
}

describe('random mutations of a valid export', () => {
  it.each(BASES.map((b) => [b.name, b] as const))(
    '%s: 40 mutations never crash, hang or commit garbled text',
    async (_, base) => {
      const next = random(base.bytes.length);
      const seen = { refused: 0, committed: 0 };
      for (let i = 0; i < 40; i++) {
        for (const t of TABLES) await db.run(sql`DELETE FROM ${ident(t.name)}`);
        const file: SourceFile = { name: `变异${i}-${base.name}`, bytes: mutate(base.bytes, next) };
        const started = performance.now();
        const outcome = await importFiles(db, [file]).then(
          (report) => report,
          (error: unknown) => error,
        );
        const seconds = (performance.now() - started) / 1000;
        // A bound against a hang (idle, a case takes well under a second).
        expect(seconds, `case ${i} took ${seconds} s`).toBeLessThan(120);
        if (outcome instanceof ImportRefused) {
          expect(outcome.message).toContain(`「${file.name}」`);
          expect(await db.query(raw('SELECT * FROM enterprises'))).toEqual([]);
          seen.refused++;
          continue;
        }
        // Anything else thrown is a crash: fail with it.
        if (outcome instanceof Error) throw outcome;
        const report = outcome as Awaited<ReturnType<typeof importFiles>>;
        const texts = await committedText();
        const [fileReport] = report.files;
        expect(
          texts.filter((t) => t.includes('\uFFFD')),
          `case ${i}: U+FFFD committed`,
        ).toEqual([]);
        if (texts.some((t) => [...t].some((ch) => ch.charCodeAt(0) > 0x7f)))
          expect(fileReport?.encoding, `case ${i}: decoded as another encoding`).toBe(base.encoding);
        expect(fileReport!.accepted + fileReport!.rejectedRows + fileReport!.totals.length).toBe(
          fileReport!.rowsRead,
        );
        seen.committed++;
      }
      // Both outcomes are exercised (a generator that only broke files would prove little).
      expect(seen.committed).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
    },
    600_000,
  );
});

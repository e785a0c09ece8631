/**
 * The rollups (src/domain/rollups.ts) on the real engine: after an import, a re-import that replaces
 * months, an import that moves an enterprise to another building, an undo, a rollback and a reset
 * to a whole dataset, each rollup equals the same aggregation over the raw rows, and the figures
 * that read them equal the figures summed from the raw rows (money exact, as of D).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql, type Db } from '../src/db';
import { yearPeriod } from '../src/domain/asOf';
import { createTables } from '../src/domain/ddl';
import { buildingTaxes } from '../src/domain/figures/buildings';
import { dataAsOf, orphanTaxRows } from '../src/domain/figures/dataStatus';
import { hqTax } from '../src/domain/figures/hqStock';
import { ensureRollups, taxThrough } from '../src/domain/rollups';
import { importFiles, rollbackTo, undoLast } from '../src/ingest';
import { C, fixtureFiles, openFiguresFixture, commitFiles } from './figuresFixture';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Replaces A's 2023-02 VAT, adds a month of B and a row of an enterprise on no list. */
const MONTHS = {
  name: '税收补录.csv',
  bytes: utf8(
    `统一社会信用代码,所属期,税种,税额（元）,是否市外经营\n` +
      `${C.A},2023-02,增值税,9000000.07,是\n${C.B},2024-01,增值税,1.01,否\n` +
      `${C.B},2024-01,企业所得税,0.02,是\n91330381MA2HQ00998,2023-05,其他,3.50,否\n`,
  ),
};
/** A moves to another building: the building rollup follows the directory, not only the tax. */
const MOVE = {
  name: '企业迁址.csv',
  bytes: utf8(`统一社会信用代码,企业名称,属地,所在楼宇编号\n${C.A},甲总部有限公司,鹿城区,B2\n`),
};

let db: Db;
const rows = (query: string) => db.query(raw(query));

/** Each rollup beside the same aggregation of the raw rows. */
async function rollupsAndRaw() {
  return {
    taxMonth: [
      await rows(
        `SELECT credit_code, period, amount, outside_amount, rows FROM rollup_tax_month ORDER BY ALL`,
      ),
      await rows(`SELECT credit_code, period, sum(amount)::DECIMAL(18,2) AS amount,
          (sum(amount) FILTER (WHERE outside))::DECIMAL(18,2) AS outside_amount, count(*)::INTEGER AS rows
        FROM tax GROUP BY ALL ORDER BY ALL`),
    ],
    buildingMonth: [
      await rows(`SELECT building_id, period, amount FROM rollup_building_month ORDER BY ALL`),
      await rows(`SELECT e.building_id, t.period, sum(t.amount)::DECIMAL(18,2) AS amount
        FROM tax AS t JOIN enterprises AS e USING (credit_code) WHERE e.building_id IS NOT NULL
        GROUP BY ALL ORDER BY ALL`),
    ],
    years: [
      await rows(`SELECT year, last_month FROM rollup_tax_years ORDER BY ALL`),
      await rows(
        `SELECT year(period) AS year, max(month(period)) AS last_month FROM tax GROUP BY 1 ORDER BY ALL`,
      ),
    ],
    facts: [
      { asOf: await dataAsOf(db), orphans: await orphanTaxRows(db) },
      (
        await rows(`SELECT last_day(max(period))::VARCHAR AS "asOf",
          (SELECT count(*) FROM tax WHERE credit_code NOT IN (SELECT credit_code FROM enterprises)) AS orphans
          FROM tax`)
      )[0],
    ],
  };
}

async function expectRollupsEqualRaw() {
  for (const [name, [rolled, fromRows]] of Object.entries(await rollupsAndRaw()))
    expect(rolled, name).toEqual(fromRows);
  await expectYearToDateEqualRaw();
  // The figures that read the rollups, against the same figure summed from the raw rows.
  for (const [year, asOf] of [
    [2023, '2023-12-31'],
    [2023, '2023-06-30'],
    [2024, '2024-01-31'],
  ] as const) {
    const buildings = await buildingTaxes(db, { year, asOf });
    const fromRows = await rows(`SELECT e.building_id AS "buildingId", sum(t.amount) AS tax
      FROM tax AS t JOIN enterprises AS e USING (credit_code)
      WHERE t.period BETWEEN '${year}-01-01' AND '${asOf}' AND e.building_id IS NOT NULL GROUP BY 1`);
    for (const b of buildings)
      expect(b.tax, `${b.buildingId} ${asOf}`).toBe(
        Number(fromRows.find((r) => r.buildingId === b.buildingId)?.tax ?? 0),
      );
    const hq = await hqTax(db, { year, asOf });
    const [rawHq] = await rows(`SELECT coalesce(sum(amount), 0) AS tax FROM tax
      WHERE period BETWEEN '${year}-01-01' AND '${asOf}' AND credit_code IN (SELECT credit_code
        FROM certifications WHERE status IN ('已认定', '已备案') AND certified_on <= '${asOf}')`);
    expect(hq.tax, `HQ tax ${asOf}`).toBe(Number(rawHq!.tax));
  }
}

/** `taxThrough` for every year and month (D the month's 15th) against the raw rows of months 1…m. */
async function expectYearToDateEqualRaw() {
  const years = (await rows(`SELECT DISTINCT year(period) AS y FROM tax ORDER BY 1`)).map((r) => Number(r.y));
  for (const year of years)
    for (let month = 0; month <= 12; month++) {
      // Month 0: D before Y began, nothing.
      const asOf = month === 0 ? `${year - 1}-12-15` : `${year}-${String(month).padStart(2, '0')}-15`;
      const p = yearPeriod(year, asOf);
      const through = await db.query(
        sql`SELECT credit_code, amount, outside_amount FROM (${taxThrough(p)}) ORDER BY ALL`,
      );
      const fromRows = await rows(`SELECT credit_code, sum(amount) AS amount,
          sum(amount) FILTER (WHERE outside) AS outside_amount
        FROM tax WHERE period BETWEEN '${p.from}' AND '${p.at}' GROUP BY 1 ORDER BY ALL`);
      expect(through, `${year} through ${asOf}`).toEqual(fromRows);
    }
}

const commit = (...files: { name: string; bytes: Uint8Array }[]) => commitFiles(db, ...files);

beforeAll(async () => {
  db = (await openFiguresFixture()).db;
});
afterAll(async () => {
  await db?.close();
});

describe('rollups', () => {
  it('equal the raw rows after the first import', async () => {
    const [{ n }] = (await rows('SELECT count(*) AS n FROM rollup_tax_month')) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    await expectRollupsEqualRaw();
  });

  it('follow a re-import that replaces months and adds others', async () => {
    const before = await rows('SELECT * FROM rollup_tax_month ORDER BY ALL');
    await commit(MONTHS);
    expect(await rows('SELECT * FROM rollup_tax_month ORDER BY ALL')).not.toEqual(before);
    await expectRollupsEqualRaw();
    expect(await dataAsOf(db)).toBe('2024-01-31');
  });

  it('follow a change of the directory (an enterprise moving building)', async () => {
    await commit(MOVE);
    await expectRollupsEqualRaw();
  });

  it('follow an undo and a rollback, back to the rollups of the first import', async () => {
    await undoLast(db);
    await expectRollupsEqualRaw();
    await rollbackTo(db, 1);
    await expectRollupsEqualRaw();
    expect(await dataAsOf(db)).not.toBe('2024-01-31');
  });

  it('follow a reset to a whole dataset', async () => {
    await commit(MONTHS);
    await importFiles(db, fixtureFiles(), { replaceAll: true });
    await expectRollupsEqualRaw();
  });

  it('are built for data kept by a version without the year-to-date rollup', async () => {
    await db.run(raw('DROP TABLE rollup_tax_year'));
    await ensureRollups(db);
    await expectRollupsEqualRaw();
  });

  it('are built for data kept by a version without the directory copy, and follow a move then', async () => {
    await db.run(raw('DROP TABLE rollup_directory'));
    await ensureRollups(db);
    await expectRollupsEqualRaw();
    await commit(MOVE);
    await expectRollupsEqualRaw();
  });

  it('are built for data kept by a version without them', async () => {
    for (const t of [
      'rollup_tax_month',
      'rollup_tax_year',
      'rollup_building_month',
      'rollup_tax_years',
      'rollup_facts',
    ])
      await db.run(raw(`DROP TABLE ${t}`));
    await createTables(db);
    await expectRollupsEqualRaw();
  });
});

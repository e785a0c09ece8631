/**
 * The buildings screen's figures (buildingsScreenFigures, buildingsSummary) on the real engine: the
 * hand-written fixture of test/fixtures/figures (three buildings, see test/figures.test.ts) for exact
 * numbers, and the sample data for "with no filter it is the report's figure".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { buildingsScreenFigures, buildingsSummary, buildingTaxes } from '../src/domain/figures/buildings';
import { buildReport } from '../src/domain/report';
import { openShared } from './shared/files';
import { openFiguresFixture } from './figuresFixture';

const LC = '330302'; // 鹿城区: B1
const LW = '330303'; // 龙湾区: B2
const RA = '330381'; // 瑞安市: B3

describe('buildings screen on the fixture (2023)', () => {
  let db: Db;
  beforeAll(async () => {
    db = (await openFiguresFixture()).db;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('without a filter: every building, the tier counts and the total building tax', async () => {
    const f = await buildingsScreenFigures(db, { year: 2023 });
    // B1 109M (亿元楼宇), B2 62M (培育楼宇), B3 0.
    expect(f.buildings).toEqual(await buildingTaxes(db, { year: 2023 }));
    expect(f.summary).toEqual({
      buildings: 3,
      billion: 1,
      tiers: [
        { name: '十亿元楼宇', count: 0 },
        { name: '五亿元楼宇', count: 0 },
        { name: '亿元楼宇', count: 1 },
        { name: '培育楼宇', count: 1 },
      ],
      tax: 171_000_000,
      billionTax: 109_000_000,
    });
    expect(f.byYear).toEqual([{ year: 2023, region: LC, count: 1 }]);
  });

  it('narrows the buildings, the summary and the trend to the chosen unit', async () => {
    const lw = await buildingsScreenFigures(db, { year: 2023, filters: { unit: LW } });
    expect(lw.buildings.map((b) => b.buildingId)).toEqual(['B2']);
    expect(lw.summary).toMatchObject({ buildings: 1, billion: 0, tax: 62_000_000, billionTax: 0 });
    expect(lw.summary.tiers.find((t) => t.name === '培育楼宇')?.count).toBe(1);
    expect(lw.byYear).toEqual([]);

    const lc = await buildingsScreenFigures(db, { year: 2023, filters: { unit: LC } });
    expect(lc.summary).toMatchObject({ buildings: 1, billion: 1, tax: 109_000_000 });
    expect(lc.byYear).toEqual([{ year: 2023, region: LC, count: 1 }]);

    const ra = await buildingsScreenFigures(db, { year: 2023, filters: { unit: RA } });
    expect(ra.buildings.map((b) => [b.buildingId, b.tax, b.tier])).toEqual([['B3', 0, null]]);

    const none = await buildingsScreenFigures(db, { year: 2023, filters: { unit: '330305' } });
    expect(none.buildings).toEqual([]);
    expect(none.summary).toMatchObject({ buildings: 0, billion: 0, tax: 0 });
  });

  it('ignores the enterprise-attribute filters: building tax counts every tenant', async () => {
    const all = await buildingsScreenFigures(db, { year: 2023 });
    const filtered = await buildingsScreenFigures(db, {
      year: 2023,
      filters: { hqType: '综合型总部', origin: '温商回归', industry: '数字经济' },
    });
    expect(filtered).toEqual(all);
  });

  it('summarises an empty list as zeros', () => {
    expect(buildingsSummary([])).toMatchObject({ buildings: 0, billion: 0, tax: 0, billionTax: 0 });
  });
});

describe('buildings screen on the sample data', () => {
  it('counts the report’s 亿元楼宇 when no unit is chosen, and their sum over the units', async () => {
    const db = await openShared('sample');
    try {
      const report = await buildReport(db, { year: 2024 });
      const city = await buildingsScreenFigures(db, { year: 2024 });
      expect(city.summary.billion).toBe(report.billionBuildings.length);
      expect(city.buildings.filter((b) => b.tax >= 1e8).map((b) => b.buildingId)).toEqual(
        report.billionBuildings.map((b) => b.buildingId),
      );
      const regions = [...new Set(city.buildings.map((b) => b.region))];
      let sum = 0;
      for (const unit of regions) {
        sum += (await buildingsScreenFigures(db, { year: 2024, filters: { unit } })).summary.billion;
      }
      expect(sum).toBe(city.summary.billion);
      const trend2024 = city.byYear.filter((r) => r.year === 2024).reduce((s, r) => s + r.count, 0);
      expect(trend2024).toBe(city.summary.billion);
    } finally {
      await db.close();
    }
  });
});

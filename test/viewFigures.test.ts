/**
 * The view figures (src/domain/viewFigures.ts) on the real engine: each view's figures are plain
 * JSON (they survive JSON.stringify/parse unchanged, so what is kept or published is what the screen
 * draws), and the data version follows the import history: an import changes it, undoing the
 * import gives the version back, the same history gives the same version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { overviewFigures } from '../src/domain/figures/overview';
import { dataVersion, viewFigures, type ViewName } from '../src/domain/viewFigures';
import { commitWithHistory, fileChecksum, prepareImport, undoLast } from '../src/ingest';
import { C, openFiguresFixture } from './figuresFixture';

let db: Db;
const params = { year: 2023, asOf: '2023-12-31' };
const MORE_TAX = {
  name: '税收补录.csv',
  bytes: new TextEncoder().encode(`统一社会信用代码,所属期,税种,税额（元）\n${C.A},2023-02,增值税,9000000\n`),
};

beforeAll(async () => {
  db = (await openFiguresFixture()).db;
});
afterAll(async () => {
  await db?.close();
});

describe('view figures', () => {
  it('are plain JSON, the same as the screen’s own figure function', async () => {
    const views: [ViewName, object][] = [
      ['context', {}],
      ['overview', { ...params, filters: {}, targetTypes: 'all' }],
      ['buildings', { ...params, filters: { unit: '330302' } }],
      ['belts', { ...params, filters: {} }],
      ['ranking', { ...params, targetTypes: 'all' }],
    ];
    for (const [view, p] of views) {
      const data = await viewFigures(db, view, p as never);
      expect(JSON.parse(JSON.stringify(data)), view).toEqual(data);
    }
    expect(await viewFigures(db, 'overview', params)).toEqual(await overviewFigures(db, params));
  });

  it('belong to a data version that follows the import history', async () => {
    const before = await dataVersion(db);
    expect(before).toMatch(/^[0-9a-f]{24}$/);
    expect(await dataVersion(db)).toBe(before);
    const prepared = await prepareImport(db, [MORE_TAX]);
    await commitWithHistory(db, prepared, { [MORE_TAX.name]: await fileChecksum(MORE_TAX) });
    const after = await dataVersion(db);
    expect(after).not.toBe(before);
    await undoLast(db);
    expect(await dataVersion(db)).toBe(before);
  });
});

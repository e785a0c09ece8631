/**
 * The data set of `npm run bench:scale` (`gen-sample --scale N --out DIR`): N monthly tax rows
 * (bigTax.ts) with what makes them a city rather than a heap of rows — every made-up taxpayer listed
 * as an enterprise of its unit, most of them in one of the sample's buildings, a share of them
 * certified as HQ (新引进 or 本土) — beside the sample's own files. Two folders:
 *   DIR/base/  the sample's exports less its tax file, plus the companion enterprise and
 *              certification lists (imported first, as one whole dataset);
 *   DIR/税收明细_<N>行.csv  the tax file (GBK), imported on its own and timed.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HQ_TYPES, INDUSTRIES, ORIGINS } from '../../src/domain/enums';
import { csvText, encode, writeFile } from './csv';
import { formatDate, day } from './dates';
import { FILES } from './files';
import { writeBigTax } from './bigTax';
import { Rng } from './rng';
import { buildWorld, SEED } from './world';

export interface ScaleSet {
  base: string;
  tax: string;
  enterprises: number;
  certified: number;
}

export async function writeScaleSet(rows: number, dir: string, sampleDir = 'data'): Promise<ScaleSet> {
  const base = join(dir, 'base');
  mkdirSync(base, { recursive: true });
  for (const name of readdirSync(sampleDir))
    if (name !== FILES.tax) copyFileSync(join(sampleDir, name), join(base, name));
  const payers = (await writeBigTax(rows, dir)).filter((p) => !p.listed);
  const rng = new Rng(SEED).fork('scale-companions');
  const buildings = buildWorld().buildings;
  const enterprises = payers.map((p) => {
    const own = buildings.filter((b) => b.region === p.region);
    // Most taxpayers sit in a building, of their own unit when it has one, so building tax grows.
    const building = rng.chance(0.7) ? rng.pick(own.length ? own : buildings).id : '';
    return [p.code, p.name, p.region, building, rng.pick(HQ_TYPES), rng.pick(INDUSTRIES), rng.pick(ORIGINS)];
  });
  const certifications: string[][] = [];
  for (const p of payers) {
    if (!rng.chance(0.25)) continue;
    const year = rng.int(2015, 2025);
    const certified = day(year, rng.int(1, year === 2025 ? 9 : 12), rng.int(1, 28));
    certifications.push([
      p.code,
      rng.chance(0.6) ? '新引进' : '本土',
      rng.pick(['已认定', '已备案', '已备案', '预认定']),
      p.region,
      formatDate(certified - rng.int(30, 120), 'iso'),
      formatDate(certified, 'iso'),
    ]);
  }
  writeFile(
    join(base, '企业名录_扩充.csv'),
    encode(
      csvText(
        ['统一社会信用代码', '企业名称', '属地', '所在楼宇编号', '总部类型', '产业领域', '企业来源'],
        enterprises,
      ),
      'utf8',
    ),
  );
  writeFile(
    join(base, '总部认定_扩充.csv'),
    encode(
      csvText(['统一社会信用代码', '认定类别', '认定状态', '认定地', '申请日期', '认定日期'], certifications),
      'utf8',
    ),
  );
  return {
    base,
    tax: join(dir, `税收明细_${rows}行.csv`),
    enterprises: enterprises.length,
    certified: certifications.length,
  };
}

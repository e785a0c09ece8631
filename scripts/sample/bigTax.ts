/**
 * A large monthly tax file for benchmarks (`--tax-rows N --out DIR`): GBK, enterprise names in
 * Chinese so the decoder is exercised, written in batches so a million rows stay small in memory.
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { csvLine, gbkBytes, money2 } from './csv';
import { periodLabel, type Period } from './dates';
import { Rng } from './rng';
import { buildWorld, SEED } from './world';
import { industryFor } from './enterprises';
import { UNIT_PROFILES } from './model';

const HEADER = ['纳税人识别号', '纳税人名称', '所属期', '税种', '税额（元）', '是否市外经营'];
const TAX_TYPES = ['增值税', '企业所得税', '个人所得税', '其他'];
const BATCH_ROWS = 10_000;

/** 2019-01 … 2025-09, the months the sample covers. */
function periods(): Period[] {
  const list: Period[] = [];
  for (let year = 2019; year <= 2025; year++) {
    for (let month = 1; month <= (year === 2025 ? 9 : 12); month++) list.push({ year, month });
  }
  return list;
}

export interface Taxpayer {
  code: string;
  name: string;
  /** The unit's code (a made-up taxpayer's 属地, for the companion enterprise list of bench:scale). */
  region: string;
  /** In the sample's enterprise list already (only the others need a companion row). */
  listed: boolean;
  /** Typical monthly tax, 元. */
  scale: number;
}

/**
 * The sample's enterprises first (so the big file joins with the sample list), then as many more
 * made-up taxpayers as N rows need. Generated lazily: only one taxpayer is held at a time.
 */
function* taxpayers(rng: Rng): Generator<Taxpayer> {
  const world = buildWorld();
  for (const e of world.enterprises)
    yield { code: e.code, name: e.name, region: e.region, listed: true, scale: rng.logNormal(40e4, 1.2) };
  for (;;) {
    const region = rng.weighted(UNIT_PROFILES.map((p) => [p.unit.code, p.weight] as const));
    const unit = UNIT_PROFILES.find((p) => p.unit.code === region)!.unit;
    yield {
      code: world.codes.next(unit.district),
      name: world.names.enterprise(industryFor(rng, region), {
        place: rng.pick(['温州', '浙江', unit.short]),
      }),
      region,
      listed: false,
      scale: rng.logNormal(20e4, 1.3),
    };
  }
}

/**
 * Writes the file; returns the taxpayers it holds (in order), so a caller can list the made-up ones
 * as enterprises (scripts/sample/scale.ts).
 */
export async function writeBigTax(rowCount: number, dir: string): Promise<Taxpayer[]> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `税收明细_${rowCount}行.csv`);
  const out = createWriteStream(path);
  const rng = new Rng(SEED).fork('big-tax');
  const months = periods();

  let batch = csvLine(HEADER);
  let inBatch = 0;
  let written = 0;
  const flush = async (): Promise<void> => {
    // GBK is a stateless encoding, so batches can be encoded separately and concatenated.
    if (!out.write(gbkBytes(batch))) await once(out, 'drain');
    batch = '';
    inBatch = 0;
  };

  const payers: Taxpayer[] = [];
  outer: for (const payer of taxpayers(rng)) {
    payers.push(payer);
    for (const period of months) {
      for (const type of TAX_TYPES) {
        if (written === rowCount) break outer;
        const amount = payer.scale * rng.float(0.5, 1.5) * (type === '增值税' ? 1 : 0.4);
        const outside = type === '增值税' && rng.chance(0.3);
        batch += csvLine([
          payer.code,
          payer.name,
          periodLabel(period, 'compact'),
          type,
          money2(amount),
          outside ? '是' : '否',
        ]);
        written++;
        if (++inBatch === BATCH_ROWS) await flush();
      }
    }
  }
  await flush();
  out.end();
  await once(out, 'finish');
  console.log(`${path}\t${statSync(path).size} bytes\t${written} rows`);
  return payers;
}

/**
 * Writes the sample exports the dashboard is demonstrated and tested with: one seed, the same
 * bytes on every run (`npx tsx scripts/gen-sample.ts`, or `npm run gen-sample`).
 *
 *   data/总部企业名录.xlsx        title + blank + header rows, 1,080 enterprises, a 合计 row
 *   data/总部认定台账.csv         GBK; 新引进 and 本土 cases, every status, every unit
 *   data/税收明细_2019-2025.csv   UTF-8 with BOM; monthly, 2019-01 … 2025-09, amounts in 元
 *   data/楼宇清单.csv             UTF-8; 66 buildings WZ-B001 …
 *   data/总部项目台账.csv         GBK; projects through 签约 → 注册 → 认定 → 投产 → 销号
 *   data/目标任务.csv             per unit and year, 全市 per year, 全市 2019-2023 → 150
 *   data/企业年度数据.csv         UTF-8 with BOM; revenue, output, employees 2019–2024
 *   data/在外温商招商线索.csv     UTF-8; leads across the provinces
 *
 * The sample is "as of" 2025-09-30. Deliberately bad rows, for the validation report (6 in all):
 *   1. 总部企业名录.xlsx, 序号 501: a real enterprise entered twice, the copy with a wrong check character.
 *   2. 总部认定台账.csv: the first 驳回 case appears twice (duplicate key credit_code + category).
 *   3. 总部认定台账.csv, last row: an 申请 case whose 认定地 is 杭州市西湖区 (unknown unit).
 *   4. 税收明细_2019-2025.csv, a third of the way down: a 其他 row whose 税额 is 待核实 (not a number).
 *   5. 总部项目台账.csv, last row: 开办补助 部分兑现 (not in the enumeration).
 *   6. 企业年度数据.csv, half way down: an enterprise-year reported twice (duplicate key).
 * Also expected, and not errors: the 合计 row of the xlsx (dropped and reported), and 12 tax rows
 * (2025-01 … 06) of two valid credit codes on no list (kept, shown as orphans).
 *
 * With `--tax-rows N --out DIR` it writes instead one GBK tax file of N rows into DIR for benchmarks;
 * with `--scale N --out DIR` that file and, in DIR/base, the sample less its tax file plus the
 * enterprises and certifications of the file's made-up taxpayers (scripts/sample/scale.ts).
 */
import { writeBigTax } from './sample/bigTax';
import { writeSample } from './sample/sample';
import { writeScaleSet } from './sample/scale';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scale = option(args, '--scale');
  if (scale !== undefined) {
    const out = option(args, '--out');
    if (!Number.isInteger(Number(scale)) || Number(scale) <= 0 || !out)
      throw new Error('usage: gen-sample --scale N --out DIR');
    console.log(JSON.stringify(await writeScaleSet(Number(scale), out)));
    return;
  }
  const rows = option(args, '--tax-rows');
  if (rows !== undefined) {
    const n = Number(rows);
    const out = option(args, '--out');
    if (!Number.isInteger(n) || n <= 0 || !out) throw new Error('usage: gen-sample --tax-rows N --out DIR');
    await writeBigTax(n, out);
    return;
  }
  writeSample(option(args, '--out') ?? 'data');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

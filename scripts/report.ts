/**
 * `npm run report -- <folder> [--year Y] [--as-of YYYY-MM-DD] [--target-types all|named] [--rules rules.json] [--engine wasm|native] [--json]`:
 * loads the export files through the app's importer and prints the year's figures as of the date
 * (DOMAIN.md, "The report command"), under the 口径 of `--rules` (weights, method, certification
 * rules, thresholds, what counts toward the target) or the default one.
 */
import { parseArgs } from 'node:util';
import { defaultAsOf, isIsoDate } from '../src/domain/asOf';
import { TARGET_TYPES, type TargetTypes } from '../src/domain/defaults';
import { buildReport } from '../src/domain/report';
import { dataAsOf } from '../src/domain/figures/dataStatus';
import { ENGINES, loadFolder, type EngineName } from './lib/loadFolder';
import { readCaliberFile } from './lib/caliberFile';
import type { Caliber } from '../src/domain/caliber';
import { formatReport } from './lib/formatReport';
import { runCommand, usageError } from './lib/command';

const USAGE =
  'usage: npm run report -- <folder> [--year YYYY] [--as-of YYYY-MM-DD] [--target-types all|named] [--rules rules.json] [--engine wasm|native] [--json]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      'as-of': { type: 'string' },
      'target-types': { type: 'string' },
      rules: { type: 'string' },
      engine: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const folder = positionals[0];
  if (!folder) return usageError(USAGE);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year))
    return usageError(`--year 应为四位年份：${values.year}`);
  const asOfArg = values['as-of'];
  if (asOfArg !== undefined && !isIsoDate(asOfArg))
    return usageError(`--as-of 应为 YYYY-MM-DD 日期：${asOfArg}`);
  let caliber: Caliber;
  try {
    caliber = readCaliberFile(values.rules);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const targetTypes = values['target-types'] ?? caliber.settings.targetTypes;
  if (!(TARGET_TYPES as readonly string[]).includes(targetTypes))
    return usageError(`--target-types 应为 all 或 named：${targetTypes}`);
  // The 口径 file names what counts toward the target; a flag saying otherwise is a contradiction,
  // not an override (the printed hash would no longer describe the figures).
  if (values.rules !== undefined && targetTypes !== caliber.settings.targetTypes)
    return usageError(
      `--target-types ${targetTypes} 与口径文件（targetTypes 为 ${caliber.settings.targetTypes}）不一致：请只用其中一个`,
    );

  const engine = values.engine ?? 'wasm';
  if (!(ENGINES as readonly string[]).includes(engine))
    return usageError(`--engine 应为 wasm 或 native：${engine}`);
  const { db, imported, skipped } = await loadFolder(folder, engine as EngineName);
  // Never in silence: every file of the folder not read is named, with why (on stderr, so --json
  // stays one object on stdout; the JSON carries them too).
  for (const s of skipped) process.stderr.write(`未读取「${s.file}」：${s.reason}\n`);
  // D: the date asked for, else the end of the newest tax month; the year defaults to D's.
  const asOf = asOfArg ?? defaultAsOf(await dataAsOf(db));
  const year = values.year ? Number(values.year) : Number(asOf.slice(0, 4));
  const { weights, method, rules, thresholds, capCompletion } = caliber.settings;
  const report = await buildReport(db, {
    year,
    asOf,
    targetTypes: targetTypes as TargetTypes,
    weights,
    method,
    rules,
    thresholds,
    capCompletion,
  });
  const rejected = imported.files.flatMap((f) => f.rejected);
  const output = { ...report, caliber: { name: caliber.name, hash: caliber.hash }, rejected, skipped };
  process.stdout.write(values.json ? JSON.stringify(output, null, 2) + '\n' : formatReport(output, imported));
  await db.close();
  return 0;
}

runCommand(main);

/** Node side: a 口径 file named on the command line, read with the app's strict reader. */
import fs from 'node:fs';
import { DEFAULT_CALIBER, parseCaliber, type Caliber } from '../../src/domain/caliber';

/** The 口径 in `file`, or the default 口径 when none is named; throws the Chinese refusal otherwise. */
export function readCaliberFile(file: string | undefined): Caliber {
  if (file === undefined) return DEFAULT_CALIBER;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`找不到口径文件：${file}`);
  const parsed = parseCaliber(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}：${parsed.message}`);
  return parsed.caliber;
}

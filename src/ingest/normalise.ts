/**
 * Value normalisers for the forms DOMAIN.md lists. Each returns the canonical text of a value or a
 * Chinese reason. The importer runs them once per distinct value of a column (a tax file of a
 * million rows has a few dozen distinct months), so they may be written for clarity, not speed.
 * Numbers (amounts, areas) are the exception: they are nearly all distinct and are parsed in SQL
 * (see numberSql.ts).
 */
import { normaliseCreditCode, isValidCreditCode } from '../domain/creditCode';
import { TAX_TYPES } from '../domain/enums';
import { CITY_NAME, resolveUnit } from '../domain/units';

export type Normalised = { value: string } | { reason: string };

const ok = (value: string): Normalised => ({ value });
const bad = (reason: string): Normalised => ({ reason });

/** NFKC folds full-width digits, letters and punctuation to half-width. */
function fold(text: string): string {
  return text.normalize('NFKC').trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return valid ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29, so serials from 61 on). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function fromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 73051) return undefined; // 1900-03-01 … 2099-12-31
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

const SEPARATED_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
// Five digits only (1927-05-18 on): a bare four-digit number is a year, not Excel day 2023 (1905).
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** 2023-03-05, 2023/3/5, 2023.3.5, 20230305, 2023年3月5日, an Excel serial → 'YYYY-MM-DD'. */
export function normaliseDate(text: string): Normalised {
  const t = fold(text);
  const match = SEPARATED_DATE.exec(t) ?? COMPACT_DATE.exec(t);
  if (match) {
    const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date ? ok(date) : bad('日期不存在');
  }
  if (SERIAL.test(t)) {
    const date = fromExcelSerial(Number(t));
    return date ? ok(date) : bad('无法识别的日期');
  }
  return bad('无法识别的日期');
}

const SEPARATED_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

/** 2023-03, 202303, 2023/3, 2023年3月 (or a full date) → 'YYYY-MM-01', the month's first day. */
export function normaliseMonth(text: string): Normalised {
  const t = fold(text);
  const match = SEPARATED_MONTH.exec(t) ?? COMPACT_MONTH.exec(t);
  if (match) {
    const date = isoDate(Number(match[1]), Number(match[2]), 1);
    return date ? ok(date) : bad('月份不存在');
  }
  const asDate = normaliseDate(t);
  if ('value' in asDate) return ok(asDate.value.slice(0, 8) + '01');
  return bad('无法识别的月份');
}

const TRUE_WORDS = new Set(['是', 'Y', 'YES', '1', 'TRUE', 'T', '√', '✓', '✔', '有']);
const FALSE_WORDS = new Set(['否', 'N', 'NO', '0', 'FALSE', 'F', '×', '✗', '✘', 'X', '无']);

/** 是/否, Y/N, 1/0, true/false, √/× → 'true' | 'false'. */
export function normaliseBoolean(text: string): Normalised {
  const t = fold(text).toUpperCase();
  if (TRUE_WORDS.has(t)) return ok('true');
  if (FALSE_WORDS.has(t)) return ok('false');
  return bad('无法识别的是/否值');
}

/** 2023, 2023年 → '2023'. */
export function normaliseYear(text: string): Normalised {
  const match = /^(\d{4})\s*年?(?:度)?$/.exec(fold(text));
  const year = match ? Number(match[1]) : NaN;
  return year >= 1990 && year <= 2100 ? ok(String(year)) : bad('无法识别的年度');
}

/** A year, or a plan window such as 2019-2023 / 2019—2023 / 2019至2023年 → '2019' or '2019-2023'. */
export function normaliseYearOrWindow(text: string): Normalised {
  const t = fold(text);
  const window = /^(\d{4})\s*年?\s*(?:-|—|–|~|〜|至|到)\s*(\d{4})\s*年?(?:度)?$/.exec(t);
  if (window) {
    const [from, to] = [Number(window[1]), Number(window[2])];
    return from >= 1990 && to <= 2100 && from < to ? ok(`${from}-${to}`) : bad('无法识别的年度区间');
  }
  return normaliseYear(t);
}

export function normaliseCode(text: string): Normalised {
  const code = normaliseCreditCode(text);
  if (!/^[0-9A-Z]{18}$/.test(code)) return bad('统一社会信用代码应为18位数字或大写字母');
  return isValidCreditCode(code) ? ok(code) : bad('统一社会信用代码校验位错误');
}

export function normaliseUnit(text: string): Normalised {
  const code = resolveUnit(text);
  return code ? ok(code) : bad('未知属地（不在温州市县市区/功能区名录中）');
}

/** Targets may also be set for the whole city (全市). */
export function normaliseUnitOrCity(text: string): Normalised {
  const t = fold(text);
  if (t === CITY_NAME || t === '温州市' || t === '温州') return ok(CITY_NAME);
  return normaliseUnit(t);
}

export function normaliseEnum(text: string, values: readonly string[]): Normalised {
  const t = fold(text).replace(/\s+/g, '');
  return values.includes(t) ? ok(t) : bad(`不在可选值中（${values.join('、')}）`);
}

/** Named taxes other than the three main ones (房产税, 印花税 …) count as 其他. */
export function normaliseTaxType(text: string): Normalised {
  const t = fold(text).replace(/\s+/g, '');
  if ((TAX_TYPES as readonly string[]).includes(t)) return ok(t);
  return /税|费|基金/.test(t) ? ok('其他') : bad('无法识别的税种');
}

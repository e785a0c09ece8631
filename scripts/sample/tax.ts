/**
 * Tax (税收明细): first a full-year amount per enterprise and year, then the monthly rows that add
 * up to it. Tenants of a building share the building's designed tax (buildings.ts) in proportion to
 * their size, so the building tiers of metric 5 come out as designed; other enterprises follow their
 * own size and growth.
 */
import { parts, type Period } from './dates';
import { LAST_MONTH_2025, LAST_YEAR, YEARS, type Building, type Enterprise } from './model';
import type { Rng } from './rng';

/** Full-year tax, 元, by credit code and year (2025 as a full year; rows stop at September). */
export type AnnualTax = Map<string, Map<number, number>>;

/** Enterprise-level cycle (index 0 = 2019): the 2020 and 2022 dips of the pandemic years. */
const ENTERPRISE_CYCLE = [1, 0.9, 1.02, 0.96, 1, 1, 1];

/** Months of year Y in which the enterprise is registered (tax starts the month after). */
function activeMonths(e: Enterprise, year: number): number {
  const r = parts(e.registeredOn);
  if (r.year > year) return 0;
  if (r.year < year) return 12;
  return Math.max(0, 12 - r.month);
}

/** Tax before building calibration: size, growth, and a ramp-up in the first year of business. */
function ownTax(e: Enterprise, year: number): number {
  const months = activeMonths(e, year);
  if (months === 0) return 0;
  const firstYear = parts(e.registeredOn).year >= year - 1;
  const ramp = firstYear ? 0.55 : 1;
  return (
    e.size *
    Math.pow(1 + e.growthRate, year - 2023) *
    (ENTERPRISE_CYCLE[year - 2019] ?? 1) *
    ramp *
    (months / 12)
  );
}

export function annualTax(enterprises: readonly Enterprise[], buildings: readonly Building[]): AnnualTax {
  const result: AnnualTax = new Map();
  for (const e of enterprises) {
    result.set(e.code, new Map(YEARS.map((y) => [y, e.buildingId ? 0 : ownTax(e, y)])));
  }
  for (const b of buildings) {
    const tenants = enterprises.filter((e) => e.buildingId === b.id);
    YEARS.forEach((year, k) => {
      const weights = tenants.map((e) => ownTax(e, year));
      const total = weights.reduce((s, w) => s + w, 0);
      if (total === 0) return;
      const buildingTax = b.baseTax * (b.growth[k] ?? 1);
      tenants.forEach((e, i) => result.get(e.code)!.set(year, (buildingTax * weights[i]!) / total));
    });
  }
  return result;
}

export interface TaxRow {
  code: string;
  period: Period;
  taxType: string;
  amount: number;
  outside: boolean;
}

/** Composition of an enterprise's tax; VAT at least 35% so an outside-VAT share clears 30%. */
interface Mix {
  vat: number;
  cit: number;
  pit: number;
  other: number;
}

function drawMix(rng: Rng): Mix {
  const vat = rng.float(0.37, 0.52);
  const cit = rng.float(0.22, 0.36);
  const pit = rng.float(0.06, 0.13);
  return { vat, cit, pit, other: Math.max(0.04, 1 - vat - cit - pit) };
}

/**
 * Monthly rows of one enterprise, all years. Outside operations (是否市外经营) are the VAT and then
 * CIT its branches pay into the consolidated return: a row is flagged with the probability that
 * makes the expected share equal the enterprise's intended outside share.
 */
export function monthlyRows(rng: Rng, e: Enterprise, tax: Map<number, number>): TaxRow[] {
  const mix = drawMix(rng);
  const pVat = Math.min(1, e.outsideShare / mix.vat);
  const pCit = Math.min(1, Math.max(0, (e.outsideShare - mix.vat) / mix.cit));
  const rows: TaxRow[] = [];
  const refundMonth = !e.quarterly && rng.chance(0.03) ? rng.int(4, 7) : 0;
  const namedTaxes = !e.quarterly && e.size > 3_000e4 && rng.chance(0.2);

  for (const year of YEARS) {
    const total = tax.get(year) ?? 0;
    if (total <= 0) continue;
    const months = activeMonthList(e, year);
    const pieces = e.quarterly ? quarterlyParts(rng, mix, months) : monthlyParts(rng, mix, months);
    const sum = pieces.reduce((s, p) => s + p.weight, 0);
    for (const part of pieces) {
      if (year === LAST_YEAR && part.month > LAST_MONTH_2025) continue;
      const period = { year, month: part.month };
      let amount = (total * part.weight) / sum;
      const outside =
        (part.type === '增值税' && rng.chance(pVat)) || (part.type === '企业所得税' && rng.chance(pCit));
      // 2022's large VAT credit refunds (留抵退税) show as negative rows in the second quarter.
      if (year === 2022 && part.month === refundMonth && part.type === '增值税')
        amount = -amount * rng.float(0.5, 1.8);
      if (namedTaxes && part.type === '其他' && (year === 2024 || year === 2025) && part.month % 6 === 0) {
        rows.push(...splitNamedTaxes(rng, e, period, amount));
        continue;
      }
      rows.push({
        code: e.code,
        period,
        taxType: part.type,
        amount,
        outside: outside && amount > 0,
      });
    }
  }
  return rows;
}

function activeMonthList(e: Enterprise, year: number): number[] {
  const r = parts(e.registeredOn);
  const first = r.year < year ? 1 : r.month + 1;
  const list: number[] = [];
  for (let m = first; m <= 12; m++) list.push(m);
  return list;
}

interface Part {
  month: number;
  type: string;
  weight: number;
}

/** General taxpayers: VAT, PIT and other taxes monthly; CIT prepaid quarterly plus the May settlement. */
function monthlyParts(rng: Rng, mix: Mix, months: number[]): Part[] {
  const parts: Part[] = [];
  for (const month of months) {
    parts.push({
      month,
      type: '增值税',
      weight: (mix.vat / 12) * rng.float(0.8, 1.2) * (month === 1 ? 1.15 : 1),
    });
    if ([1, 4, 5, 7, 10].includes(month))
      parts.push({ month, type: '企业所得税', weight: (mix.cit / 5) * rng.float(0.85, 1.15) });
    parts.push({
      month,
      type: '个人所得税',
      weight: (mix.pit / 12) * rng.float(0.9, 1.1) * (month === 1 ? 1.6 : 1),
    });
    parts.push({ month, type: '其他', weight: (mix.other / 12) * rng.float(0.6, 1.4) });
  }
  return parts;
}

/** Small-scale taxpayers file each quarter; their PIT is too small to list and goes under 其他. */
function quarterlyParts(rng: Rng, mix: Mix, months: number[]): Part[] {
  const parts: Part[] = [];
  for (const month of months.filter((m) => m % 3 === 0)) {
    parts.push({ month, type: '增值税', weight: (mix.vat / 4) * rng.float(0.8, 1.2) });
    parts.push({ month, type: '企业所得税', weight: (mix.cit / 4) * rng.float(0.7, 1.3) });
    parts.push({ month, type: '其他', weight: ((mix.other + mix.pit) / 4) * rng.float(0.7, 1.3) });
  }
  return parts;
}

/** Property tax and friends, half-yearly, listed by name: the importer must fold them into 其他. */
function splitNamedTaxes(rng: Rng, e: Enterprise, period: Period, amount: number): TaxRow[] {
  const shares: [string, number][] = [
    ['房产税', rng.float(0.4, 0.6)],
    ['城镇土地使用税', rng.float(0.15, 0.25)],
    ['印花税', rng.float(0.05, 0.1)],
  ];
  const named = shares.reduce((s, [, w]) => s + w, 0);
  shares.push(['其他', 1 - named]);
  return shares.map(([taxType, w]) => ({
    code: e.code,
    period,
    taxType,
    amount: amount * w,
    outside: false,
  }));
}

/** Tax rows of enterprises that are not on the list: migrated or mis-keyed, a data-quality warning. */
export function orphanRows(rng: Rng, codes: readonly string[]): TaxRow[] {
  const rows: TaxRow[] = [];
  for (const code of codes) {
    for (let month = 1; month <= 6; month++) {
      rows.push({
        code,
        period: { year: 2025, month },
        taxType: '增值税',
        amount: rng.float(8e4, 3e5),
        outside: false,
      });
    }
  }
  return rows;
}

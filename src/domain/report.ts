/**
 * The year's figures as one plain object: what `npm run report --json` prints and what the
 * overview's KPI cards show. Every number comes from a figure function; nothing is computed here.
 */
import type { Db } from '../db';
import type { CertificationRules, ScoreMethod, ScoreWeights } from './defaults';
import { billionBuildings, buildingTaxes } from './figures/buildings';
import { certificationChecks, type FailReason } from './figures/certification';
import { round } from './figures/common';
import { dataAsOf, orphanTaxRows, rowCounts } from './figures/dataStatus';
import { hqTax, localHq } from './figures/hqStock';
import { fiveYear, newHq, planWindow, timeProgress } from './figures/newHq';
import { ranking } from './figures/ranking';

export interface ReportParams {
  year: number;
  /** Defaults to the data's as-of date (end of the newest tax month), else today. */
  asOf?: string;
  rules?: CertificationRules;
  weights?: ScoreWeights;
  method?: ScoreMethod;
}

export async function buildReport(db: Db, params: ReportParams) {
  const { year } = params;
  const asOf = params.asOf ?? (await dataAsOf(db)) ?? new Date().toISOString().slice(0, 10);
  const hq = await newHq(db, { year });
  const window = await fiveYear(db, await planWindow(db, year));
  const buildings = await buildingTaxes(db, { year });
  const ranked = await ranking(db, { year, weights: params.weights, method: params.method });
  const checks = await certificationChecks(db, { year, rules: params.rules });
  const tax = await hqTax(db, { year });
  return {
    year,
    asOf,
    timeProgress: round(timeProgress(year, asOf), 4),
    newHq: hq,
    fiveYear: { from: window.from, to: window.to, actual: window.actual, target: window.target },
    localHq: await localHq(db, { year }),
    hqTax: { tax: round(tax.tax, 2), previous: round(tax.previous, 2), change: tax.change },
    billionBuildings: billionBuildings(buildings).map((b) => ({
      buildingId: b.buildingId,
      name: b.name,
      region: b.region,
      tier: b.tier,
      tax: b.tax,
    })),
    ranking: ranked.map((r) => ({ code: r.code, name: r.name, score: round(r.score, 4), rank: r.rank })),
    certification: {
      passed: checks.filter((c) => c.passed).map((c) => c.creditCode),
      failed: checks
        .filter((c) => !c.passed)
        .map((c) => ({ creditCode: c.creditCode, reasons: c.reasons as FailReason[] })),
    },
    rowsLoaded: await rowCounts(db),
    orphanTaxRows: await orphanTaxRows(db),
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;

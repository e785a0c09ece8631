/**
 * The year's figures as one plain object: what `npm run report --json` prints and what the
 * overview's KPI cards show. Every number comes from a figure function; nothing is computed here.
 * Every figure is read as of the same D (DOMAIN.md "As of a date"), resolved once below.
 */
import type { Db } from '../db';
import { defaultAsOf, yearPeriod } from './asOf';
import type {
  CertificationRules,
  ProjectThresholds,
  ScoreMethod,
  ScoreWeights,
  TargetTypes,
} from './defaults';
import {
  billionBuildings,
  buildingTaxes,
  cultivatingBuildings,
  type BuildingFigure,
} from './figures/buildings';
import { certificationChecks, unitAreaOutputs, type FailReason } from './figures/certification';
import { round } from './figures/common';
import { dataAsOf, orphanTaxRows, rowCounts } from './figures/dataStatus';
import { hqTax, localHq } from './figures/hqStock';
import { fiveYear, newHq, timeProgress } from './figures/newHq';
import { projectPipeline } from './figures/projects';
import { ranking } from './figures/ranking';

export interface ReportParams {
  year: number;
  /** D; defaults to the data's as-of date (end of the newest tax month), else today. */
  asOf?: string;
  rules?: CertificationRules;
  weights?: ScoreWeights;
  method?: ScoreMethod;
  /** DOMAIN.md 13: what counts toward new HQ and the target (default all). */
  targetTypes?: TargetTypes;
  /** Ranking ① capped at 100% (the 口径's option; default not capped). */
  capCompletion?: boolean;
  /** Overdue thresholds of the 口径 (default 180 / 365 days). */
  thresholds?: ProjectThresholds;
}

const buildingRow = (b: BuildingFigure) => ({
  buildingId: b.buildingId,
  name: b.name,
  region: b.region,
  tier: b.tier,
  tax: b.tax,
});

export async function buildReport(db: Db, params: ReportParams) {
  const { year, targetTypes = 'all' } = params;
  const asOf = params.asOf ?? defaultAsOf(await dataAsOf(db));
  const period = yearPeriod(year, asOf);
  const at = { year, asOf };
  const hq = await newHq(db, { ...at, targetTypes });
  const window = await fiveYear(db, { ...at, targetTypes });
  const buildings = await buildingTaxes(db, at);
  const ranked = await ranking(db, {
    ...at,
    targetTypes,
    capCompletion: params.capCompletion,
    weights: params.weights,
    method: params.method,
  });
  const checks = await certificationChecks(db, { ...at, rules: params.rules });
  const tax = await hqTax(db, at);
  const areas = await unitAreaOutputs(db, { year });
  const pipeline = await projectPipeline(db, { ...at, thresholds: params.thresholds });
  return {
    year,
    asOf,
    /** The effective date min(D, 31 Dec Y) every figure is read at. */
    at: period.at,
    /** '1—9月' when the figures cover part of Y, else null. */
    months: period.label,
    targetTypes,
    timeProgress: round(timeProgress(year, asOf), 4),
    newHq: hq,
    fiveYear: { from: window.from, to: window.to, actual: window.actual, target: window.target },
    localHq: await localHq(db, at),
    hqTax: { tax: round(tax.tax, 2), previous: round(tax.previous, 2), change: tax.change },
    billionBuildings: billionBuildings(buildings).map(buildingRow),
    cultivatingBuildings: cultivatingBuildings(buildings).map(buildingRow),
    unitAreaOutput: {
      meeting: areas.filter((a) => a.meets).map((a) => a.creditCode),
      notMeeting: areas.filter((a) => !a.meets).map((a) => a.creditCode),
    },
    projects: {
      overdue: pipeline.projects
        .filter((p) => p.overdueKind !== null)
        .map((p) => ({ projectId: p.projectId, reason: p.overdueKind!, days: p.stageDays! }))
        .sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0)),
      fourOnes: {
        complete: pipeline.projects.filter((p) => p.fourOnes).length,
        total: pipeline.projects.length,
      },
    },
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

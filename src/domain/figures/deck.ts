/**
 * The presentation deck's figures for a year and unit, in one call: the same figure functions as
 * the screens (the deck shows what the screens show, never its own numbers).
 */
import type { Db } from '../../db';
import type { CertificationRules, ProjectThresholds, ScoreMethod, ScoreWeights } from '../defaults';
import type { Filters } from '../filters';
import { beltsFigures } from './belts';
import { buildingsScreenFigures } from './buildings';
import { certificationChecks } from './certification';
import { overviewFigures } from './overview';
import { projectFunnel, projectPipeline } from './projects';
import { ranking } from './ranking';

export interface DeckParams {
  year: number;
  asOf: string;
  /** The deck follows the year and the unit only (全口径). */
  filters?: Pick<Filters, 'unit'>;
  weights?: ScoreWeights;
  method?: ScoreMethod;
  thresholds?: ProjectThresholds;
  rules?: CertificationRules;
}

export async function deckFigures(db: Db, p: DeckParams) {
  const filters = p.filters?.unit ? { unit: p.filters.unit } : {};
  const [overview, buildings, belts, ranked, pipeline, checks] = await Promise.all([
    overviewFigures(db, { year: p.year, asOf: p.asOf, filters }),
    buildingsScreenFigures(db, { year: p.year, filters }),
    // The map shows every unit; the chosen one is highlighted.
    beltsFigures(db, { year: p.year }),
    ranking(db, { year: p.year, weights: p.weights, method: p.method }),
    projectPipeline(db, { year: p.year, asOf: p.asOf, thresholds: p.thresholds, filters }),
    certificationChecks(db, { year: p.year, rules: p.rules, filters }),
  ]);
  return {
    overview,
    buildings,
    belts,
    ranking: ranked,
    projects: {
      asAt: pipeline.asAt,
      total: pipeline.projects.length,
      funnel: projectFunnel(pipeline.projects),
      overdue: pipeline.projects
        .filter((x) => x.overdue !== null)
        .sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0)),
    },
    certification: checks,
  };
}

export type DeckFigures = Awaited<ReturnType<typeof deckFigures>>;

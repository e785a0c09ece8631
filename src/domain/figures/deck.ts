/**
 * The presentation deck's figures for a year and unit, in one call: the same figure functions as
 * the screens (the deck shows what the screens show, never its own numbers).
 */
import type { Db } from '../../db';
import type {
  CertificationRules,
  ProjectThresholds,
  ScoreMethod,
  ScoreWeights,
  TargetTypes,
} from '../defaults';
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
  targetTypes?: TargetTypes;
  /** Ranking ① capped at 100% (the 口径's option). */
  capCompletion?: boolean;
}

/** Every figure of the deck as of the same D as the screens. */
export async function deckFigures(db: Db, p: DeckParams) {
  const filters = p.filters?.unit ? { unit: p.filters.unit } : {};
  const at = { year: p.year, asOf: p.asOf };
  const [overview, buildings, belts, ranked, pipeline, checks] = await Promise.all([
    overviewFigures(db, { ...at, filters, targetTypes: p.targetTypes }),
    buildingsScreenFigures(db, { ...at, filters }),
    // The map shows every unit; the chosen one is highlighted.
    beltsFigures(db, at),
    ranking(db, {
      ...at,
      weights: p.weights,
      method: p.method,
      targetTypes: p.targetTypes,
      capCompletion: p.capCompletion,
    }),
    projectPipeline(db, { ...at, thresholds: p.thresholds, filters }),
    certificationChecks(db, { ...at, rules: p.rules, filters }),
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

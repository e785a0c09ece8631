/**
 * The 驾驶舱's figures for a year as of D, in one call: the same figure functions as the screens and
 * the deck (overview, buildings, ranking with its change against Y−1, project pipeline), so the wall
 * shows what the screens show.
 */
import type { Db } from '../../db';
import { progressLight, type Light } from '../trafficLight';
import { buildingsScreenFigures } from './buildings';
import type { DeckParams } from './deck';
import { overviewFigures } from './overview';
import { projectPipeline } from './projects';
import { rankingWithChange } from './rankChange';

export interface UnitProgress {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  /** actual ÷ target, null without a target. */
  task: number | null;
  light: Light;
}

export async function cockpitFigures(db: Db, p: Omit<DeckParams, 'filters' | 'rules'>) {
  const at = { year: p.year, asOf: p.asOf };
  const [overview, buildings, ranking, pipeline] = await Promise.all([
    overviewFigures(db, { ...at, filters: {}, targetTypes: p.targetTypes }),
    buildingsScreenFigures(db, { ...at, filters: {} }),
    rankingWithChange(db, {
      ...at,
      weights: p.weights,
      method: p.method,
      targetTypes: p.targetTypes,
      capCompletion: p.capCompletion,
    }),
    projectPipeline(db, { ...at, thresholds: p.thresholds, filters: {} }),
  ]);
  const { actual, target } = overview.newHq.city;
  const task = target ? actual / target : null;
  const units: UnitProgress[] = overview.newHq.byRegion.map((u) => {
    const unitTask = u.target ? u.actual / u.target : null;
    return { ...u, task: unitTask, light: progressLight(unitTask, overview.timeProgress) };
  });
  return {
    overview,
    task,
    light: progressLight(task, overview.timeProgress),
    units,
    buildings: buildings.buildings,
    ranking,
    overdue: pipeline.projects
      .filter((x) => x.overdue !== null)
      .sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0)),
    projects: pipeline.projects.length,
  };
}

export type CockpitFigures = Awaited<ReturnType<typeof cockpitFigures>>;

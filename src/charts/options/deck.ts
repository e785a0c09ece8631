/**
 * Every chart of the deck as its ECharts option, built by the screens' own option builders and
 * made projector-grade (src/charts/options/projector.ts). Pure: the slides draw these, and
 * test/options/projector.test.ts measures them on the real engine's figures.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { failureReasonsOption, tallyReasons } from './certification';
import { rankingOption } from './buildings';
import { unitMapOption } from './belts';
import { completionByUnitOption, cumulativeOption, progressOption } from './overview';
import { projectorOption } from './projector';
import { funnelOption } from './projects';
import { scoreBreakdownOption } from './ranking';
import type { DeckFigures } from '../../domain/figures/deck';

export interface SlideCharts {
  progress: EChartsCoreOption;
  cumulative: EChartsCoreOption;
  completion: EChartsCoreOption;
  buildings: EChartsCoreOption;
  map: EChartsCoreOption;
  ranking: EChartsCoreOption;
  funnel: EChartsCoreOption;
  reasons: EChartsCoreOption;
}

export function slideCharts(f: DeckFigures, unit: string | undefined): SlideCharts {
  const { actual, target } = f.overview.newHq.city;
  const charts: SlideCharts = {
    progress: progressOption(target ? actual / target : null, f.overview.timeProgress),
    cumulative: cumulativeOption(f.overview.fiveYear.years, f.overview.fiveYear.target),
    completion: completionByUnitOption(f.overview.newHq.byRegion, unit),
    buildings: rankingOption(f.buildings.buildings, undefined, 12),
    map: unitMapOption(f.belts.units, 'count', unit),
    ranking: scoreBreakdownOption(f.ranking, unit),
    funnel: funnelOption(f.projects.funnel),
    reasons: failureReasonsOption(tallyReasons(f.certification)),
  };
  return Object.fromEntries(
    Object.entries(charts).map(([k, option]) => [k, projectorOption(option)]),
  ) as unknown as SlideCharts;
}

/** Columns of the assessment table: rank, unit, the five raw indicators, their normalised parts, score. */
import type { Column } from '../../app/DataTable';
import type { RankedUnit } from '../../domain/figures/ranking';

/** A scored unit with its new-HQ target, for the completion column. */
export type RankingRow = RankedUnit & { target: number | null };

const MARKS = ['①', '②', '③', '④', '⑤'] as const;

// Fixed-digit text: DataTable's number format drops trailing zeros (31 rather than 31.0), and
// fixed-width strings still sort in numeric order (TanStack's alphanumeric sort).
const fixed = (n: number, digits: number) => n.toFixed(digits);

const normalisedColumn = (k: number): Column<RankingRow> => ({
  key: `n${k}`,
  header: `${MARKS[k]}标准化`,
  kind: 'number',
  value: (r) => fixed(r.normalised[k]!, 3),
});

export const RANKING_COLUMNS: readonly Column<RankingRow>[] = [
  { key: 'rank', header: '排名', kind: 'count', value: (r) => r.rank },
  { key: 'name', header: '属地', value: (r) => r.name },
  { key: 'completion', header: '①完成率', kind: 'percent', value: (r) => r.indicators[0] },
  { key: 'target', header: '目标（家）', kind: 'count', value: (r) => r.target },
  { key: 'newHq', header: '②新引进（家）', kind: 'count', value: (r) => r.indicators[1] },
  { key: 'projects', header: '③签约项目（个）', kind: 'count', value: (r) => r.indicators[2] },
  // Investment is stored in 万元 (schema: 计划投资 — 万元); the table's money columns take 元.
  {
    key: 'investment',
    header: '④签约投资额',
    kind: 'yuan',
    unit: '万元',
    digits: 0,
    value: (r) => r.indicators[3] * 1e4,
  },
  {
    key: 'tax',
    header: '⑤新引进总部税收',
    kind: 'yuan',
    unit: '万元',
    digits: 1,
    value: (r) => r.indicators[4],
  },
  ...[0, 1, 2, 3, 4].map(normalisedColumn),
  { key: 'score', header: '得分', kind: 'number', value: (r) => fixed(r.score, 1) },
];

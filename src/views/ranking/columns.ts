/** Columns of the assessment table: rank, unit, the five raw indicators, their normalised parts, score. */
import type { Column } from '../../app/DataTable';
import type { RankStability } from '../../domain/figures/rankStability';
import type { RankedUnit } from '../../domain/figures/ranking';

/** A scored unit with its new-HQ target, for the completion column, and 预计全年 in a running year. */
export type RankingRow = RankedUnit & { target: number | null; forecast?: number; stability?: RankStability };

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
  // How far the rank moves when the method switches or one weight moves by ±5.
  {
    key: 'otherMethod',
    header: '另一方法排名',
    kind: 'count',
    value: (r) => r.stability?.otherMethodRank ?? null,
  },
  {
    key: 'stability',
    header: '排名区间（权重±5）',
    value: (r) =>
      !r.stability
        ? null
        : r.stability.best === r.stability.worst
          ? '稳定'
          : `${r.stability.best}—${r.stability.worst}`,
  },
  { key: 'score', header: '得分', kind: 'number', value: (r) => fixed(r.score, 1) },
];

/** 预计全年 (DOMAIN.md 15) beside ②, in a running year only: named 预计 so it is never read as actual. */
const FORECAST_COLUMN: Column<RankingRow> = {
  key: 'forecast',
  header: '预计全年（家）',
  kind: 'count',
  value: (r) => r.forecast ?? null,
};

/** The raw indicator columns ①…⑤ by their position k. */
const INDICATOR_KEYS = ['completion', 'newHq', 'projects', 'investment', 'tax'];

/**
 * The table's columns; `open(code, k)` makes each raw indicator cell open the records behind it,
 * `openScore(code)` the 得分 cell the score's 口径 (method, weights) with indicator ①'s records.
 */
export function rankingColumns(
  running: boolean,
  open?: (code: string, k: number) => void,
  openScore?: (code: string) => void,
): readonly Column<RankingRow>[] {
  const columns = RANKING_COLUMNS.map((c) => {
    if (c.key === 'score' && openScore) return { ...c, onClick: (r: RankingRow) => openScore(r.code) };
    const k = INDICATOR_KEYS.indexOf(c.key);
    return k < 0 || !open ? c : { ...c, onClick: (r: RankingRow) => open(r.code, k) };
  });
  if (!running) return columns;
  const at = columns.findIndex((c) => c.key === 'newHq') + 1;
  return [...columns.slice(0, at), FORECAST_COLUMN, ...columns.slice(at)];
}

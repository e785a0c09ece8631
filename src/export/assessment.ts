/**
 * The assessment sheet (考核表) of the ranking screen: every unit's indicators, their normalised and
 * weighted parts, score and rank, under a header block saying the year, the as-of date and the
 * rules in force; a second sheet lists the weights and the method. Pure: screen data → sheets.
 */
import type { RankedUnit } from '../domain/figures/ranking';
import type { SheetCell } from './table';
import type { SheetSpec } from './xlsx';

export interface AssessmentInput {
  year: number;
  asOf: string | null;
  /** Indicator names in order (完成率 … 新引进总部税收). */
  indicators: readonly string[];
  weights: readonly number[];
  /** '比值法' or '功效系数法'. */
  methodName: string;
  /** The rules sentence the screen shows under the weight editor. */
  rules: string;
  /** The 口径 the sheet was scored under: its name, hash, and whether it is a local change. */
  caliber: { name: string; hash: string; modified: boolean };
  rows: readonly (RankedUnit & { target: number | null })[];
}

const MARKS = ['①', '②', '③', '④', '⑤'];
const n = (v: number, z: string): SheetCell => ({ v, z });
const wan = (yuan: number) => Number((yuan / 1e4).toFixed(6));
const trim = (x: number) => String(Number(x.toFixed(4)));

export const ASSESSMENT_HEADER = [
  '排名',
  '属地代码',
  '属地',
  '①完成率',
  '目标（家）',
  '②新引进总部（家）',
  '③签约项目数（个）',
  '④签约投资额（万元）',
  '⑤新引进总部税收（万元）',
  ...MARKS.map((m) => `${m}标准化值`),
  ...MARKS.map((m) => `${m}得分`),
  '得分',
];

function unitRow(r: AssessmentInput['rows'][number]): SheetCell[] {
  const [completion, newHq, projects, investment, tax] = r.indicators;
  return [
    r.rank,
    r.code,
    r.name,
    n(completion, '0.0%'),
    r.target,
    newHq,
    projects,
    // Investment is stored in 万元 (计划投资), tax in 元.
    n(investment, '#,##0.00'),
    n(wan(tax), '#,##0.00'),
    ...r.normalised.map((v) => n(v, '0.000')),
    ...r.points.map((v) => n(v, '0.00')),
    n(r.score, '0.0'),
  ];
}

/** Row index (0-based) of the table header in the 考核表 sheet, under the header block. */
export const ASSESSMENT_TABLE_ROW = 5;

/** '口径：名称（sha256:…）' and, for a local change, that it is not the published 口径. */
export function caliberLine(caliber: AssessmentInput['caliber']): string {
  return `口径：${caliber.name}（${caliber.hash}）${caliber.modified ? '，本机修改（未发布）' : ''}`;
}

export function assessmentSheets(input: AssessmentInput): SheetSpec[] {
  const sum = input.weights.reduce((a, b) => a + b, 0);
  const weightText = input.indicators.map((name, k) => `${name} ${trim(input.weights[k] ?? 0)}`).join('、');
  const last = ASSESSMENT_HEADER.length - 1;
  const block: SheetCell[][] = [
    [`${input.year}年招商引资考核表`],
    [
      `${input.asOf ? `数据截至 ${input.asOf}；` : ''}考核按全口径计算（全部 ${input.rows.length} 个属地），同分按属地代码排序`,
    ],
    [`评分方法：${input.methodName}；权重：${weightText}（合计 ${trim(sum)}）`],
    [caliberLine(input.caliber)],
    [],
  ];
  const table: SheetCell[][] = [ASSESSMENT_HEADER, ...input.rows.map(unitRow)];
  const rules: SheetCell[][] = [
    ['指标', '权重', '权重占比'],
    ...input.indicators.map((name, k): SheetCell[] => {
      const w = input.weights[k] ?? 0;
      return [`${MARKS[k] ?? ''}${name}`, w, n(sum > 0 ? w / sum : 0, '0.0%')];
    }),
    ['合计', sum, n(sum > 0 ? 1 : 0, '0.0%')],
    [],
    ['考核年度', input.year],
    ['数据截至', input.asOf],
    ['评分方法', input.methodName],
    ['评分规则', input.rules],
    ['口径名称', input.caliber.name],
    ['口径校验值', input.caliber.hash],
    ['口径状态', input.caliber.modified ? '本机修改（未发布）' : '与发布口径一致'],
  ];
  return [
    {
      name: '考核表',
      rows: [...block, ...table],
      freeze: block.length + 1,
      merges: [0, 1, 2, 3].map((row) => ({
        from: [row, 0] as [number, number],
        to: [row, last] as [number, number],
      })),
    },
    { name: '评分规则', rows: rules },
  ];
}

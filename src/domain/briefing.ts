/**
 * 简报: the year's headline figures as sentences a leader can read aloud at the joint meeting.
 *
 * Two halves: `briefingFigures` gathers a plain `BriefingFigures` from the same figure functions the
 * screens use (so every number in a sentence is the number on the screens), and the PURE
 * `briefingSections` turns it into sentences — all wording decisions live there and are unit-tested.
 */
import { sql, type Db, type Sql } from '../db';
import { yearPeriod } from './asOf';
import type {
  CertificationRules,
  ProjectThresholds,
  ScoreMethod,
  ScoreWeights,
  TargetTypes,
} from './defaults';
import { buildingsScreenFigures } from './figures/buildings';
import { certificationChecks, FAIL_REASON_TEXT, type FailReason } from './figures/certification';
import { one } from './figures/common';
import { datedInYear } from './figures/period';
import { overviewFigures } from './figures/overview';
import { projectPipeline } from './figures/projects';
import { ranking } from './figures/ranking';
import { hasAttributeFilter, type Filters } from './filters';
import { CITY_NAME, unitName } from './units';
import { formatCount, formatPercent, formatYuan } from '../format/numbers';

// ——— The input: plain numbers, no database ———

export interface BriefingFigures {
  year: number;
  /** 数据截至, YYYY-MM-DD: decides 全年 vs 1—M月. */
  asOf: string;
  /** '全市', '鹿城区', or with attribute filters '全市（贸易型总部）'. */
  scope: string;
  /** '全市' or '鹿城区' without the attribute filters: for buildings, whose tax counts every tenant. */
  place: string;
  /** The unit code when one unit is chosen (the ranking then speaks of its rank). */
  unit: string | null;
  /** An attribute filter narrows the counts, so no target applies (as on the overview). */
  attributeFiltered: boolean;
  /** Whether the year is loaded at all, city-wide: certification rows, tax months, projects signed in Y. */
  coverage: { certifications: number; taxMonths: number; projects: number };
  /** 时间进度 of Y at the as-of date (1 for a finished year). */
  timeProgress: number;
  newHq: { actual: number; target: number | null };
  /** The plan window containing Y (2019—2023 by default) and new HQ per year of it. */
  fiveYear: {
    from: number;
    to: number;
    target: number | null;
    /** null for a year that has not begun by the as-of date. */
    years: { year: number; actual: number | null }[];
  };
  localHq: { stock: number; flow: number };
  /** 元; previous = the same months of Y−1; change null when the previous period has no tax. */
  hqTax: { tax: number; previous: number; change: number | null };
  buildings: {
    /** Buildings in scope. */
    count: number;
    /** 亿元楼宇 (building tax ≥ 1亿, upper tiers included). */
    billion: number;
    /** Tier counts, highest tier first (十亿元, 五亿元, 亿元, 培育). */
    tiers: { name: string; count: number }[];
    /** The building with the most tax in Y (null when none paid any). */
    top: { name: string; tax: number } | null;
  };
  /** Every unit by rank; empty when no unit has any indicator above zero in Y. */
  ranking: { code: string; name: string; score: number; rank: number }[];
  projects: {
    /** The date the pipeline is read at: min(asOf, end of Y). */
    asAt: string;
    /** 在库项目: signed by asAt (closed ones included, as on the projects screen). */
    total: number;
    signedInYear: number;
    /** 元, planned investment of the projects signed in Y. */
    signedInvestment: number;
    overdue: number;
    fourOnes: number;
  };
  /** Failure reasons in the policy's order, with how many failing enterprises give each. */
  certification: { passed: number; failed: number; reasons: { text: string; count: number }[] };
}

export interface BriefingSection {
  heading: string;
  sentences: string[];
}

// ——— Wording ———

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Period {
  running: boolean;
  /** '1—9月' for a running year, '全年' for a finished one. */
  months: string;
  /** '2025年1—9月' / '2024年全年'. */
  span: string;
  /** '2025年9月底' / '2024年底': for stocks (截至…). */
  end: string;
}

function parseDate(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A year is running while the as-of date lies inside it and before 31 December (src/domain/asOf.ts). */
export function briefingPeriod(year: number, asOf: string): Period {
  const p = yearPeriod(year, asOf);
  const running = p.partial && p.months > 0;
  const months = running ? p.label! : '全年';
  const [y, m, d] = parseDate(p.at);
  return { running, months, span: `${year}年${months}`, end: running ? dateEnd(y, m, d) : `${year}年底` };
}

function dateEnd(y: number, m: number, d: number): string {
  return d === lastDayOfMonth(y, m) ? `${y}年${m}月底` : `${y}年${m}月${d}日`;
}

/** '2024年底', '2025年9月底' or '2025年9月15日' for the project pipeline's reading date. */
function asAtLabel(asAt: string): string {
  const [y, m, d] = parseDate(asAt);
  if (m === 12 && d === 31) return `${y}年底`;
  return dateEnd(y, m, d);
}

const count = (n: number, unit: '家' | '幢' | '个') => formatCount(n, unit);

/** Percentages compare as read (one decimal), so 75.04% and 75.0% are 持平. */
const perMille = (ratio: number) => Math.round(ratio * 1000);

function compareWithTime(progress: number, time: number, timeName: string): string {
  const a = perMille(progress);
  const b = perMille(time);
  const word = a > b ? '高于' : a < b ? '低于' : '持平于';
  return `${word}${timeName}（${formatPercent(time)}）`;
}

function yearTitle(year: number) {
  return `${year}年`;
}

export function briefingTitle(f: Pick<BriefingFigures, 'year' | 'asOf' | 'scope'>): {
  title: string;
  subtitle: string;
} {
  return {
    title: '温州市总部回归工作简报',
    subtitle: `${briefingPeriod(f.year, f.asOf).span} · ${f.scope} · 数据截至 ${f.asOf}`,
  };
}

// ——— Sentences ———

function newHqSentence(f: BriefingFigures, p: Period): string {
  const { actual, target } = f.newHq;
  const head = `${p.span}${f.scope}新引进总部企业${count(actual, '家')}`;
  if (f.attributeFiltered) return `${head}（按所选企业类型统计，不对照年度目标）。`;
  if (target === null || target <= 0) return `${head}，未下达年度目标。`;
  const progress = actual / target;
  const ofTarget = `年度目标（${count(target, '家')}）`;
  if (actual > target) return `${head}，超额完成${ofTarget}，完成率${formatPercent(progress)}。`;
  if (actual === target) return `${head}，已完成${ofTarget}，完成率${formatPercent(progress)}。`;
  const gap = `，尚差${count(target - actual, '家')}`;
  if (!p.running) return `${head}，完成${ofTarget}的${formatPercent(progress)}，未完成年度目标${gap}。`;
  return `${head}，完成${ofTarget}的${formatPercent(progress)}，${compareWithTime(progress, f.timeProgress, '时间进度')}${gap}。`;
}

/**
 * The plan window: from its first year on. Inside the window, the cumulative through Y against the
 * straight-line path (序时进度); after it, the window's final result. Before it, nothing to say.
 */
function fiveYearSentence(f: BriefingFigures, p: Period): string | null {
  const { from, to, target, years } = f.fiveYear;
  if (f.year < from) return null;
  const through = Math.min(f.year, to);
  const cumulative = years.filter((y) => y.year <= through).reduce((s, y) => s + (y.actual ?? 0), 0);
  const finished = f.year > to || (f.year === to && !p.running);
  // '2019—2023年五年累计' once the window is over, '2019年以来累计' while Y runs, else '2019—2021年累计'.
  const span = finished
    ? `${from}—${to}年五年累计`
    : p.running
      ? `${from}年以来累计`
      : `${from === through ? `${from}年` : `${from}—${through}年`}累计`;
  const head = `${f.scope}${span}新引进总部企业${count(cumulative, '家')}`;
  if (f.attributeFiltered) return `${head}（按所选企业类型统计，不对照五年目标）。`;
  if (target === null || target <= 0) return `${head}，未下达五年目标。`;
  const progress = cumulative / target;
  const ofTarget = `五年目标（${count(target, '家')}）`;
  if (cumulative > target)
    return `${head}，${finished ? '' : '已'}超额完成${ofTarget}，完成率${formatPercent(progress)}。`;
  if (cumulative === target) return `${head}，已完成${ofTarget}。`;
  if (finished) return `${head}，完成${ofTarget}的${formatPercent(progress)}，未完成五年目标。`;
  const span5 = to - from + 1;
  const pathShare = (f.year - from + f.timeProgress) / span5;
  return `${head}，完成${ofTarget}的${formatPercent(progress)}，${compareWithTime(progress, pathShare, '序时进度')}。`;
}

function localHqSentence(f: BriefingFigures, p: Period): string {
  const { stock, flow } = f.localHq;
  if (stock === 0) return `截至${p.end}，${f.scope}暂无已认定的本土总部企业。`;
  return `截至${p.end}，${f.scope}累计认定本土总部企业${count(stock, '家')}，其中${p.span}新认定${count(flow, '家')}。`;
}

function hqTaxSentence(f: BriefingFigures, p: Period): string {
  const { tax, previous, change } = f.hqTax;
  const head = `${p.span}${f.scope}总部企业税收${formatYuan(tax)}`;
  if (change === null) return `${head}（上年同期无可比数据）。`;
  const was = `上年同期${formatYuan(previous)}`;
  const m = perMille(change);
  if (m === 0) return `${head}，与上年同期持平（${was}）。`;
  return `${head}，同比${m > 0 ? '增长' : '下降'}${formatPercent(Math.abs(change))}（${was}）。`;
}

/** Building tax counts every tenant, so the attribute filters do not apply (as on the buildings screen). */
function buildingSentences(f: BriefingFigures, p: Period): string[] {
  const b = f.buildings;
  if (b.count === 0) return [`${f.place}暂无登记楼宇。`];
  if (!b.top) return [`${p.span}${f.place}${count(b.count, '幢')}登记楼宇暂无税收入库。`];
  const top = `${b.top.name}（${formatYuan(b.top.tax)}）`;
  if (b.billion === 0) return [`${p.span}${f.place}暂无亿元楼宇，楼宇税收最高的是${top}。`];
  const upper = b.tiers.filter((t) => t.name !== '亿元楼宇' && t.name !== '培育楼宇' && t.count > 0);
  const of = upper.length ? `（其中${upper.map((t) => `${t.name}${count(t.count, '幢')}`).join('、')}）` : '';
  const nursery = b.tiers.find((t) => t.name === '培育楼宇')?.count ?? 0;
  return [
    `${p.span}${f.place}亿元楼宇${count(b.billion, '幢')}${of}，税收最高的是${top}。` +
      (nursery > 0 ? `另有培育楼宇（5000万元以上）${count(nursery, '幢')}。` : ''),
  ];
}

function rankingSentence(f: BriefingFigures, p: Period): string {
  const basis = p.running ? `（按${p.months}数据测算）` : '';
  const lead = `${yearTitle(f.year)}招商引资考核${basis}`;
  if (f.ranking.length === 0) return `${yearTitle(f.year)}暂无招商引资考核数据。`;
  const score = (s: number) => `${s.toFixed(1)}分`;
  if (f.unit !== null) {
    const own = f.ranking.find((r) => r.code === f.unit);
    if (!own) return `${lead}未包含${f.place}。`;
    return `${lead}中，${own.name}得分${score(own.score)}，在${f.ranking.length}个考核单位中排名第${own.rank}位。`;
  }
  const top = f.ranking.slice(0, 3).map((r) => `${r.name}（${score(r.score)}）`);
  return `${lead}得分前三位依次为${top.join('、')}。`;
}

function projectSentence(f: BriefingFigures): string {
  const q = f.projects;
  const at = `截至${asAtLabel(q.asAt)}`;
  if (q.total === 0) return `${at}，${f.scope}暂无在库总部项目。`;
  const signed =
    q.signedInYear > 0
      ? `其中${yearTitle(f.year)}签约${count(q.signedInYear, '个')}、计划投资${formatYuan(q.signedInvestment)}`
      : `${yearTitle(f.year)}暂无新签约项目`;
  const overdue = q.overdue > 0 ? `逾期预警项目${count(q.overdue, '个')}` : '无逾期预警项目';
  return (
    `${at}，${f.scope}在库总部项目${count(q.total, '个')}，${signed}；${overdue}；` +
    `“四个一”机制落实率${formatPercent(q.fourOnes / q.total)}（${q.fourOnes}/${q.total}）。`
  );
}

function certificationSentence(f: BriefingFigures): string {
  const { passed, failed, reasons } = f.certification;
  const total = passed + failed;
  if (total === 0) return `${f.scope}暂无需核查的总部认定企业。`;
  const head = `按${yearTitle(f.year)}数据核查认定条件，${f.scope}${count(total, '家')}申报认定企业中符合条件${count(passed, '家')}、不符合${count(failed, '家')}`;
  // The commonest reason; ties go to the earlier condition of the policy (the list's order).
  const top = reasons.reduce<{ text: string; count: number } | null>(
    (best, r) => (r.count > 0 && (!best || r.count > best.count) ? r : best),
    null,
  );
  if (failed === 0 || !top) return `${head}。`;
  return `${head}，最常见的原因是“${top.text}”（${count(top.count, '家')}）。`;
}

/** The briefing in sections; a year without any data gives one sentence instead of zeros. */
export function briefingSections(f: BriefingFigures): BriefingSection[] {
  const p = briefingPeriod(f.year, f.asOf);
  const { certifications, taxMonths, projects } = f.coverage;
  if (certifications === 0 && taxMonths === 0 && projects === 0) {
    return [{ heading: '说明', sentences: [`${yearTitle(f.year)}暂无总部认定与税收数据。`] }];
  }
  const noTax = `${yearTitle(f.year)}暂无税收数据，总部企业税收、亿元楼宇和认定条件核查暂不统计。`;
  const sections: [string, (string | null)[]][] = [
    ['新引进总部企业', [newHqSentence(f, p), fiveYearSentence(f, p)]],
    ['本土总部与总部税收', [localHqSentence(f, p), taxMonths > 0 ? hqTaxSentence(f, p) : noTax]],
    ['楼宇经济', taxMonths > 0 ? buildingSentences(f, p) : []],
    ['招商考核排名', [rankingSentence(f, p)]],
    ['项目跟踪', [projectSentence(f)]],
    ['总部认定', taxMonths > 0 ? [certificationSentence(f)] : []],
  ];
  return sections
    .map(([heading, sentences]) => ({ heading, sentences: sentences.filter((s): s is string => !!s) }))
    .filter((s) => s.sentences.length > 0)
    .map((s, i) => ({ ...s, heading: `${NUMERALS[i]}、${s.heading}` }));
}

/** Every sentence in order, without headings. */
export function briefingSentences(f: BriefingFigures): string[] {
  return briefingSections(f).flatMap((s) => s.sentences);
}

/** The plain text a 复制全文 puts on the clipboard: title, subtitle, then each section. */
export function briefingText(f: BriefingFigures): string {
  const { title, subtitle } = briefingTitle(f);
  const body = briefingSections(f).map((s) =>
    [s.heading, ...s.sentences.map((t) => `\u3000\u3000${t}`)].join('\n'),
  );
  return [title, subtitle, '', ...body.flatMap((b) => [b, ''])].join('\n').trimEnd() + '\n';
}

// ——— Gathering the input from the figure functions ———

export interface BriefingParams {
  year: number;
  asOf: string;
  filters?: Filters;
  weights?: ScoreWeights;
  method?: ScoreMethod;
  rules?: CertificationRules;
  thresholds?: ProjectThresholds;
  targetTypes?: TargetTypes;
  /** Ranking ① capped at 100% (the 口径's option). */
  capCompletion?: boolean;
}

/** How much of year Y is there by D, city-wide (whether to speak at all, not what the unit did). */
async function yearCoverage(db: Db, year: number, asOf: string): Promise<BriefingFigures['coverage']> {
  const p = yearPeriod(year, asOf);
  const inYear = (column: Sql) => datedInYear(column, p);
  return one(
    db,
    sql`SELECT
      (SELECT count(*) FROM certifications WHERE ${inYear(sql`certified_on`)} OR ${inYear(sql`applied_on`)})
        AS certifications,
      (SELECT count(DISTINCT month(period)) FROM rollup_tax_month WHERE ${inYear(sql`period`)}) AS "taxMonths",
      (SELECT count(*) FROM projects WHERE ${inYear(sql`signed_on`)}) AS projects`,
  );
}

const placeName = (filters: Filters | undefined) => (filters?.unit ? unitName(filters.unit) : CITY_NAME);

/** As the screens title it (views/labels scopeTitle): the place, then the attribute filters. */
function scopeName(filters: Filters | undefined): string {
  const parts = [filters?.hqType, filters?.origin, filters?.industry].filter(Boolean);
  return `${placeName(filters)}${parts.length ? `（${parts.join('·')}）` : ''}`;
}

export async function briefingFigures(db: Db, params: BriefingParams): Promise<BriefingFigures> {
  const { year, asOf, filters, weights, method, rules, thresholds, targetTypes, capCompletion } = params;
  const overview = await overviewFigures(db, { year, asOf, filters, targetTypes });
  const buildings = await buildingsScreenFigures(db, { year, asOf, filters });
  const ranked = await ranking(db, { year, asOf, weights, method, targetTypes, capCompletion });
  const pipeline = await projectPipeline(db, { year, asOf, thresholds, filters });
  const checks = await certificationChecks(db, { year, asOf, rules, filters });

  const top = buildings.buildings[0];
  const signed = pipeline.projects.filter((q) => q.signedOn.startsWith(`${year}-`));
  const failed = checks.filter((c) => !c.passed);
  // With every indicator zero there is nothing to rank (and the 功效系数法 would give everyone 100).
  const anyIndicator = ranked.some((r) => r.indicators.some((x) => x !== 0));
  return {
    year,
    asOf,
    scope: scopeName(filters),
    place: placeName(filters),
    unit: filters?.unit ?? null,
    attributeFiltered: hasAttributeFilter(filters),
    coverage: await yearCoverage(db, year, asOf),
    timeProgress: overview.timeProgress,
    newHq: overview.newHq.city,
    fiveYear: {
      from: overview.fiveYear.from,
      to: overview.fiveYear.to,
      target: overview.fiveYear.target,
      years: overview.fiveYear.years.map(({ year: y, actual }) => ({ year: y, actual })),
    },
    localHq: { stock: overview.localHq.stock, flow: overview.localHq.flow },
    hqTax: overview.hqTax,
    buildings: {
      count: buildings.summary.buildings,
      billion: buildings.summary.billion,
      tiers: buildings.summary.tiers,
      top: top && top.tax > 0 ? { name: top.name, tax: top.tax } : null,
    },
    ranking: anyIndicator ? ranked.map(({ code, name, score, rank }) => ({ code, name, score, rank })) : [],
    projects: {
      asAt: pipeline.asAt,
      total: pipeline.projects.length,
      signedInYear: signed.length,
      signedInvestment: signed.reduce((s, q) => s + (q.investment ?? 0), 0) * 1e4,
      overdue: pipeline.projects.filter((q) => q.overdue).length,
      fourOnes: pipeline.projects.filter((q) => q.fourOnes).length,
    },
    certification: {
      passed: checks.length - failed.length,
      failed: failed.length,
      reasons: (Object.keys(FAIL_REASON_TEXT) as FailReason[]).map((reason) => ({
        text: FAIL_REASON_TEXT[reason],
        count: failed.filter((c) => c.reasons.includes(reason)).length,
      })),
    },
  };
}

/**
 * 掌上驾驶舱 (#/m, issue 16): the phone's figures for a year and a unit (or 全市) as of D, as plain
 * JSON that `publish` writes beside the dataset, so a phone shows them without the engine.
 *
 * Nothing here is a figure of its own: it is the 驾驶舱's figures (cockpitFigures: target progress
 * and lights, ranking with ↑↓, 亿元楼宇, overdue projects), 预计全年 (newHqForecast, figure 15) and
 * the 简报's sentences (briefingFigures → briefingSections), cut to what a phone shows. A chosen unit
 * narrows the buildings and projects to its own, as the screens' unit filter does.
 */
import type { Db } from '../../db';
import { briefingFigures, briefingSections, briefingTitle, type BriefingSection } from '../briefing';
import type { CaliberSettings } from '../caliber';
import { BILLION } from '../defaults';
import type { SeasonBasis } from '../forecastBasis';
import type { Light } from '../trafficLight';
import { CITY_NAME, unitName } from '../units';
import { cockpitFigures, type CockpitFigures } from './cockpit';
import { newHqForecast, type NewHqForecast } from './forecast';

export interface PhoneParams {
  year: number;
  /** The view's D (YYYY-MM-DD). */
  asOf: string;
  /** A unit code, or undefined for 全市. */
  unit?: string;
  caliber: CaliberSettings;
}

export interface PhoneUnit {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  /** 完成率 actual ÷ target; null without a target. */
  task: number | null;
  light: Light;
  /** 预计全年 while the year is running, else null. */
  forecast: number | null;
}

export interface PhoneFigures {
  year: number;
  /** The date the figures are counted to (D, or 31 December of a finished year). */
  asOf: string;
  /** '1—9月' while D falls inside the year, else null. */
  months: string | null;
  unit: string | null;
  /** '全市' or the unit's name. */
  scope: string;
  timeProgress: number;
  /** How 预计全年 is reached (figure 15), while the year is running; else null. */
  season: SeasonBasis | null;
  /** The year's new HQ against the target, for the scope: 任务进度, light and 预计全年. */
  progress: Omit<PhoneUnit, 'code' | 'name'>;
  /** Every unit's completion, highest 完成率 first (no target last). */
  units: PhoneUnit[];
  ranking: {
    /** The year compared (Y−1, the same months for a part year). */
    previousYear: number;
    units: { code: string; name: string; rank: number; score: number; change: number | null }[];
  };
  /** 亿元楼宇 (tax ≥ 1亿 in the year by D) of the scope, most tax first; tax in 元. */
  buildings: { buildingId: string; name: string; region: string; tax: number; tier: string | null }[];
  /** Overdue projects of the scope, most days overdue first. */
  overdue: { projectId: string; name: string; region: string; reason: string; days: number | null }[];
  /** Projects in the pipeline of the scope (在库项目). */
  projects: number;
  briefing: { title: string; subtitle: string; sections: BriefingSection[] };
}

/** What a year shares across units: computed once, then cut per unit (see phoneFiguresOfYear). */
export interface PhoneYear {
  cockpit: CockpitFigures;
  forecast: NewHqForecast;
}

/** The city-wide figures of a year, the same calls the 驾驶舱 and the overview make. */
export async function phoneYear(db: Db, p: Omit<PhoneParams, 'unit'>): Promise<PhoneYear> {
  const { year, asOf, caliber: c } = p;
  const cockpit = await cockpitFigures(db, {
    year,
    asOf,
    targetTypes: c.targetTypes,
    weights: c.weights,
    method: c.method,
    thresholds: c.thresholds,
    // The ranking's ① capped at 100% when the published 口径 says so, as on the desktop.
    ...(c.capCompletion ? { capCompletion: true } : {}),
  });
  const forecast = await newHqForecast(db, { year, asOf, filters: {}, targetTypes: c.targetTypes });
  return { cockpit, forecast };
}

const byTask = (a: PhoneUnit, b: PhoneUnit) =>
  (b.task ?? -1) - (a.task ?? -1) || b.actual - a.actual || a.code.localeCompare(b.code);

/** The phone's figures of one scope from its year's shared figures and its own 简报. */
export async function phoneFiguresOf(db: Db, shared: PhoneYear, p: PhoneParams): Promise<PhoneFigures> {
  const { cockpit: f, forecast } = shared;
  const o = f.overview;
  const running = forecast.running;
  const predicted = new Map(forecast.byRegion.map((u) => [u.code, u.forecast]));
  const units: PhoneUnit[] = f.units
    .map((u) => ({
      code: u.code,
      name: u.name,
      actual: u.actual,
      target: u.target,
      task: u.task,
      light: u.light,
      forecast: running ? (predicted.get(u.code) ?? null) : null,
    }))
    .sort(byTask);
  const own = p.unit ? units.find((u) => u.code === p.unit) : undefined;
  const progress = own
    ? { actual: own.actual, target: own.target, task: own.task, light: own.light, forecast: own.forecast }
    : {
        ...o.newHq.city,
        task: f.task,
        light: f.light,
        forecast: running ? forecast.city.forecast : null,
      };
  const inScope = (region: string) => !p.unit || region === p.unit;
  const brief = await briefingFigures(db, {
    year: p.year,
    asOf: p.asOf,
    filters: p.unit ? { unit: p.unit } : {},
    weights: p.caliber.weights,
    method: p.caliber.method,
    rules: p.caliber.rules,
    thresholds: p.caliber.thresholds,
    targetTypes: p.caliber.targetTypes,
    ...(p.caliber.capCompletion ? { capCompletion: true } : {}),
  });
  return {
    year: p.year,
    asOf: o.at,
    months: o.months,
    unit: p.unit ?? null,
    scope: p.unit ? unitName(p.unit) : CITY_NAME,
    timeProgress: o.timeProgress,
    season: running
      ? {
          basis: forecast.season.basis,
          share: forecast.season.share,
          years: forecast.season.years.map(({ year }) => ({ year })),
        }
      : null,
    progress,
    units,
    ranking: {
      previousYear: f.ranking.previous.year,
      units: f.ranking.units.map(({ code, name, rank, score, change }) => ({
        code,
        name,
        rank,
        score,
        change,
      })),
    },
    buildings: f.buildings
      .filter((b) => b.tax >= BILLION && inScope(b.region))
      .map(({ buildingId, name, region, tax, tier }) => ({ buildingId, name, region, tax, tier })),
    overdue: f.overdue
      .filter((x) => inScope(x.region))
      .map((x) => ({
        projectId: x.projectId,
        name: x.name,
        region: x.region,
        reason: x.overdue ?? '',
        days: x.overdueDays,
      })),
    projects: brief.projects.total,
    briefing: { ...briefingTitle(brief), sections: briefingSections(brief) },
  };
}

/** The phone's figures for one scope, computing the year's shared figures too. */
export async function phoneFigures(db: Db, p: PhoneParams): Promise<PhoneFigures> {
  return phoneFiguresOf(db, await phoneYear(db, p), p);
}

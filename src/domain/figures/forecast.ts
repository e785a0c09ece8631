/**
 * Figure 15 of DOMAIN.md, 预计全年 of a running year as of D — always shown as 预计, never as actual:
 * - new HQ: a unit's new HQ by D ÷ the city's mean share of a year's new HQ certified by the same
 *   day of the year, over the last three complete years that had any (linear by days without them);
 * - a building's tax: its tax by D × (its whole Y−1 ÷ its same months of Y−1), or by months at the
 *   year's pace when it paid nothing in those months of Y−1; 亿元楼宇 candidates and those at risk.
 */
import type { Db } from '../../db';
import { yearPeriod, type YearPeriod } from '../asOf';
import { BILLION } from '../defaults';
import { buildingTaxes, type BuildingFigure } from './buildings';
import { round } from './common';
import { newHq, type NewHqFilter } from './newHq';
import { periodOf } from './period';

/** How many complete years before Y the seasonal share is averaged over. */
export const FORECAST_HISTORY_YEARS = 3;

const pad = (n: number) => String(n).padStart(2, '0');

/** D's month and day in year k (29 February becomes 28 February in a common year). */
export function sameDayIn(year: number, date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${pad(m)}-${pad(Math.min(d, last))}`;
}

/** The share of year Y elapsed at `at`, by days (1 January → 1/365). */
export function dayShare(at: string): number {
  const [y, m, d] = at.split('-').map(Number) as [number, number, number];
  const day = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  const days = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  return day / days;
}

/** A year of history: its new HQ by the same day and in the whole year. */
export interface SeasonYear {
  year: number;
  byDay: number;
  whole: number;
}

export interface Season {
  /** The share of a year's new HQ that is certified by D's day: the divisor of the forecast. */
  share: number;
  /** 'history' when the last complete years gave it, 'days' when it is the elapsed share by days. */
  basis: 'history' | 'days';
  years: SeasonYear[];
}

/**
 * The city's mean share over the years with new HQ; by days when none had any, or when none of them
 * had any by that day (a share of 0 cannot divide).
 */
export function seasonShare(history: readonly SeasonYear[], at: string): Season {
  const years = history.filter((h) => h.whole > 0);
  const share = years.length ? years.reduce((s, h) => s + h.byDay / h.whole, 0) / years.length : 0;
  return share > 0 ? { share, basis: 'history', years } : { share: dayShare(at), basis: 'days', years };
}

/** 预计全年 from what is counted by D: whole HQ, never less than what is already there. */
export const forecastCount = (actual: number, share: number) => Math.max(actual, Math.round(actual / share));

export interface UnitForecast {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  forecast: number;
}

export interface NewHqForecast {
  year: number;
  asOf: string;
  /** D falls inside Y (and Y has begun): only then is there anything to forecast. */
  running: boolean;
  season: Season;
  city: { actual: number; target: number | null; forecast: number };
  byRegion: UnitForecast[];
}

async function seasonOf(db: Db, params: NewHqFilter, p: YearPeriod): Promise<Season> {
  const history: SeasonYear[] = [];
  for (let k = p.year - FORECAST_HISTORY_YEARS; k < p.year; k++) {
    // The city's season, on the same counting rule (target types) as the figure it divides.
    const base = { year: k, targetTypes: params.targetTypes };
    const byDay = (await newHq(db, { ...base, asOf: sameDayIn(k, p.at) })).city.actual;
    const whole = (await newHq(db, { ...base, asOf: `${k}-12-31` })).city.actual;
    history.push({ year: k, byDay, whole });
  }
  return seasonShare(history, p.at);
}

/** New HQ of Y by D with 预计全年 for the city (or the chosen unit) and every unit. */
export async function newHqForecast(db: Db, params: NewHqFilter): Promise<NewHqForecast> {
  const p = await periodOf(db, params);
  const actual = await newHq(db, { ...params, asOf: p.asOf });
  const running = p.partial && p.months > 0;
  const season = running ? await seasonOf(db, params, p) : { share: 1, basis: 'days' as const, years: [] };
  const forecast = (n: number) => (running ? forecastCount(n, season.share) : n);
  return {
    year: p.year,
    asOf: p.asOf,
    running,
    season,
    city: { ...actual.city, forecast: forecast(actual.city.actual) },
    byRegion: actual.byRegion.map((u) => ({ ...u, forecast: forecast(u.actual) })),
  };
}

export interface BuildingForecast {
  buildingId: string;
  name: string;
  region: string;
  /** Tax of Y by D, 元. */
  tax: number;
  /** 预计全年, 元. */
  forecast: number;
  /** 'lastYear': scaled by the building's own Y−1; 'pace': by months, Y−1 having no tax in those months. */
  basis: 'lastYear' | 'pace';
  /** Whole-year tax of Y−1, 元. */
  lastYear: number;
}

export interface BuildingForecasts {
  year: number;
  asOf: string;
  running: boolean;
  buildings: BuildingForecast[];
  /** Under 1亿 by D, 预计全年 ≥ 1亿. */
  candidates: BuildingForecast[];
  /** 预计全年 under 1亿 though a 亿元楼宇 by D or in the whole of Y−1 (the title may be lost). */
  atRisk: BuildingForecast[];
}

function forecastOne(b: BuildingFigure, whole: number, same: number, months: number): BuildingForecast {
  const lastYear = { buildingId: b.buildingId, name: b.name, region: b.region, tax: b.tax, lastYear: whole };
  if (same > 0 && whole > 0)
    return { ...lastYear, forecast: round((b.tax * whole) / same, 2), basis: 'lastYear' };
  return { ...lastYear, forecast: round((b.tax * 12) / Math.max(months, 1), 2), basis: 'pace' };
}

/** Every building's 预计全年 tax for a running Y, with the 亿元楼宇 candidates and those at risk. */
export async function buildingForecasts(
  db: Db,
  params: { year: number; asOf?: string },
): Promise<BuildingForecasts> {
  const p = await periodOf(db, params);
  const running = p.partial && p.months > 0;
  const now = await buildingTaxes(db, { year: p.year, asOf: p.asOf });
  const previous = yearPeriod(p.year - 1, sameDayIn(p.year - 1, p.at));
  const whole = new Map(
    (await buildingTaxes(db, { year: p.year - 1, asOf: `${p.year - 1}-12-31` })).map((b) => [
      b.buildingId,
      b.tax,
    ]),
  );
  const same = new Map(
    (await buildingTaxes(db, { year: p.year - 1, asOf: previous.asOf })).map((b) => [b.buildingId, b.tax]),
  );
  const buildings = now.map((b) =>
    running
      ? forecastOne(b, whole.get(b.buildingId) ?? 0, same.get(b.buildingId) ?? 0, p.months)
      : {
          buildingId: b.buildingId,
          name: b.name,
          region: b.region,
          tax: b.tax,
          forecast: b.tax,
          basis: 'lastYear' as const,
          lastYear: whole.get(b.buildingId) ?? 0,
        },
  );
  const byForecast = (a: BuildingForecast, b: BuildingForecast) =>
    b.forecast - a.forecast || a.buildingId.localeCompare(b.buildingId);
  return {
    year: p.year,
    asOf: p.asOf,
    running,
    buildings,
    candidates: running
      ? buildings.filter((b) => b.tax < BILLION && b.forecast >= BILLION).sort(byForecast)
      : [],
    atRisk: running
      ? buildings
          .filter((b) => b.forecast < BILLION && (b.tax >= BILLION || b.lastYear >= BILLION))
          .sort(byForecast)
      : [],
  };
}

/**
 * Hash routes (`#/ranking?year=2023&unit=330302`): the screen and the global filters live in the
 * address, so `dist/` works from any static server or sub-path, a copied link reproduces the view
 * and the back button steps through filter changes.
 */
import { isIsoDate, newestCompleteYear } from '../domain/asOf';
import { ATTRIBUTE_FILTERS, type Filters } from '../domain/filters';

export const SCREENS = [
  { path: 'overview', name: '总览' },
  { path: 'buildings', name: '亿元楼宇' },
  { path: 'belts', name: '总部经济带' },
  { path: 'ranking', name: '考核排名' },
  { path: 'county', name: '属地考核' },
  { path: 'projects', name: '项目跟踪' },
  { path: 'certification', name: '总部认定' },
  { path: 'data', name: '数据' },
  { path: 'present', name: '汇报' },
  { path: 'cockpit', name: '驾驶舱' },
] as const;

export type ScreenPath = (typeof SCREENS)[number]['path'];

export interface Route {
  screen: ScreenPath;
  /** From the link; absent means "the year of the newest data". */
  year?: number;
  /** The as-of date D (`asOf=2025-06-30`); absent means the data's end (数据截至). */
  asOf?: string;
  filters: Filters;
  /** Screen-local state that should survive a link too (map metric, selected building …). */
  extra: Record<string, string>;
}

const FILTER_KEYS = ['unit', ...ATTRIBUTE_FILTERS] as const;

export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = SCREENS.find((s) => s.path === pathPart)?.path ?? 'overview';
  const params = new URLSearchParams(query);
  const year = Number(params.get('year'));
  const filters: Filters = {};
  const extra: Record<string, string> = {};
  const asOf = params.get('asOf') ?? '';
  for (const [key, value] of params) {
    if (value === '' || key === 'year' || key === 'asOf') continue;
    if ((FILTER_KEYS as readonly string[]).includes(key)) filters[key as keyof Filters] = value;
    else extra[key] = value;
  }
  return {
    screen,
    ...(Number.isInteger(year) && year > 1990 && year < 2200 ? { year } : {}),
    ...(isUsableAsOf(asOf) ? { asOf } : {}),
    filters,
    extra,
  };
}

/**
 * Assessment and reward screens open on the newest complete year (a ranking of January–September is
 * not the year's assessment); the running year is one click away on them.
 */
export const OPENS_ON_COMPLETE_YEAR: readonly ScreenPath[] = ['ranking', 'county', 'certification'];

/** Without a year in the link: D's year, or on the screens above the newest complete year with data. */
export function defaultYear(screen: ScreenPath, asOf: string, years: readonly number[]): number {
  const running = Number(asOf.slice(0, 4));
  if (!OPENS_ON_COMPLETE_YEAR.includes(screen)) return running;
  const complete = newestCompleteYear(asOf);
  return complete === running || years.includes(complete) ? complete : running;
}

/** A real date in the years a link may name (a half-typed 0202-06-30 is not one). */
export function isUsableAsOf(text: string): boolean {
  return isIsoDate(text) && text > '1990' && text < '2200';
}

export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  if (route.year !== undefined) params.set('year', String(route.year));
  if (route.asOf !== undefined) params.set('asOf', route.asOf);
  for (const key of FILTER_KEYS) {
    const value = route.filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(route.extra).sort()) if (value) params.set(key, value);
  const query = params.toString();
  return `#/${route.screen}${query ? `?${query}` : ''}`;
}

/** The same view with some parts changed; undefined clears a filter, an extra or (given) the as-of date. */
export function withChanges(
  route: Route,
  change: {
    screen?: ScreenPath;
    year?: number;
    /** A date, or undefined to go back to the data's end; leave the key out to keep it. */
    asOf?: string;
    filters?: Partial<Record<keyof Filters, string | undefined>>;
    extra?: Record<string, string | undefined>;
  },
): Route {
  const filters = { ...route.filters, ...change.filters };
  const extra = { ...route.extra, ...change.extra };
  const asOf = 'asOf' in change ? change.asOf : route.asOf;
  return {
    screen: change.screen ?? route.screen,
    ...((change.year ?? route.year) ? { year: change.year ?? route.year } : {}),
    ...(asOf ? { asOf } : {}),
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Filters,
    // Screen-local state belongs to its screen: moving to another screen drops it (and takes only
    // what the change gives the new screen, such as the cockpit's rotation).
    extra: change.screen && change.screen !== route.screen ? dropEmpty(change.extra ?? {}) : dropEmpty(extra),
  };
}

function dropEmpty(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => !!e[1]));
}

/**
 * The global filters: year, unit, HQ type, origin, industry. Each change is a new hash (so the back
 * button steps through them). A filter a screen does not use is shown disabled with the reason, so
 * nobody reads an unfiltered figure as a filtered one.
 */
import { HQ_TYPES, INDUSTRIES, ORIGINS } from '../domain/enums';
import type { Filters } from '../domain/filters';
import { CITY_NAME, UNITS } from '../domain/units';
import type { Route, ScreenPath } from './route';
import type { Navigate } from './screen';

type FilterKey = 'year' | keyof Filters;

/** Which filters each screen follows; the others are disabled there. */
export const SCREEN_FILTERS: Record<ScreenPath, readonly FilterKey[]> = {
  overview: ['year', 'unit', 'hqType', 'origin', 'industry'],
  buildings: ['year', 'unit'],
  belts: ['year', 'unit', 'hqType', 'origin', 'industry'],
  ranking: ['year', 'unit'],
  projects: ['year', 'unit', 'hqType', 'origin', 'industry'],
  certification: ['year', 'unit', 'hqType', 'origin', 'industry'],
  data: [],
  present: ['year', 'unit'],
};

const NOT_USED: Partial<Record<ScreenPath, string>> = {
  buildings: '楼宇税收按全部入驻企业计算，不按企业类型筛选',
  ranking: '考核排名按全口径计算',
  present: '汇报按全口径计算',
};

interface Props {
  route: Route;
  year: number;
  years: readonly number[];
  navigate: Navigate;
}

export function FilterBar({ route, year, years, navigate }: Props) {
  const used = SCREEN_FILTERS[route.screen];
  if (used.length === 0) return null;
  const off = (key: FilterKey) => !used.includes(key);
  const title = (key: FilterKey) => (off(key) ? (NOT_USED[route.screen] ?? '本页不使用此筛选') : undefined);
  const yearOptions = years.includes(year) ? years : [year, ...years].sort((a, b) => b - a);
  const select = (key: keyof Filters, label: string, options: readonly { value: string; text: string }[]) => (
    <label title={title(key)}>
      {label}
      <select
        name={key}
        value={route.filters[key] ?? ''}
        disabled={off(key)}
        onChange={(e) => navigate({ filters: { [key]: e.target.value || undefined } })}
      >
        <option value="">{key === 'unit' ? CITY_NAME : '全部'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
  const enumOptions = (values: readonly string[]) => values.map((v) => ({ value: v, text: v }));
  const active = Object.keys(route.filters).length > 0;
  return (
    <div className="filterbar" role="search" aria-label="全局筛选">
      <label>
        年度
        <select name="year" value={year} onChange={(e) => navigate({ year: Number(e.target.value) })}>
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      {select(
        'unit',
        '属地',
        UNITS.map((u) => ({ value: u.code, text: u.name })),
      )}
      {select('hqType', '总部类型', enumOptions(HQ_TYPES))}
      {select('origin', '企业来源', enumOptions(ORIGINS))}
      {select('industry', '行业', enumOptions(INDUSTRIES))}
      {active && (
        <button
          type="button"
          className="link"
          onClick={() =>
            navigate({
              filters: { unit: undefined, hqType: undefined, origin: undefined, industry: undefined },
            })
          }
        >
          清除筛选
        </button>
      )}
    </div>
  );
}

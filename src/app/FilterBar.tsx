/**
 * The global filters: year, the as-of date (数据截至), unit, HQ type, origin, industry. Each change is
 * a new hash (so the back button steps through them). A filter a screen does not use is shown
 * disabled with the reason, so nobody reads an unfiltered figure as a filtered one.
 */
import { useState } from 'react';
import { HQ_TYPES, INDUSTRIES, ORIGINS } from '../domain/enums';
import type { Filters } from '../domain/filters';
import { CITY_NAME, UNITS } from '../domain/units';
import { isUsableAsOf, type Route, type ScreenPath } from './route';
import type { Navigate } from './screen';

type FilterKey = 'year' | 'asOf' | keyof Filters;

/** Which filters each screen follows; the others are disabled there. Every figure follows the as-of date. */
export const SCREEN_FILTERS: Record<ScreenPath, readonly FilterKey[]> = {
  overview: ['year', 'asOf', 'unit', 'hqType', 'origin', 'industry'],
  buildings: ['year', 'asOf', 'unit'],
  belts: ['year', 'asOf', 'unit', 'hqType', 'origin', 'industry'],
  ranking: ['year', 'asOf', 'unit'],
  county: ['year', 'asOf', 'unit'],
  projects: ['year', 'asOf', 'unit', 'hqType', 'origin', 'industry'],
  certification: ['year', 'asOf', 'unit', 'hqType', 'origin', 'industry'],
  data: [],
  present: ['year', 'asOf', 'unit'],
  // The wall shows the year as of the data's end, whole city; the link may still name a year.
  cockpit: [],
};

const NOT_USED: Partial<Record<ScreenPath, string>> = {
  buildings: '楼宇税收按全部入驻企业计算，不按企业类型筛选',
  ranking: '考核排名按全口径计算',
  county: '考核按全口径计算',
  present: '汇报按全口径计算',
};

interface Props {
  route: Route;
  year: number;
  years: readonly number[];
  /** D in force: the link's date, else the data's end. */
  asOf: string;
  /** The end of the newest tax month: the latest D can be. */
  dataEnd: string;
  navigate: Navigate;
}

export function FilterBar({ route, year, years, asOf, dataEnd, navigate }: Props) {
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
      <AsOfInput asOf={asOf} dataEnd={dataEnd} linked={route.asOf !== undefined} navigate={navigate} />
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

/**
 * 数据截至: every figure counts what is dated on or before it. Typing into a date field passes through
 * half-typed years (0002, 0020, 0202 …): only a usable date no later than the data's end moves the
 * link, the data's end itself is the link without `asOf`, and leaving the field with an unfinished date
 * puts the one in force back.
 */
function AsOfInput({
  asOf,
  dataEnd,
  linked,
  navigate,
}: {
  asOf: string;
  dataEnd: string;
  linked: boolean;
  navigate: Navigate;
}) {
  // What is being typed, for the D it was typed over: a new D (back button, 最新) shows at once.
  const [draft, setDraft] = useState({ over: asOf, value: asOf });
  const value = draft.over === asOf ? draft.value : asOf;
  const commit = (value: string) => {
    if (!isUsableAsOf(value) || value > dataEnd || value === asOf) return;
    navigate({ asOf: value === dataEnd ? undefined : value });
  };
  return (
    <span className="filterbar-asof">
      <label title={`统计截至该日：此后认定、入库、签约的不计入；最新数据截至 ${dataEnd}`}>
        数据截至
        <input
          type="date"
          name="asOf"
          value={value}
          max={dataEnd}
          required
          onChange={(e) => {
            setDraft({ over: asOf, value: e.target.value });
            commit(e.target.value);
          }}
          onBlur={() => setDraft({ over: asOf, value: asOf })}
        />
      </label>
      {linked && (
        <button
          type="button"
          className="link"
          title={`回到最新数据截至日 ${dataEnd}`}
          onClick={() => navigate({ asOf: undefined })}
        >
          最新
        </button>
      )}
    </span>
  );
}

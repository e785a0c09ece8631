/**
 * 掌上驾驶舱 (#/m): the year's progress, the units' lights, the ranking, 亿元楼宇, overdue projects
 * and the 简报 on a phone, from the published figure files (./data.ts) — no engine. The year and
 * unit are chosen by tap and live in the address (`#/m?year=2024&unit=330302`).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PhoneFigures } from '../domain/figures/phone';
import { fetchPhoneFigures, type PhoneSource } from './data';
import { deskHash, parsePhoneRoute, phoneHash, type PhoneRoute } from './mode';
import { isOnline, subscribeOnline } from './offline';
import { PhoneFiguresView } from './PhoneSections';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; message: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function useHashRoute(): [PhoneRoute, (r: PhoneRoute) => void] {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [parsePhoneRoute(hash), (r) => (window.location.hash = phoneHash(r))];
}

export function PhoneApp({ source }: { source: Promise<PhoneSource | undefined> }) {
  const [found, setFound] = useState<Loaded<PhoneSource | undefined>>({ status: 'loading' });
  useEffect(() => {
    source.then(
      (data) => setFound({ status: 'ready', data }),
      (e: unknown) => setFound({ status: 'failed', message: message(e) }),
    );
  }, [source]);
  if (found.status === 'loading') return <p className="m-state">正在读取数据…</p>;
  if (found.status === 'failed')
    return <NoFigures text={`读取掌上驾驶舱数据失败：${found.message}`} route={{}} />;
  if (!found.data)
    return (
      <NoFigures
        text="此地址没有发布掌上驾驶舱数据（未部署发布数据集，或数据集发布于手机版之前）。请联系联席会议办公室重新发布，或打开完整仪表盘。"
        route={{}}
      />
    );
  return <Cockpit source={found.data} />;
}

function Cockpit({ source }: { source: PhoneSource }) {
  const [route, go] = useHashRoute();
  const { index } = source;
  // A link naming a year or unit without figures falls back to the default, and says so.
  const year = route.year && index.years.includes(route.year) ? route.year : index.year;
  const unit = route.unit && index.units.some((u) => u.code === route.unit) ? route.unit : null;
  const unknown = (route.year && route.year !== year) || (route.unit && route.unit !== unit);
  // The opening figures come with the index: the first screen needs no second request.
  const opening = year === index.opening.year && unit === null ? index.opening : undefined;
  const [state, setState] = useState<Loaded<PhoneFigures> & { key?: string }>({ status: 'loading' });
  const key = `${year}:${unit ?? ''}`;
  useEffect(() => {
    if (opening) return;
    let live = true;
    fetchPhoneFigures(source, year, unit).then(
      (data) => live && setState({ status: 'ready', data, key }),
      (e: unknown) => live && setState({ status: 'failed', message: message(e), key }),
    );
    return () => {
      live = false;
    };
  }, [source, year, unit, key, opening]);
  const current = opening
    ? { status: 'ready' as const, data: opening }
    : state.key === key
      ? state
      : { status: 'loading' as const };
  const online = useSyncExternalStore(subscribeOnline, isOnline);
  const choose = (r: PhoneRoute) => go({ year: r.year ?? year, ...(r.unit ? { unit: r.unit } : {}) });
  return (
    <div className="m-app" data-phone-year={year} data-phone-unit={unit ?? ''}>
      <header className="m-head">
        <h1>总部回归 · 掌上驾驶舱</h1>
        <p className="m-meta" data-phone-meta>
          {source.label === '样例数据' ? '样例数据' : `「${index.name}」`} · 数据截至 {index.asOf} · 口径「
          {index.caliber.name}」
        </p>
        {!online && (
          <p className="m-warning" role="status" data-phone-offline>
            离线：显示本机上次保存的数据（数据截至 {index.asOf}），联网后自动更新。
          </p>
        )}
      </header>
      <nav className="m-choose" aria-label="年度与属地">
        <div className="m-years" role="group" aria-label="年度">
          {index.years.map((y) => (
            <button
              key={y}
              type="button"
              aria-pressed={y === year}
              onClick={() => choose({ year: y, ...(unit ? { unit } : {}) })}
            >
              {y}
            </button>
          ))}
        </div>
        <label className="m-unit">
          <span>属地</span>
          <select value={unit ?? ''} onChange={(e) => choose({ year, unit: e.target.value })}>
            <option value="">全市</option>
            {index.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </nav>
      {unknown && (
        <p className="m-warning" role="alert">
          链接中的年度或属地没有掌上数据，以下显示 {year} 年{unit ? '' : '全市'}。
        </p>
      )}
      {current.status === 'ready' ? (
        <PhoneFiguresView
          figures={current.data}
          caliber={index.caliber.name}
          chooseUnit={(code) => choose({ year, unit: code })}
        />
      ) : current.status === 'failed' ? (
        <p className="m-state m-error">{current.message}</p>
      ) : (
        <p className="m-state">正在读取 {year} 年数据…</p>
      )}
      <footer className="m-foot">
        <a className="m-desk" href={deskHash({ year, ...(unit ? { unit } : {}) })}>
          查看明细：打开完整仪表盘
        </a>
        <p>完整仪表盘需下载分析引擎（约 8 MB），适合电脑或平板。</p>
      </footer>
    </div>
  );
}

function NoFigures({ text, route }: { text: string; route: PhoneRoute }) {
  return (
    <div className="m-app">
      <header className="m-head">
        <h1>总部回归 · 掌上驾驶舱</h1>
      </header>
      <p className="m-state m-error" role="alert" data-phone-missing>
        {text}
      </p>
      <footer className="m-foot">
        <a className="m-desk" href={deskHash(route)}>
          打开完整仪表盘
        </a>
      </footer>
    </div>
  );
}

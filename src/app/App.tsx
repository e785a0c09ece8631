import { useEffect, useState } from 'react';
import type { Db } from '../db';
import { dataAsOf } from '../domain/figures/dataStatus';
import { Overview } from './Overview';
import { useFigure } from './useFigure';
import { useData } from './useData';

/** The year in the hash query (`#/overview?year=2025`), so a link reproduces the view. */
function yearFromHash(): number | undefined {
  const query = window.location.hash.split('?')[1] ?? '';
  const year = Number(new URLSearchParams(query).get('year'));
  return Number.isInteger(year) && year > 1990 ? year : undefined;
}

function useHashYear(): number | undefined {
  const [year, setYear] = useState(yearFromHash);
  useEffect(() => {
    const onChange = () => setYear(yearFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return year;
}

export function App() {
  const data = useData();
  const hashYear = useHashYear();
  return (
    <div className="app">
      <header className="topbar">
        <h1>温州市总部回归监测</h1>
        <span className="source">{data.status === 'ready' ? data.source : ''}</span>
      </header>
      <main>
        {data.status === 'loading' && <p className="state">{data.step}</p>}
        {data.status === 'failed' && <p className="state error">数据载入失败：{data.message}</p>}
        {data.status === 'ready' && <YearView db={data.db} year={hashYear} />}
      </main>
    </div>
  );
}

/** Without a year in the link, the year of the newest tax month loaded. */
function YearView({ db, year }: { db: Db; year: number | undefined }) {
  const asOf = useFigure(db, latestYear, {});
  if (year) return <Overview db={db} year={year} />;
  if (asOf.status !== 'ready') return <p className="state">正在读取数据日期…</p>;
  return <Overview db={db} year={asOf.data} />;
}

async function latestYear(db: Db): Promise<number> {
  const asOf = await dataAsOf(db);
  return Number((asOf ?? new Date().toISOString()).slice(0, 4));
}

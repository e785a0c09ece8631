/**
 * The shell: the navigation bar, the global filters, and the screen of the current hash route.
 * Screens are loaded on demand, so the first load carries only the shell and the overview.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { Db } from '../db';
import type { Filters } from '../domain/filters';
import { dataContext } from '../domain/figures/dataStatus';
import { FilterBar, SCREEN_FILTERS } from './FilterBar';
import { SCREENS, type ScreenPath } from './route';
import type { ScreenProps } from './screen';
import { useData } from './useData';
import { useFigure } from './useFigure';
import { useRoute } from './useRoute';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType<ScreenProps>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const SCREEN_COMPONENTS: Record<ScreenPath, ComponentType<ScreenProps>> = {
  overview: named(() => import('../views/overview/OverviewScreen'), 'OverviewScreen'),
  buildings: named(() => import('../views/buildings/BuildingsScreen'), 'BuildingsScreen'),
  belts: named(() => import('../views/belts/BeltsScreen'), 'BeltsScreen'),
  ranking: named(() => import('../views/ranking/RankingScreen'), 'RankingScreen'),
  projects: named(() => import('../views/projects/ProjectsScreen'), 'ProjectsScreen'),
  certification: named(() => import('../views/certification/CertificationScreen'), 'CertificationScreen'),
  data: named(() => import('../views/data/DataScreen'), 'DataScreen'),
  present: named(() => import('../views/present/PresentScreen'), 'PresentScreen'),
};

export function App() {
  const data = useData();
  const [route, navigate] = useRoute();
  const presenting = route.screen === 'present';
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <header className="topbar">
        <h1>温州市总部回归监测</h1>
        <nav aria-label="页面">
          {SCREENS.map((s) => (
            <a
              key={s.path}
              href={`#/${s.path}`}
              aria-current={s.path === route.screen ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate({ screen: s.path });
              }}
            >
              {s.name}
            </a>
          ))}
        </nav>
        <span className="source">{data.status === 'ready' ? data.source : ''}</span>
      </header>
      {data.status === 'loading' && <p className="state page-state">{data.step}</p>}
      {data.status === 'failed' && <p className="state error page-state">数据载入失败：{data.message}</p>}
      {data.status === 'ready' && (
        <Screen db={data.db} source={{ label: data.source, imported: data.imported }} />
      )}
    </div>
  );
}

function Screen({ db, source }: { db: Db; source: ScreenProps['source'] }) {
  const [route, navigate] = useRoute();
  const context = useFigure(db, dataContext, {});
  if (context.status === 'loading') return <p className="state page-state">正在读取数据日期…</p>;
  if (context.status === 'failed') return <p className="state error page-state">{context.message}</p>;
  const asOf = context.data.asOf ?? new Date().toISOString().slice(0, 10);
  // Without a year in the link: the year of the newest tax month loaded.
  const year = route.year ?? Number(asOf.slice(0, 4));
  const Component = SCREEN_COMPONENTS[route.screen];
  // A screen sees only the filters it follows (the others are disabled in the bar), so a link
  // carrying a filter from another screen never narrows a figure the bar shows as unfiltered.
  const used = SCREEN_FILTERS[route.screen];
  const filters = Object.fromEntries(
    Object.entries(route.filters).filter(([key]) => used.includes(key as keyof Filters)),
  ) as Filters;
  return (
    <>
      <FilterBar route={route} year={year} years={context.data.years} navigate={navigate} />
      <main>
        <Suspense fallback={<p className="state">正在打开页面…</p>}>
          <Component
            db={db}
            year={year}
            asOf={asOf}
            filters={filters}
            extra={route.extra}
            navigate={navigate}
            source={source}
          />
        </Suspense>
      </main>
    </>
  );
}

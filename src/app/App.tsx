/**
 * The shell: the navigation bar, the global filters, and the screen of the current hash route.
 * Screens are loaded on demand, so the first load carries only the shell and the overview.
 */
import { createElement, lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react';
import type { Db } from '../db';
import type { Filters } from '../domain/filters';
import { ExportContext } from '../export/context';
import { scopeTitle } from '../views/labels';
import { FilterBar, SCREEN_FILTERS } from './FilterBar';
import { PrintHeader } from './PrintHeader';
import { defaultYear, SCREENS, type ScreenPath } from './route';
import { loadedScreens, loadScreen } from './screenChunks';
import type { ScreenProps } from './screen';
import { toggleTheme, useTheme } from './theme';
import { useData, type DataContext } from './useData';
import { useDataVersion } from './dataVersion';
import { screenDb } from './versionReads';
import { AroundContext, neighbourViews } from './prefetch';
import { useDeskActivity } from './deskActivity';
import { useFigure } from './useFigure';
import { dataContext } from '../domain/figures/dataStatus';
import { defaultAsOf, viewAsOf } from '../domain/asOf';
import { useRoute } from './useRoute';
import { unitByCode } from '../domain/units';
import { cachedFigures, onFiguresSeeded } from './figureCache';
import { NOT_YET_DB } from './useData';

/**
 * The data context kept from the last visit, or shipped for a first one (./firstFigures.ts): with it,
 * the screen shows those figures before the engine.
 */
const keptContext = () => cachedFigures<DataContext>('context', '{}');
/** The screens whose figures are kept (src/domain/viewFigures.ts); the others wait for the engine. */
const EARLY_SCREENS: readonly ScreenPath[] = ['overview', 'buildings', 'belts', 'ranking'];
import { CaliberBar } from '../views/CaliberBar';
import { DrillPanel } from '../views/DrillPanel';
import { DrillContext, type DrillScope } from './drill';
import { useSettings } from './settings';
import { usableTargetTypes } from '../views/TargetTypesSwitch';
import { usableThresholds } from '../views/projects/thresholds';
import { usableMethod, usableWeights } from '../views/ranking/weights';
import { PhoneOffer } from './PhoneOffer';

const lazyScreens = new Map<ScreenPath, ComponentType<ScreenProps>>(
  SCREENS.map(({ path }) => [path, lazy(() => loadScreen(path).then((c) => ({ default: c })))]),
);

/**
 * The screen's component. React shows a Suspense fallback for at least 300 ms once something
 * suspends; a screen preloaded while the engine started never needs to.
 */
function screenComponent(path: ScreenPath) {
  return loadedScreens.get(path) ?? lazyScreens.get(path)!;
}

export function App() {
  const data = useData();
  const version = useDataVersion();
  const kept = useSyncExternalStore(onFiguresSeeded, keptContext);
  const [route, navigate] = useRoute();
  const presenting = route.screen === 'present';
  const wall = route.screen === 'cockpit';
  return (
    <div className={presenting ? 'app presenting' : wall ? 'app wall' : 'app'}>
      <PhoneOffer year={route.year} unit={route.filters.unit} />
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
        <DeskBusy current={route.screen} open={() => navigate({ screen: 'data' })} />
        <span className="source">{data.status === 'ready' ? data.source : ''}</span>
        <ThemeToggle />
      </header>
      {data.status === 'loading' &&
        (kept && EARLY_SCREENS.includes(route.screen) ? (
          // The figures of the last visit of the same data, marked 更新中, while the engine starts.
          <Screen
            db={NOT_YET_DB}
            context={kept}
            source={{ label: '', imported: { files: [], committed: [] } }}
          />
        ) : (
          <p className="state page-state">{data.step}</p>
        ))}
      {data.status === 'failed' && <p className="state error page-state">数据载入失败：{data.message}</p>}
      {data.status === 'ready' &&
        (version.version === 0 ? (
          <Screen
            db={data.db}
            context={data.context}
            source={{
              label: data.source,
              imported: data.imported,
              problem: data.persistence.problem,
              ...(data.dataset ? { dataset: data.dataset } : {}),
            }}
          />
        ) : (
          // After an import: the screens rebuilt on the new tables, with the new as-of date and years.
          <ImportedScreen
            key={version.version}
            db={data.db}
            source={{
              label: data.source,
              imported: version.imported ?? data.imported,
              problem: version.warning ?? data.persistence.problem,
            }}
          />
        ))}
    </div>
  );
}

/** 大屏: the dark theme for wall displays, remembered across reloads (./theme.ts). */
function ThemeToggle() {
  const dark = useTheme() === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      title="大屏深色主题（再点一次恢复）"
      onClick={toggleTheme}
    >
      大屏
    </button>
  );
}

function ImportedScreen({ db, source }: Omit<ScreenHostProps, 'context'>) {
  const context = useFigure(db, dataContext, {});
  if (context.status === 'loading') return <p className="state page-state">正在读取数据日期…</p>;
  if (context.status === 'failed') return <p className="state error page-state">{context.message}</p>;
  return <Screen db={db} context={context.data} source={source} />;
}

interface ScreenHostProps {
  db: Db;
  context: DataContext;
  source: ScreenProps['source'];
}

function Screen({ db, context, source }: ScreenHostProps) {
  const [route, navigate] = useRoute();
  const { version } = useDataVersion();
  // D: the link's as-of date, else the end of the newest tax month loaded (数据截至).
  const dataEnd = defaultAsOf(context.asOf);
  const asOf = viewAsOf(route.asOf, dataEnd);
  const year = route.year ?? defaultYear(route.screen, asOf, context.years);
  // A screen sees only the filters it follows (the others are disabled in the bar), so a link
  // carrying a filter from another screen never narrows a figure the bar shows as unfiltered.
  const used = SCREEN_FILTERS[route.screen];
  const filters = Object.fromEntries(
    Object.entries(route.filters).filter(([key]) => used.includes(key as keyof Filters)),
  ) as Filters;
  // A link naming a unit the dictionary does not know (a typo, an old code) shows the city and says
  // so, rather than a subtitle highlighting a code nobody can find.
  const unknownUnit = filters.unit && !unitByCode(filters.unit) ? filters.unit : undefined;
  if (unknownUnit) delete filters.unit;
  const settings = useSettings();
  // The parameters every figure of the view ran with, for the ⓘ and the drill panel.
  const drill: DrillScope = {
    year,
    asOf,
    filters,
    targetTypes: usableTargetTypes(settings.targetTypes),
    thresholds: usableThresholds(settings.thresholds).thresholds,
    capCompletion: settings.capCompletion === true,
    weights: usableWeights(settings.weights).weights,
    method: usableMethod(settings.method),
    rules: settings.rules,
    officeScope: settings.officeScope === 'all' ? 'all' : 'policy',
    shares: settings.shares,
    tiers: settings.tiers,
    open: ({ figure, key }) => navigate({ extra: { drill: figure, drillKey: key } }),
  };
  const drilled = route.extra.drill;
  // The views one filter click away, whose figures are computed ahead when the engine is idle.
  const around = {
    id: JSON.stringify([route.screen, year, asOf, filters]),
    views: neighbourViews(year, context.years, filters, used.includes('unit')),
  };
  return (
    <>
      <PrintHeader
        route={route}
        year={year}
        asOf={asOf}
        filters={filters}
        source={source.dataset ? `发布数据「${source.dataset.name}」` : source.label}
      />
      {/* The deck names its data and 口径 on every slide instead. */}
      {route.screen !== 'present' && <CaliberBar dataset={source.dataset} />}
      <FilterBar
        route={route}
        year={year}
        years={context.years}
        asOf={asOf}
        dataEnd={dataEnd}
        navigate={navigate}
      />
      {/* data-year / data-unit: the view this render shows, so a script knows a filter change has
          reached the screens (panels whose figures changed read as loading from this render on). */}
      <main data-screen={route.screen} data-year={year} data-unit={filters.unit ?? ''}>
        {unknownUnit && (
          <p className="state error link-warning" role="alert" data-unknown-unit={unknownUnit}>
            链接中的属地“{unknownUnit}”无法识别，以下显示全市数据。请在上方“属地”中重新选择。
          </p>
        )}
        {/* Exported images and files carry the as-of date, year and scope of the screen. */}
        <ExportContext.Provider value={{ asOf, year, scope: scopeTitle(filters) }}>
          <DrillContext.Provider value={drill}>
            {/* An import is written on a connection of its own (views/data/deskSession.ts): the screen
              reads the committed data meanwhile, and is rebuilt on the new data when it commits. */}
            <Suspense fallback={<p className="state">正在打开页面…</p>}>
              <AroundContext.Provider value={around}>
                {createElement(screenComponent(route.screen), {
                  db: screenDb(db, version, route.screen),
                  year,
                  asOf,
                  filters,
                  extra: route.extra,
                  navigate,
                  source,
                })}
              </AroundContext.Provider>
            </Suspense>
            {drilled && (
              <DrillPanel
                db={db}
                scope={drill}
                figure={drilled}
                drillKey={route.extra.drillKey}
                onClose={() => navigate({ extra: { drill: undefined, drillKey: undefined } })}
              />
            )}
          </DrillContext.Provider>
        </ExportContext.Provider>
      </main>
    </>
  );
}

/** Away from the data page while an import is checked or written: say so, with a way back. */
function DeskBusy({ current, open }: { current: string; open: () => void }) {
  const activity = useDeskActivity();
  if (!activity || current === 'data') return null;
  return (
    <button type="button" className="desk-busy" data-desk-activity={activity} onClick={open}>
      {activity === 'checking' ? '正在校验导入文件…' : '正在写入导入数据…'}
    </button>
  );
}

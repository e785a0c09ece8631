/**
 * The page's look: the light report theme, or 大屏 (a dark theme for wall displays). The choice is
 * remembered in localStorage and set as `data-theme` on <html>, which switches the CSS custom
 * properties in app.css; charts read it through `useTheme()` and re-init with the matching echarts
 * theme (src/charts/Chart.tsx). src/deskOpening.ts applies the stored theme before the desktop's code
 * loads (./storedTheme.ts), so a dark page never flashes white.
 */
import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

import {
  applyTheme,
  COCKPIT_THEME_KEY,
  THEME_KEY,
  readCockpitTheme,
  readTheme,
  storeCockpitTheme,
  storeTheme,
  type Theme,
} from './storedTheme';

export * from './storedTheme';

const listeners = new Set<() => void>();
let cached: Theme | undefined;
/** Which choice the 大屏 button reads and writes: the screens' or the cockpit's. */
let cockpit = false;
/** While the page prints, charts draw light whatever the theme (the CSS is light on paper too). */
let printing = false;

function current(): Theme {
  cached ??= cockpit ? readCockpitTheme() : readTheme();
  return cached;
}

/** While the cockpit is shown its own theme applies; leaving it restores the screens'. */
export function enterCockpitTheme(): () => void {
  cockpit = true;
  cached = readCockpitTheme();
  applyTheme(cached);
  notify();
  return () => {
    cockpit = false;
    cached = readTheme();
    applyTheme(cached);
    notify();
  };
}

const notify = () => listeners.forEach((l) => l());

export function setTheme(theme: Theme) {
  cached = theme;
  if (cockpit) storeCockpitTheme(theme);
  else storeTheme(theme);
  applyTheme(theme);
  notify();
}

export function toggleTheme() {
  setTheme(current() === 'dark' ? 'light' : 'dark');
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab switched: follow it, so two windows on one wall never disagree after a reload.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== (cockpit ? COCKPIT_THEME_KEY : THEME_KEY)) return;
    cached = cockpit ? readCockpitTheme() : readTheme();
    applyTheme(cached);
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

// Printing: the charts re-init light before the print is laid out. flushSync renders (and runs the
// charts' effects) before this handler returns, which is before the browser takes the page.
if (typeof window !== 'undefined') {
  const print = (on: boolean) => () => {
    if (printing === on || current() === 'light') return;
    printing = on;
    flushSync(notify);
  };
  window.addEventListener('beforeprint', print(true));
  window.addEventListener('afterprint', print(false));
}

/** The theme the user chose (the 大屏 button shows it). */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, current, () => 'light');
}

/** The theme to draw charts in: the chosen one, but light while printing. */
export function useChartTheme(): Theme {
  return useSyncExternalStore(
    subscribe,
    () => (printing ? 'light' : current()),
    () => 'light',
  );
}

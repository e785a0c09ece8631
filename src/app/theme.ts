/**
 * The page's look: the light report theme, or 大屏 (a dark theme for wall displays). The choice is
 * remembered in localStorage and set as `data-theme` on <html>, which switches the CSS custom
 * properties in app.css; charts read it through `useTheme()` and re-init with the matching echarts
 * theme (src/charts/Chart.tsx). desk.tsx applies the stored theme before the first render, so a
 * dark page never flashes white.
 */
import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

export type Theme = 'light' | 'dark';

export const THEME_KEY = 'hq-dashboard.theme';
/**
 * The 驾驶舱 (#/cockpit) is for the meeting-room wall: dark unless the user chose light there. Its
 * choice is remembered apart from the other screens', which it never changes.
 */
export const COCKPIT_THEME_KEY = 'hq-dashboard.cockpit-theme';

/** The stored theme; anything else (nothing stored, storage disabled, an old value) is light. */
export function readTheme(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Theme {
  try {
    return storage?.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** The cockpit's stored theme: dark unless light was chosen there. */
export function readCockpitTheme(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Theme {
  try {
    return storage?.getItem(COCKPIT_THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/** Whether a hash opens the cockpit, so desk.tsx applies its theme before the first render. */
export const isCockpitHash = (hash: string) => /^#\/?cockpit(\?|$)/.test(hash);

/** Remembers the theme; a full or disabled storage only loses the memory, never throws. */
export function storeTheme(
  theme: Theme,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
) {
  try {
    storage?.setItem(THEME_KEY, theme);
  } catch {
    // The theme still applies to this page.
  }
}

function storeCockpitTheme(theme: Theme) {
  try {
    globalThis.localStorage?.setItem(COCKPIT_THEME_KEY, theme);
  } catch {
    // The theme still applies to this page.
  }
}

/** Sets the attribute the CSS custom properties in app.css switch on. */
export function applyTheme(
  theme: Theme,
  root: HTMLElement | undefined = globalThis.document?.documentElement,
) {
  if (root) root.dataset.theme = theme;
}

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

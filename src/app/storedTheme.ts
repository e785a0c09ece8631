/**
 * The stored theme and the attribute it sets, without React: src/deskOpening.ts applies it before the
 * desktop's code loads, so a dark page never flashes white (./theme.ts has the rest).
 */
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

/** Whether a hash opens the cockpit, so src/deskOpening.ts applies its theme before the first render. */
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

export function storeCockpitTheme(theme: Theme) {
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

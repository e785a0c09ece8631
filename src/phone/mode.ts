/**
 * Which page a load opens: the 掌上驾驶舱 (`#/m`, src/phone) or the desktop app. Decided in src/main.tsx
 * before either is loaded, so a phone never downloads the desktop's code or the engine.
 */

/** Below this width (CSS px) the page is a phone's: the desktop needs 1,024. */
export const PHONE_MAX_WIDTH = 600;

export interface PhoneRoute {
  year?: number;
  unit?: string;
}

export const isPhoneHash = (hash: string): boolean => /^#\/m(\?|\/?$)/.test(hash);

/** The id of the first screen `publish` draws into the page, through the server's include (docs/PHONE.md). */
export const FIRST_SCREEN_ID = 'm-first';

/**
 * The addresses that first screen is right for: the bare address and `#/m` (this year, 全市).
 * public/phone-first.js hides it for any other before it is painted; a test checks the two agree.
 */
export const showsFirstScreen = (hash: string): boolean => /^(#\/?|#\/m\/?)?$/.test(hash);

/** The bare address (no route yet) on a narrow screen opens the phone view. */
export const opensOnPhone = (hash: string, width: number): boolean =>
  isPhoneHash(hash) || ((hash === '' || hash === '#' || hash === '#/') && width < PHONE_MAX_WIDTH);

export function parsePhoneRoute(hash: string): PhoneRoute {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const year = Number(params.get('year'));
  const unit = params.get('unit') ?? '';
  return {
    ...(Number.isInteger(year) && year > 1990 && year < 2200 ? { year } : {}),
    ...(/^[0-9A-Za-z]{1,12}$/.test(unit) ? { unit } : {}),
  };
}

export function phoneHash(route: PhoneRoute): string {
  const params = new URLSearchParams();
  if (route.year !== undefined) params.set('year', String(route.year));
  if (route.unit) params.set('unit', route.unit);
  const query = params.toString();
  return query ? `#/m?${query}` : '#/m';
}

/** The same year and unit on the full dashboard (its 总览). */
export function deskHash(route: PhoneRoute): string {
  const params = new URLSearchParams();
  if (route.year !== undefined) params.set('year', String(route.year));
  if (route.unit) params.set('unit', route.unit);
  const query = params.toString();
  return query ? `#/overview?${query}` : '#/overview';
}

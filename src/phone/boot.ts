/**
 * The 掌上驾驶舱's entry (loaded by src/main.tsx for `#/m`): the phone page, nothing else. Its style is
 * in the page itself (scripts/lib/phoneStyle.ts), so the first screen needs no style file.
 */
import { findPhoneSource, prefetchPhoneFigures } from './data';
import { parsePhoneRoute } from './mode';
import { keepForOffline } from './offline';
import { startPhone } from './page';

export function bootPhone() {
  document.title = '总部回归 · 掌上驾驶舱';
  // The index was asked for by the page's preload (scripts/lib/branchPreload.ts); a deep link's
  // figures are fetched beside it, not after the index has told the page where they are.
  const source = findPhoneSource();
  const link = parsePhoneRoute(window.location.hash);
  if (link.year) prefetchPhoneFigures(link.year, link.unit ?? null).catch(() => undefined);
  startPhone(document.getElementById('root')!, source)
    // Once the figures are on screen, not before: the service worker is for the next visit.
    .then(() => source)
    .then((found) => found && new Promise((done) => window.setTimeout(done, 0)).then(keepForOffline))
    .catch((error: unknown) => console.warn('掌上驾驶舱离线缓存未启用', error));
}

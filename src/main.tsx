/**
 * The entry: decides between the 掌上驾驶舱 (`#/m`, src/phone) and the desktop app (./desk.tsx)
 * before loading either, so a phone downloads neither the desktop's code nor the engine (issue 16).
 * The bare address on a narrow screen opens the phone view.
 */
import { applyTheme, isCockpitHash, readCockpitTheme, readTheme } from './app/storedTheme';
import { findPhoneSource, prefetchPhoneFigures } from './phone/data';
import { isPhoneHash, opensOnPhone, parsePhoneRoute } from './phone/mode';
import { preloadScreen } from './app/screenChunks';
import { paintOpeningCards, readOpeningCards } from './app/openingCards';

// When the page's own script started, for the revisit bench (scripts/bench-revisit.ts).
performance.mark('hq:entry');

const phone = opensOnPhone(window.location.hash, window.innerWidth);

function failed(error: unknown) {
  const root = document.getElementById('root');
  if (root)
    root.textContent = `页面载入失败，请刷新重试（${error instanceof Error ? error.message : String(error)}）`;
}

if (phone) {
  if (!isPhoneHash(window.location.hash)) window.history.replaceState(null, '', '#/m');
  // The figures' index is fetched while the page's code arrives, not after.
  const source = findPhoneSource();
  const link = parsePhoneRoute(window.location.hash);
  if (link.year) prefetchPhoneFigures(link.year, link.unit ?? null);
  import('./phone/boot').then((m) => m.bootPhone(source)).catch(failed);
} else {
  // The remembered theme (大屏) before the desktop's code arrives, so a dark wall never flashes white.
  applyTheme(isCockpitHash(window.location.hash) ? readCockpitTheme() : readTheme());
  // The opening screen's code beside the desktop's, not after it has run (a revisit's kept figures
  // wait for it).
  const screen = preloadScreen(window.location.hash);
  // A revisit's KPI cards, kept from the last visit of the same data and address, painted in plain
  // DOM as soon as the desktop's styles are in (./app/openingCards.ts).
  const kept = readOpeningCards();
  const root = document.getElementById('root')!;
  const painted = kept
    ? import('./app/deskStyles').then(() => paintOpeningCards(root, kept)).catch(() => false)
    : Promise.resolve(false);
  Promise.all([import('./desk'), painted])
    // Over painted cards, the first render waits for the screen's code, so it shows the same cards
    // instead of 正在打开页面… in their place.
    .then(([desk, over]) => (over ? screen.then(() => desk.bootDesk()) : desk.bootDesk()))
    .catch(failed);
}

// Moving between the phone view and the desktop in one tab loads the other page's code afresh.
window.addEventListener('hashchange', () => {
  if (isPhoneHash(window.location.hash) !== phone) window.location.reload();
});

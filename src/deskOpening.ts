/**
 * The desktop's opening, loaded by the entry (./main.tsx, which has set the stored theme) for every
 * route but the phone's: the opening screen's code, a revisit's kept KPI cards, then the desktop app
 * (./desk.tsx).
 * Apart from the entry so that a phone's entry carries none of it (docs/PHONE.md); a wide screen's
 * page preloads it beside the entry (scripts/lib/branchPreload.ts), so the desktop waits no longer.
 */
import { preloadScreen } from './app/screenChunks';
import { paintOpeningCards, readOpeningCards } from './app/openingCards';

export function openDesk(): Promise<unknown> {
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
  return (
    Promise.all([import('./desk'), painted])
      // Over painted cards, the first render waits for the screen's code, so it shows the same cards
      // instead of 正在打开页面… in their place.
      .then(([desk, over]) => (over ? screen.then(() => desk.bootDesk()) : desk.bootDesk()))
  );
}

/**
 * The entry: decides between the 掌上驾驶舱 (`#/m`, src/phone) and the desktop app (./deskOpening.ts)
 * before loading either, so a phone downloads neither the desktop's code nor the engine (issue 16).
 * The bare address on a narrow screen opens the phone view. It imports nothing else but the stored theme: every module
 * it imports is one more file both pages wait for before their first figure (docs/PHONE.md).
 */
import { applyTheme, isCockpitHash, readCockpitTheme, readTheme } from './app/storedTheme';
import { FIRST_SCREEN_ID, isPhoneHash, opensOnPhone } from './phone/mode';

// When the page's own script started, for the revisit bench (scripts/bench-revisit.ts).
performance.mark('hq:entry');

const phone = opensOnPhone(window.location.hash, window.innerWidth);

function failed(error: unknown) {
  const root = document.getElementById('root');
  if (root)
    root.textContent = `页面载入失败，请刷新重试（${error instanceof Error ? error.message : String(error)}）`;
}

// The phone's style is in the page for narrow screens (scripts/lib/phoneStyle.ts): the phone view
// takes it at any width, the desktop not at all — nor the phone's first screen, if the server put one in.
const phoneStyle = document.querySelector('style[data-phone]');
if (phone) phoneStyle?.removeAttribute('media');
else {
  phoneStyle?.remove();
  document.getElementById(FIRST_SCREEN_ID)?.remove();
}

if (phone) {
  if (!isPhoneHash(window.location.hash)) window.history.replaceState(null, '', '#/m');
  import('./phone/boot').then((m) => m.bootPhone()).catch(failed);
} else {
  // The remembered theme (大屏) here, before the first render and before any other file arrives, so
  // a dark wall never flashes white (its module is in the `first` chunk the phone loads too).
  applyTheme(isCockpitHash(window.location.hash) ? readCockpitTheme() : readTheme());
  import('./deskOpening').then((m) => m.openDesk()).catch(failed);
}

// Moving between the phone view and the desktop in one tab loads the other page's code afresh.
window.addEventListener('hashchange', () => {
  if (isPhoneHash(window.location.hash) !== phone) window.location.reload();
});

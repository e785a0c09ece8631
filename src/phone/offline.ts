/**
 * Offline after a first visit (docs/PHONE.md): the phone registers its service worker
 * (public/phone-sw.js) and hands it the files this page loaded — the page's scripts and styles and
 * the figure files — so the next open without a network shows the figures last seen, each with its
 * 数据截至 date. Service workers need a secure context (HTTPS, or localhost): on a plain-HTTP
 * intranet address there is none, and the phone view simply stays online-only.
 */
// With the script that hides the first screen for a deep link (public/phone-first.js).
const KEPT = /\/assets\/[^/]+\.(js|css)$|\/phone-first\.js$|\/figures\/m\/.+\.json$/;

export async function keepForOffline(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register('./phone-sw.js');
  const worker = (await navigator.serviceWorker.ready).active;
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => new URL(u).origin === window.location.origin && KEPT.test(new URL(u).pathname));
  worker?.postMessage({ type: 'keep', urls });
}

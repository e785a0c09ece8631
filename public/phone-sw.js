/**
 * The 掌上驾驶舱's service worker (docs/PHONE.md, issue 16): after a visit, the phone view opens
 * offline with the figures it last saw, their 数据截至 date on every card.
 *
 * Registered by the phone page only. It answers for the page itself, the phone's figure files and the
 * script and style files the phone page told it to keep; every other request (the desktop's chunks,
 * the engine's wasm and worker, the dataset's database) passes by untouched. Network first, always:
 * online, the phone sees what is published now; the cache is used only when the network fails.
 * Same origin only: nothing is fetched from anywhere else.
 */
const CACHE = 'hq-phone-v1';
/** The page (every hash route is the same document). */
const PAGE = new URL('./', self.location.href).href;
const FIGURES = /\/(dataset|sample)\/figures\/m\/[^/]+(\/[^/]+)?\.json$/;
/** The page's scripts and styles, and the script that hides its first screen for a deep link. */
const ASSET = /\/assets\/[^/]+\.(js|css)$|\/phone-first\.js$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The phone page lists its own script and style files once it has drawn: keep them. */
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'keep' ? event.data.urls : [];
  const own = urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([PAGE, ...own]))
      .then(() => event.source && event.source.postMessage({ type: 'kept', count: own.length + 1 })),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate';
  if (!page && !FIGURES.test(url.pathname) && !ASSET.test(url.pathname)) return;
  event.respondWith(networkFirst(request, page));
});

async function networkFirst(request, page) {
  const cache = await caches.open(CACHE);
  const key = page ? PAGE : request.url;
  try {
    const response = await fetch(request);
    // Figures are kept as fetched; assets only when the phone page asked for them (not the desktop's).
    if (response.ok && (page || FIGURES.test(new URL(request.url).pathname) || (await cache.match(key))))
      await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

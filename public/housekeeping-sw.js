// The housekeeping tablet's service worker: the tablet's pages and the app's code are fetched
// from the network when there is one and kept, so a tablet reloaded in a Wi-Fi dead spot still
// shows the last task list it had (and the presses waiting in its queue).
const CACHE = 'hotel-housekeeping-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page names what it is made of (itself, its scripts, its chunks) whenever its list changes.
self.addEventListener('message', (event) => {
  const urls = (event.data && event.data.keep) || [];
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => {})))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && url.pathname.startsWith('/housekeeping');
  const code = url.pathname.startsWith('/pkg/');
  if (!page && !code) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (offline) {
      const kept = await cache.match(request, { ignoreSearch: page });
      if (kept) return kept;
      throw offline;
    }
  })());
});

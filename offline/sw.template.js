// The explainer's service worker. write-service-worker.mjs fills in the cache name and the file
// list of each build, so a new build gets a new cache and readers never mix old and new files.
const CACHE = '__CACHE_NAME__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  // Paths are relative to this script, so the site also works under a sub-path.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('car-exports-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages (each language's story, each chart's embed page, any deep link): the network first,
    // so a new build shows on reload; the cached page when there is no network, else the story.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .open(CACHE)
          .then((cache) =>
            cache.match(request, { ignoreSearch: true }).then((hit) => hit || cache.match(new URL('index.html', self.registration.scope).href)),
          ),
      ),
    );
    return;
  }
  // Build files carry content hashes in their names, so the cached copy is always right.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});

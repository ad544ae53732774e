// Rapport's service worker: keeps the app and every story playable offline.
//
// The app registers it as `sw.js?v=<version>`, the version of `build.json` (the build's manifest,
// written by scripts/manifest.mjs), so a new build is a new worker, and only once what the
// learner opened is on screen. On install it precaches every file the manifest lists but the
// whole story files (the app fetches a story one locale at a time, `split`; the whole files are
// for the one-file bundle and the tools); on activation it removes older Rapport caches. Hashed assets (their
// names change with their content) come from the cache; pages, stories and the rest from the
// network when it answers, else from the cache.
const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
const CACHE = `rapport-${VERSION}`;
const scope = () => self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(new URL('build.json', scope()), { cache: 'no-store' });
    const build = await response.json();
    const cache = await caches.open(CACHE);
    // The whole trilingual story files stay out: the app reads the split ones.
    const whole = new Set(build.stories.map((id) => `stories/${id}.json`));
    const files = build.files.filter((file) => !whole.has(file));
    // `reload`: straight from the network, never a stale copy from the HTTP cache.
    await cache.addAll(['./', ...files].map((file) => new Request(new URL(file, scope()), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith('rapport-') && k !== CACHE).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

// Trunk's content hash in a file name (up to 16 hex digits): `style-0123456789abcdef.css`.
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|png|svg)$/; // Trunk does not zero-pad it

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(fetch(request).catch(async () => {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate' ? new URL('./', scope()) : request;
    return (await cache.match(key, { ignoreSearch: true })) || Response.error();
  }));
});

/* global self, caches, fetch, URL */
// EpiGrid service worker: keeps the app shell (index.html and its hashed /assets/ files) so the app
// reopens without a network. API calls (/api/, /docs) are never intercepted and never cached: they
// carry personal data and must always come from the server. Outcomes recorded offline wait in the
// app's IndexedDB queue, not here.
const shellCache = 'epigrid-shell-v1';

/** Caches the shell: the page and every asset it links, read from the page itself. */
async function cacheShell() {
  const cache = await caches.open(shellCache);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`the app shell answered ${response.status}`);
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  await cache.addAll(assets);
  await cache.put('/', response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== shellCache).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** Page loads: the network first (a new release shows at once), the cached shell when offline. */
async function navigation(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(shellCache);
      await cache.put('/', response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match('/');
    if (cached !== undefined) return cached;
    throw error;
  }
}

/** Hashed assets never change: the cache first, the network (then cached) for new ones. */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(shellCache);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return; // network only, never cached
  if (request.mode === 'navigate') event.respondWith(navigation(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});

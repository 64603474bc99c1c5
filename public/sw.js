importScripts('/sw-capture.js');
// samlscope service worker. Plain script (served as-is from public/, not bundled).
// Sections:
//   1. offline caching of the app shell and assets (issue 6: "works offline once loaded")
//   2. mock SP /acs and /slo capture (public/sw-capture.js, imported before section 1 listens)
// Nothing here talks to any origin but the app's own, and no SAML payload is ever cached:
// only GET responses of the app's own files are.

const CACHE = 'samlscope-shell-v1';
const scopeUrl = new URL(self.registration.scope);

function isSameOrigin(url) {
  return url.origin === scopeUrl.origin;
}

// ---- 1. offline caching ----------------------------------------------------------------

/** The app shell: the start page; hashed assets are added as they load (see cache-urls). */
async function precacheShell() {
  const cache = await caches.open(CACHE);
  const res = await fetch(scopeUrl.href, { cache: 'no-cache' });
  if (!res.ok) return;
  await cache.put(scopeUrl.href, res.clone());
  // The entry script and stylesheet named by index.html.
  const html = await res.text();
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((m) => new URL(m[1], scopeUrl))
    .filter((u) => isSameOrigin(u))
    .map((u) => u.href);
  // Every file of the build (vite-plugins/precacheManifest.ts), lazily loaded chunks included:
  // a Monaco language never opened online must still load offline.
  try {
    const manifest = await fetch(new URL('sw-assets.json', scopeUrl), { cache: 'no-cache' });
    if (manifest.ok) {
      const { files } = await manifest.json();
      for (const f of files) urls.push(new URL(f, scopeUrl).href);
    }
  } catch (e) {
    // no manifest (dev server): runtime caching below still covers what was loaded
  }
  await Promise.all([...new Set(urls)].map((u) => cache.add(u).catch(() => undefined)));
}

async function cacheUrls(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls
      .filter((u) => typeof u === 'string' && isSameOrigin(new URL(u)))
      .map(async (u) => {
        if (await cache.match(u, { ignoreVary: true })) return;
        await cache.add(u).catch(() => undefined);
      }),
  );
}

/** Navigations: network first (a new deploy wins), the cached shell when offline. */
async function navigationResponse(request) {
  try {
    const res = await fetch(request);
    if (res.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(scopeUrl.href, res.clone());
    }
    return res;
  } catch (e) {
    // The app is a single page: every route (/, /mock-sp) is served by the same index.html.
    const cached = await caches.match(scopeUrl.href, { ignoreVary: true });
    if (cached) return cached;
    throw e;
  }
}

/** Files: cache first (Vite names assets by content hash), then network, caching the answer. */
async function assetResponse(request) {
  // ignoreVary: the server may answer `Vary: Origin`, and a module script's request carries an
  // Origin header that the worker's own precache request did not; the file is the same.
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, res.clone());
  }
  return res;
}

function offlineCachingResponse(event) {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !isSameOrigin(url)) return null;
  if (request.mode === 'navigate') return navigationResponse(request);
  return assetResponse(request);
}

// ---- 2. mock SP /acs capture -------------------------------------------------------------
// public/sw-capture.js (the mock-SP work, issue 5) registers its own 'fetch' listener that
// answers only SAML answers POSTed/redirected to /acs and /slo. It is imported BEFORE section
// 1's listener is added: FetchEvent.respondWith() stops immediate propagation, so whichever
// listener answers first wins and section 1 never sees a captured request.
try {
  importScripts('sw-capture.js');
} catch (e) {
  // Without it the app still works; the dev/preview server captures /acs itself.
}

// ---- wiring ------------------------------------------------------------------------------

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('samlscope-shell-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.type === 'cache-urls' && Array.isArray(data.urls)) event.waitUntil(cacheUrls(data.urls));
});

self.addEventListener('fetch', (event) => {
  const response = offlineCachingResponse(event);
  if (response) event.respondWith(response);
});

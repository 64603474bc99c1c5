// Offline support (issue 6 "the app works offline once loaded"): register public/sw.js in
// production builds only (the dev server's modules change on every edit), and hand it the
// URLs this page already loaded, because those were fetched before the worker controlled it.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const sendLoadedUrls = (worker: ServiceWorker | null | undefined) => {
    if (!worker) return;
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin));
    worker.postMessage({ type: 'cache-urls', urls: [location.origin + base, ...urls] });
  };
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).then(
      async () => {
        const reg = await navigator.serviceWorker.ready;
        sendLoadedUrls(reg.active);
        // Monaco and its worker load lazily: send again once the page has settled.
        window.setTimeout(() => sendLoadedUrls(reg.active), 5000);
      },
      () => {
        // No service worker (blocked, private mode): the app still works online.
      },
    );
  });
}

// The samlscope app inside the extension lives at chrome-extension://<id>/app/index.html (one
// file: an extension serves files, it has no fallback route for an SPA's paths). The router's
// paths (/, /rules, /mock-sp…) travel in a `route` search parameter of that one file, so every
// page of the app can be reloaded and bookmarked; the fragment (#share=…) is left alone.
export const APP_FILE = '/app/index.html';
const PARAM = 'route';

/** The address the browser shows → the location the router matches. */
export function appLocationIn(url: URL): URL {
  if (url.pathname !== APP_FILE) return url;
  const out = new URL(url.href);
  const route = out.searchParams.get(PARAM);
  out.searchParams.delete(PARAM);
  out.pathname = route && route.startsWith('/') ? route : '/';
  return out;
}

/** The router's location → the address the browser shows. */
export function appLocationOut(url: URL): URL {
  if (url.pathname === APP_FILE) return url;
  const out = new URL(url.href);
  const route = out.pathname;
  out.pathname = APP_FILE;
  // `route` first, then the route's own search parameters.
  const params = new URLSearchParams(route === '/' ? '' : `${PARAM}=${encodeURIComponent(route)}`);
  url.searchParams.forEach((v, k) => params.append(k, v));
  out.search = params.toString();
  return out;
}

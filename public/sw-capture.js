// samlscope capture in the service worker (issue 5, "Capture"; docs/mock-sp.md).
// Imported at the top of /sw.js (importScripts), or registered on its own. It registers its own
// 'fetch' listener that answers ONLY requests carrying a SAML answer to samlscope's ACS/SLO:
//   POST /acs, POST /slo (HTTP-POST binding, SAML bindings §3.5.4), and
//   GET /acs or /slo with SAMLResponse/SAMLRequest in the query (HTTP-Redirect binding, §3.4.4).
// Everything else is left alone (no respondWith), so the other fetch listeners (offline cache)
// handle it. The payload is handed to the inspect view in the fragment of a 303 redirect: the
// fragment is never sent to a server, and no page with an inline script is needed (CSP).
'use strict';

(function () {
  // Relative to the worker's scope (the app's base URL), like the app's own routes.
  var BASE = new URL(self.registration ? self.registration.scope : self.location.origin + '/').pathname.replace(/\/?$/, '/');
  var CAPTURE_PATHS = [BASE + 'acs', BASE + 'slo'];
  // The mock IdP's SSO/SLO (docs/mock-idp.md): POST only; a Redirect GET is an app route that reads its query.
  var IDP_PATHS = [BASE + 'mock-idp/sso', BASE + 'mock-idp/slo'];

  function base64UrlOfText(text) {
    var bytes = new TextEncoder().encode(text);
    var bin = '';
    for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function captureLocation(payload, path, method) {
    var fragment = new URLSearchParams({ capture: base64UrlOfText(payload), via: 'sw', path: path, method: method });
    var page = IDP_PATHS.indexOf(path) >= 0 ? BASE + 'mock-idp' : BASE;
    return new URL(page + '#' + fragment.toString(), self.location.origin).href;
  }

  function redirectTo(location) {
    // Response.redirect() gives an opaque-redirect-compatible 303 the navigation follows (GET).
    return Response.redirect(location, 303);
  }

  self.addEventListener('fetch', function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    var path = url.pathname.replace(/\/+$/, '') || '/';
    var idpPath = IDP_PATHS.indexOf(path) >= 0;
    if (CAPTURE_PATHS.indexOf(path) < 0 && !idpPath) return;
    if (request.method === 'GET') {
      if (idpPath) return;
      var raw = url.search.slice(1);
      // Keep the raw query octets: a Redirect query signature covers them as received (§3.4.4.1).
      if (!/(^|&)(SAMLResponse|SAMLRequest)=/.test(raw)) return;
      event.respondWith(redirectTo(captureLocation(raw, path, 'GET')));
      // This listener runs first (imported at the top of sw.js): keep the offline-cache listener
      // from answering the same navigation a second time.
      event.stopImmediatePropagation();
      return;
    }
    if (request.method !== 'POST') return;
    event.respondWith(
      request.text().then(
        function (body) {
          return redirectTo(captureLocation(body, path, 'POST'));
        },
        function () {
          return new Response('samlscope capture: could not read the body', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        },
      ),
    );
    event.stopImmediatePropagation();
  });
})();

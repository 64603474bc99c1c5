// Capture of the IdP's answer at samlscope's own ACS (issue 5, "Capture"), for when the service
// worker (public/sw-capture.js) is not there to do it: first visit, private mode, `npm start`
// (the dev server) and `vite preview`. A static page cannot receive a POST, but these servers can.
//
// The answer is handed to the app in the URL fragment of a 303 redirect to the inspect view:
// the fragment never leaves the browser again (RFC 3986 §3.5: it is not sent in requests), so
// the SAML message is not logged by any server after this one, and no page with an inline
// script is needed (the app's CSP forbids inline scripts). SAML bindings §3.5.4: the POST body
// is `application/x-www-form-urlencoded` with SAMLResponse / SAMLRequest / RelayState; it is
// passed on as is (the inspector decodes it). A Redirect-binding GET passes its raw query string,
// whose octets a query signature covers (SAML bindings §3.4.4.1).
import type { Connect, Plugin } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Paths that receive SAML answers: the ACS and the SP's SingleLogoutService. */
export const CAPTURE_PATHS = ['/acs', '/slo'] as const;
/**
 * The mock IdP's SSO and SLO endpoints (docs/mock-idp.md): an SP POSTs its AuthnRequest or
 * LogoutRequest there. Only POST is captured: a Redirect-binding GET is an ordinary app route
 * that reads its own query. The capture goes to the mock IdP page, not the inspect view.
 */
export const IDP_CAPTURE_PATHS = ['/mock-idp/sso', '/mock-idp/slo'] as const;

/** Bodies above this are refused (a signed Response with a big certificate chain is ~20 KB). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function base64UrlOfText(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The Location the capture redirects to: the inspect view with the payload in the fragment. */
export function captureLocation(payload: string, path: string, method: string, via: 'server' | 'sw'): string {
  const fragment = new URLSearchParams({ capture: base64UrlOfText(payload), via, path, method });
  return `${(IDP_CAPTURE_PATHS as readonly string[]).includes(path) ? '/mock-idp' : '/'}#${fragment.toString()}`;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Does this GET carry a SAML message (HTTP-Redirect binding)? */
function redirectQuery(url: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  const raw = url.slice(q + 1);
  return /(^|&)(SAMLResponse|SAMLRequest)=/.test(raw) ? raw : null;
}

export function acsCaptureMiddleware(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!.replace(/\/+$/, '') || '/';
    const idpPath = (IDP_CAPTURE_PATHS as readonly string[]).includes(path);
    if (!(CAPTURE_PATHS as readonly string[]).includes(path) && !idpPath) return next();
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (idpPath) return next();
      const query = redirectQuery(url);
      if (!query) return next();
      res.statusCode = 303;
      res.setHeader('Location', captureLocation(query, path, 'GET', 'server'));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.end();
      return;
    }
    if (req.method !== 'POST') return next();
    readBody(req).then(
      (body) => {
        if (body === null) {
          res.statusCode = 413;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end('samlscope capture: body too large');
          return;
        }
        res.statusCode = 303;
        res.setHeader('Location', captureLocation(body, path, 'POST', 'server'));
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.end();
      },
      (e: unknown) => {
        res.statusCode = 400;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`samlscope capture: could not read the body (${(e as Error).message})`);
      },
    );
  };
}

/**
 * The plugin: the same middleware in `vite` (configureServer) and `vite preview`
 * (configurePreviewServer), installed directly so it runs before the SPA fallback.
 */
export function acsCapture(): Plugin {
  return {
    name: 'samlscope-acs-capture',
    configureServer(server) {
      server.middlewares.use(acsCaptureMiddleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(acsCaptureMiddleware());
    },
  };
}

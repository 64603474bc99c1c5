// The HTTP response headers a host of samlscope should send (docs/hosting.md), sent here by
// `vite preview` (what `npm start` serves) and, where compatible, by the dev server. The page's
// meta CSP (index.html) says the same as CONTENT_SECURITY_POLICY minus what a meta element
// cannot carry: `frame-ancestors` is ignored in a <meta> (CSP Level 3 §6.4.2, "The
// frame-ancestors directive is not supported inside a meta element"), so only a header can stop
// another site from framing the page and clickjacking its buttons.

/** The policy of index.html's <meta http-equiv="Content-Security-Policy"> (kept identical, see src/ui/hosting.test.ts). */
export const META_CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";

/** The header policy: the meta policy plus what only a header can say. */
export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * The dev server alone runs an inline module script (@vitejs/plugin-react's Fast Refresh
 * preamble), so `vite serve` relaxes script-src with 'unsafe-inline' (vite-plugins/devCsp.ts).
 */
export function withDevScripts(policy: string): string {
  return policy.replace(/script-src 'self'(?! 'unsafe-inline')/, "script-src 'self' 'unsafe-inline'");
}

/**
 * Browser features the app never uses, turned off for it and anything it could embed
 * (W3C Permissions Policy; the clipboard stays allowed for "Copy link").
 */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=(), interest-cohort=()';

export function securityHeaders(mode: 'preview' | 'dev'): Record<string, string> {
  return {
    'Content-Security-Policy': mode === 'dev' ? withDevScripts(CONTENT_SECURITY_POLICY) : CONTENT_SECURITY_POLICY,
    // RFC 7034 predecessor of frame-ancestors, for browsers without CSP Level 2.
    'X-Frame-Options': 'DENY',
    // Fetch §"X-Content-Type-Options": a .json or .txt export is never run as a script.
    'X-Content-Type-Options': 'nosniff',
    // The app's URLs carry expectations in the search; nothing of it goes to another site.
    'Referrer-Policy': 'no-referrer',
    // HTML §7.1.3: no cross-origin window (an IdP tab opened by the mock SP) keeps a handle on this one.
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Fetch §CORP: other sites cannot load the app's files as subresources.
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

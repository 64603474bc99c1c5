// What arrived at the mock IdP's SSO or SLO URL. HTTP-Redirect: the route /mock-idp/sso (or
// /slo) itself, with the SAML message in its query — kept as the raw query string, because a
// query signature covers the octets as received (SAML bindings §3.4.4.1). HTTP-POST: captured
// by the service worker or the server middleware and handed over in the fragment
// (`/mock-idp#capture=…`, the /acs technique of the mock SP).
import { parseCaptureFragment } from '../mock-sp/capture';

export interface Incoming {
  /** The raw query string or the form body, as received: the inspector detects which. */
  payload: string;
  method: 'GET' | 'POST';
  path: string;
  via: 'route' | 'sw' | 'server' | 'unknown' | 'pasted';
}

export function incomingFromLocation(loc: { pathname: string; search: string; hash: string }): Incoming | null {
  const raw = loc.search.replace(/^\?/, '');
  if (/(^|&)SAMLRequest=/.test(raw)) return { payload: raw, method: 'GET', path: loc.pathname, via: 'route' };
  const cap = parseCaptureFragment(loc.hash);
  if (cap && /(^|&)SAMLRequest=/.test(cap.payload)) return { payload: cap.payload, method: cap.method, path: cap.path, via: cap.via };
  return null;
}

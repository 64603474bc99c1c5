// cookie-dropped-samesite: the SP keeps the AuthnRequest's ID (to check InResponseTo, SAML
// profiles §4.1.4.3) in a session bound to a cookie it sets before sending the browser to the
// IdP. The IdP sends the Response back with an auto-submitted cross-site form POST; a cookie with
// SameSite=Lax (or unspecified, which browsers treat as Lax) or Strict is not sent on a
// cross-site POST (RFC 6265bis §5.8.3), and SameSite=None without Secure is refused when set
// (§5.7 step 15). The SP then finds no session: "InResponseTo not found", a new login, a loop.
// The capture shows it directly: the cookie was set, and the POST to the ACS did not carry it.
import type { SetCookieSummary } from '../types';
import type { Rule } from '../diagnosis/context';
import { originOf, sameCapture, siteOf } from '../diagnosis/capture';
import { parts, rootElement } from '../diagnosis/helpers';

const REFS = ['RFC 6265bis §5.8.3', 'RFC 6265bis §5.7', 'SAML profiles §4.1.4.3', 'SAML bindings §3.5.5.2'];

function whyDropped(c: SetCookieSummary): string {
  const ss = c.sameSite?.toLowerCase();
  if (ss === 'none') return `${c.name} (SameSite=None without Secure: browsers refuse to store it)`;
  if (ss === 'strict') return `${c.name} (SameSite=Strict)`;
  if (ss === 'lax') return `${c.name} (SameSite=Lax)`;
  return `${c.name} (no SameSite attribute: treated as Lax)`;
}

export const cookieDroppedSameSiteRule: Rule = {
  id: 'cookie-dropped-samesite',
  codes: ['cookie-dropped-samesite'],
  severity: 'error',
  category: 'binding',
  title: 'SP session cookie comes back with the Response',
  checks: 'In a HAR or SAML-tracer capture, every cookie the SP\'s origin set up to the exchange that sent the AuthnRequest (not deleted, not SameSite=None; Secure) is sent on the cross-site POST of the Response to the ACS; error when the ACS then answered with an error or started a new login (a redirect to the IdP or to the SP page that sent the AuthnRequest), warning otherwise.',
  references: REFS,
  check(ctx) {
    const { summary, payload } = ctx.message;
    const link = payload.capture;
    if (summary.kind !== 'Response' || !link || link.carriedIn !== 'request' || payload.method !== 'POST') return [];
    const ev = link.evidence;
    if (ev.removals.some((r) => r.what === 'cookies')) return []; // capture-sanitized says why nothing can be judged
    const post = ev.exchanges[link.exchange];
    const acsOrigin = originOf(post.url);
    if (!acsOrigin) return [];
    const requests = sameCapture(ctx, ev).filter((m) => m.summary.kind === 'AuthnRequest' && m.payload.capture!.exchange <= link.exchange);
    const answered = requests.filter((m) => m.summary.id !== null && m.summary.id === summary.inResponseTo);
    const request = (answered.length ? answered : requests).at(-1);
    if (!request) return []; // IdP-initiated: the SP kept no state to lose
    const sentAt = request.payload.capture!.exchange;
    const set = new Map<string, SetCookieSummary>();
    for (let i = 0; i <= sentAt; i++) {
      const x = ev.exchanges[i];
      if (originOf(x.url) !== acsOrigin) continue;
      for (const c of x.response?.setCookies ?? []) {
        if (c.deletes) set.delete(c.name);
        else set.set(c.name, c);
      }
    }
    if (set.size === 0) return [];
    // Who submitted the form: the Origin header of the POST, else the page of the exchange before it.
    const initiator = post.origin ?? ev.exchanges[link.exchange - 1]?.url ?? null;
    const crossSite = post.origin === 'null' || (initiator !== null && siteOf(initiator) !== siteOf(post.url));
    if (!crossSite) return [];
    const dropped = [...set.values()].filter((c) => !post.cookiesSent.includes(c.name) && !(c.sameSite?.toLowerCase() === 'none' && c.secure));
    if (dropped.length === 0) return [];
    const status = post.response?.status;
    // The SP starting a new login: its answer goes to the IdP, or to the SP page that sent the AuthnRequest.
    const requestUrl = ev.exchanges[sentAt].url;
    const loginPage = ev.exchanges.slice(0, sentAt).reverse().find((x) => x.response?.location === requestUrl)?.url;
    const location = post.response?.location;
    const bounced = location !== undefined && (originOf(location) === originOf(requestUrl) || location === loginPage);
    const failed = (status !== undefined && status >= 400) || bounced;
    const names = dropped.map((c) => c.name);
    return [{
      code: 'cookie-dropped-samesite',
      severity: failed ? 'error' : 'warning',
      title: `Cookie ${names.join(', ')} not sent back to the ACS`,
      explanation: `The SP (${acsOrigin}) set ${dropped.map(whyDropped).join(', ')} before the AuthnRequest${request.summary.id ? ` ${request.summary.id}` : ''} left for the IdP, but the browser did not send ${names.length === 1 ? 'it' : 'them'} with the cross-site POST of the Response to ${post.url}${initiator ? ` (submitted from ${originOf(initiator) ?? initiator})` : ''}: a cookie that is not SameSite=None; Secure is withheld from a cross-site POST. The SP then cannot find the session that holds the request ID, so it cannot check InResponseTo${failed ? `, and the ACS answered ${bounced ? `with a redirect that starts a new login (${location})` : `status ${status}`}` : ''}. (Chrome sends a cookie without SameSite on a top-level POST during its first 2 minutes only.)`,
      fix: `Set the SP's session cookie with "SameSite=None; Secure" (served over HTTPS), or keep the request state without a cookie that must cross sites (for example in RelayState, signed by the SP).`,
      fixParts: parts('samesite', { cookie: names.join(', '), acs: post.url }),
      references: REFS,
      node: rootElement(ctx.message.doc),
      evidence: { cookies: names, acs: post.url, ...(status !== undefined ? { acsStatus: status } : {}) },
    }];
  },
};

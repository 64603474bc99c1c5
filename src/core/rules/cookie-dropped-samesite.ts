// cookie-dropped-samesite: the SP keeps the AuthnRequest's ID (to check InResponseTo, SAML
// profiles §4.1.4.3) in a session bound to a cookie it sets before sending the browser to the
// IdP. The IdP sends the Response back with an auto-submitted cross-site form POST; a cookie with
// SameSite=Lax (or unspecified, which browsers treat as Lax) or Strict is not sent on a
// cross-site POST (RFC 6265bis §5.8.3), and SameSite=None without Secure is refused when set
// (§5.7 step 15). The SP then finds no session: "InResponseTo not found", a new login, a loop.
// The capture shows it directly: the cookie was set, and the POST to the ACS did not carry it.
// A cookie set without SameSite is Lax by default in Chromium (RFC 6265bis §5.6.7 step 8, "Lax-
// by-default"), with Chromium's "Lax+POST" exception: during the cookie's first 2 minutes it is
// still sent on a cross-site top-level POST (kLaxAllowUnsafeMaxAge). Firefox and Safari do not
// apply Lax by default. So a missing cookie without SameSite is explained by SameSite only when
// the browser applies Lax by default and the cookie was older than 2 minutes (or its age is
// unknown); otherwise it is still reported (the SP lost its cookie) but not blamed on SameSite.
import type { CaptureEvidence, CapturedExchange, SetCookieSummary } from '../types';
import type { Rule, RuleMessage } from '../diagnosis/context';
import { originOf, sameCapture } from '../diagnosis/capture';
import { parts, rootElement } from '../diagnosis/helpers';

const REFS = ['RFC 6265bis §5.8.3', 'RFC 6265bis §5.7', 'RFC 6265bis §5.6.7', 'SAML profiles §4.1.4.3', 'SAML bindings §3.5.5.2'];
/** Chromium's Lax+POST window (net/cookies/cookie_constants.h, kLaxAllowUnsafeMaxAge = 2 minutes). */
const LAX_POST_WINDOW_SECONDS = 120;
/** Browsers that never made a cookie without SameSite Lax (their HAR creator / browser names). */
const NO_LAX_BY_DEFAULT = /firefox|safari|webkit/i;
/** A SameSite value SAML-tracer's export masked ({hash:…}, {obf:…}, {overwritten}). */
const MASKED = /^\{(hash:|obf:|overwritten)/;

interface SetCookie { cookie: SetCookieSummary; time?: string; url: string }
type Cause = 'samesite' | 'secure-over-http' | 'lax-post-window' | 'no-lax-by-default' | 'masked';

/**
 * Whether a Secure cookie set by this URL is refused: RFC 6265bis §5.7 ignores a cookie whose
 * secure-only flag is set when the request's scheme is not secure; browsers count loopback hosts
 * as secure (Secure Contexts §3.2 "potentially trustworthy": localhost, 127.0.0.0/8, ::1).
 */
function refusedSecure(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:') return false;
  const h = u.hostname;
  return !(h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '[::1]');
}

/** Why a cookie the SP set did not come back with the cross-site POST, as far as the capture tells. */
function causeOf(c: SetCookie, postTime: string | undefined, ev: CaptureEvidence): { cause: Cause; ageSeconds?: number } {
  const ss = c.cookie.sameSite?.toLowerCase();
  if (c.cookie.secure && refusedSecure(c.url)) return { cause: 'secure-over-http' };
  if (ss !== undefined && MASKED.test(ss)) return { cause: 'masked' };
  if (ss === 'none' || ss === 'strict' || ss === 'lax') return { cause: 'samesite' };
  // Unspecified, or a value browsers do not know (RFC 6265bis §5.6.7: treated as unspecified).
  if (ev.browser && NO_LAX_BY_DEFAULT.test(ev.browser)) return { cause: 'no-lax-by-default' };
  const set = c.time ? Date.parse(c.time) : Number.NaN;
  const post = postTime ? Date.parse(postTime) : Number.NaN;
  if (Number.isNaN(set) || Number.isNaN(post)) return { cause: 'samesite' };
  const ageSeconds = Math.round((post - set) / 1000);
  return { cause: ageSeconds < LAX_POST_WINDOW_SECONDS ? 'lax-post-window' : 'samesite', ageSeconds };
}

function whyDropped(c: SetCookieSummary, cause: Cause, ageSeconds: number | undefined, browser: string | undefined): string {
  const ss = c.sameSite?.toLowerCase();
  const age = ageSeconds !== undefined ? `, set ${ageSeconds} s before the POST` : '';
  switch (cause) {
    case 'secure-over-http': return `${c.name} (Secure, but set over http: browsers refuse to store it)`;
    case 'masked': return `${c.name} (its SameSite value was masked by the export, so why it stayed behind cannot be read)`;
    case 'lax-post-window': return `${c.name} (no SameSite attribute${age}: Chrome still sends such a cookie on a cross-site POST during its first 2 minutes, so SameSite does not explain its absence)`;
    case 'no-lax-by-default': return `${c.name} (no SameSite attribute: ${browser ?? 'this browser'} does not treat it as Lax, so SameSite does not explain its absence)`;
    case 'samesite':
      if (ss === 'none') return `${c.name} (SameSite=None without Secure: browsers refuse to store it)`;
      if (ss === 'strict') return `${c.name} (SameSite=Strict)`;
      if (ss === 'lax') return `${c.name} (SameSite=Lax)`;
      return `${c.name} (no SameSite attribute${age}: treated as Lax${ageSeconds !== undefined ? ', older than the 2 minutes Chrome still sends it on a cross-site POST' : ''})`;
  }
}

const endpoint = (url: string | undefined): string => (url ?? '').replace(/[?#].*$/, '');

/**
 * The exchange that POSTed this Response to the ACS: its own, when it was captured in the POST;
 * when it was captured in the IdP's form only (the POST's body redacted or not recorded), the
 * first later POST to the form's action. Null when another copy, captured in the POST, reports.
 */
function postOfResponse(m: RuleMessage, capture: RuleMessage[]): number | null {
  const link = m.payload.capture!;
  if (link.carriedIn === 'request') return m.payload.method === 'POST' ? link.exchange : null;
  if (capture.some((o) => o !== m && o.payload.capture!.carriedIn === 'request' && o.payload.method === 'POST' && o.summary.id === m.summary.id)) return null;
  const action = endpoint(m.payload.url);
  const exchanges = link.evidence.exchanges;
  for (let i = link.exchange + 1; i < exchanges.length; i++) {
    if (exchanges[i].method === 'POST' && endpoint(exchanges[i].url) === action) return i;
  }
  return null;
}

function lastRequestToIdp(exchanges: readonly CapturedExchange[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (/[?&]SAMLRequest=/.test(exchanges[i].url)) return i;
  return -1;
}

export const cookieDroppedSameSiteRule: Rule = {
  id: 'cookie-dropped-samesite',
  codes: ['cookie-dropped-samesite'],
  severity: 'error',
  category: 'binding',
  title: 'SP session cookie comes back with the Response',
  checks: 'In a HAR or SAML-tracer capture, every cookie the SP\'s origin set up to the exchange that sent the AuthnRequest (not deleted, not SameSite=None; Secure) is sent on the cross-site POST of the Response to the ACS (site: scheme and registrable domain from the Public Suffix List; ports never count); error when the ACS then answered with an error or started a new login (a redirect to the IdP or to the SP page that sent the AuthnRequest), warning otherwise. Says when SameSite does not explain a missing cookie: Chrome\'s 2-minute Lax+POST window, a browser without Lax by default.',
  references: REFS,
  check(ctx) {
    const { summary, payload } = ctx.message;
    const link = payload.capture;
    if (summary.kind !== 'Response' || !link) return [];
    const ev = link.evidence;
    if (ev.removals.some((r) => r.what === 'cookies')) return []; // capture-sanitized says why nothing can be judged
    const postAt = postOfResponse(ctx.message, sameCapture(ctx, ev));
    if (postAt === null) return [];
    const post = ev.exchanges[postAt];
    const acsOrigin = originOf(post.url);
    if (!acsOrigin) return [];
    const requests = sameCapture(ctx, ev).filter((m) => m.summary.kind === 'AuthnRequest' && m.payload.capture!.exchange <= postAt);
    const answered = requests.filter((m) => m.summary.id !== null && m.summary.id === summary.inResponseTo);
    const request = (answered.length ? answered : requests).at(-1);
    // Without a decoded AuthnRequest (a sanitizer redacted it), an InResponseTo still proves one
    // was sent: the last request to carry a SAMLRequest in its URL before the POST. Neither: IdP-initiated, no state to lose.
    const sentAt = request ? request.payload.capture!.exchange : summary.inResponseTo ? lastRequestToIdp(ev.exchanges, postAt) : -1;
    if (sentAt < 0) return [];
    const requestId = request ? request.summary.id : summary.inResponseTo;
    const set = new Map<string, SetCookie>();
    for (let i = 0; i <= sentAt; i++) {
      const x = ev.exchanges[i];
      if (originOf(x.url) !== acsOrigin) continue;
      for (const c of x.response?.setCookies ?? []) {
        if (c.deletes) set.delete(c.name);
        else set.set(c.name, { cookie: c, url: x.url, ...(x.time ? { time: x.time } : {}) });
      }
    }
    if (set.size === 0) return [];
    // Who submitted the form: the Origin header of the POST, else the page of the exchange before it.
    const initiator = post.origin ?? ev.exchanges[postAt - 1]?.url ?? null;
    const crossSite = post.origin === 'null' || (initiator !== null && ctx.siteOf(initiator) !== ctx.siteOf(post.url));
    if (!crossSite) return [];
    const dropped = [...set.values()]
      .filter(({ cookie: c, url }) => !post.cookiesSent.includes(c.name) && !(c.sameSite?.toLowerCase() === 'none' && c.secure && !refusedSecure(url)))
      .map((c) => ({ ...c, ...causeOf(c, post.time, ev) }));
    if (dropped.length === 0) return [];
    // A masked SameSite value hides the cause: the usual one (SameSite) is still the likely one.
    const bySameSite = dropped.some((d) => d.cause === 'samesite' || d.cause === 'secure-over-http' || d.cause === 'masked');
    const status = post.response?.status;
    // The SP starting a new login: its answer goes to the IdP, or to the SP page that sent the AuthnRequest.
    const requestUrl = ev.exchanges[sentAt].url;
    const loginPage = ev.exchanges.slice(0, sentAt).reverse().find((x) => x.response?.location === requestUrl)?.url;
    const location = post.response?.location;
    const bounced = location !== undefined && (originOf(location) === originOf(requestUrl) || location === loginPage);
    const failed = (status !== undefined && status >= 400) || bounced;
    const names = dropped.map((d) => d.cookie.name);
    const reasons = dropped.map((d) => whyDropped(d.cookie, d.cause, d.ageSeconds, ev.browser)).join(', ');
    const why = dropped.some((d) => d.cause === 'samesite' || d.cause === 'secure-over-http')
      ? 'a cookie that is not SameSite=None; Secure, set over HTTPS, is withheld from a cross-site POST'
      : bySameSite
        ? 'the export masked the SameSite value, so the cause cannot be read; a cookie that is not SameSite=None; Secure is withheld from a cross-site POST, which is the usual cause'
        : 'SameSite does not explain it here; look at the cookie\'s Path and Domain (do they cover the ACS URL?), Secure on an http: ACS, and whether the SP replaced or cleared it';
    return [{
      code: 'cookie-dropped-samesite',
      severity: failed ? 'error' : 'warning',
      title: `Cookie ${names.join(', ')} not sent back to the ACS`,
      explanation: `The SP (${acsOrigin}) set ${reasons} before the AuthnRequest${requestId ? ` ${requestId}` : ''} left for the IdP, but the browser did not send ${names.length === 1 ? 'it' : 'them'} with the cross-site POST of the Response to ${post.url}${initiator ? ` (submitted from ${originOf(initiator) ?? initiator})` : ''}: ${why}. The SP then cannot find the session that holds the request ID, so it cannot check InResponseTo${failed ? `, and the ACS answered ${bounced ? `with a redirect that starts a new login (${location})` : `status ${status}`}` : ''}.${post.time || !dropped.some((d) => d.cookie.sameSite === undefined) ? '' : ' (Chrome sends a cookie without SameSite on a cross-site POST during its first 2 minutes; this capture has no times to tell.)'}`,
      fix: bySameSite
        ? `Set the SP's session cookie with "SameSite=None; Secure" (served over HTTPS), or keep the request state without a cookie that must cross sites (for example in RelayState, signed by the SP).`
        : 'Check where the SP\'s session cookie is scoped (Path, Domain, Secure) against the ACS URL, and set it with "SameSite=None; Secure" so that no browser withholds it from the cross-site POST.',
      fixParts: parts(bySameSite ? 'samesite' : 'cookie-scope', { cookie: names.join(', '), acs: post.url }),
      references: REFS,
      node: rootElement(ctx.message.doc),
      evidence: { cookies: names, acs: post.url, causes: dropped.map((d) => d.cause), ...(status !== undefined ? { acsStatus: status } : {}) },
    }];
  },
};

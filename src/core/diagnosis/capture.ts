// Helpers the capture-evidence rules share: which messages came from the same capture, and the
// "site" of a URL as SameSite compares it (RFC 6265bis §5.2: registrable domain, scheme-aware).
// The Public Suffix List is not hand-coded: tldts bundles it and is kept current upstream.
import { parse as parseDomain } from 'tldts';
import type { CaptureEvidence, CapturedHttpResponse } from '../types';
import type { RuleContext, RuleMessage } from './context';

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Schemes a site is compared on: Chromium's SchemefulSite maps ws: to http: and wss: to https:
 * (net/base/schemeful_site.cc), so a WebSocket and its page share a site.
 */
const SITE_SCHEME: Record<string, string> = { 'ws:': 'http:', 'wss:': 'https:' };

/**
 * The site of a URL as SameSite compares it (RFC 6265bis §5.2, "same-site"; Chromium's schemeful
 * same-site, on by default since Chrome 89): the scheme and the host's registrable domain. The
 * registrable domain comes from the Public Suffix List with its private section (tldts bundles
 * it; Chromium's SchemefulSite uses INCLUDE_PRIVATE_REGISTRIES, so alice.github.io and
 * bob.github.io are two sites), and an unlisted TLD counts as one label (sp.corp.internal and
 * idp.corp.internal are one site, as Chromium's INCLUDE_UNKNOWN_REGISTRIES says). A host without
 * a registrable domain is its own site: an IP literal, `localhost`, a public suffix itself. The
 * port never counts (HTML "same site" compares scheme and host only), so localhost:4351 and
 * localhost:4352 are one site, while localhost and 127.0.0.1 are two.
 */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.hostname === '') return null; // an opaque origin (data:, about:blank) is no site
  const scheme = SITE_SCHEME[u.protocol] ?? u.protocol;
  const host = u.hostname.toLowerCase();
  const parsed = parseDomain(host, { allowPrivateDomains: true, extractHostname: false });
  return `${scheme}//${parsed.isIp ? host : (parsed.domain ?? host)}`;
}

/** The other messages captured in the same file as this one, in exchange order. */
export function sameCapture(ctx: RuleContext, ev: CaptureEvidence): RuleMessage[] {
  return ctx.messages.filter((m) => m.payload.capture?.evidence === ev).sort((a, b) => a.payload.capture!.exchange - b.payload.capture!.exchange);
}

/**
 * The exchange whose HTTP response delivered this message to the browser: the response whose
 * form held it; the redirect whose Location was the URL it was captured in (HTTP-Redirect
 * binding); or, for a message the browser POSTed, the page that held the auto-submitted form —
 * the latest earlier 2xx exchange of the POST's Origin. That last case matters because a HAR
 * often lacks the form page's body: the page submits itself on load, and Chromium records no
 * body for a document that navigated away (Playwright's recordHar and DevTools alike), so the
 * message is found only in the POST.
 */
export function deliveringExchange(m: RuleMessage): number | null {
  const link = m.payload.capture;
  if (!link) return null;
  const ev = link.evidence;
  if (link.carriedIn === 'response') return ev.exchanges[link.exchange]?.response ? link.exchange : null;
  const x = ev.exchanges[link.exchange];
  if (!x) return null;
  for (let i = link.exchange - 1; i >= 0; i--) {
    const r = ev.exchanges[i].response;
    if (r?.location && (r.location === x.url || x.url.startsWith(r.location))) return i;
  }
  if (x.method !== 'POST' || !x.origin || x.origin === 'null') return null;
  for (let i = link.exchange - 1; i >= 0; i--) {
    const y = ev.exchanges[i];
    const status = y.response?.status ?? 0;
    if (originOf(y.url) === x.origin && status >= 200 && status < 300 && y.method === 'GET') return i;
  }
  return null;
}

/** The HTTP response of deliveringExchange, or null. */
export function deliveringResponse(m: RuleMessage): CapturedHttpResponse | null {
  const i = deliveringExchange(m);
  return i === null ? null : (m.payload.capture!.evidence.exchanges[i].response ?? null);
}

// The "site" of a URL as SameSite compares it (RFC 6265bis §5.2: registrable domain, scheme-aware).
// The Public Suffix List is not hand-coded: tldts bundles it and is kept current upstream. Rules
// do not import this module: they get it as RuleContext.siteOf from the inspection (analyse.ts),
// so the pages that list the rules (/rules) do not carry the list's ~50 kB (gzip).
import { parse as parseDomain } from 'tldts';

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


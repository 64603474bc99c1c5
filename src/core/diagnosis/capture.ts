// Helpers the capture-evidence rules share: which messages came from the same capture, and the
// "site" of a URL as SameSite compares it (RFC 6265bis §5.2: registrable domain, scheme-aware).
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
 * The site of a URL: scheme and registrable domain. Without the Public Suffix List (not bundled),
 * the last two labels approximate the registrable domain; an IP address or a single-label host is
 * its own site. Ports do not count (RFC 6265bis §5.2.1).
 */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname;
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  const labels = host.split('.');
  return `${u.protocol}//${isIp || labels.length <= 2 ? host : labels.slice(-2).join('.')}`;
}

/** The other messages captured in the same file as this one, in exchange order. */
export function sameCapture(ctx: RuleContext, ev: CaptureEvidence): RuleMessage[] {
  return ctx.messages.filter((m) => m.payload.capture?.evidence === ev).sort((a, b) => a.payload.capture!.exchange - b.payload.capture!.exchange);
}

/**
 * The HTTP response that delivered this message to the browser: the response whose form held it,
 * or the redirect whose Location was the URL it was captured in (HTTP-Redirect binding).
 */
export function deliveringResponse(m: RuleMessage): CapturedHttpResponse | null {
  const link = m.payload.capture;
  if (!link) return null;
  const ev = link.evidence;
  if (link.carriedIn === 'response') return ev.exchanges[link.exchange]?.response ?? null;
  const url = ev.exchanges[link.exchange]?.url;
  if (!url) return null;
  for (let i = link.exchange - 1; i >= 0; i--) {
    const r = ev.exchanges[i].response;
    if (r?.location && (r.location === url || url.startsWith(r.location))) return r;
  }
  return null;
}

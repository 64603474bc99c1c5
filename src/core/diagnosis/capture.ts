// Helpers the capture-evidence rules share: which messages came from the same capture, and which
// HTTP response delivered a message. The "site" of a URL is ./site.ts, handed to rules in the
// context (RuleContext.siteOf).
import type { CaptureEvidence, CapturedHttpResponse } from '../types';
import type { RuleContext, RuleMessage } from './context';

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
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

// Cookie names and attributes read from a capture's headers: what decides whether a cookie set on
// the way to the IdP comes back on the POST to the ACS. Only names and attributes are kept, never
// values (they are the user's session). RFC 6265bis §4.1 (Set-Cookie), §5.6.7 (SameSite).
import { CAPTURE_EVIDENCE_MAX_CHARS, CAPTURE_MAX_COOKIES_PER_EXCHANGE } from '../limits';
import type { SetCookieSummary } from '../types';

export interface HarHeader { name?: unknown; value?: unknown }
export interface HarCookie { name?: unknown; value?: unknown; sameSite?: unknown; secure?: unknown; expires?: unknown }

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const clip = (s: string): string => s.slice(0, CAPTURE_EVIDENCE_MAX_CHARS);

/** Values of every header with this name (case-insensitive); browsers may also join repeated Set-Cookie lines with "\n". */
export function headerValues(headers: unknown, name: string): string[] {
  if (!Array.isArray(headers)) return [];
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers as HarHeader[]) {
    if (h && typeof h === 'object' && typeof h.name === 'string' && h.name.toLowerCase() === lower && typeof h.value === 'string') out.push(h.value);
  }
  return out;
}

/**
 * A header value a sanitizer replaced whole: cloudflare's har-sanitizer writes "[Cookie redacted]"
 * when the header's name is on its list. It names no cookie.
 */
export const REDACTED_HEADER_VALUE = /^\s*\[[^\]=;]* redacted\]\s*$/;

/** Names in a Cookie request header ("a=1; b=2"). */
export function cookieNamesFromHeader(value: string): string[] {
  if (REDACTED_HEADER_VALUE.test(value)) return [];
  return value.split(';').map((p) => p.split('=')[0].trim()).filter((n) => n !== '');
}

/** Names of the cookies a request sent: the HAR `cookies` array, else the Cookie header(s). */
export function cookiesSent(cookies: unknown, headers: unknown): string[] {
  const names = Array.isArray(cookies)
    ? (cookies as HarCookie[]).map((c) => (c && typeof c === 'object' ? str(c.name) : undefined)).filter((n): n is string => n !== undefined)
    : [];
  const all = names.length ? names : headerValues(headers, 'cookie').flatMap(cookieNamesFromHeader);
  return [...new Set(all.map(clip))].slice(0, CAPTURE_MAX_COOKIES_PER_EXCHANGE);
}

/** One Set-Cookie line: its name and the attributes that decide where it is sent back. */
export function parseSetCookie(line: string, now: number): SetCookieSummary | null {
  const [pair, ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  const name = (eq >= 0 ? pair.slice(0, eq) : '').trim();
  if (!name) return null; // RFC 6265bis §5.6 step 5: a nameless cookie is kept only by some browsers; not evidence
  const out: SetCookieSummary = { name: clip(name), secure: false, deletes: false };
  for (const a of attrs) {
    const i = a.indexOf('=');
    const key = (i >= 0 ? a.slice(0, i) : a).trim().toLowerCase();
    const val = i >= 0 ? a.slice(i + 1).trim() : '';
    if (key === 'secure') out.secure = true;
    else if (key === 'samesite' && val) out.sameSite = clip(val);
    else if (key === 'max-age' && /^-?\d+$/.test(val) && Number(val) <= 0) out.deletes = true;
    else if (key === 'expires') {
      const t = Date.parse(val);
      if (!Number.isNaN(t) && t < now) out.deletes = true;
    }
  }
  return out;
}

/**
 * Cookies a response set: the Set-Cookie header lines (attributes as written), else the HAR
 * `cookies` array (Firefox and Chrome fill it; Chrome adds sameSite). `now` is the response's
 * own Date when known, so a cookie expiring "in the past" is judged on the server's clock.
 */
export function cookiesSet(cookies: unknown, headers: unknown, now: number): SetCookieSummary[] {
  const lines = headerValues(headers, 'set-cookie').flatMap((v) => v.split('\n'));
  let out = lines.map((l) => parseSetCookie(l, now)).filter((c): c is SetCookieSummary => c !== null);
  if (out.length === 0 && Array.isArray(cookies)) {
    out = (cookies as HarCookie[])
      .filter((c) => c && typeof c === 'object' && str(c.name))
      .map((c) => {
        const exp = typeof c.expires === 'string' ? Date.parse(c.expires) : Number.NaN;
        const sameSite = str(c.sameSite);
        return { name: clip(c.name as string), secure: c.secure === true, deletes: !Number.isNaN(exp) && exp < now, ...(sameSite ? { sameSite: clip(sameSite) } : {}) };
      });
  }
  return out.slice(0, CAPTURE_MAX_COOKIES_PER_EXCHANGE);
}

import type { TextRepair } from '../types';

/** One `name=value` pair of a query string or form body, with its raw octets kept. */
export interface RawParam { name: string; value: string; raw: string }

/**
 * application/x-www-form-urlencoded decoding: `+` is a space, then %XX escapes. The result is
 * always well-formed text: a lone UTF-16 surrogate typed into a captured URL (which no browser
 * can send) becomes U+FFFD, so re-encoding it (encodeURIComponent) can never throw.
 */
export function formDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  let decoded: string;
  try {
    decoded = decodeURIComponent(plus);
  } catch {
    // A lone % that is not an escape: decode what can be decoded, keep the rest.
    decoded = plus.replace(/%[0-9A-Fa-f]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
  }
  return toWellFormedText(decoded).text;
}

/**
 * Split a query string or form body into parameters, keeping each `name=value` exactly as
 * received: SAML bindings §3.4.4.1 signs the octets as sent, so they must never be re-encoded.
 */
export function parseRawParams(query: string): RawParam[] {
  const q = query.replace(/^[?#]/, '').trim();
  if (!q) return [];
  return q.split('&').filter((p) => p.length > 0).map((raw) => {
    const eq = raw.indexOf('=');
    const rawName = eq >= 0 ? raw.slice(0, eq) : raw;
    const rawValue = eq >= 0 ? raw.slice(eq + 1) : '';
    return { name: formDecode(rawName), value: formDecode(rawValue), raw };
  });
}

/**
 * The text before the first '#'. (`/#.*$/` backtracks quadratically over many '#' before a line
 * break, which a URL copied out of JSON can hold.)
 */
export function withoutFragment(s: string): string {
  const hash = s.indexOf('#');
  return hash >= 0 ? s.slice(0, hash) : s;
}

/** The query part of a URL or the text itself when it is a bare query string. */
export function extractQuery(text: string): { query: string; url: string | null } {
  const t = text.trim();
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s?#]*\?([^#\s]*)/i.exec(t);
  if (m) return { query: m[1] ?? '', url: t };
  const q = t.indexOf('?');
  if (q >= 0 && /^[^\s]*$/.test(t) && /^(\/|[a-z0-9.-]+\/)/i.test(t)) return { query: withoutFragment(t.slice(q + 1)), url: t };
  return { query: t.replace(/^\?/, ''), url: null };
}

/**
 * Values that were URL-encoded twice (a proxy or copy-paste encoded them again) still hold
 * %XX escapes after one decoding; base64 never contains '%', so decode once more.
 */
export function repairDoubleEncoding(value: string): { value: string; repaired: boolean } {
  if (/%[0-9A-Fa-f]{2}/.test(value)) return { value: formDecode(value), repaired: true };
  return { value, repaired: false };
}

// A UTF-16 surrogate not paired with its other half (WHATWG Infra "scalar value strings").
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text as it could cross HTTP: lone UTF-16 surrogates (from `&#xD800;` in a form or
 * `"\uD800"` in JSON) have no UTF-8 form, so a browser submitting the form or building the URL
 * sends U+FFFD instead (WHATWG URL, percent-encode after UTF-8 encode; HTML form submission).
 * encodeURIComponent would throw a URIError on them.
 */
export function toWellFormedText(s: string): { text: string; loneSurrogates: number } {
  let loneSurrogates = 0;
  const text = s.replace(LONE_SURROGATE, () => {
    loneSurrogates++;
    return '\uFFFD';
  });
  return { text, loneSurrogates };
}

/** One `name=value` of a form body, encoded as a browser would; never throws. */
export function encodeFormPair(name: string, value: string, repairs: TextRepair[]): string {
  const n = toWellFormedText(name);
  const v = toWellFormedText(value);
  if (n.loneSurrogates + v.loneSurrogates > 0) repairs.push({ field: n.text, loneSurrogates: n.loneSurrogates + v.loneSurrogates });
  return `${encodeURIComponent(n.text)}=${encodeURIComponent(v.text)}`;
}

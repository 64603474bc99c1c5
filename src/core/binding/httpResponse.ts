// The HTTP answer of one captured exchange (HAR 1.2 §"response"), reduced to what explains a
// failed login: the status, a redirect's Location, and the body as readable text — Django's 403
// page says "CSRF verification failed. Request aborted." in a <p>, which is what the user needs
// to read, not the markup around it. Bounded by CAPTURE_RESPONSE_* (docs/limits.md).
import { CAPTURE_RESPONSE_SCAN_MAX_CHARS, CAPTURE_RESPONSE_TEXT_MAX_CHARS } from '../limits';
import type { CapturedHttpResponse } from '../types';
import { decodeBase64Lenient } from '../encoding/base64';
import { bytesToText } from './inflate';

import { cookiesSet, headerValues } from './cookies';

export interface HarResponse {
  cookies?: unknown;
  status?: unknown;
  statusText?: unknown;
  redirectURL?: unknown;
  headers?: unknown;
  content?: { text?: unknown; encoding?: unknown; mimeType?: unknown };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Readable text of an HTML (or plain) body: scripts, styles and tags dropped, entities decoded, whitespace collapsed. */
export function readableBodyText(body: string, html: boolean): string {
  let s = body;
  if (html) {
    s = s
      .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
      .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
      .replace(/<\/?(p|div|h[1-6]|li|br|tr|title|section|article|header|footer|pre)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ' ');
  }
  s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** The response of a HAR entry, or undefined when the entry records none (status 0 / missing: blocked or cancelled). */
export function capturedHttpResponse(response: HarResponse | undefined, carriedIn: 'request' | 'response'): CapturedHttpResponse | undefined {
  if (!response || typeof response !== 'object') return undefined;
  const status = typeof response.status === 'number' && Number.isInteger(response.status) && response.status > 0 ? response.status : undefined;
  if (status === undefined) return undefined;
  const out: CapturedHttpResponse = { carriedIn, status };
  // SAML-tracer records the status line ("HTTP/1.1 403 Forbidden", webRequest's statusLine): keep its reason phrase.
  const statusText = str(response.statusText)?.replace(/^HTTP\/[\d.]+\s+\d{3}\s*/, '').slice(0, 200);
  if (statusText) out.statusText = statusText;
  const location = str(response.redirectURL) ?? str(headerValues(response.headers, 'location')[0]);
  if (location) out.location = location.slice(0, CAPTURE_RESPONSE_TEXT_MAX_CHARS);
  // The server's clock (RFC 9110 §6.6.1): what clock-skew-observed compares IssueInstant with.
  const date = str(headerValues(response.headers, 'date')[0]);
  if (date) out.date = date.slice(0, 100);
  const dateMs = date ? Date.parse(date) : Number.NaN;
  const setCookies = cookiesSet(response.cookies, response.headers, Number.isNaN(dateMs) ? Date.now() : dateMs);
  if (setCookies.length) out.setCookies = setCookies;
  const content = response.content;
  const mimeType = str(content?.mimeType);
  if (mimeType) out.mimeType = mimeType.slice(0, 200);
  let raw = str(content?.text);
  if (raw === undefined) return out;
  let truncated = false;
  if (str(content?.encoding) === 'base64') {
    // Only a prefix is decoded: 4 base64 characters carry 3 bytes (RFC 4648 §4).
    const prefix = raw.replace(/\s+/g, '').slice(0, Math.floor((CAPTURE_RESPONSE_SCAN_MAX_CHARS * 4) / 3 / 4) * 4);
    truncated = prefix.length < raw.replace(/\s+/g, '').length;
    const b = decodeBase64Lenient(prefix);
    if (!b.ok) return out;
    raw = bytesToText(b.value.bytes);
  }
  if (raw.length > CAPTURE_RESPONSE_SCAN_MAX_CHARS) {
    raw = raw.slice(0, CAPTURE_RESPONSE_SCAN_MAX_CHARS);
    truncated = true;
  }
  if (mimeType && !/^(text\/|application\/(json|xml|xhtml\+xml|problem\+json)|[^;]*\+xml)/i.test(mimeType)) return out; // images, fonts…: no text to show
  const html = /html/i.test(mimeType ?? '') || /^\s*<(!doctype|html|head|body)/i.test(raw);
  let text = readableBodyText(raw, html);
  if (text.length > CAPTURE_RESPONSE_TEXT_MAX_CHARS) {
    text = text.slice(0, CAPTURE_RESPONSE_TEXT_MAX_CHARS);
    truncated = true;
  }
  if (text !== '') out.bodyText = truncated ? `${text}…` : text;
  if (truncated) out.bodyTruncated = true;
  return out;
}

import { CAPTURE_EVIDENCE_MAX_CHARS, CAPTURE_MAX_EXCHANGES, CAPTURE_MAX_PAYLOADS } from '../limits';
import type { CapturedExchange, CapturedHttpResponse, CapturedPayload, CaptureEvidence, CaptureRemoval, InputError, Result, TextRepair } from '../types';
import { cookiesSent, headerValues, REDACTED_HEADER_VALUE } from './cookies';
import { decodeBase64Lenient } from '../encoding/base64';
import { chargeBytes, newDecodeBudget, type DecodeBudget } from './budget';
import { inputTooLarge } from '../limit-error';
import { capturedHttpResponse, type HarResponse } from './httpResponse';
import { bytesToText } from './inflate';
import { payloadFromHtmlForm, payloadFromParams } from './payload';
import { encodeFormPair, toWellFormedText, withoutFragment } from '../encoding/form';

interface HarNameValue { name?: unknown; value?: unknown }
interface HarEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown; cookies?: unknown; headers?: unknown; postData?: { mimeType?: unknown; text?: unknown; params?: HarNameValue[] } };
  response?: HarResponse;
}

export interface ExtractedMessages { payloads: CapturedPayload[]; errors: InputError[]; evidence?: CaptureEvidence }

/**
 * A SAML value a sanitizer replaced: cloudflare's har-sanitizer writes "[SAMLResponse redacted]"
 * (also URL-encoded in a query), SAML-tracer's export masks values as {hash:…}, {obf:…} or
 * {overwritten}. Such a value is not base64 and must not be reported as a broken message.
 */
const REDACTED_SAML = /SAML(Request|Response)=(\[|%5B)SAML\w*(\s|\+|%20)redacted(\]|%5D)/i;
const MASKED_VALUE = /^\{(hash:[^}]*|obf:[^}]*|overwritten)\}$/;

/** Records what a sanitizer removed, one entry per kind, counted. */
function noteRemoval(removals: CaptureRemoval[], what: CaptureRemoval['what'], detail: string): void {
  const r = removals.find((x) => x.what === what && x.detail === detail);
  if (r) r.count++;
  else removals.push({ what, detail, count: 1 });
}

/** Keeps the exchange as evidence, within CAPTURE_MAX_EXCHANGES; returns its index or -1. */
function keepExchange(ev: CaptureEvidence, x: CapturedExchange): number {
  if (ev.exchanges.length >= CAPTURE_MAX_EXCHANGES) {
    ev.truncated = true;
    return -1;
  }
  ev.exchanges.push(x);
  return ev.exchanges.length - 1;
}

function linkPayloads(payloads: CapturedPayload[], from: number, ev: CaptureEvidence, exchange: number, carriedIn: 'request' | 'response'): void {
  for (let i = from; i < payloads.length; i++) {
    if (exchange >= 0) payloads[i].capture = { evidence: ev, exchange, carriedIn };
    else if (!payloads[i].notes.some((n) => n.includes('CAPTURE_MAX_EXCHANGES'))) {
      payloads[i].notes.push(`Captured after the first ${CAPTURE_MAX_EXCHANGES.toLocaleString('en-US')} HTTP exchanges of this file: no HTTP evidence (cookies, Date, redirects) is kept for it, so the capture-evidence rules do not judge it (CAPTURE_MAX_EXCHANGES, docs/limits.md).`);
    }
  }
}

/**
 * Browsers' default "sanitized" HAR export (Chrome 130+, Firefox) drops Cookie and Set-Cookie
 * headers and empties the cookies arrays: a capture of a login with several exchanges and not a
 * single cookie name anywhere was sanitized, so cookie evidence cannot be judged.
 */
function cookiesWereRemoved(ev: CaptureEvidence): boolean {
  if (ev.exchanges.length < 2) return false;
  return ev.exchanges.every((x) => x.cookiesSent.length === 0 && !(x.response?.setCookies?.length));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A parameter value as text; objects and arrays (String() of a deep array recurses) count as empty. */
const scalarText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

function formBodyFromParams(params: HarNameValue[], repairs: TextRepair[]): string {
  // Firefox exports params already URL-decoded; re-encode them so one decoder handles both.
  return params
    .filter((p) => p !== null && typeof p === 'object' && typeof p.name === 'string')
    .map((p) => encodeFormPair(String(p.name), scalarText(p.value), repairs))
    .join('&');
}

/**
 * Collects what one capture file yields, up to CAPTURE_MAX_PAYLOADS messages (decoded or not):
 * each one is parsed, verified and analysed, so their number is bounded like their size.
 */
class CaptureCollector {
  readonly out: ExtractedMessages = { payloads: [], errors: [] };
  private seen = 0;
  full = false;
  constructor(private readonly what: string) {}

  /** Whether one more message may be decoded; the first refusal records `input-too-large`. */
  admit(): boolean {
    if (this.full) return false;
    if (this.seen >= CAPTURE_MAX_PAYLOADS) {
      this.full = true;
      this.out.errors.push(inputTooLarge(`This ${this.what} holds more than ${CAPTURE_MAX_PAYLOADS} SAML messages; the first ${CAPTURE_MAX_PAYLOADS} were decoded, the rest skipped`, { name: 'CAPTURE_MAX_PAYLOADS', limit: CAPTURE_MAX_PAYLOADS, seen: CAPTURE_MAX_PAYLOADS + 1, unit: 'messages' }, true));
      return false;
    }
    this.seen++;
    return true;
  }

  collect(r: Result<CapturedPayload> | null, where: string): void {
    if (!r) return;
    if (r.ok) this.out.payloads.push(r.value);
    else this.out.errors.push({ ...r.error, message: `${where}: ${r.error.message}` });
  }
}

/** Every SAML message in a HAR 1.2 log (Chrome and Firefox devtools): query strings, POST bodies and response forms. */
export function extractFromHar(har: { log?: { entries?: unknown } }, budget: DecodeBudget = newDecodeBudget()): ExtractedMessages {
  const c = new CaptureCollector('HAR file');
  const log = har.log as { browser?: { name?: unknown }; creator?: { name?: unknown } } | undefined;
  const browser = str(log?.browser?.name) ?? str(log?.creator?.name);
  const entries = Array.isArray(har.log?.entries) ? (har.log!.entries as HarEntry[]) : [];
  const ev: CaptureEvidence = { source: 'har', ...(browser ? { browser: browser.slice(0, 100) } : {}), exchanges: [], truncated: false, exchangesInFile: entries.length, removals: [] };
  c.out.evidence = ev;
  const sorted = entries
    .map((e, i) => ({ e, i, t: e !== null && typeof e === 'object' ? Date.parse(str(e.startedDateTime) ?? '') : Number.NaN }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i));
  for (const { e: entry } of sorted) {
    if (c.full) break;
    if (!entry || typeof entry !== 'object') continue;
    const e = entry;
    const url = str(e.request?.url) ?? '';
    const method = (str(e.request?.method) ?? 'GET').toUpperCase();
    const time = str(e.startedDateTime);
    const ctx = { url, method, ...(time ? { time } : {}) };
    const origin = str(headerValues(e.request?.headers, 'origin')[0]);
    const answer = capturedHttpResponse(e.response, 'request');
    const xi = keepExchange(ev, {
      url: url.slice(0, CAPTURE_EVIDENCE_MAX_CHARS), method, cookiesSent: cookiesSent(e.request?.cookies, e.request?.headers),
      ...(time ? { time } : {}), ...(origin ? { origin: origin.slice(0, CAPTURE_EVIDENCE_MAX_CHARS) } : {}), ...(answer ? { response: answer } : {}),
    });
    const sentBefore = c.out.payloads.length;
    if ([...headerValues(e.request?.headers, 'cookie'), ...headerValues(e.response?.headers, 'set-cookie')].some((v) => REDACTED_HEADER_VALUE.test(v))) {
      noteRemoval(ev.removals, 'cookies', 'Cookie or Set-Cookie headers replaced by "[… redacted]" (cloudflare har-sanitizer with headers ticked)');
    }
    const q = url.indexOf('?');
    if (q >= 0 && REDACTED_SAML.test(url)) noteRemoval(ev.removals, 'saml-values', 'a SAML parameter replaced by "[SAML… redacted]" (cloudflare har-sanitizer)');
    else if (q >= 0 && /SAML(Request|Response)=/.test(url) && c.admit()) {
      c.collect(payloadFromParams(withoutFragment(url.slice(q + 1)), 'HTTP-Redirect', ctx, budget), `${method} ${url}`);
    }
    const post = e.request?.postData;
    if (post && typeof post === 'object') {
      const text = str(post.text);
      const textRepairs: TextRepair[] = [];
      const body = text && /SAML(Request|Response)=/.test(text) ? text : Array.isArray(post.params) ? formBodyFromParams(post.params, textRepairs) : '';
      if (body && REDACTED_SAML.test(body)) noteRemoval(ev.removals, 'saml-values', 'a SAML parameter replaced by "[SAML… redacted]" (cloudflare har-sanitizer)');
      else if (body && /SAML(Request|Response)=/.test(body) && c.admit()) c.collect(payloadFromParams(body, 'HTTP-POST', { ...ctx, textRepairs }, budget), `${method} ${url} (request body)`);
    }
    // What the server answered the messages this request carried: the evidence of a failure the
    // messages themselves cannot show (a 403 CSRF page, a 400, a redirect to an error page).
    attachResponse(c.out.payloads, sentBefore, answer);
    linkPayloads(c.out.payloads, sentBefore, ev, xi, 'request');
    const formBefore = c.out.payloads.length;
    const content = e.response?.content;
    let html = str(content?.text);
    if (html && str(content?.encoding) === 'base64') {
      // Transient: only the form's SAML value, once decoded, counts against the input's budget.
      const b = decodeBase64Lenient(html);
      html = b.ok ? bytesToText(b.value.bytes) : undefined;
    }
    if (html && /name=["']?SAML(Request|Response)["']?[^>]*value=["']?\[SAML\w*\s+redacted\]/i.test(html)) noteRemoval(ev.removals, 'saml-values', 'a SAML parameter replaced by "[SAML… redacted]" (cloudflare har-sanitizer)');
    else if (html && /SAML(Request|Response)/.test(html) && c.admit()) {
      c.collect(payloadFromHtmlForm(html, { fallbackUrl: url, ...(time ? { time } : {}) }, budget), `form in the response to ${method} ${url}`);
      attachResponse(c.out.payloads, formBefore, capturedHttpResponse(e.response, 'response'));
      linkPayloads(c.out.payloads, formBefore, ev, xi, 'response');
    }
  }
  if (!ev.removals.some((r) => r.what === 'cookies') && cookiesWereRemoved(ev)) noteRemoval(ev.removals, 'cookies', 'no Cookie or Set-Cookie in any exchange (the browser\'s default "sanitized" HAR export)');
  return c.out;
}

function attachResponse(payloads: CapturedPayload[], from: number, response: CapturedHttpResponse | undefined): void {
  if (!response) return;
  for (let i = from; i < payloads.length; i++) payloads[i].httpResponse = response;
}

interface TracerRequest { method?: unknown; url?: unknown; get?: unknown; post?: unknown; saml?: unknown; timestamp?: unknown; protocol?: unknown; responseStatus?: unknown; responseStatusText?: unknown; requestHeaders?: unknown; responseHeaders?: unknown }

/**
 * SAML-tracer's exports before 1.0 wrote headers as [name, value] pairs (its SAMLTraceIO.js
 * `getHeaders` reads both shapes); later ones as { name, value }.
 */
function tracerHeaders(headers: unknown): unknown {
  if (!Array.isArray(headers)) return headers;
  return headers.map((h) => (Array.isArray(h) ? { name: h[0], value: h[1] } : h));
}

/** Whether a SAML parameter's value was masked by SAML-tracer's export ({hash:…}, {obf:…}, {overwritten}). */
function maskedSamlPair(p: unknown): boolean {
  return Array.isArray(p) && typeof p[0] === 'string' && /^SAML(Request|Response)$/.test(p[0]) && typeof p[1] === 'string' && MASKED_VALUE.test(p[1].trim());
}

function pairsToQuery(pairs: unknown, repairs: TextRepair[]): string {
  if (!Array.isArray(pairs)) return '';
  return pairs
    .filter((p): p is [string, unknown] => Array.isArray(p) && typeof p[0] === 'string' && !maskedSamlPair(p))
    .map(([n, v]) => encodeFormPair(n, scalarText(v), repairs))
    .join('&');
}

/**
 * SAML-tracer (Firefox/Chrome add-on) export: `{ requests: [{ method, url, get: [[n,v]], post: [[n,v]], saml, … }] }`.
 * Its `saml` field is already decoded for display, so the raw parameters are preferred; they keep
 * the octets a Redirect signature covers.
 */
export function extractFromSamlTracer(doc: { requests?: unknown }, budget: DecodeBudget = newDecodeBudget()): ExtractedMessages {
  const c = new CaptureCollector('SAML-tracer export');
  const out = c.out;
  const requests = Array.isArray(doc.requests) ? (doc.requests as TracerRequest[]) : [];
  const ev: CaptureEvidence = { source: 'saml-tracer', exchanges: [], truncated: false, exchangesInFile: requests.length, removals: [] };
  out.evidence = ev;
  for (const r of requests) {
    if (c.full) break;
    if (!r || typeof r !== 'object') continue;
    const url = str(r.url) ?? '';
    const method = (str(r.method) ?? 'GET').toUpperCase();
    // SAML-tracer's export records no time per request, only the export's (top-level
    // `timestamp`, SAMLTraceIO.js exportRequests); a per-request one is read if a tool adds it.
    const ts = r.timestamp;
    // A timestamp outside Date's range (±8.64e15 ms) makes toISOString throw a RangeError.
    const time = typeof ts === 'number' && Number.isFinite(ts) && Math.abs(ts) <= 8.64e15 ? new Date(ts).toISOString() : str(ts);
    const ctx = { url, method, ...(time ? { time } : {}) };
    const before = out.payloads.length;
    // SAML-tracer records request and response headers as [{ name, value }] (no body).
    const requestHeaders = tracerHeaders(r.requestHeaders);
    const answer = capturedHttpResponse({ status: r.responseStatus, statusText: r.responseStatusText, headers: tracerHeaders(r.responseHeaders) }, 'request');
    const origin = str(headerValues(requestHeaders, 'origin')[0]);
    const xi = keepExchange(ev, {
      url: url.slice(0, CAPTURE_EVIDENCE_MAX_CHARS), method, cookiesSent: cookiesSent(undefined, requestHeaders),
      ...(time ? { time } : {}), ...(origin ? { origin: origin.slice(0, CAPTURE_EVIDENCE_MAX_CHARS) } : {}), ...(answer ? { response: answer } : {}),
    });
    const masked = [r.get, r.post].some((pairs) => Array.isArray(pairs) && pairs.some(maskedSamlPair));
    if (masked) noteRemoval(ev.removals, 'masked-values', 'a SAML parameter masked by SAML-tracer ({hash:…}, {obf:…} or {overwritten})');
    const q = url.indexOf('?');
    if (q >= 0 && /SAML(Request|Response)=/.test(url) && !REDACTED_SAML.test(url) && !/SAML(Request|Response)=(%7B|\{)(hash|obf|overwritten)/i.test(url)) {
      if (c.admit()) c.collect(payloadFromParams(withoutFragment(url.slice(q + 1)), 'HTTP-Redirect', ctx, budget), `${method} ${url}`);
    } else {
      const textRepairs: TextRepair[] = [];
      const getQ = pairsToQuery(r.get, textRepairs);
      if (/SAML(Request|Response)=/.test(getQ) && c.admit()) c.collect(payloadFromParams(getQ, 'HTTP-Redirect', { ...ctx, textRepairs }, budget), `${method} ${url}`);
    }
    const postRepairs: TextRepair[] = [];
    const postQ = pairsToQuery(r.post, postRepairs);
    if (/SAML(Request|Response)=/.test(postQ) && c.admit()) c.collect(payloadFromParams(postQ, 'HTTP-POST', { ...ctx, textRepairs: postRepairs }, budget), `${method} ${url} (POST)`);
    const saml = str(r.saml);
    if (out.payloads.length === before && saml && saml.trim().startsWith('<') && c.admit()) {
      chargeBytes(budget, saml.length);
      const xml = toWellFormedText(saml);
      const why = masked
        ? 'Taken from SAML-tracer\'s decoded view: the export masked the raw parameter ({hash:…}, {obf:…} or {overwritten}), so the exact octets a Redirect signature covers are not available.'
        : 'Taken from SAML-tracer\'s decoded view: the raw parameters were not in the export.';
      out.payloads.push({ binding: method === 'POST' ? 'HTTP-POST' : 'HTTP-Redirect', parameter: null, xml: xml.text, encoding: ['SAML-tracer decoded XML'], notes: [why], ...ctx, ...(xml.loneSurrogates ? { textRepairs: [{ field: 'XML', loneSurrogates: xml.loneSurrogates }] } : {}) });
    }
    attachResponse(out.payloads, before, answer);
    linkPayloads(out.payloads, before, ev, xi, 'request');
  }
  if (cookiesWereRemoved(ev)) noteRemoval(ev.removals, 'cookies', 'no Cookie or Set-Cookie header in any request (an export without headers or with cookies removed)');
  // SAML-tracer's hash and obfuscate profiles split Set-Cookie at ";" and mask every value after
  // "=", attributes included: "SameSite=Lax" becomes "SameSite={hash:…}" (its filters.js).
  for (const x of ev.exchanges) {
    for (const c of x.response?.setCookies ?? []) {
      if (c.sameSite !== undefined && MASKED_VALUE.test(c.sameSite)) noteRemoval(ev.removals, 'cookie-attributes', 'Set-Cookie attribute values masked by SAML-tracer (SameSite={hash:…} or {obf:…})');
    }
  }
  return out;
}

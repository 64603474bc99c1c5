import type { CapturedPayload, InputError, Result } from '../types';
import { decodeBase64Lenient } from './base64';
import { bytesToText } from './inflate';
import { payloadFromHtmlForm, payloadFromParams } from './payload';

interface HarNameValue { name?: unknown; value?: unknown }
interface HarEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown; postData?: { mimeType?: unknown; text?: unknown; params?: HarNameValue[] } };
  response?: { content?: { text?: unknown; encoding?: unknown; mimeType?: unknown } };
}

export interface ExtractedMessages { payloads: CapturedPayload[]; errors: InputError[] }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function formBodyFromParams(params: HarNameValue[]): string {
  // Firefox exports params already URL-decoded; re-encode them so one decoder handles both.
  return params
    .filter((p) => typeof p.name === 'string')
    .map((p) => `${encodeURIComponent(String(p.name))}=${encodeURIComponent(String(p.value ?? ''))}`)
    .join('&');
}

function collect(r: Result<CapturedPayload> | null, into: ExtractedMessages, where: string): void {
  if (!r) return;
  if (r.ok) into.payloads.push(r.value);
  else into.errors.push({ ...r.error, message: `${where}: ${r.error.message}` });
}

/** Every SAML message in a HAR 1.2 log (Chrome and Firefox devtools): query strings, POST bodies and response forms. */
export function extractFromHar(har: { log?: { entries?: unknown } }): ExtractedMessages {
  const out: ExtractedMessages = { payloads: [], errors: [] };
  const entries = Array.isArray(har.log?.entries) ? (har.log!.entries as HarEntry[]) : [];
  const sorted = entries
    .map((e, i) => ({ e, i, t: Date.parse(str(e.startedDateTime) ?? '') }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i));
  for (const { e } of sorted) {
    const url = str(e.request?.url) ?? '';
    const method = (str(e.request?.method) ?? 'GET').toUpperCase();
    const time = str(e.startedDateTime);
    const ctx = { url, method, ...(time ? { time } : {}) };
    const q = url.indexOf('?');
    if (q >= 0 && /SAML(Request|Response)=/.test(url)) {
      collect(payloadFromParams(url.slice(q + 1).replace(/#.*$/, ''), 'HTTP-Redirect', ctx), out, `${method} ${url}`);
    }
    const post = e.request?.postData;
    if (post) {
      const text = str(post.text);
      const body = text && /SAML(Request|Response)=/.test(text) ? text : Array.isArray(post.params) ? formBodyFromParams(post.params) : '';
      if (body) collect(payloadFromParams(body, 'HTTP-POST', ctx), out, `${method} ${url} (request body)`);
    }
    const content = e.response?.content;
    let html = str(content?.text);
    if (html && str(content?.encoding) === 'base64') {
      const b = decodeBase64Lenient(html);
      html = b.ok ? bytesToText(b.value.bytes) : undefined;
    }
    if (html && /SAML(Request|Response)/.test(html)) {
      collect(payloadFromHtmlForm(html, { fallbackUrl: url, ...(time ? { time } : {}) }), out, `form in the response to ${method} ${url}`);
    }
  }
  return out;
}

interface TracerRequest { method?: unknown; url?: unknown; get?: unknown; post?: unknown; saml?: unknown; timestamp?: unknown; protocol?: unknown }

function pairsToQuery(pairs: unknown): string {
  if (!Array.isArray(pairs)) return '';
  return pairs
    .filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string')
    .map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(String(v ?? ''))}`)
    .join('&');
}

/**
 * SAML-tracer (Firefox/Chrome add-on) export: `{ requests: [{ method, url, get: [[n,v]], post: [[n,v]], saml, … }] }`.
 * Its `saml` field is already decoded for display, so the raw parameters are preferred; they keep
 * the octets a Redirect signature covers.
 */
export function extractFromSamlTracer(doc: { requests?: unknown }): ExtractedMessages {
  const out: ExtractedMessages = { payloads: [], errors: [] };
  const requests = Array.isArray(doc.requests) ? (doc.requests as TracerRequest[]) : [];
  for (const r of requests) {
    const url = str(r.url) ?? '';
    const method = (str(r.method) ?? 'GET').toUpperCase();
    const ts = r.timestamp;
    const time = typeof ts === 'number' ? new Date(ts).toISOString() : str(ts);
    const ctx = { url, method, ...(time ? { time } : {}) };
    const before = out.payloads.length;
    const q = url.indexOf('?');
    if (q >= 0 && /SAML(Request|Response)=/.test(url)) collect(payloadFromParams(url.slice(q + 1).replace(/#.*$/, ''), 'HTTP-Redirect', ctx), out, `${method} ${url}`);
    else {
      const getQ = pairsToQuery(r.get);
      if (/SAML(Request|Response)=/.test(getQ)) collect(payloadFromParams(getQ, 'HTTP-Redirect', ctx), out, `${method} ${url}`);
    }
    const postQ = pairsToQuery(r.post);
    if (/SAML(Request|Response)=/.test(postQ)) collect(payloadFromParams(postQ, 'HTTP-POST', ctx), out, `${method} ${url} (POST)`);
    const saml = str(r.saml);
    if (out.payloads.length === before && saml && saml.trim().startsWith('<')) {
      out.payloads.push({ binding: method === 'POST' ? 'HTTP-POST' : 'HTTP-Redirect', parameter: null, xml: saml, encoding: ['SAML-tracer decoded XML'], notes: ['Taken from SAML-tracer\'s decoded view: the raw parameters were not in the export.'], ...ctx });
    }
  }
  return out;
}

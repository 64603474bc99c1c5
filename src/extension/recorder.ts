// Turns the browser's webRequest events (Chromium's chrome.webRequest, Firefox's browser.webRequest:
// the same event order) into RecordedExchange records. Pure: the background script hands it the
// events' details and stores what comes out, so the whole event logic is tested without a browser.
//
// Event order for one request (developer.chrome.com "webRequest" life cycle): onBeforeRequest
// (URL, method, body) → onSendHeaders (request headers) → onHeadersReceived (status, response
// headers) → onBeforeRedirect | onCompleted | onErrorOccurred. A redirect keeps the requestId and
// starts again at onBeforeRequest with the new URL: each hop is its own exchange, as in a HAR.
import { authProtocolOf } from '../core/capture/protocol';
import type { RecordedExchange, RecordedHeader } from '../core/capture/recorded';
import { EXTENSION_MAX_BODY_BYTES } from './limits';

export interface WebRequestHeader { name: string; value?: string }
export interface RequestStart {
  requestId: string;
  url: string;
  method: string;
  timeStamp: number;
  type: string;
  requestBody?: { raw?: { bytes?: ArrayBuffer }[]; formData?: Record<string, string[]>; error?: string } | null;
}
export interface RequestHeaders { requestId: string; requestHeaders?: WebRequestHeader[] }
export interface ResponseHeaders { requestId: string; statusCode: number; statusLine?: string; responseHeaders?: WebRequestHeader[] }
export interface RedirectDetails extends ResponseHeaders { redirectUrl: string }
export interface ErrorDetails { requestId: string; error: string }

/** Top-level and frame navigations: where SAML's bindings and OIDC's redirects travel. */
const NAVIGATIONS = new Set(['main_frame', 'sub_frame', 'outermost_frame']);

const KEPT_REQUEST_HEADERS = new Set(['cookie', 'origin', 'content-type']);
const KEPT_RESPONSE_HEADERS = new Set(['date', 'location', 'content-type', 'set-cookie']);

/** "a=1; b=2" → "a=; b=": the names a request sent, never their values (docs/extension.md). */
export function cookieHeaderWithoutValues(value: string): string {
  return value.split(';').map((p) => p.split('=')[0]!.trim()).filter((n) => n !== '').map((n) => `${n}=`).join('; ');
}

/** "sid=abc; Path=/; SameSite=None; Secure" → "sid=; Path=/; SameSite=None; Secure". */
export function setCookieWithoutValue(line: string): string {
  const [pair, ...attrs] = line.split(';');
  const name = pair!.split('=')[0]!.trim();
  return [`${name}=`, ...attrs.map((a) => a.trim())].join('; ');
}

function keptHeaders(headers: WebRequestHeader[] | undefined, kept: Set<string>): RecordedHeader[] {
  const out: RecordedHeader[] = [];
  for (const h of headers ?? []) {
    const lower = h.name.toLowerCase();
    if (!kept.has(lower) || typeof h.value !== 'string') continue;
    // Firefox joins several Set-Cookie lines of one response with "\n".
    const values = lower === 'set-cookie' ? h.value.split('\n') : [h.value];
    for (const v of values) out.push({ name: h.name, value: lower === 'cookie' ? cookieHeaderWithoutValues(v) : lower === 'set-cookie' ? setCookieWithoutValue(v) : v });
  }
  return out;
}

/**
 * The request body as text. `raw` holds the octets as sent (Firefox, and Chromium for bodies it
 * does not parse); for a form POST Chromium hands over only `formData`, the parsed fields, which
 * are serialized again with the urlencoded serializer (WHATWG URL §5.2) browsers use to send forms.
 */
export function requestBodyText(body: RequestStart['requestBody']): RecordedExchange['requestBody'] | undefined {
  if (!body) return undefined;
  if (body.raw && body.raw.length > 0 && body.raw.every((p) => p.bytes instanceof ArrayBuffer)) {
    const size = body.raw.reduce((n, p) => n + p.bytes!.byteLength, 0);
    if (size > EXTENSION_MAX_BODY_BYTES) return undefined;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of body.raw) {
      bytes.set(new Uint8Array(p.bytes!), at);
      at += p.bytes!.byteLength;
    }
    return { text: new TextDecoder().decode(bytes), mimeType: 'application/octet-stream', source: 'raw' };
  }
  if (body.formData) {
    const params = new URLSearchParams();
    for (const [name, values] of Object.entries(body.formData)) for (const v of values) params.append(name, v);
    const text = params.toString();
    if (text.length > EXTENSION_MAX_BODY_BYTES) return undefined;
    return { text, mimeType: 'application/x-www-form-urlencoded', source: 'form' };
  }
  return undefined;
}

function statusTextOf(statusLine: string | undefined, status: number): string {
  // "HTTP/1.1 302 Found" → "Found"
  const m = /^\S+\s+\d{3}\s*(.*)$/.exec(statusLine ?? '');
  return m ? m[1]! : String(status);
}

/** One tab's requests in flight; finished exchanges are returned by the event that ends them. */
export class ExchangeRecorder {
  private readonly inFlight = new Map<string, RecordedExchange>();

  /** onBeforeRequest: starts an exchange if it is a navigation or carries a sign-in message. */
  start(d: RequestStart): void {
    const body = requestBodyText(d.requestBody);
    const protocol = authProtocolOf(d.url, body?.text);
    if (!NAVIGATIONS.has(d.type) && !protocol) {
      this.inFlight.delete(d.requestId);
      return;
    }
    this.inFlight.set(d.requestId, {
      time: new Date(d.timeStamp).toISOString(), method: d.method.toUpperCase(), url: d.url, requestHeaders: [],
      ...(body ? { requestBody: body } : {}), ...(protocol ? { protocol } : {}),
    });
  }

  /** onSendHeaders: the headers as sent (cookies need Chromium's extraHeaders). */
  headersSent(d: RequestHeaders): void {
    const x = this.inFlight.get(d.requestId);
    if (!x) return;
    x.requestHeaders = keptHeaders(d.requestHeaders, KEPT_REQUEST_HEADERS);
    const type = x.requestHeaders.find((h) => h.name.toLowerCase() === 'content-type');
    if (x.requestBody && type) x.requestBody.mimeType = type.value;
  }

  /** onHeadersReceived: status and response headers. */
  headersReceived(d: ResponseHeaders): void {
    const x = this.inFlight.get(d.requestId);
    if (x) x.response = { status: d.statusCode, statusText: statusTextOf(d.statusLine, d.statusCode), headers: keptHeaders(d.responseHeaders, KEPT_RESPONSE_HEADERS) };
  }

  /** onBeforeRedirect: this hop is finished. */
  redirected(d: RedirectDetails): RecordedExchange | null {
    this.headersReceived(d);
    const x = this.finish(d.requestId);
    if (x?.response) x.response.redirectUrl = d.redirectUrl;
    return x;
  }

  /** onCompleted. */
  completed(d: ResponseHeaders): RecordedExchange | null {
    if (!this.inFlight.get(d.requestId)?.response) this.headersReceived(d);
    return this.finish(d.requestId);
  }

  /** onErrorOccurred: kept, with the reason (a blocked POST to an ACS is evidence too). */
  failed(d: ErrorDetails): RecordedExchange | null {
    const x = this.finish(d.requestId);
    if (x) x.error = d.error;
    return x;
  }

  private finish(requestId: string): RecordedExchange | null {
    const x = this.inFlight.get(requestId) ?? null;
    this.inFlight.delete(requestId);
    return x;
  }
}

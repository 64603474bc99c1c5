// Recorded exchanges as a HAR 1.2 log (W3C "HTTP Archive (HAR) format", Jan Odvarko's 1.2 spec):
// what browsers' developer tools and samlscope's own HAR reader (binding/har.ts) understand.
// Fields the recorder does not measure carry the spec's "unknown" values (-1 sizes, 0 timings).
import { cookieNamesFromHeader } from '../binding/cookies';
import { formPairs, queryOf } from './formPairs';
import type { RecordedExchange, RecordedHeader } from './recorded';

export interface HarCreator {
  name: string;
  version: string;
}

const nv = ([name, value]: [string, string]) => ({ name, value });

function headerValue(headers: RecordedHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

function harEntry(x: RecordedExchange) {
  const cookieHeader = headerValue(x.requestHeaders, 'cookie');
  const response = x.response;
  const setCookies = response ? response.headers.filter((h) => h.name.toLowerCase() === 'set-cookie') : [];
  return {
    startedDateTime: x.time,
    time: 0,
    request: {
      method: x.method,
      url: x.url,
      httpVersion: '',
      // Names only: the recorder never keeps a cookie's value (docs/extension.md).
      cookies: cookieHeader ? cookieNamesFromHeader(cookieHeader).map((name) => ({ name, value: '' })) : [],
      headers: x.requestHeaders.map((h) => ({ ...h })),
      queryString: formPairs(queryOf(x.url)).map(nv),
      ...(x.requestBody ? { postData: { mimeType: x.requestBody.mimeType, text: x.requestBody.text, params: [] } } : {}),
      headersSize: -1,
      bodySize: x.requestBody ? new TextEncoder().encode(x.requestBody.text).length : 0,
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: '',
      cookies: setCookies.map((h) => ({ name: h.value.split('=')[0]!.trim(), value: '' })),
      headers: response ? response.headers.map((h) => ({ ...h })) : [],
      content: { size: -1, mimeType: headerValue(response?.headers ?? [], 'content-type') ?? '' },
      redirectURL: response?.redirectUrl ?? '',
      headersSize: -1,
      bodySize: -1,
      ...(x.error ? { _error: x.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
}

/**
 * A HAR 1.2 document of the exchanges, in the order recorded. `browser` (HAR's optional
 * `log.browser`) names the browser that recorded them: the cookie rule reads it, because
 * Firefox and Safari never made a cookie without SameSite Lax while Chromium does.
 */
export function exchangesToHar(exchanges: readonly RecordedExchange[], creator: HarCreator, browser?: HarCreator) {
  return { log: { version: '1.2', creator: { ...creator }, ...(browser ? { browser: { ...browser } } : {}), entries: exchanges.map(harEntry) } };
}

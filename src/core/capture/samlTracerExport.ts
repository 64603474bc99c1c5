// Recorded exchanges in the JSON that SAML-tracer (the SimpleSAMLphp project's add-on) exports
// and imports: `{ requests: [{ method, url, get, post, requestHeaders, responseStatus, … }] }`,
// parameters as decoded [name, value] pairs, headers as { name, value }. samlscope's reader of
// that format is binding/har.ts (extractFromSamlTracer). The decoded `saml` field SAML-tracer
// adds for display is left out: readers take the raw parameters, which keep the signed octets.
import { formPairs, queryOf } from './formPairs';
import type { RecordedExchange } from './recorded';

function tracerRequest(x: RecordedExchange, i: number) {
  const isForm = x.requestBody && /x-www-form-urlencoded/i.test(x.requestBody.mimeType);
  return {
    requestId: String(i + 1),
    method: x.method,
    url: x.url,
    timestamp: Date.parse(x.time),
    get: formPairs(queryOf(x.url)),
    ...(isForm ? { post: formPairs(x.requestBody!.text) } : {}),
    requestHeaders: x.requestHeaders.map((h) => ({ ...h })),
    responseStatus: x.response?.status ?? 0,
    responseStatusText: x.response?.statusText ?? (x.error ?? ''),
    responseHeaders: x.response ? x.response.headers.map((h) => ({ ...h })) : [],
  };
}

/** A SAML-tracer export of the exchanges, in the order recorded. */
export function exchangesToSamlTracer(exchanges: readonly RecordedExchange[], exportedAt: Date) {
  return { requests: exchanges.map(tracerRequest), timestamp: exportedAt.toISOString() };
}

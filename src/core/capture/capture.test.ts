// The two export formats, read back by samlscope's own readers (binding/har.ts), and the
// protocol picker. The SAMLResponse is OneLogin's (test/corpus, crewjam/saml's test data):
// 7 KB of base64, larger than the 4,096 bytes where Chromium's parsed form data is said to stop.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromHar, extractFromSamlTracer } from '../binding/har';
import { inspectInput } from '../inspect';
import { authProtocolOf, exchangesToHar, exchangesToSamlTracer, formPairs, type RecordedExchange } from './index';

const samlResponse = readFileSync(new URL('../../../test/corpus/crewjam__onelogin_response.b64', import.meta.url), 'utf8').replace(/\s+/g, '');
const body = `SAMLResponse=${encodeURIComponent(samlResponse)}&RelayState=${encodeURIComponent('https://sp.example/after?x=1&y=2')}`;

const flow: RecordedExchange[] = [
  {
    time: '2026-12-02T11:00:00.000Z', method: 'GET', url: 'https://sp.example/login',
    requestHeaders: [{ name: 'Cookie', value: 'pref=; lang=' }],
    response: { status: 302, statusText: 'Found', headers: [{ name: 'Location', value: 'https://idp.example/sso?SAMLRequest=abc' }, { name: 'Set-Cookie', value: 'sp_state=; Path=/; SameSite=Lax' }, { name: 'Date', value: 'Wed, 02 Dec 2026 11:00:00 GMT' }], redirectUrl: 'https://idp.example/sso?SAMLRequest=abc' },
  },
  {
    time: '2026-12-02T11:00:02.000Z', method: 'POST', url: 'https://sp.example/acs', protocol: 'saml',
    requestHeaders: [{ name: 'Origin', value: 'https://idp.example' }],
    requestBody: { text: body, mimeType: 'application/x-www-form-urlencoded', source: 'raw' },
    response: { status: 403, statusText: 'Forbidden', headers: [{ name: 'Date', value: 'Wed, 02 Dec 2026 11:00:02 GMT' }] },
  },
];

describe('HAR export', () => {
  it('reads back with every byte of the POSTed SAMLResponse, cookie names and the answer', () => {
    const har = exchangesToHar(flow, { name: 'samlscope extension', version: 't' });
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries[1]!.request.postData!.text).toBe(body);
    const r = extractFromHar(JSON.parse(JSON.stringify(har)));
    expect(r.errors).toEqual([]);
    expect(r.payloads).toHaveLength(1);
    expect(r.payloads[0]!.binding).toBe('HTTP-POST');
    expect(r.payloads[0]!.relayState).toBe('https://sp.example/after?x=1&y=2');
    expect(r.evidence!.exchanges.map((x) => x.cookiesSent)).toEqual([['pref', 'lang'], []]);
    expect(r.evidence!.exchanges[0]!.response!.setCookies).toEqual([{ name: 'sp_state', sameSite: 'Lax', secure: false, deletes: false }]);
    expect(r.evidence!.exchanges[1]!.response!.status).toBe(403);
    expect(r.evidence!.exchanges[1]!.origin).toBe('https://idp.example');
  });

  it('is inspected as a HAR with the whole Response', async () => {
    const report = await inspectInput(JSON.stringify(exchangesToHar(flow, { name: 'x', version: '1' })), 'extension');
    expect(report.detected).toBe('har');
    expect(report.messages).toHaveLength(1);
    expect(report.messages[0]!.kind).toBe('Response');
    expect(report.messages[0]!.error).toBeUndefined();
  });

  it('records a failed exchange as status 0', () => {
    const har = exchangesToHar([{ time: flow[0]!.time, method: 'GET', url: 'https://x.example/', requestHeaders: [], error: 'net::ERR_ABORTED' }], { name: 'x', version: '1' });
    expect(har.log.entries[0]!.response.status).toBe(0);
  });
});

describe('SAML-tracer export', () => {
  it('reads back with the same message, cookie names and status', () => {
    const doc = exchangesToSamlTracer(flow, new Date('2026-12-02T12:00:00Z'));
    expect(doc.requests[1]!.post).toEqual([['SAMLResponse', samlResponse], ['RelayState', 'https://sp.example/after?x=1&y=2']]);
    const r = extractFromSamlTracer(JSON.parse(JSON.stringify(doc)));
    expect(r.errors).toEqual([]);
    expect(r.payloads).toHaveLength(1);
    expect(r.payloads[0]!.time).toBe('2026-12-02T11:00:02.000Z');
    expect(r.evidence!.exchanges[0]!.cookiesSent).toEqual(['pref', 'lang']);
    expect(r.evidence!.exchanges[1]!.response!.status).toBe(403);
  });

  it('is detected as a SAML-tracer export by inspect', async () => {
    const report = await inspectInput(JSON.stringify(exchangesToSamlTracer(flow, new Date())), 'extension');
    expect(report.detected).toBe('saml-tracer');
    expect(report.messages.map((m) => m.kind)).toEqual(['Response']);
  });
});

describe('authProtocolOf', () => {
  it.each([
    ['https://idp.example/sso?SAMLRequest=x&RelayState=y', undefined, 'saml'],
    ['https://sp.example/acs', 'SAMLResponse=abc', 'saml'],
    ['https://sp.example/acs?SAMLart=AAQ', undefined, 'saml'],
    ['https://op.example/authorize?client_id=a&response_type=code&redirect_uri=https%3A%2F%2Frp&scope=openid', undefined, 'oidc'],
    ['https://rp.example/cb?code=abc&state=s', undefined, 'oidc'],
    ['https://rp.example/cb#id_token=e.y.z&state=s', undefined, 'oidc'],
    ['https://op.example/token', 'grant_type=authorization_code&code=abc&redirect_uri=x', 'oidc'],
    ['https://example.com/?q=SAMLResponse', undefined, undefined],
    ['https://example.com/search?code=1', undefined, undefined],
    ['https://example.com/%E0%A4%A?x', 'a=%ZZ', undefined],
  ])('%s %s → %s', (url, form, expected) => {
    expect(authProtocolOf(url, form)).toBe(expected);
  });
});

describe('formPairs', () => {
  it('decodes + and escapes, keeps malformed escapes as text, keeps order and repeats', () => {
    expect(formPairs('a=1+2&b=%2B&a=&c&d=%ZZ')).toEqual([['a', '1 2'], ['b', '+'], ['a', ''], ['c', ''], ['d', '%ZZ']]);
    expect(formPairs('')).toEqual([]);
  });
});

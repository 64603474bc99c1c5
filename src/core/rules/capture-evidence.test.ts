// The capture-evidence rules, end to end from a HAR text through inspectInput: each code appears
// on the capture that shows it, not on a clean one, and disappears when its rule is silenced
// (so no other part of the pipeline raises it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectInput } from '../inspect';
import type { Rule } from '../diagnosis/context';
import { captureSanitizedRule } from './capture-sanitized';
import { captureTruncatedRule } from './capture-truncated';
import { CAPTURE_MAX_EXCHANGES } from '../limits';
import { clockSkewObservedRule } from './clock-skew-observed';
import { cookieDroppedSameSiteRule } from './cookie-dropped-samesite';
import { redirectLoopRule } from './redirect-loop';
import { RULES } from './index';
import { deflateRawSync } from 'node:zlib';
import { ACS, authnRequestXml, har, IDP_SSO, loginEntries, plus, responseXml, SP } from '../testing/har-login.testutil';

const T0 = '2026-03-01T10:00:00.000Z';
const at = new Date(plus(T0, 4));

async function findings(text: string, code: string) {
  const r = await inspectInput(text, 'test.har', { at });
  return r.messages.flatMap((m) => m.findings.map((f) => ({ ...f, kind: m.kind }))).filter((f) => f.code === code);
}

function silenced(rule: Rule) {
  vi.spyOn(rule, 'check').mockReturnValue([]);
}
afterEach(() => vi.restoreAllMocks());

describe('the capture-evidence rules are registered', () => {
  it.each([cookieDroppedSameSiteRule, clockSkewObservedRule, redirectLoopRule, captureSanitizedRule, captureTruncatedRule])('$id', (rule) => {
    expect(RULES).toContain(rule);
  });
});

describe('cookie-dropped-samesite', () => {
  it('names the SP cookie set before the AuthnRequest and missing on the cross-site POST to the ACS', async () => {
    const f = await findings(har(loginEntries(T0, { acsStatus: 302, acsLocation: `${IDP_SSO}?SAMLRequest=x` })), 'cookie-dropped-samesite');
    expect(f).toHaveLength(1);
    expect(f[0].kind).toBe('Response');
    expect(f[0].severity).toBe('error'); // the ACS sent the browser back to the IdP
    expect(f[0].evidence).toMatchObject({ cookies: ['sp_session'], acs: ACS });
    expect(f[0].explanation).toContain('SameSite=Lax');
    // Sent back to the SP page that started the login: a new login, the same error.
    const again = await findings(har(loginEntries(T0, { acsStatus: 302, acsLocation: 'https://sp.example.com/login' })), 'cookie-dropped-samesite');
    expect(again.map((x) => x.severity)).toEqual(['error']);
  });
  it('a warning when the ACS did not visibly fail; unspecified SameSite is named as treated like Lax', async () => {
    const f = await findings(har(loginEntries(T0, { setCookie: 'JSESSIONID=1; Path=/', acsStatus: 200, loginSeconds: 200 })), 'cookie-dropped-samesite');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].explanation).toContain('no SameSite attribute, set 203 s before the POST: treated as Lax');
  });
  it('nothing when the cookie came back, is SameSite=None; Secure, or was never set', async () => {
    expect(await findings(har(loginEntries(T0, { cookieBack: true })), 'cookie-dropped-samesite')).toEqual([]);
    expect(await findings(har(loginEntries(T0, { setCookie: 'sp_session=1; SameSite=None; Secure' })), 'cookie-dropped-samesite')).toEqual([]);
    expect(await findings(har(loginEntries(T0, { setCookie: null })), 'cookie-dropped-samesite')).toEqual([]);
  });
  it('SameSite=None without Secure is refused by browsers: reported', async () => {
    const f = await findings(har(loginEntries(T0, { setCookie: 'sp_session=1; SameSite=None' })), 'cookie-dropped-samesite');
    expect(f[0].explanation).toContain('without Secure');
  });
  it('fails without its rule', async () => {
    silenced(cookieDroppedSameSiteRule);
    expect(await findings(har(loginEntries(T0)), 'cookie-dropped-samesite')).toEqual([]);
  });
});

describe('clock-skew-observed', () => {
  it('measures IssueInstant against the Date of the response that delivered the message, signed', async () => {
    const f = await findings(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds: 420 })), 'clock-skew-observed');
    const onResponse = f.filter((x) => x.kind === 'Response');
    expect(onResponse.length).toBeGreaterThan(0);
    expect(onResponse[0].evidence?.skewSeconds).toBe(420);
    expect(onResponse[0].severity).toBe('warning'); // over the default 180 s skew
    const behind = await findings(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds: -30 })), 'clock-skew-observed');
    expect(behind.filter((x) => x.kind === 'Response').map((x) => [x.evidence?.skewSeconds, x.severity])).toContainEqual([-30, 'info']);
  });
  it('reads the Date of the redirect whose Location carried an HTTP-Redirect AuthnRequest', async () => {
    const entries = loginEntries(T0, { cookieBack: true }) as { response: { headers: { name: string; value: string }[] } }[];
    entries[0].response.headers[0].value = new Date(Date.parse(T0) - 60_000).toUTCString();
    const f = (await findings(har(entries), 'clock-skew-observed')).filter((x) => x.kind === 'AuthnRequest');
    expect(f.map((x) => x.evidence?.skewSeconds)).toEqual([60]);
  });
  it('a HAR without the form page\'s body (the page submitted itself on load): measured on the POSTed message, against the form page\'s Date', async () => {
    const entries = loginEntries(T0, { cookieBack: true, idpSkewSeconds: 420 }) as { response: { content: { text?: string; size?: number } } }[];
    entries[1].response.content = { size: -1 };
    const f = await findings(har(entries), 'clock-skew-observed');
    expect(f.map((x) => [x.kind, x.evidence?.skewSeconds])).toEqual([['Response', 420]]);
  });
  it('measured once when the Response is both in the form and in the POST it caused', async () => {
    const f = await findings(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds: 420 })), 'clock-skew-observed');
    expect(f.filter((x) => x.kind === 'Response')).toHaveLength(1);
  });
  const measured = async (idpSkewSeconds: number, skewSeconds?: number) => {
    const r = await inspectInput(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds })), 'test.har', { at, ...(skewSeconds !== undefined ? { skewSeconds } : {}) });
    return r.messages.filter((m) => m.kind === 'Response').flatMap((m) => m.findings).filter((f) => f.code === 'clock-skew-observed').map((f) => [f.evidence?.skewSeconds, f.severity]);
  };
  it('whole seconds: the milliseconds of IssueInstant are not a skew (Date truncates to the second)', async () => {
    expect(await measured(0.999)).toEqual([]); // 10:00:02.999 vs Date 10:00:02
    expect(await measured(1.999)).toEqual([]); // 1 s measured: within the Date header's resolution
    expect(await measured(2)).toEqual([[2, 'info']]);
    expect(await measured(-1)).toEqual([]);
    expect(await measured(-2)).toEqual([[-2, 'info']]);
  });
  it('the warning threshold is the skew setting: over it by a whole second is a warning, at it is info', async () => {
    expect(await measured(180)).toEqual([[180, 'info']]); // default allowed skew: 180 s
    expect(await measured(181)).toEqual([[181, 'warning']]);
    expect(await measured(-181)).toEqual([[-181, 'warning']]);
    expect(await measured(60, 60)).toEqual([[60, 'info']]);
    expect(await measured(61, 60)).toEqual([[61, 'warning']]);
    const [f] = (await inspectInput(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds: 61 })), 'test.har', { at, skewSeconds: 60 })).messages.flatMap((m) => m.findings).filter((x) => x.code === 'clock-skew-observed');
    expect(f.explanation).toContain('more than the allowed clock skew of 60 s');
    expect(f.title).toBe('Response issuer clock 61 s ahead of the HTTP Date');
  });
  it('nothing within the Date header\'s 1 s resolution', async () => {
    expect(await findings(har(loginEntries(T0, { cookieBack: true })), 'clock-skew-observed')).toEqual([]);
  });
  it('fails without its rule', async () => {
    silenced(clockSkewObservedRule);
    expect(await findings(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds: 420 })), 'clock-skew-observed')).toEqual([]);
  });
});

describe('redirect-loop', () => {
  const loop = (n: number, o = {}) => har(Array.from({ length: n }, (_, i) => loginEntries(plus(T0, i * 5), { cookieBack: true, id: `_req${i}`, acsStatus: 302, acsLocation: `https://sp.example.com/login`, ...o })).flat());
  it('counts the SP→IdP→SP cycles and names the URLs, once', async () => {
    const f = await findings(loop(4), 'redirect-loop');
    expect(f).toHaveLength(1);
    expect(f[0].evidence).toEqual({ count: 4, urls: [IDP_SSO, ACS] });
  });
  it('two cycles are a loop when the ACS redirected each time; one is not', async () => {
    expect((await findings(loop(2), 'redirect-loop')).map((x) => x.evidence?.count)).toEqual([2]);
    expect(await findings(loop(1), 'redirect-loop')).toEqual([]);
    expect(await findings(loop(2, { acsStatus: 200, acsLocation: undefined }), 'redirect-loop')).toEqual([]);
  });
  it('fails without its rule', async () => {
    silenced(redirectLoopRule);
    expect(await findings(loop(4), 'redirect-loop')).toEqual([]);
  });
});

/** What Chrome's default "Export HAR (sanitized)" leaves: no Cookie / Set-Cookie header, empty cookies arrays. */
function sanitized(entries: unknown[]): string {
  const strip = (o: { headers?: { name: string }[]; cookies?: unknown[] }) => ({ ...o, headers: (o.headers ?? []).filter((h) => !/^(set-)?cookie$/i.test(h.name)), cookies: [] });
  return har((entries as { request: object; response: object }[]).map((e) => ({ ...e, request: strip(e.request), response: strip(e.response) })));
}

describe('capture-sanitized and input-redacted', () => {
  it('a HAR without any cookie (browser "sanitized" export) says so, and cookie evidence is not judged', async () => {
    const f = await findings(sanitized(loginEntries(T0)), 'capture-sanitized');
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toContain('cookies were removed');
    expect(f[0].fix).toContain('Export HAR (with sensitive data)');
    expect(await findings(sanitized(loginEntries(T0)), 'cookie-dropped-samesite')).toEqual([]);
  });
  it('cloudflare har-sanitizer\'s "[SAMLResponse redacted]" is not a broken message: the rest is read and the removal said', async () => {
    const text = har(loginEntries(T0, { cookieBack: true })).replace(/SAMLResponse=[^"&]+/g, 'SAMLResponse=[SAMLResponse redacted]').replace(/name=\\"SAMLResponse\\" value=\\"[^\\]+\\"/, 'name=\\"SAMLResponse\\" value=\\"[SAMLResponse redacted]\\"');
    const r = await inspectInput(text, 'test.har', { at });
    expect(r.errors.filter((e) => e.code === 'input-bad-base64')).toEqual([]);
    const f = r.messages.flatMap((m) => m.findings).filter((x) => x.code === 'capture-sanitized');
    expect(f[0].explanation).toContain('[SAML… redacted]');
  });
  it('har-sanitizer as it writes a HAR (JSON.stringify with 2 spaces; "[word redacted]" in URLs, params and text; cookie values only with "all cookies"): the rest is judged', async () => {
    const entries = loginEntries(T0, { setCookie: 'sp_session=abc123; Path=/; SameSite=Lax' }) as { request: { url: string; headers: { name: string; value: string }[]; postData?: { text: string; params?: unknown[] } } ; response: { headers: { name: string; value: string }[] } }[];
    // The SAMLRequest in the redirect URL and the POSTed SAMLResponse redacted; the IdP's form body is HTML, which its patterns do not reach.
    entries[1].request.url = entries[1].request.url.replace(/SAMLRequest=[^&]+/, 'SAMLRequest=[SAMLRequest redacted]');
    entries[0].response.headers = entries[0].response.headers.map((h) => (h.name === 'Location' ? { ...h, value: entries[1].request.url } : h.name === 'Set-Cookie' ? { ...h, value: 'sp_session=[sp_session redacted]; Path=/; SameSite=Lax' } : h));
    entries[2].request.postData = { text: 'SAMLResponse=[SAMLResponse redacted]&RelayState=r1', params: [{ name: 'SAMLResponse', value: '[SAMLResponse redacted]' }, { name: 'RelayState', value: 'r1' }] };
    const text = JSON.stringify(JSON.parse(har(entries)), null, 2);
    const r = await inspectInput(text, 'redacted_login.har', { at });
    expect(r.errors).toEqual([]);
    expect(r.messages.map((m) => [m.kind, m.payload.capture?.carriedIn])).toEqual([['Response', 'response']]);
    const all = r.messages.flatMap((m) => m.findings);
    expect(all.find((f) => f.code === 'capture-sanitized')?.explanation).toContain('SAML messages were redacted');
    expect(all.find((f) => f.code === 'capture-sanitized')?.fix).toContain('untick SAMLRequest and SAMLResponse');
    // The POSTed copy is gone, but the POST exchange is there: the cookie evidence is judged from the form's copy.
    expect(all.filter((f) => f.code === 'cookie-dropped-samesite').map((f) => f.evidence?.cookies)).toEqual([['sp_session']]);
  });
  it('har-sanitizer with the Cookie and Set-Cookie headers ticked: "[Cookie redacted]" is no cookie name, and the removal is said', async () => {
    const entries = loginEntries(T0) as { request: { headers: { name: string; value: string }[]; cookies: unknown[] }; response: { headers: { name: string; value: string }[] } }[];
    for (const e of entries) {
      e.request.cookies = [];
      e.request.headers = e.request.headers.map((h) => (h.name === 'Cookie' ? { ...h, value: '[Cookie redacted]' } : h));
      e.response.headers = e.response.headers.map((h) => (h.name === 'Set-Cookie' ? { ...h, value: '[Set-Cookie redacted]' } : h));
    }
    const r = await inspectInput(har(entries), 'redacted.har', { at });
    const exchanges = r.messages[0].payload.capture!.evidence.exchanges;
    expect(exchanges.flatMap((x) => x.cookiesSent)).toEqual([]);
    const all = r.messages.flatMap((m) => m.findings);
    expect(all.find((f) => f.code === 'capture-sanitized')?.explanation).toContain('Cookie or Set-Cookie headers replaced by "[… redacted]"');
    expect(all.filter((f) => f.code === 'cookie-dropped-samesite')).toEqual([]);
  });
  it('a capture left with no SAML at all is an input-redacted error with the re-export advice', async () => {
    const text = har(loginEntries(T0, { cookieBack: true }).slice(2)).replace(/SAMLResponse=[^"&]+/g, 'SAMLResponse=[SAMLResponse redacted]');
    const r = await inspectInput(text, 'test.har', { at });
    expect(r.errors.map((e) => e.code)).toEqual(['input-redacted']);
    expect(r.errors[0].message).toContain('with sensitive data');
  });
  it('fails without its rule', async () => {
    silenced(captureSanitizedRule);
    expect(await findings(sanitized(loginEntries(T0)), 'capture-sanitized')).toEqual([]);
  });
});

describe('SAML-tracer exports as found in the wild', () => {
  it('a masked {hash:…}, {obf:…} or {overwritten} SAML value falls back to the decoded saml field, and the masking is said', async () => {
    for (const masked of ['{hash:5f2a9c}', '{obf:Zm9v}', '{overwritten}']) {
      const doc = {
        requests: [{ method: 'POST', url: ACS, post: [['SAMLResponse', masked], ['RelayState', 'r1']], saml: responseXml('_req1', T0), responseStatus: 302, responseHeaders: [{ name: 'Date', value: new Date(T0).toUTCString() }] }],
        timestamp: Date.parse(T0),
      };
      const r = await inspectInput(JSON.stringify(doc), 'tracer.json', { at });
      expect(r.errors).toEqual([]);
      expect(r.messages.map((m) => m.kind)).toEqual(['Response']);
      expect(r.messages[0].payload.notes.join(' ')).toContain('masked');
      expect(r.messages[0].findings.map((f) => f.code)).toContain('capture-sanitized');
    }
  });
  it('reads cookies and Date from SAML-tracer\'s request and response headers', async () => {
    const q = encodeURIComponent(deflateRawSync(Buffer.from(authnRequestXml('_req1', T0))).toString('base64'));
    const b64 = Buffer.from(responseXml('_req1', T0)).toString('base64');
    const doc = {
      requests: [
        { method: 'GET', url: `${SP}/login`, requestHeaders: [], responseStatus: 302, responseHeaders: [{ name: 'Set-Cookie', value: 'sp_session=x; SameSite=Lax' }, { name: 'Location', value: `${IDP_SSO}?SAMLRequest=${q}` }] },
        { method: 'GET', url: `${IDP_SSO}?SAMLRequest=${q}`, requestHeaders: [{ name: 'Cookie', value: 'idp={hash:1}' }], responseStatus: 200, responseHeaders: [] },
        { method: 'POST', url: ACS, requestHeaders: [{ name: 'Origin', value: 'https://idp.example.org' }], post: [['SAMLResponse', b64]], responseStatus: 403, responseHeaders: [] },
      ],
    };
    const r = await inspectInput(JSON.stringify(doc), 'tracer.json', { at });
    const f = r.messages.flatMap((m) => m.findings).filter((x) => x.code === 'cookie-dropped-samesite');
    expect(f.map((x) => [x.severity, x.evidence?.cookies])).toEqual([['error', ['sp_session']]]);
  });
});

describe('SAML-tracer exports as its export dialog writes them (SAMLTraceIO.js, filters.js)', () => {
  const q = encodeURIComponent(deflateRawSync(Buffer.from(authnRequestXml('_req1', T0))).toString('base64'));
  const b64 = Buffer.from(responseXml('_req1', T0)).toString('base64');
  /** Three requests of a login; `setCookie` as the export left it. No per-request time: only the export's, at the top. */
  const tracer = (setCookie: string, headers: (n: string, v: string) => unknown = (name, value) => ({ name, value })) => JSON.stringify({
    requests: [
      { requestId: '1', method: 'GET', url: `${SP}/login`, requestHeaders: [], responseStatus: 302, responseStatusText: 'HTTP/1.1 302 Found', responseHeaders: [headers('Set-Cookie', setCookie), headers('Location', `${IDP_SSO}?SAMLRequest=${q}`)] },
      { requestId: '2', method: 'GET', url: `${IDP_SSO}?SAMLRequest=${q}`, get: [['SAMLRequest', decodeURIComponent(q)]], requestHeaders: [], responseStatus: 200, responseHeaders: [] },
      { requestId: '3', method: 'POST', url: ACS, requestHeaders: [headers('Origin', 'https://idp.example.org')], post: [['SAMLResponse', b64]], responseStatus: 403, responseStatusText: 'HTTP/1.1 403 Forbidden', responseHeaders: [] },
    ],
    timestamp: '2026-03-01T10:05:00.000Z',
  });
  it('the hash profile masks Set-Cookie attribute values too: said, and SameSite is named the likely cause, not a certain one', async () => {
    const r = await inspectInput(tracer('sp_session={hash:9f1c}; Path={hash:0a1b}; HttpOnly; SameSite={hash:77aa}'), 'tracer.json', { at });
    const all = r.messages.flatMap((m) => m.findings);
    const cookie = all.filter((f) => f.code === 'cookie-dropped-samesite');
    expect(cookie.map((f) => f.evidence?.causes)).toEqual([['masked']]);
    expect(cookie[0].explanation).toContain('the export masked the SameSite value');
    const sanitized = all.find((f) => f.code === 'capture-sanitized')!;
    expect(sanitized.explanation).toContain('cookie attributes were masked');
  });
  it('no time per request: the exchanges carry none, and the export time is not taken for one', async () => {
    const r = await inspectInput(tracer('sp_session=1; SameSite=Lax'), 'tracer.json', { at });
    expect(r.messages.map((m) => m.payload.time)).toEqual([undefined, undefined]);
    expect(r.messages[0].payload.capture?.evidence.exchanges.map((x) => x.time)).toEqual([undefined, undefined, undefined]);
  });
  it('SAML-tracer records no bodies: the POSTed Response is measured against the Date of the IdP page of its Origin; the status line keeps its reason phrase', async () => {
    const doc = JSON.parse(tracer('sp_session=1; SameSite=Lax')) as { requests: { responseHeaders: unknown[]; responseStatusText?: string }[] };
    doc.requests[1].responseHeaders = [{ name: 'Date', value: new Date(Date.parse(T0) - 420_000).toUTCString() }];
    const r = await inspectInput(JSON.stringify(doc), 'tracer.json', { at });
    const response = r.messages.find((m) => m.kind === 'Response')!;
    expect(response.findings.filter((f) => f.code === 'clock-skew-observed').map((f) => f.evidence?.skewSeconds)).toEqual([420]);
    expect(response.payload.httpResponse).toMatchObject({ status: 403, statusText: 'Forbidden' });
  });
  it('reads the [name, value] header pairs of exports written before SAML-tracer 1.0', async () => {
    const r = await inspectInput(tracer('sp_session=1; SameSite=Lax', (n, v) => [n, v]), 'tracer.json', { at });
    const f = r.messages.flatMap((m) => m.findings).filter((x) => x.code === 'cookie-dropped-samesite');
    expect(f.map((x) => [x.severity, x.evidence?.cookies])).toEqual([['error', ['sp_session']]]);
  });
});

describe('capture-truncated', () => {
  /** A login, then `extra` unrelated requests (a long browsing session left recording), then a second login. */
  const long = (extra: number) => {
    const filler = Array.from({ length: extra }, (_, i) => ({ startedDateTime: plus(T0, 10 + i / 1000), request: { method: 'GET', url: `https://cdn.example.net/asset-${i}.js`, headers: [], cookies: [] }, response: { status: 200, headers: [], cookies: [], content: { mimeType: 'application/javascript', text: '' } } }));
    return har([...loginEntries(T0, { cookieBack: true }), ...filler, ...loginEntries(plus(T0, 60), { id: '_late' })]);
  };
  it('says how many exchanges were read and how many dropped, once, as a warning', async () => {
    const total = CAPTURE_MAX_EXCHANGES + 7; // 3 + 5,001 + 3
    const r = await inspectInput(long(total - 6), 'long.har', { at });
    const f = r.messages.flatMap((m) => m.findings).filter((x) => x.code === 'capture-truncated');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].evidence).toEqual({ read: total, kept: CAPTURE_MAX_EXCHANGES, dropped: 7 });
    expect(f[0].title).toBe(`Only the first 5,000 of ${total.toLocaleString('en-US')} HTTP exchanges were read as evidence`);
    // The late login is still decoded, and says it has no evidence.
    const late = r.messages.filter((m) => m.payload.capture === undefined);
    expect(late.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response', 'Response']);
    expect(late[0].payload.notes.join(' ')).toContain('after the first 5,000 HTTP exchanges');
  });
  it('nothing at the limit itself', async () => {
    const r = await inspectInput(long(CAPTURE_MAX_EXCHANGES - 6), 'long.har', { at });
    expect(r.messages.flatMap((m) => m.findings).filter((x) => x.code === 'capture-truncated')).toEqual([]);
  });
  it('fails without its rule', async () => {
    silenced(captureTruncatedRule);
    const r = await inspectInput(long(CAPTURE_MAX_EXCHANGES), 'long.har', { at });
    expect(r.messages.flatMap((m) => m.findings).filter((x) => x.code === 'capture-truncated')).toEqual([]);
  });
});

describe('profile wording of the capture-evidence findings', () => {
  it('authentik-source words the dropped cookie fix for authentik behind a proxy', async () => {
    const r = await inspectInput(har(loginEntries(T0)), 'test.har', { at, profile: 'authentik-source' });
    const f = r.messages.flatMap((m) => m.findings).find((x) => x.code === 'cookie-dropped-samesite')!;
    expect(f.fix).toContain('reverse proxy in front of authentik');
    expect(f.explanation).toContain('/source/saml/<slug>/acs/');
  });
  it('Scaleway words an observed skew over the limit as its clock advice', async () => {
    const r = await inspectInput(har(loginEntries(T0, { cookieBack: true, idpSkewSeconds: 420 })), 'test.har', { at, profile: 'scaleway' });
    const f = r.messages.flatMap((m) => m.findings).find((x) => x.code === 'clock-skew-observed' && x.severity === 'warning')!;
    expect(f.fix).toContain('Scaleway\'s clock is authoritative');
  });
});

describe('the JSON report', () => {
  it('carries the measured evidence of a capture-evidence finding', async () => {
    const { toContractReport } = await import('../report');
    const r = await inspectInput(har(loginEntries(T0, { idpSkewSeconds: 420 })), 'test.har', { at });
    const json = toContractReport(r, 'cli');
    const all = json.messages.flatMap((m) => m.findings) as { code: string; evidence?: Record<string, unknown> }[];
    expect(all.find((f) => f.code === 'clock-skew-observed')?.evidence?.skewSeconds).toBe(420);
    expect(all.find((f) => f.code === 'cookie-dropped-samesite')?.evidence?.cookies).toEqual(['sp_session']);
  });
});

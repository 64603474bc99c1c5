// cookie-dropped-samesite against the cases the SameSite rules decide (RFC 6265bis §5.2 "same-site",
// §5.6.7 Lax by default, §5.8.3; Chromium's schemeful same-site and its 2-minute Lax+POST window):
// which POSTs are cross-site, and when a missing cookie is SameSite's doing.
import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { har, loginEntries, plus } from '../testing/har-login.testutil';

const T0 = '2026-03-01T10:00:00.000Z';
const at = new Date(plus(T0, 4));

async function cookieFindings(text: string) {
  const r = await inspectInput(text, 'test.har', { at });
  return r.messages.flatMap((m) => m.findings).filter((f) => f.code === 'cookie-dropped-samesite');
}

/** The login of loginEntries with the SP and the IdP moved to other origins (URLs, Origin header, form action). */
function moved(text: string, sp: string, idp: string): string {
  return text.replaceAll('https://sp.example.com', sp).replaceAll('https://idp.example.org', idp);
}

describe('cookie-dropped-samesite: which POST is cross-site', () => {
  it('localhost and 127.0.0.1 are two sites: reported', async () => {
    const f = await cookieFindings(moved(har(loginEntries(T0)), 'http://localhost:4351', 'http://127.0.0.1:4352'));
    expect(f.map((x) => x.evidence?.cookies)).toEqual([['sp_session']]);
  });
  it('two ports of localhost (or of 127.0.0.1) are one site: a same-site POST keeps Lax cookies, nothing to report', async () => {
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'http://localhost:4351', 'http://localhost:4352'))).toEqual([]);
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'http://127.0.0.1:4351', 'http://127.0.0.1:4352'))).toEqual([]);
  });
  it('two IP literals are two sites, whatever they share', async () => {
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'http://10.0.0.1', 'http://10.0.0.2'))).toHaveLength(1);
  });
  it('SP and IdP under one registrable domain are same-site; under one public suffix they are not', async () => {
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'https://sp.example.co.uk', 'https://idp.example.co.uk'))).toEqual([]);
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'https://sp.alice.co.uk', 'https://idp.bob.co.uk'))).toHaveLength(1);
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'https://sp-app.github.io', 'https://idp-app.github.io'))).toHaveLength(1);
  });
  it('schemeful: an https IdP posting to an http SP of the same domain is cross-site', async () => {
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'http://sp.example.com', 'https://idp.example.com'))).toHaveLength(1);
    expect(await cookieFindings(moved(har(loginEntries(T0)), 'https://sp.example.com', 'https://idp.example.com'))).toEqual([]);
  });
});

describe('cookie-dropped-samesite: when SameSite explains the missing cookie', () => {
  const unspecified = { setCookie: 'JSESSIONID=1; Path=/', acsStatus: 403 };
  it('no SameSite, older than 2 minutes at the POST: Lax by default, blamed on SameSite', async () => {
    const [f] = await cookieFindings(har(loginEntries(T0, { ...unspecified, loginSeconds: 130 })));
    expect(f.evidence?.causes).toEqual(['samesite']);
    expect(f.explanation).toContain('treated as Lax');
    expect(f.fix).toContain('SameSite=None; Secure');
  });
  it('no SameSite, younger than 2 minutes: Chrome still sends it (Lax+POST), so SameSite is not blamed', async () => {
    const [f] = await cookieFindings(har(loginEntries(T0, { ...unspecified, loginSeconds: 60 })));
    expect(f.evidence?.causes).toEqual(['lax-post-window']);
    expect(f.explanation).toContain('set 63 s before the POST');
    expect(f.explanation).toContain('SameSite does not explain it here');
    expect(f.severity).toBe('error'); // the cookie is still missing and the ACS failed
  });
  it('the 2-minute boundary: 119 s is inside the window, 120 s is not', async () => {
    expect((await cookieFindings(har(loginEntries(T0, { ...unspecified, loginSeconds: 116 }))))[0].evidence?.causes).toEqual(['lax-post-window']);
    expect((await cookieFindings(har(loginEntries(T0, { ...unspecified, loginSeconds: 117 }))))[0].evidence?.causes).toEqual(['samesite']);
  });
  it('SameSite=None; Secure set over http: (not loopback) is refused when set: reported; over https or on localhost it is not', async () => {
    const http = moved(har(loginEntries(T0, { setCookie: 'sp=1; SameSite=None; Secure' })), 'http://sp.example.com', 'https://idp.example.org');
    const [f] = await cookieFindings(http);
    expect(f.evidence?.causes).toEqual(['secure-over-http']);
    expect(f.explanation).toContain('sp (Secure, but set over http: browsers refuse to store it)');
    expect(await cookieFindings(har(loginEntries(T0, { setCookie: 'sp=1; SameSite=None; Secure' })))).toEqual([]);
    expect(await cookieFindings(moved(har(loginEntries(T0, { setCookie: 'sp=1; SameSite=None; Secure' })), 'http://localhost:4351', 'http://127.0.0.1:4352'))).toEqual([]);
  });
  it('SameSite=Lax is withheld however young the cookie', async () => {
    const [f] = await cookieFindings(har(loginEntries(T0, { setCookie: 'sp=1; SameSite=Lax', loginSeconds: 1 })));
    expect(f.evidence?.causes).toEqual(['samesite']);
  });
  it('a Firefox HAR: no Lax by default, so a missing cookie without SameSite is not blamed on SameSite', async () => {
    const firefox = har(loginEntries(T0, { ...unspecified, loginSeconds: 300 })).replace('"creator":{"name":"samlscope test"', '"creator":{"name":"Firefox"');
    const [f] = await cookieFindings(firefox);
    expect(f.evidence?.causes).toEqual(['no-lax-by-default']);
    expect(f.explanation).toContain('Firefox does not treat it as Lax');
  });
  it('a capture without times (SAML-tracer) blames SameSite and says the 2-minute window could not be checked', async () => {
    const noTimes = JSON.parse(har(loginEntries(T0, unspecified))) as { log: { entries: { startedDateTime?: string }[] } };
    for (const e of noTimes.log.entries) delete e.startedDateTime;
    const [f] = await cookieFindings(JSON.stringify(noTimes));
    expect(f.evidence?.causes).toEqual(['samesite']);
    expect(f.explanation).toContain('this capture has no times to tell');
  });
});

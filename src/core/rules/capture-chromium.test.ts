// The capture-evidence rules on HAR files Chromium recorded of a real login between two local
// servers (test/captures/, made by record-chromium-login.mjs): what the browser actually did is
// the oracle. Chromium 150 withheld the SameSite=Lax cookie from the cross-site POST, never
// stored SameSite=None without Secure, sent SameSite=None; Secure set over http://localhost, and
// still sent the fresh cookie without SameSite (Lax+POST, first 2 minutes); with the IdP on
// another port of localhost (one site) it sent all.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';

const capture = (name: string) => readFileSync(resolve(__dirname, '../../../test/captures', name), 'utf8');

async function inspectCapture(name: string) {
  const text = capture(name);
  const started = (JSON.parse(text) as { log: { entries: { startedDateTime: string }[] } }).log.entries[0].startedDateTime;
  const r = await inspectInput(text, name, { at: new Date(started) });
  return { r, findings: r.messages.flatMap((m) => m.findings.map((f) => ({ ...f, kind: m.kind }))) };
}

describe('a Chromium HAR of a login whose IdP (127.0.0.1) is another site than the SP (localhost)', () => {
  it('reports the Lax cookie and the insecure SameSite=None cookie as dropped by SameSite, not the fresh unspecified one Chromium sent', async () => {
    const { findings } = await inspectCapture('chromium-login-cross-site.har');
    const f = findings.filter((x) => x.code === 'cookie-dropped-samesite');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error'); // the ACS answered 403
    expect(f[0].evidence).toMatchObject({ cookies: ['sp_lax', 'sp_none_insecure'], causes: ['samesite', 'samesite'], acsStatus: 403 });
    expect(f[0].explanation).toContain('sp_lax (SameSite=Lax)');
    expect(f[0].explanation).toContain('submitted from http://127.0.0.1:4354');
    // SameSite=None; Secure set over http://localhost: loopback counts as secure, Chromium stored and sent it.
    expect(f[0].evidence?.cookies).not.toContain('sp_none_secure');
  });
  it('measures the IdP clock 300 s ahead of its Date header (±1 s)', async () => {
    const { findings } = await inspectCapture('chromium-login-cross-site.har');
    const skew = findings.filter((x) => x.code === 'clock-skew-observed' && x.kind === 'Response');
    expect(skew.length).toBeGreaterThan(0);
    for (const s of skew) {
      expect(Math.abs(Number(s.evidence?.skewSeconds) - 300)).toBeLessThanOrEqual(1);
      expect(s.severity).toBe('warning');
    }
  });
  it('shows the ACS answer: status 403 and its text', async () => {
    const { r } = await inspectCapture('chromium-login-cross-site.har');
    const posted = r.messages.find((m) => m.payload.method === 'POST')!;
    expect(posted.payload.httpResponse).toMatchObject({ status: 403, carriedIn: 'request' });
    expect(posted.payload.httpResponse?.bodyText).toContain('InResponseTo not found');
  });
  it('no capture-sanitized: Playwright\'s HAR keeps cookies and SAML', async () => {
    const { findings } = await inspectCapture('chromium-login-cross-site.har');
    expect(findings.filter((x) => x.code === 'capture-sanitized' || x.code === 'capture-truncated')).toEqual([]);
  });
});

describe('a Chromium HAR of the same login with the IdP on another port of localhost (one site)', () => {
  it('every cookie came back: no cookie-dropped-samesite', async () => {
    const { r, findings } = await inspectCapture('chromium-login-same-site.har');
    // Chromium recorded no body for the IdP's self-submitting form page: the Response is found in the POST only.
    expect(r.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(findings.filter((x) => x.code === 'cookie-dropped-samesite')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { inspectOidc } from '../oidc/inspectOidc';
import { CLIENT_ID, claims, generateKeyPair, ISSUER, jwks, NOW, SEED_EXPRESSION, signCompact } from '../oidc/oidc.testutil';
import { createOidcShareState, decodeOidcShareFragment, encodeOidcShareFragment, oidcReportToJson, oidcReportToMarkdown, oidcShareUrl, redactOidcShareState, validateOidcShareState } from './oidc';

const settings = { clientId: CLIENT_ID, issuerUrl: ISSUER, celExpression: SEED_EXPRESSION, clientSecret: 'do-not-share-this-secret' };

async function fixture(extra: Record<string, unknown> = {}) {
  const key = await generateKeyPair('RS256', 'k1');
  const token = await signCompact('RS256', key.privateKey, claims({ name: 'Ada Lovelace', groups: ['ops-admins'], ...extra }), { kid: 'k1' });
  const keys = jwks(key.publicJwk);
  const report = await inspectOidc(token, { settings, keysText: keys, at: NOW });
  const state = createOidcShareState({ input: token, keys, settings, at: report.evaluatedAt, skewSeconds: report.skewSeconds });
  return { token, keys, report, state };
}

describe('OIDC share state (issue 14: /oidc share link like the SAML page)', () => {
  it('round-trips through the fragment and reproduces the verdict at the recorded instant; never carries the client secret', async () => {
    const { state, report } = await fixture();
    expect(JSON.stringify(state)).not.toContain('do-not-share-this-secret');
    const url = oidcShareUrl('https://samlscope.test/oidc?client=x#old', state);
    expect(url).toMatch(/^https:\/\/samlscope\.test\/oidc\?client=x#share=o1\.[A-Za-z0-9_-]+$/);
    const back = decodeOidcShareFragment(url.slice(url.indexOf('#')));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value).toEqual(state);
    const again = await inspectOidc(back.value.input, { settings: back.value.settings, keysText: back.value.keys, at: new Date(back.value.at), skewSeconds: back.value.skewSeconds });
    expect(again.signature?.verdict).toBe('valid');
    expect(again.trusted).toBe(report.trusted);
    expect(again.cel?.outcome).toBe('granted');
    expect(again.findings.map((f) => f.code)).toEqual(report.findings.map((f) => f.code));
  });

  it('refuses other tags, damage and unknown fields with the share-* codes', async () => {
    const { state } = await fixture();
    expect(decodeOidcShareFragment('#share=s1.abc')).toMatchObject({ ok: false, error: { code: 'share-unsupported-version' } });
    expect(decodeOidcShareFragment(`${encodeOidcShareFragment(state)}%`)).toMatchObject({ ok: false, error: { code: 'share-bad-base64url' } });
    expect(validateOidcShareState({ ...state, settings: { clientSecret: 'x' } })).toMatchObject({ ok: false, error: { code: 'share-bad-shape', path: 'settings.clientSecret' } });
    expect(validateOidcShareState({ ...state, extra: 1 })).toMatchObject({ ok: false, error: { code: 'share-bad-shape', path: 'extra' } });
    expect(validateOidcShareState({ ...state, at: 'yesterday' })).toMatchObject({ ok: false, error: { path: 'at' } });
  });

  it('redacts claims, e-mails and the signature: no original value is left, the copy still decodes, the verdict rides as a claim', async () => {
    const { token, report, state } = await fixture();
    const r = await redactOidcShareState(state, ['claims', 'emails', 'signature'], report, { salt: 'fixed' });
    const text = JSON.stringify(r.state);
    for (const original of ['ada@exoscale.com', 'Ada Lovelace', 'ops-admins', '8f1c2d3e', token.split('.')[2]!, token.split('.')[1]!]) expect(text).not.toContain(original);
    // Protocol claims stay: the diagnosis of iss/aud/exp is the same on the copy.
    const redacted = await inspectOidc(r.state.input, { settings: r.state.settings, keysText: r.state.keys, at: new Date(r.state.at) });
    expect(redacted.token?.payload.iss).toBe(ISSUER);
    expect(redacted.token?.payload.aud).toBe(CLIENT_ID);
    expect(redacted.token?.payload.email).toMatch(/^user-[0-9a-f]{8}@redacted\.invalid$/);
    expect(redacted.signature?.verdict).not.toBe('valid');
    expect(r.state.redacted).toMatchObject({ fields: ['claims', 'emails', 'signature'], reported: { signature: 'valid', trusted: true, cel: 'granted' } });
    expect(r.notes.join(' ')).toContain('signature was masked');
    // The CEL expression's e-mail domain is no address: kept; the masks are deterministic per salt.
    expect(r.state.settings.celExpression).toBe(SEED_EXPRESSION);
    const twice = await redactOidcShareState(state, ['claims', 'emails', 'signature'], report, { salt: 'fixed' });
    expect(twice.state.input).toBe(r.state.input);
    expect(validateOidcShareState(JSON.parse(text)).ok).toBe(true);
  });

  it('masks only what was chosen; credentials of a token response go with the claims', async () => {
    const { token, report, keys } = await fixture();
    const input = JSON.stringify({ id_token: token, access_token: 'SlAV32hkKG-access', refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA', token_type: 'Bearer', expires_in: 3600 });
    const state = createOidcShareState({ input, keys, settings, at: report.evaluatedAt, skewSeconds: 180 });
    const emailsOnly = await redactOidcShareState(state, ['emails'], report, { salt: 's' });
    expect(emailsOnly.state.input).not.toContain('ada@exoscale.com');
    expect(emailsOnly.state.input).toContain('SlAV32hkKG-access');
    const withClaims = await redactOidcShareState(state, ['claims'], report, { salt: 's' });
    expect(withClaims.state.input).not.toContain('SlAV32hkKG-access');
    expect(withClaims.state.input).not.toContain('tGzv3JOkF0XG5Qx2TlKWIA');
    expect(JSON.parse(withClaims.state.input).token_type).toBe('Bearer');
    expect(withClaims.notes.join(' ')).toContain('no longer verifies');
  });

  it('exports the CLI JSON document without the HMAC secret, and a Markdown summary', async () => {
    const { report } = await fixture();
    const json = oidcReportToJson(report, '1.2.3');
    expect(json.tool).toEqual({ name: 'samlscope', version: '1.2.3' });
    expect(json.oidc.signature?.verdict).toBe('valid');
    const md = oidcReportToMarkdown(report);
    expect(md).toContain('- **Signature:** valid (RS256)');
    expect(md).toContain('- **CEL authorization:** access granted');
    expect(md).toContain('| iss | pass |');
  });
});

import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url';
import { CLIENT_ID, claims, ISSUER, NOW, NOW_S } from './oidc.testutil';
import { validateIdTokenClaims } from './validateClaims';

const settings = { clientId: CLIENT_ID, issuerUrl: ISSUER };
const run = (payload: Record<string, unknown>, s: Record<string, string> = settings, extras = {}) =>
  validateIdTokenClaims(payload, { alg: 'RS256' }, s, { at: NOW, skewSeconds: 180 }, extras);
const codes = async (payload: Record<string, unknown>, s?: Record<string, string>, extras = {}) => (await run(payload, s, extras)).findings.map((f) => f.code);

describe('validateIdTokenClaims (OIDC Core §3.1.3.7)', () => {
  it('a good token passes every check', async () => {
    const r = await run(claims());
    expect(r.findings).toEqual([]);
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(r.checks.map((c) => c.claim)).toEqual(expect.arrayContaining(['iss', 'aud', 'sub', 'exp', 'iat']));
  });

  it('iss: exact comparison, trailing slash explained', async () => {
    expect(await codes(claims(), { ...settings, issuerUrl: `${ISSUER}/` })).toEqual(['oidc-issuer-trailing-slash']);
    const r = await run(claims(), { ...settings, issuerUrl: 'https://auth.example.com' });
    expect(r.findings[0].code).toBe('oidc-issuer-mismatch');
    expect(r.findings[0].explanation).toMatch(/prefix/);
    expect(r.findings[0].fix).toContain('"OIDC Issuer URL"');
    expect(r.findings[0].fix).toContain(ISSUER);
  });

  it('aud must contain the client ID; azp when several audiences', async () => {
    expect(await codes(claims({ aud: 'someone-else' }))).toEqual(['oidc-audience-mismatch']);
    expect(await codes(claims({ aud: [CLIENT_ID, 'api'] }))).toEqual(['oidc-azp-missing']);
    expect(await codes(claims({ aud: [CLIENT_ID, 'api'], azp: CLIENT_ID }))).toEqual([]);
    expect(await codes(claims({ aud: [CLIENT_ID, 'api'], azp: 'api' }))).toEqual(['oidc-azp-mismatch']);
  });

  it('without settings the comparisons are skipped, not failed', async () => {
    const r = await run(claims(), {});
    expect(r.findings).toEqual([]);
    expect(r.checks.find((c) => c.claim === 'iss')?.status).toBe('skip');
  });

  it('exp, iat, nbf against the instant and the skew', async () => {
    expect(await codes(claims({ exp: NOW_S - 200, iat: NOW_S - 400 }))).toEqual(['oidc-expired']);
    expect(await codes(claims({ exp: NOW_S - 100, iat: NOW_S - 400 }))).toEqual([]);
    expect(await codes(claims({ iat: NOW_S + 600 }))).toEqual(expect.arrayContaining(['oidc-iat-in-future']));
    expect(await codes(claims({ nbf: NOW_S + 600 }))).toEqual(['oidc-not-yet-valid']);
    expect(await codes(claims({ exp: String(NOW_S + 300) }))).toEqual(['oidc-claim-type']);
    expect(await codes(claims({ exp: (NOW_S + 300) * 1000 }))).toEqual(['oidc-time-in-milliseconds']);
  });

  it('required claims', async () => {
    const { sub: _sub, exp: _exp, ...rest } = claims();
    expect(await codes(rest)).toEqual(['oidc-claim-missing']);
  });

  it('nonce when given', async () => {
    expect(await codes(claims({ nonce: 'n-1' }), { ...settings, nonce: 'n-1' })).toEqual([]);
    expect(await codes(claims({ nonce: 'n-2' }), { ...settings, nonce: 'n-1' })).toEqual(['oidc-nonce-mismatch']);
    expect(await codes(claims(), { ...settings, nonce: 'n-1' })).toEqual(['oidc-nonce-missing']);
  });

  it('at_hash against the access token of the same response', async () => {
    const accessToken = 'access-token-value';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)));
    const atHash = encodeBase64Url(digest.slice(0, 16));
    expect(await codes(claims({ at_hash: atHash }), settings, { accessToken })).toEqual([]);
    expect(await codes(claims({ at_hash: atHash }), settings, { accessToken: 'other' })).toEqual(['oidc-at-hash-mismatch']);
  });
});

import { describe, expect, it } from 'vitest';
import { inspectOidc } from './inspectOidc';
import { CLIENT_ID, claims, generateKeyPair, ISSUER, jwks, NOW, ROLE_UUID, SEED_EXPRESSION, signCompact, tamperPayload } from './oidc.testutil';

describe('inspectOidc', () => {
  it('token response + JWKS + Exoscale settings: valid, claims pass, granted', async () => {
    const key = await generateKeyPair('RS256');
    const token = await signCompact('RS256', key.privateKey, claims(), { kid: key.publicJwk.kid });
    const settings = { clientId: CLIENT_ID, issuerUrl: ISSUER, celExpression: SEED_EXPRESSION, orgName: 'acme' };
    const r = await inspectOidc(JSON.stringify({ id_token: token, access_token: 'x' }), { settings, keysText: jwks(key.publicJwk), at: NOW });
    expect(r.errors).toEqual([]);
    expect(r.detected).toBe('id-token');
    expect(r.signature?.verdict).toBe('valid');
    expect(r.cel?.outcome).toBe('granted');
    expect(r.cel?.roleUuid).toBe(ROLE_UUID);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.token?.times.exp).toBe(new Date((Math.floor(NOW.getTime() / 1000) + 300) * 1000).toISOString());

    const bad = await inspectOidc(tamperPayload(token), { settings, keysText: jwks(key.publicJwk), at: NOW });
    expect(bad.signature?.verdict).toBe('invalid');
  });

  it('garbage gives a coded error, not an exception', async () => {
    const r = await inspectOidc('not a token', { settings: {}, keysText: 'not keys' });
    expect(r.errors[0].code).toBe('oidc-not-jwt');
    expect(r.notes.join(' ')).toMatch(/Provider keys/);
  });

  it('settings alone are checked', async () => {
    const r = await inspectOidc('', { settings: { issuerUrl: `${ISSUER}/.well-known/openid-configuration` } });
    expect(r.findings.map((f) => f.code)).toEqual(['oidc-issuer-is-discovery-url']);
  });
});

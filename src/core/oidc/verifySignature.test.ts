import { describe, expect, it } from 'vitest';
import { x509 } from '../x509/peculiar';
import { decodeCompactJws } from './decodeJws';
import { claims, generateKeyPair, hmacKey, jwks, newKeyPair, signCompact, tamperPayload, tamperSignatureByte } from './oidc.testutil';
import { parseTrustedKeys } from './trustedKeys';
import { verifyIdTokenSignature } from './verifySignature';
import { encodeBase64Url } from './base64url';

async function verify(token: string, keysText: string, clientSecret?: string) {
  const jws = decodeCompactJws(token);
  if (!jws.ok) throw new Error(jws.error.message);
  const material = await parseTrustedKeys(keysText);
  expect(material.errors).toEqual([]);
  return verifyIdTokenSignature(jws.value, material.keys, { clientSecret });
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

describe.each(ASYMMETRIC)('%s', (alg) => {
  it('valid with the JWKS; invalid when a byte changes; invalid with another key; untrusted with only the header jwk', async () => {
    const key = await generateKeyPair(alg);
    const token = await signCompact(alg, key.privateKey, claims(), { kid: key.publicJwk.kid });
    const good = await verify(token, jwks(key.publicJwk));
    expect(good.verdict).toBe('valid');
    expect(good.key?.kid).toBe(key.publicJwk.kid);

    expect((await verify(tamperPayload(token), jwks(key.publicJwk))).verdict).toBe('invalid');
    expect((await verify(tamperSignatureByte(token), jwks(key.publicJwk))).verdict).toBe('invalid');

    const other = await generateKeyPair(alg, key.publicJwk.kid);
    const wrong = await verify(token, jwks(other.publicJwk));
    expect(wrong.verdict).toBe('invalid');
    expect(wrong.findings.map((f) => f.code)).toContain('oidc-signature-invalid');

    // The attacker embeds their own key: correct math, but proves nothing.
    const attacker = await generateKeyPair(alg, 'attacker');
    const forged = await signCompact(alg, attacker.privateKey, claims(), { kid: 'attacker', jwk: attacker.publicJwk });
    const alone = await verify(forged, '');
    expect(alone.verdict).toBe('untrusted');
    expect(alone.findings.map((f) => f.code)).toContain('oidc-header-key-not-trusted');
    // With the provider's keys pasted, the embedded key is not even tried: invalid, as without it.
    const withJwks = await verify(forged, jwks(key.publicJwk));
    expect(withJwks.verdict).toBe('invalid');
    expect(withJwks.attempts.every((a) => !a.key.source.startsWith('header'))).toBe(true);
    expect(withJwks.findings.map((f) => f.code)).toContain('oidc-kid-not-found');
  });
});

describe.each(['HS256', 'HS384', 'HS512'])('%s', (alg) => {
  it('valid with the client secret, invalid with another, no-trust-anchor without', async () => {
    const secret = 'exoscale-client-secret-0123456789abcdef';
    const token = await signCompact(alg, await hmacKey(alg, secret), claims());
    expect((await verify(token, '', secret)).verdict).toBe('valid');
    expect((await verify(token, '', 'another-secret')).verdict).toBe('invalid');
    expect((await verify(tamperPayload(token), '', secret)).verdict).toBe('invalid');
    const none = await verify(token, '');
    expect(none.verdict).toBe('no-trust-anchor');
    expect(none.findings.map((f) => f.code)).toContain('oidc-hmac-needs-secret');
  });
});

describe('signature verdicts', () => {
  it('alg none is always invalid, even with keys', async () => {
    const key = await generateKeyPair('RS256');
    const token = await signCompact('none', null, claims());
    const r = await verify(token, jwks(key.publicJwk));
    expect(r.verdict).toBe('invalid');
    expect(r.findings.map((f) => f.code)).toContain('oidc-alg-none');
    expect((await verify(token.replace(/^[^.]+/, encodeBase64Url(new TextEncoder().encode('{"alg":"NoNe"}'))), '')).verdict).toBe('invalid');
  });

  it('no keys pasted: no-trust-anchor', async () => {
    const key = await generateKeyPair('RS256');
    const r = await verify(await signCompact('RS256', key.privateKey, claims()), '');
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.findings.map((f) => f.code)).toContain('oidc-no-trust-anchor');
  });

  it('only keys of another type: no-trust-anchor with oidc-no-matching-key', async () => {
    const rsa = await generateKeyPair('RS256');
    const ec = await generateKeyPair('ES256');
    const r = await verify(await signCompact('RS256', rsa.privateKey, claims()), jwks(ec.publicJwk));
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.findings.map((f) => f.code)).toContain('oidc-no-matching-key');
  });

  it('tells "changed content" from "another key" for RS256', async () => {
    const key = await generateKeyPair('RS256');
    const token = await signCompact('RS256', key.privateKey, claims(), { kid: key.publicJwk.kid });
    const tampered = await verify(tamperPayload(token), jwks(key.publicJwk));
    expect(tampered.attempts[0].note).toMatch(/made with this key, over different content/);
    const other = await generateKeyPair('RS256', key.publicJwk.kid);
    const wrong = await verify(token, jwks(other.publicJwk));
    expect(wrong.attempts[0].note).toMatch(/^not made with this key/);
  });

  it('picks the key by kid among several and diagnoses a kid mismatch', async () => {
    const a = await generateKeyPair('RS256', 'a');
    const b = await generateKeyPair('RS256', 'b');
    const token = await signCompact('RS256', b.privateKey, claims(), { kid: 'b' });
    const r = await verify(token, jwks(a.publicJwk, b.publicJwk));
    expect(r.verdict).toBe('valid');
    expect(r.attempts).toHaveLength(1);
    const renamed = await verify(token, jwks(a.publicJwk, { ...b.publicJwk, kid: 'c' } as JsonWebKey));
    expect(renamed.verdict).toBe('valid');
    expect(renamed.findings.map((f) => f.code)).toContain('oidc-kid-mismatch');
  });

  it('refuses a DER-encoded ECDSA signature with an explanation', async () => {
    const key = await generateKeyPair('ES256');
    const token = await signCompact('ES256', key.privateKey, claims());
    const [h, p, s] = token.split('.');
    const raw = Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const int = (b: Uint8Array) => (b[0] & 0x80 ? [0, ...b] : [...b]);
    const r = int(raw.slice(0, 32));
    const sPart = int(raw.slice(32));
    const der = new Uint8Array([0x30, r.length + sPart.length + 4, 0x02, r.length, ...r, 0x02, sPart.length, ...sPart]);
    const res = await verify(`${h}.${p}.${encodeBase64Url(der)}`, jwks(key.publicJwk));
    expect(res.verdict).toBe('invalid');
    expect(res.findings.find((f) => f.code === 'oidc-signature-format')?.explanation).toMatch(/DER/);
  });

  it('verifies with a PEM certificate (via @peculiar/x509) and a PEM public key', async () => {
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
    const keys = await newKeyPair(alg);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01', name: 'CN=idp.example.com', notBefore: new Date('2025-01-01'), notAfter: new Date('2027-01-01'), signingAlgorithm: alg, keys,
    });
    const token = await signCompact('RS256', keys.privateKey, claims());
    const byCert = await verify(token, cert.toString('pem'));
    expect(byCert.verdict).toBe('valid');
    expect(byCert.key?.certificate?.subject).toBe('CN=idp.example.com');
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    const pem = `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...spki)).replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----`;
    expect((await verify(token, pem)).verdict).toBe('valid');
    expect((await verify(tamperPayload(token), pem)).verdict).toBe('invalid');
  });

  it('an x5c certificate in the header alone is untrusted', async () => {
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = await newKeyPair(alg);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '02', name: 'CN=forger', notBefore: new Date('2025-01-01'), notAfter: new Date('2027-01-01'), signingAlgorithm: alg, keys });
    const token = await signCompact('ES256', keys.privateKey, claims(), { x5c: [cert.toString('base64')] });
    const r = await verify(token, '');
    expect(r.verdict).toBe('untrusted');
  });

  it('unknown or crit-extended algorithms are unsupported, not invalid', async () => {
    const key = await generateKeyPair('RS256');
    const token = await signCompact('RS256', key.privateKey, claims());
    const [, p, s] = token.split('.');
    const h = (o: object) => encodeBase64Url(new TextEncoder().encode(JSON.stringify(o)));
    expect((await verify(`${h({ alg: 'ES256K' })}.${p}.${s}`, jwks(key.publicJwk))).verdict).toBe('unsupported');
    expect((await verify(`${h({ alg: 'RS256', crit: ['exp'], exp: 1 })}.${p}.${s}`, jwks(key.publicJwk))).verdict).toBe('unsupported');
  });

  it('warns when the verifying key declares another alg or use', async () => {
    const key = await generateKeyPair('RS256');
    const token = await signCompact('RS256', key.privateKey, claims(), { kid: key.publicJwk.kid });
    const r = await verify(token, jwks({ ...key.publicJwk, alg: 'RS512', use: 'enc' }));
    expect(r.verdict).toBe('valid');
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['oidc-key-alg-mismatch', 'oidc-key-use-not-sig']));
  });
});

// Public keys for signature checks: which key fits which algorithm, RSAKeyValue import, the
// verification call, and the bounded import cache. Keys generated in-process with node:crypto.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import { SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './algorithms';
import { importRsaKeyValue, importVerifyKey, verifyWithKey } from './keys';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');
const RSA256: SignatureAlgorithm = { family: 'RSA', hash: 'SHA-256' };
const RSA512: SignatureAlgorithm = { family: 'RSA', hash: 'SHA-512' };
const EC256: SignatureAlgorithm = { family: 'ECDSA', hash: 'SHA-256' };
const EC384: SignatureAlgorithm = { family: 'ECDSA', hash: 'SHA-384' };
const data = new TextEncoder().encode('<ds:SignedInfo>…</ds:SignedInfo>');
const rsaSig = (hash: string, key = rsa.privateKey) => new Uint8Array(sign(hash, data, key));
// XML-DSig 1.1 §6.4.3: ECDSA signature values are r||s (IEEE P1363), not DER.
const ecSig = (hash: string, key: KeyObject) => new Uint8Array(sign(hash, data, { key, dsaEncoding: 'ieee-p1363' }));

describe('importVerifyKey', () => {
  test('an RSA key imports for RSA with the algorithm\'s hash, and verifies only that hash', async () => {
    const key = await importVerifyKey(spki(rsa.publicKey), RSA512);
    expect(key?.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-512' } });
    expect(key?.usages).toEqual(['verify']);
    expect(key?.extractable).toBe(false);
    expect(await verifyWithKey(key!, RSA512, rsaSig('sha512'), data)).toBe(true);
    expect(await verifyWithKey(key!, RSA512, rsaSig('sha256'), data)).toBe(false);
  });
  test('an EC key imports for ECDSA on its own curve, whatever the hash', async () => {
    const k256 = await importVerifyKey(spki(p256.publicKey), EC384);
    expect(k256?.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect([k256?.extractable, k256?.usages]).toEqual([false, ['verify']]);
    expect(await verifyWithKey(k256!, EC384, ecSig('sha384', p256.privateKey), data)).toBe(true);
    const k384 = await importVerifyKey(spki(p384.publicKey), EC256);
    expect(k384?.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-384' });
    expect(await verifyWithKey(k384!, EC256, ecSig('sha256', p384.privateKey), data)).toBe(true);
  });
  test('a key of the other family does not fit: null, not an exception', async () => {
    expect(await importVerifyKey(spki(rsa.publicKey), EC256)).toBeNull();
    expect(await importVerifyKey(spki(p256.publicKey), RSA256)).toBeNull();
  });
  test('what is not base64 DER of a key gives null', async () => {
    expect(await importVerifyKey('not base64!', RSA256)).toBeNull();
    expect(await importVerifyKey('AAAA', RSA256)).toBeNull();
    expect(await importVerifyKey('AAAA', EC256)).toBeNull();
  });
  test('one import per key and algorithm: the same promise is returned', async () => {
    const k = spki(rsa.publicKey);
    expect(importVerifyKey(k, RSA256)).toBe(importVerifyKey(k, RSA256));
    expect(importVerifyKey(k, RSA256)).not.toBe(importVerifyKey(k, RSA512));
    expect(importVerifyKey(spki(p256.publicKey), EC256)).not.toBe(importVerifyKey(spki(p256.publicKey), EC384));
  });
  test('the cache holds at most 257 keys, then starts over', async () => {
    vi.resetModules();
    const fresh = (await import('./keys')).importVerifyKey;
    const first = fresh('x0', RSA256);
    for (let i = 1; i < 257; i++) void fresh(`x${i}`, RSA256);
    expect(fresh('x0', RSA256)).toBe(first); // 257 entries: still cached
    void fresh('x257', RSA256); // the 258th clears the cache before it is stored
    expect(fresh('x0', RSA256)).not.toBe(first);
    expect(await first).toBeNull();
  });
});

describe('importRsaKeyValue (ds:RSAKeyValue)', () => {
  const jwk = rsa.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  // The XML form is plain base64 (+ / and = padding), often wrapped over several lines.
  const toXmlBase64 = (u: string) => Buffer.from(u, 'base64url').toString('base64').replace(/(.{64})/g, '$1\n  ');
  test('plain, wrapped base64 modulus and exponent import and verify', async () => {
    const n = toXmlBase64(jwk.n);
    expect(n).toMatch(/\+/);
    expect(n).toMatch(/\//);
    expect(n).toMatch(/=$/);
    expect(n).toMatch(/\n/);
    const key = await importRsaKeyValue(n, toXmlBase64(jwk.e), RSA256);
    expect(key?.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    expect([key?.extractable, key?.usages]).toEqual([false, ['verify']]);
    expect(await verifyWithKey(key!, RSA256, rsaSig('sha256'), data)).toBe(true);
  });
  test('never for ECDSA', async () => {
    expect(await importRsaKeyValue(toXmlBase64(jwk.n), toXmlBase64(jwk.e), EC256)).toBeNull();
  });
  test('a garbage modulus verifies nothing (Node imports it as a 0-bit key rather than failing)', async () => {
    const key = await importRsaKeyValue('', 'AQAB', RSA256);
    expect(key === null || !(await verifyWithKey(key, RSA256, rsaSig('sha256'), data))).toBe(true);
  });
});

describe('verifyWithKey', () => {
  test('false, not an exception, when the key does not match the algorithm family', async () => {
    const ecKey = (await importVerifyKey(spki(p256.publicKey), EC256))!;
    expect(await verifyWithKey(ecKey, RSA256, ecSig('sha256', p256.privateKey), data)).toBe(false);
  });
  test('ECDSA uses the algorithm\'s hash', async () => {
    const ecKey = (await importVerifyKey(spki(p256.publicKey), EC256))!;
    expect(await verifyWithKey(ecKey, EC256, ecSig('sha256', p256.privateKey), data)).toBe(true);
    expect(await verifyWithKey(ecKey, EC384, ecSig('sha256', p256.privateKey), data)).toBe(false);
  });
  test('tampered data does not verify', async () => {
    const key = (await importVerifyKey(spki(rsa.publicKey), RSA256))!;
    expect(await verifyWithKey(key, RSA256, rsaSig('sha256'), new TextEncoder().encode('other'))).toBe(false);
  });
  test('every supported RSA algorithm verifies with the hash it names', async () => {
    for (const [uri, alg] of Object.entries(SIGNATURE_ALGORITHMS)) {
      if (alg.family !== 'RSA') continue;
      const key = (await importVerifyKey(spki(rsa.publicKey), alg))!;
      expect(await verifyWithKey(key, alg, rsaSig(alg.hash.replace('-', '').toLowerCase()), data), uri).toBe(true);
    }
  });
});

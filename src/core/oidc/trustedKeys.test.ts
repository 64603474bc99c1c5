import { describe, expect, it } from 'vitest';
import { OIDC_LIMITS } from '../limits';
import { encodeBase64Url } from './base64url';
import { generateKeyPair } from './oidc.testutil';
import { parseTrustedKeys } from './trustedKeys';

const b64 = (bytes: number[]) => encodeBase64Url(new Uint8Array(bytes));
/** An odd modulus of `bits` bits (not a real key: the limits are checked before any use). */
const modulus = (bits: number) => {
  const bytes = new Uint8Array(Math.ceil(bits / 8)).fill(0x5a);
  bytes[0] = 0xff >> ((8 - (bits % 8)) % 8);
  bytes[bytes.length - 1] |= 1;
  return encodeBase64Url(bytes);
};
const codesOf = async (jwk: object) => (await parseTrustedKeys(JSON.stringify(jwk))).errors.map((e) => e.code);
const accepted = async (jwk: object) => (await parseTrustedKeys(JSON.stringify(jwk))).keys.length === 1;

describe('RSA key limits, before any arithmetic', () => {
  it('accepts real keys and the extremes of the limits', async () => {
    expect(await accepted((await generateKeyPair('RS256')).publicJwk)).toBe(true);
    expect(await accepted({ kty: 'RSA', n: modulus(OIDC_LIMITS.rsaModulusMaxBits), e: 'AQAB' })).toBe(true);
    expect(await accepted({ kty: 'RSA', n: modulus(OIDC_LIMITS.rsaModulusMinBits), e: 'Aw' })).toBe(true);
    expect(await accepted({ kty: 'RSA', n: modulus(2048), e: b64([1, 0xff, 0xff, 0xff, 0xff]) })).toBe(true); // 33 bits
  });

  it.each([
    ['modulus above the maximum', { n: modulus(OIDC_LIMITS.rsaModulusMaxBits + 1), e: 'AQAB' }, 'oidc-key-too-large'],
    ['modulus below the minimum', { n: modulus(OIDC_LIMITS.rsaModulusMinBits - 1), e: 'AQAB' }, 'oidc-key-bad-jwk'],
    ['even modulus', { n: b64([...new Uint8Array(256).fill(0xaa)]), e: 'AQAB' }, 'oidc-key-bad-jwk'],
    ['34-bit exponent', { n: modulus(2048), e: b64([3, 0xff, 0xff, 0xff, 0xff]) }, 'oidc-key-too-large'],
    ['exponent 1', { n: modulus(2048), e: 'AQ' }, 'oidc-key-bad-jwk'],
    ['even exponent', { n: modulus(2048), e: 'AQAA' }, 'oidc-key-bad-jwk'],
    ['exponent equal to the modulus', { n: modulus(2048), e: modulus(2048) }, 'oidc-key-too-large'],
    ['a 100 KB member', { n: 'A'.repeat(100_000), e: 'AQAB' }, 'oidc-key-too-large'],
  ])('%s is refused', async (_, members, code) => {
    expect(await codesOf({ kty: 'RSA', ...members })).toContain(code);
  });
});

describe('secret material and counts', () => {
  it('private JWKs are refused; symmetric oct keys are kept', async () => {
    for (const d of ['d', 'p', 'qi']) expect(await codesOf({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', [d]: 'AA' })).toContain('oidc-key-private');
    expect(await accepted({ kty: 'oct', k: 'c2VjcmV0' })).toBe(true);
  });

  it(`reads at most ${OIDC_LIMITS.keysInInput} keys and says so`, async () => {
    const jwk = (await generateKeyPair('ES256')).publicJwk;
    const r = await parseTrustedKeys(JSON.stringify({ keys: Array.from({ length: OIDC_LIMITS.keysInInput + 5 }, () => jwk) }));
    expect(r.keys).toHaveLength(OIDC_LIMITS.keysInInput);
    expect(r.errors.map((e) => e.code)).toEqual(['oidc-key-limit']);
  });

  it('keys text above the limit is not read', async () => {
    const r = await parseTrustedKeys(' '.repeat(OIDC_LIMITS.keysTextLength + 1));
    expect(r.errors.map((e) => e.code)).toEqual(['oidc-keys-too-large']);
  });
});

// Test-only helpers: WebCrypto key pairs and JWS signing for every algorithm the verifier
// supports, so tests make their own tokens (no fixture can go stale with time).
import { encodeBase64Url, encodeBase64UrlText } from './base64url';
import { JWS_ALGORITHMS } from './jwsAlgorithms';
import { ORACLE_CACHE_ENABLED, oracleCachedAsync } from '../testing/oracle-cache.testutil';

export const SEED_EXPRESSION = "email.endsWith('@exoscale.com') ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false";
export const ROLE_UUID = 'dc097e90-4636-4d2a-a629-670ab4395209';
export const ISSUER = 'https://auth.example.com/realms/acme';
export const CLIENT_ID = 'exoscale-portal';
export const NOW = new Date('2025-06-01T12:00:00Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);

export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: ISSUER, sub: '8f1c2d3e', aud: CLIENT_ID, exp: NOW_S + 300, iat: NOW_S - 10, email: 'ada@exoscale.com', email_verified: true, ...extra };
}

export interface TestKeyPair {
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JsonWebKey & { kid?: string };
}

const GENERATE: Record<string, RsaHashedKeyGenParams | EcKeyGenParams | HmacKeyGenParams | Algorithm> = {
  RS: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  PS: { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
};

/** A fresh key pair (or HMAC secret) for `alg`, its public JWK carrying `kid`. */
export async function generateKeyPair(alg: string, kid = `${alg.toLowerCase()}-key`): Promise<TestKeyPair> {
  const a = JWS_ALGORITHMS[alg];
  if (a.family === 'HMAC') throw new Error('use hmacKey');
  let params: Algorithm;
  if (a.family === 'RSASSA-PKCS1-v1_5') params = { ...GENERATE.RS, hash: a.hash } as RsaHashedKeyGenParams;
  else if (a.family === 'RSA-PSS') params = { ...GENERATE.PS, hash: a.hash } as RsaHashedKeyGenParams;
  else if (a.family === 'ECDSA') params = { name: 'ECDSA', namedCurve: a.crv } as EcKeyGenParams;
  else params = { name: 'Ed25519' };
  const pair = await newKeyPair(params);
  const publicJwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey & { kid?: string };
  delete publicJwk.key_ops;
  delete publicJwk.ext;
  publicJwk.kid = kid;
  publicJwk.alg = alg;
  publicJwk.use = 'sig';
  return { alg, privateKey: pair.privateKey, publicJwk };
}

const drawn = new Map<string, number>();

/**
 * `crypto.subtle.generateKey(params, true, ['sign', 'verify'])`. In mutation runs
 * (../testing/oracle-cache.testutil.ts) RSA key generation dominated the OIDC tests, which Stryker
 * reruns for every mutant, so stored pairs are reused: the n-th pair a test file draws with the
 * same parameters is the same pair in every run, and two draws in one file never get the same pair.
 */
export async function newKeyPair(params: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm): Promise<CryptoKeyPair> {
  if (!ORACLE_CACHE_ENABLED) return (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const id = JSON.stringify(params, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
  const n = drawn.get(id) ?? 0;
  drawn.set(id, n + 1);
  const stored = await oracleCachedAsync('webcrypto-key-pair', [id, n], async () => {
    const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
    return { privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey), publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey) };
  });
  const p = params as Partial<RsaHashedKeyGenParams & EcKeyGenParams>;
  const importParams = p.namedCurve ? { name: params.name, namedCurve: p.namedCurve } : p.hash ? { name: params.name, hash: p.hash } : { name: params.name };
  return {
    privateKey: await crypto.subtle.importKey('jwk', stored.privateJwk, importParams, true, ['sign']),
    publicKey: await crypto.subtle.importKey('jwk', stored.publicJwk, importParams, true, ['verify']),
  };
}

export async function signCompact(alg: string, privateKey: CryptoKey | null, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const h = encodeBase64UrlText(JSON.stringify({ alg, typ: 'JWT', ...header }));
  const p = encodeBase64UrlText(JSON.stringify(payload));
  const input = new TextEncoder().encode(`${h}.${p}`);
  if (!privateKey) return `${h}.${p}.`;
  const a = JWS_ALGORITHMS[alg];
  const params: Algorithm | RsaPssParams | EcdsaParams =
    a.family === 'RSA-PSS' ? { name: 'RSA-PSS', saltLength: { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[a.hash] } as RsaPssParams
    : a.family === 'ECDSA' ? { name: 'ECDSA', hash: a.hash } as EcdsaParams
    : a.family === 'HMAC' ? { name: 'HMAC' }
    : a.family === 'EdDSA' ? { name: 'Ed25519' }
    : { name: 'RSASSA-PKCS1-v1_5' };
  const sig = new Uint8Array(await crypto.subtle.sign(params, privateKey, input));
  return `${h}.${p}.${encodeBase64Url(sig)}`;
}

export async function hmacKey(alg: string, secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: JWS_ALGORITHMS[alg].hash }, false, ['sign']);
}

export const jwks = (...keys: (JsonWebKey & { kid?: string })[]): string => JSON.stringify({ keys });

/** Flip one bit of the payload's first character (a change in the signed content). */
export function tamperPayload(token: string): string {
  const [h, p, s] = token.split('.');
  const decoded = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (p.length % 4)) % 4)), (c) => c.charCodeAt(0))));
  decoded.email = 'mallory@exoscale.com';
  return `${h}.${encodeBase64UrlText(JSON.stringify(decoded))}.${s}`;
}

/** Change one byte of the signature. */
export function tamperSignatureByte(token: string): string {
  const [h, p, s] = token.split('.');
  const c = s[5] === 'A' ? 'B' : 'A';
  return `${h}.${p}.${s.slice(0, 5)}${c}${s.slice(6)}`;
}

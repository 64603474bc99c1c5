// JWS "alg" values → WebCrypto. RFC 7518 §3.1 (HS*, RS*, ES*, PS*), RFC 8037 §3.1 (EdDSA with
// Ed25519), RFC 9864 §2.2 (the fully specified "Ed25519"). Only globalThis.crypto.subtle is used,
// so this runs unchanged in Node 20 and in the browser.

export type JwsAlgorithmFamily = 'HMAC' | 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA' | 'EdDSA';
export type ShaName = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface JwsAlgorithm {
  alg: string;
  family: JwsAlgorithmFamily;
  /** Hash of the algorithm (for EdDSA, the hash at_hash/c_hash use: SHA-512, OIDC Core §3.1.3.6 as errata'd for EdDSA). */
  hash: ShaName;
  /** JWK "kty" a verification key must have (RFC 7518 §6.1). */
  kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  /** JWK "crv" a verification key must have (EC: RFC 7518 §3.4; OKP: RFC 8037 §2). */
  crv?: string;
  /** ECDSA: length of the JWS signature, the concatenation r||s (RFC 7518 §3.4). */
  signatureLength?: number;
  importParams: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams;
  verifyParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

const HASH_BYTES: Record<ShaName, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

function hmac(alg: string, hash: ShaName): JwsAlgorithm {
  return { alg, family: 'HMAC', hash, kty: 'oct', importParams: { name: 'HMAC', hash }, verifyParams: { name: 'HMAC' } };
}
function rsa(alg: string, hash: ShaName): JwsAlgorithm {
  return { alg, family: 'RSASSA-PKCS1-v1_5', hash, kty: 'RSA', importParams: { name: 'RSASSA-PKCS1-v1_5', hash }, verifyParams: { name: 'RSASSA-PKCS1-v1_5' } };
}
function pss(alg: string, hash: ShaName): JwsAlgorithm {
  // RFC 7518 §3.5: MGF1 with the same hash, salt length equal to the hash output length.
  return { alg, family: 'RSA-PSS', hash, kty: 'RSA', importParams: { name: 'RSA-PSS', hash }, verifyParams: { name: 'RSA-PSS', saltLength: HASH_BYTES[hash] } };
}
function ecdsa(alg: string, hash: ShaName, crv: 'P-256' | 'P-384' | 'P-521', signatureLength: number): JwsAlgorithm {
  return { alg, family: 'ECDSA', hash, kty: 'EC', crv, signatureLength, importParams: { name: 'ECDSA', namedCurve: crv }, verifyParams: { name: 'ECDSA', hash } };
}
function ed25519(alg: string): JwsAlgorithm {
  return { alg, family: 'EdDSA', hash: 'SHA-512', kty: 'OKP', crv: 'Ed25519', signatureLength: 64, importParams: { name: 'Ed25519' }, verifyParams: { name: 'Ed25519' } };
}

export const JWS_ALGORITHMS: Readonly<Record<string, JwsAlgorithm>> = {
  HS256: hmac('HS256', 'SHA-256'),
  HS384: hmac('HS384', 'SHA-384'),
  HS512: hmac('HS512', 'SHA-512'),
  RS256: rsa('RS256', 'SHA-256'),
  RS384: rsa('RS384', 'SHA-384'),
  RS512: rsa('RS512', 'SHA-512'),
  PS256: pss('PS256', 'SHA-256'),
  PS384: pss('PS384', 'SHA-384'),
  PS512: pss('PS512', 'SHA-512'),
  ES256: ecdsa('ES256', 'SHA-256', 'P-256', 64),
  ES384: ecdsa('ES384', 'SHA-384', 'P-384', 96),
  ES512: ecdsa('ES512', 'SHA-512', 'P-521', 132),
  EdDSA: ed25519('EdDSA'),
  Ed25519: ed25519('Ed25519'),
};

/** Registered JWS algorithms WebCrypto cannot verify (reported as `unsupported`, not `invalid`). */
export const KNOWN_UNSUPPORTED_ALGORITHMS: Readonly<Record<string, string>> = {
  ES256K: 'secp256k1 (RFC 8812) is not a WebCrypto curve.',
  Ed448: 'Ed448 is not available in WebCrypto.',
};

export function jwsAlgorithm(alg: string): JwsAlgorithm | null {
  return Object.prototype.hasOwnProperty.call(JWS_ALGORITHMS, alg) ? JWS_ALGORITHMS[alg] : null;
}

export function hashByteLength(hash: ShaName): number {
  return HASH_BYTES[hash];
}

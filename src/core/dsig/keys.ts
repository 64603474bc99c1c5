import { decodeBase64Lenient } from '../encoding/base64';
import { readPublicKeyAlgorithm } from '../x509/der';
import type { SignatureAlgorithm } from './algorithms';


const keyCache = new Map<string, Promise<CryptoKey | null>>();

/** Curve of an EC SubjectPublicKeyInfo, read from its parameters (WebCrypto needs it named up front). */
function namedCurveOf(spki: Uint8Array): string | null {
  const alg = readPublicKeyAlgorithm(spki);
  return alg.ok ? ((alg.value as { namedCurve?: string }).namedCurve ?? null) : null;
}

/** Import a public key (SPKI, base64 DER) for one signature algorithm; null when the key does not fit it. */
export function importVerifyKey(spkiB64: string, alg: SignatureAlgorithm): Promise<CryptoKey | null> {
  const cacheKey = `${alg.family}/${alg.hash}/${spkiB64}`;
  let hit = keyCache.get(cacheKey);
  if (!hit) {
    hit = (async () => {
      const bytes = decodeBase64Lenient(spkiB64);
      if (!bytes.ok) return null;
      const der = bytes.value.bytes as Uint8Array<ArrayBuffer>;
      try {
        if (alg.family === 'RSA') return await crypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash }, false, ['verify']);
        const namedCurve = namedCurveOf(der);
        if (!namedCurve) return null;
        return await crypto.subtle.importKey('spki', der, { name: 'ECDSA', namedCurve }, false, ['verify']);
      } catch {
        return null;
      }
    })();
    if (keyCache.size > 256) keyCache.clear();
    keyCache.set(cacheKey, hit);
  }
  return hit;
}

/** An RSA key given as ds:RSAKeyValue (modulus, exponent) instead of a certificate. */
export async function importRsaKeyValue(modulusB64: string, exponentB64: string, alg: SignatureAlgorithm): Promise<CryptoKey | null> {
  if (alg.family !== 'RSA') return null;
  const toUrl = (b: string) => b.replace(/\s+/g, '').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  try {
    return await crypto.subtle.importKey('jwk', { kty: 'RSA', n: toUrl(modulusB64), e: toUrl(exponentB64), ext: true }, { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash }, false, ['verify']);
  } catch {
    return null;
  }
}

export async function verifyWithKey(key: CryptoKey, alg: SignatureAlgorithm, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    // XML-DSig 1.1 §6.4.3: ECDSA values are r||s, which is also WebCrypto's format.
    const params = alg.family === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: alg.hash };
    return await crypto.subtle.verify(params, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

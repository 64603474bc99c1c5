// RSA key transport (XML Encryption 1.1 §5.5). WebCrypto's RSA-OAEP uses one hash for both the
// label digest and MGF1, and WebCrypto has no RSAES-PKCS1-v1_5 decryption at all. XML Encryption
// needs both: `xmlenc#rsa-oaep-mgf1p` fixes MGF1 to SHA-1 while its DigestMethod may be SHA-256
// (Okta, ruby-saml send that), `xmlenc11#rsa-oaep` names the MGF separately, and `rsa-1_5` is
// still sent by older IdPs. Where WebCrypto cannot do it, the RSA private operation runs here on
// BigInt (RFC 8017 §5.1.2, with the CRT) and the EME decoding is done by hand (RFC 8017 §7.1.2,
// §7.2.2). This is not constant-time; samlscope decrypts messages the user pasted, locally, so
// there is no remote party to run a timing or padding oracle against.
import type { HashName } from './algorithms';
import { HASH_BYTES } from './algorithms';
import type { DecryptionKey } from './privateKeys';

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

function bytesToBigint(bytes: Uint8Array): bigint {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex ? BigInt(`0x${hex}`) : 0n;
}

function bigintToBytes(x: bigint, length: number): Uint8Array {
  const hex = x.toString(16).padStart(length * 2, '0');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** RFC 8017 §5.1.2 RSADP with the CRT (§3.2, second representation); null when c ≥ n. */
export function rsaDecryptPrimitive(key: DecryptionKey, ciphertext: Uint8Array): Uint8Array | null {
  const k = Math.ceil(key.modulusBits / 8);
  if (ciphertext.length !== k) return null;
  const c = bytesToBigint(ciphertext);
  if (c >= key.n) return null;
  let m: bigint;
  if (key.p && key.q && key.dp && key.dq && key.qi) {
    const m1 = modPow(c, key.dp, key.p);
    const m2 = modPow(c, key.dq, key.q);
    const h = (((m1 - m2) % key.p) + key.p) % key.p * key.qi % key.p;
    m = m2 + key.q * h;
  } else m = modPow(c, key.d, key.n);
  return bigintToBytes(m, k);
}

async function digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(hash, data as Uint8Array<ArrayBuffer>));
}

/** RFC 8017 Appendix B.2.1 MGF1. */
async function mgf1(hash: HashName, seed: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  const block = new Uint8Array(seed.length + 4);
  block.set(seed);
  for (let counter = 0, offset = 0; offset < length; counter++) {
    block[seed.length] = (counter >>> 24) & 0xff;
    block[seed.length + 1] = (counter >>> 16) & 0xff;
    block[seed.length + 2] = (counter >>> 8) & 0xff;
    block[seed.length + 3] = counter & 0xff;
    const h = await digest(hash, block);
    out.set(h.subarray(0, Math.min(h.length, length - offset)), offset);
    offset += h.length;
  }
  return out;
}

/** RFC 8017 §7.1.2 EME-OAEP decoding with separate label hash and MGF1 hash; null on any decoding error. */
export async function oaepDecode(em: Uint8Array, hash: HashName, mgfHash: HashName, label: Uint8Array): Promise<Uint8Array | null> {
  const hLen = HASH_BYTES[hash];
  const k = em.length;
  if (k < 2 * hLen + 2) return null;
  const maskedSeed = em.subarray(1, 1 + hLen);
  const maskedDb = em.subarray(1 + hLen);
  const seedMask = await mgf1(mgfHash, maskedDb, hLen);
  const seed = maskedSeed.map((b, i) => b ^ seedMask[i]!);
  const dbMask = await mgf1(mgfHash, seed, k - hLen - 1);
  const db = maskedDb.map((b, i) => b ^ dbMask[i]!);
  const lHash = await digest(hash, label);
  let bad = em[0] !== 0;
  for (let i = 0; i < hLen; i++) if (db[i] !== lHash[i]) bad = true;
  let sep = -1;
  for (let i = hLen; i < db.length; i++) {
    if (db[i] === 0x01) {
      sep = i;
      break;
    }
    if (db[i] !== 0x00) break;
  }
  if (bad || sep < 0) return null;
  return db.slice(sep + 1);
}

/** RFC 8017 §7.2.2 EME-PKCS1-v1_5 decoding: 0x00 0x02 PS(≥ 8 non-zero octets) 0x00 M; null when malformed. */
export function pkcs1v15Decode(em: Uint8Array): Uint8Array | null {
  if (em.length < 11 || em[0] !== 0x00 || em[1] !== 0x02) return null;
  let sep = -1;
  for (let i = 2; i < em.length; i++) {
    if (em[i] === 0x00) {
      sep = i;
      break;
    }
  }
  if (sep < 10) return null;
  return em.slice(sep + 1);
}

/**
 * RSAES-OAEP decryption. WebCrypto when label and MGF1 use the same hash (the common
 * rsa-oaep-mgf1p + SHA-1 case), else the BigInt path above.
 */
export async function rsaOaepDecrypt(key: DecryptionKey, ciphertext: Uint8Array, hash: HashName, mgfHash: HashName, label: Uint8Array): Promise<{ plaintext: Uint8Array | null; via: 'WebCrypto' | 'BigInt' }> {
  if (hash === mgfHash) {
    try {
      const k = await globalThis.crypto.subtle.importKey('pkcs8', key.pkcs8 as Uint8Array<ArrayBuffer>, { name: 'RSA-OAEP', hash }, false, ['decrypt']);
      const params: RsaOaepParams = label.length ? { name: 'RSA-OAEP', label: label as Uint8Array<ArrayBuffer> } : { name: 'RSA-OAEP' };
      return { plaintext: new Uint8Array(await globalThis.crypto.subtle.decrypt(params, k, ciphertext as Uint8Array<ArrayBuffer>)), via: 'WebCrypto' };
    } catch {
      return { plaintext: null, via: 'WebCrypto' };
    }
  }
  const em = rsaDecryptPrimitive(key, ciphertext);
  return { plaintext: em ? await oaepDecode(em, hash, mgfHash, label) : null, via: 'BigInt' };
}

/** RSAES-PKCS1-v1_5 decryption: WebCrypto has none, so BigInt RSADP and hand decoding. */
export function rsaPkcs1v15Decrypt(key: DecryptionKey, ciphertext: Uint8Array): Uint8Array | null {
  const em = rsaDecryptPrimitive(key, ciphertext);
  return em ? pkcs1v15Decode(em) : null;
}

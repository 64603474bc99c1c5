// Block decryption of CipherValue octets (XML Encryption 1.1 §5.2): AES with WebCrypto, Triple DES
// with node-forge (./tripleDes).
import type { BlockCipher } from './algorithms';
import { xencError, type BlockResult } from './errors';
import { decryptTripleDesCbc } from './tripleDes';

const subtle = () => globalThis.crypto.subtle;

/**
 * AES-CBC with XML Encryption's padding. XML Encryption 1.1 §5.2.1 pads with arbitrary octets
 * whose last octet is the pad length (ISO 10126 style), while WebCrypto's AES-CBC insists on
 * PKCS#7 padding (every pad octet equal to the length) and rejects everything else. So we append
 * one crafted block whose decryption is a full PKCS#7 block (16 × 0x10): in CBC,
 * P[n+1] = D(E) ⊕ C[n], so E = AES-Enc(16×0x10 ⊕ C[n]) — which is exactly the first output block of a
 * one-block AES-CBC *encryption* of 16×0x10 with IV = C[n]. WebCrypto then strips that block, and
 * we remove the XML Encryption padding ourselves from the untouched original last block.
 */
async function decryptAesCbc(cipher: BlockCipher, keyBytes: Uint8Array, data: Uint8Array): Promise<BlockResult> {
  if (data.length < 32 || data.length % 16 !== 0) {
    return { ok: false, error: xencError('xenc-malformed', `${cipher.name} ciphertext must be a 16-octet IV followed by whole 16-octet blocks; it is ${data.length} octets.`) };
  }
  const key = await subtle().importKey('raw', keyBytes as Uint8Array<ArrayBuffer>, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
  const lastBlock = data.slice(data.length - 16);
  const fullPad = new Uint8Array(16).fill(16);
  const crafted = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: lastBlock }, key, fullPad)).subarray(0, 16);
  const iv = data.subarray(0, 16);
  const extended = new Uint8Array(data.length - 16 + 16);
  extended.set(data.subarray(16));
  extended.set(crafted, data.length - 16);
  let padded: Uint8Array;
  try {
    padded = new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> }, key, extended));
  } catch (e) {
    return { ok: false, error: xencError('xenc-bad-padding', `AES-CBC decryption failed unexpectedly (${(e as Error).message}).`) };
  }
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > 16) {
    return { ok: false, error: xencError('xenc-bad-padding', `The last decrypted octet is ${pad}, not a padding length between 1 and 16 (XML Encryption 1.1 §5.2.1): the content key is wrong or the ciphertext was altered.`) };
  }
  return { ok: true, plaintext: padded.slice(0, padded.length - pad) };
}

/** XML Encryption 1.1 §5.2.4 AES-GCM: a 96-bit IV, then the ciphertext, then a 128-bit tag. */
async function decryptAesGcm(cipher: BlockCipher, keyBytes: Uint8Array, data: Uint8Array): Promise<BlockResult> {
  if (data.length < 12 + 16) return { ok: false, error: xencError('xenc-malformed', `${cipher.name} ciphertext must hold a 12-octet IV and a 16-octet tag; it is ${data.length} octets.`) };
  const key = await subtle().importKey('raw', keyBytes as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['decrypt']);
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: data.subarray(0, 12) as Uint8Array<ArrayBuffer>, tagLength: 128 }, key, data.subarray(12) as Uint8Array<ArrayBuffer>);
    return { ok: true, plaintext: new Uint8Array(plain) };
  } catch {
    return { ok: false, error: xencError('xenc-auth-failed', `${cipher.name} authentication failed: the tag does not match, so the content key is wrong or the ciphertext, IV or tag was altered.`) };
  }
}

export async function decryptBlockCipher(cipher: BlockCipher, keyBytes: Uint8Array, data: Uint8Array): Promise<BlockResult> {
  if (keyBytes.length !== cipher.keyBytes) {
    return { ok: false, error: xencError('xenc-wrong-key', `The decrypted content key is ${keyBytes.length} octets, ${cipher.name} needs ${cipher.keyBytes}.`) };
  }
  if (cipher.mode === 'CBC') return decryptAesCbc(cipher, keyBytes, data);
  if (cipher.mode === 'GCM') return decryptAesGcm(cipher, keyBytes, data);
  return decryptTripleDesCbc(keyBytes, data);
}

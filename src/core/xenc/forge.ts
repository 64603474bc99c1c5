// node-forge, loaded only when a message needs what WebCrypto lacks (Triple DES, RSA-OAEP with a
// separate MGF1 hash, RSAES-PKCS1-v1_5): a dynamic import keeps it out of the page's first chunk.
// Each part is one of forge's own modules, which register themselves on the shared `forge`
// object that forge.js exports (lib/des.js adds forge.cipher's 3DES, lib/rsa.js forge.pki.rsa…).
// forge is maintained, pure JavaScript, and uses no Node-only API in the browser (in Node its
// random source is node:crypto; in the browser, crypto.getRandomValues).

/** The part of forge samlscope calls, typed here because its per-algorithm modules ship no types. */
export interface ForgeBuffer {
  getBytes(): string;
}
export interface ForgeDecipher {
  start(options: { iv: ForgeBuffer }): void;
  update(input: ForgeBuffer): void;
  /** With a padding function, CBC uses it instead of PKCS#7 (XML Encryption padding is stripped by the caller). */
  finish(pad?: (blockSize: number, buffer: ForgeBuffer, decrypt: boolean) => boolean): boolean;
  output: ForgeBuffer;
}
export interface ForgeBigInteger {
  readonly __forgeBigInteger: true;
}
export interface ForgeMessageDigest {
  readonly digestLength: number;
}
export interface ForgeRsaPrivateKey {
  /** Throws when the ciphertext is not the key's size or the padding does not decode. */
  decrypt(data: string, scheme: 'RSA-OAEP' | 'RSAES-PKCS1-V1_5', options?: { md: ForgeMessageDigest; mgf1: { md: ForgeMessageDigest }; label?: string }): string;
}
export interface Forge {
  cipher: { createDecipher(algorithm: '3DES-CBC', key: ForgeBuffer): ForgeDecipher };
  util: { createBuffer(bytes: string, encoding?: 'raw'): ForgeBuffer };
  jsbn: { BigInteger: new (digits: string, radix: number) => ForgeBigInteger };
  pki: { rsa: { setPrivateKey(n: ForgeBigInteger, e: ForgeBigInteger, d: ForgeBigInteger, p: ForgeBigInteger, q: ForgeBigInteger, dP: ForgeBigInteger, dQ: ForgeBigInteger, qInv: ForgeBigInteger): ForgeRsaPrivateKey } };
  md: Record<'sha1' | 'sha256' | 'sha384' | 'sha512', { create(): ForgeMessageDigest }>;
}

const unwrap = (m: unknown): Forge => ((m as { default?: unknown }).default ?? m) as Forge;

/** forge with Triple DES (lib/des.js). */
export async function loadForgeDes(): Promise<Forge> {
  const [forge] = await Promise.all([import('node-forge/lib/forge.js'), import('node-forge/lib/des.js')]);
  return unwrap(forge);
}

/** forge with RSA decryption (lib/rsa.js pulls in jsbn, pkcs1's OAEP and SHA-1) and the other OAEP hashes. */
export async function loadForgeRsa(): Promise<Forge> {
  const [forge] = await Promise.all([import('node-forge/lib/forge.js'), import('node-forge/lib/rsa.js'), import('node-forge/lib/sha256.js'), import('node-forge/lib/sha512.js')]);
  return unwrap(forge);
}

/** Bytes as the "binary string" (one char per octet) forge's API takes and returns. */
export function toBinaryString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

export function fromBinaryString(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

// RSA key transport (XML Encryption 1.1 §5.5). WebCrypto's RSA-OAEP uses one hash for both the
// label digest and MGF1, and WebCrypto has no RSAES-PKCS1-v1_5 decryption at all. XML Encryption
// needs both: `xmlenc#rsa-oaep-mgf1p` fixes MGF1 to SHA-1 while its DigestMethod may be SHA-256
// (Okta, ruby-saml send that), `xmlenc11#rsa-oaep` names the MGF separately, and `rsa-1_5` is
// still sent by older IdPs. Where WebCrypto can do it (one hash for both), it does; elsewhere
// node-forge does RSAES-OAEP (RFC 8017 §7.1.2, with its own MGF1 hash) and RSAES-PKCS1-v1_5
// (§7.2.2), loaded only then (./forge.ts). No RSA arithmetic and no padding decoding is written
// here: forge's private operation uses the CRT with blinding, and its OAEP check is constant-time.
import type { HashName } from './algorithms';
import { fromBinaryString, loadForgeRsa, toBinaryString, type Forge, type ForgeRsaPrivateKey } from './forge';
import type { DecryptionKey } from './privateKeys';

/** Which implementation decrypted the key (DecryptionTrace.rsaImplementation). */
export type RsaImplementation = 'WebCrypto' | 'node-forge';

const FORGE_HASH: Record<HashName, 'sha1' | 'sha256' | 'sha384' | 'sha512'> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

const forgeKeys = new WeakMap<DecryptionKey, ForgeRsaPrivateKey>();

function forgeKeyOf(forge: Forge, key: DecryptionKey): ForgeRsaPrivateKey {
  let k = forgeKeys.get(key);
  if (!k) {
    const { n, e, d, p, q, dp, dq, qi } = key.numbers;
    const big = (hex: string) => new forge.jsbn.BigInteger(hex, 16);
    k = forge.pki.rsa.setPrivateKey(big(n), big(e), big(d), big(p), big(q), big(dp), big(dq), big(qi));
    forgeKeys.set(key, k);
  }
  return k;
}

/** forge throws on a ciphertext of the wrong size, one ≥ n, and on every padding error: all mean "not decrypted with this key". */
function forgeDecrypt(run: () => string): Uint8Array | null {
  try {
    return fromBinaryString(run());
  } catch {
    return null;
  }
}

/**
 * RSAES-OAEP decryption (RFC 8017 §7.1.2) with `hash` for the label and `mgfHash` for MGF1.
 * WebCrypto when they are the same hash (the common rsa-oaep-mgf1p + SHA-1 case), else node-forge.
 */
export async function rsaOaepDecrypt(key: DecryptionKey, ciphertext: Uint8Array, hash: HashName, mgfHash: HashName, label: Uint8Array): Promise<{ plaintext: Uint8Array | null; via: RsaImplementation }> {
  if (hash === mgfHash) {
    try {
      const k = await globalThis.crypto.subtle.importKey('pkcs8', key.pkcs8 as Uint8Array<ArrayBuffer>, { name: 'RSA-OAEP', hash }, false, ['decrypt']);
      const params: RsaOaepParams = label.length ? { name: 'RSA-OAEP', label: label as Uint8Array<ArrayBuffer> } : { name: 'RSA-OAEP' };
      return { plaintext: new Uint8Array(await globalThis.crypto.subtle.decrypt(params, k, ciphertext as Uint8Array<ArrayBuffer>)), via: 'WebCrypto' };
    } catch {
      return { plaintext: null, via: 'WebCrypto' };
    }
  }
  const forge = await loadForgeRsa();
  const options = { md: forge.md[FORGE_HASH[hash]].create(), mgf1: { md: forge.md[FORGE_HASH[mgfHash]].create() }, ...(label.length ? { label: toBinaryString(label) } : {}) };
  return { plaintext: forgeDecrypt(() => forgeKeyOf(forge, key).decrypt(toBinaryString(ciphertext), 'RSA-OAEP', options)), via: 'node-forge' };
}

/** RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2): WebCrypto has none, so node-forge. */
export async function rsaPkcs1v15Decrypt(key: DecryptionKey, ciphertext: Uint8Array): Promise<Uint8Array | null> {
  const forge = await loadForgeRsa();
  return forgeDecrypt(() => forgeKeyOf(forge, key).decrypt(toBinaryString(ciphertext), 'RSAES-PKCS1-V1_5'));
}

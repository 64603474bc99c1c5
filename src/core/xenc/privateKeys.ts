// The SP's private keys, as pasted (PEM). They never leave this module as text: callers get
// the public identification (SPKI SHA-256) and the numbers the RSA private operation needs.
import { decodeBase64Lenient } from '../encoding/base64';
import { colonHex } from '../x509/certificate';
import { xencError, type XencError } from './errors';

export interface DecryptionKey {
  /** 1-based position among the keys given ("SP key 2"). */
  index: number;
  /** Public description only: "SP key 1 (RSA 2048-bit, SPKI SHA-256 AB:CD:…)". */
  label: string;
  modulusBits: number;
  /** SHA-256 of the public key's SubjectPublicKeyInfo, "AB:CD:…": how certificates are matched. */
  spkiSha256: string;
  /** PKCS#8 DER, for WebCrypto's RSA-OAEP where it applies. */
  pkcs8: Uint8Array;
  /** RFC 8017 §3.2 private key numbers, as hexadecimal (what node-forge's RSA is built from, ./rsa.ts). */
  numbers: RsaPrivateNumbers;
}

export interface RsaPrivateNumbers { n: string; e: string; d: string; p: string; q: string; dp: string; dq: string; qi: string }

// Minimal DER writer to wrap a PKCS#1 RSAPrivateKey into PKCS#8 (RFC 5208 §5, RFC 8017 A.1.2).
function tlv(tag: number, content: Uint8Array): Uint8Array {
  const len: number[] = [];
  if (content.length < 0x80) len.push(content.length);
  else {
    for (let v = content.length; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
    len.unshift(0x80 | len.length);
  }
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}
const RSA_ALGORITHM_IDENTIFIER = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);
function pkcs8FromPkcs1(pkcs1: Uint8Array): Uint8Array {
  const version = new Uint8Array([0x02, 0x01, 0x00]);
  const octets = tlv(0x04, pkcs1);
  const body = new Uint8Array(version.length + RSA_ALGORITHM_IDENTIFIER.length + octets.length);
  body.set(version);
  body.set(RSA_ALGORITHM_IDENTIFIER, version.length);
  body.set(octets, version.length + RSA_ALGORITHM_IDENTIFIER.length);
  return tlv(0x30, body);
}

/** A JWK number (base64url, RFC 7518 §6.3) as hexadecimal. */
function hexOfBase64Url(b64url: string | undefined): string {
  if (!b64url) return '0';
  const bytes = decodeBase64Lenient(b64url.replace(/-/g, '+').replace(/_/g, '/'));
  if (!bytes.ok) return '0';
  let hex = '';
  for (const b of bytes.value.bytes) hex += b.toString(16).padStart(2, '0');
  return hex.replace(/^0+(?=.)/, '') || '0';
}

async function keyFromPkcs8(pkcs8: Uint8Array, index: number): Promise<DecryptionKey | XencError> {
  let jwk: JsonWebKey;
  try {
    // WebCrypto parses the DER for us; exporting as JWK yields n, e, d and the CRT numbers.
    const key = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, { name: 'RSA-OAEP', hash: 'SHA-1' }, true, ['decrypt']);
    jwk = await globalThis.crypto.subtle.exportKey('jwk', key);
  } catch (e) {
    return xencError('xenc-key-invalid', `SP key ${index} is not an RSA private key WebCrypto can read (${(e as Error).message}). Only RSA keys decrypt SAML key transport (rsa-oaep, rsa-1_5); EC key agreement is not supported.`);
  }
  const pub = await globalThis.crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n!, e: jwk.e!, ext: true }, { name: 'RSA-OAEP', hash: 'SHA-1' }, true, ['encrypt']);
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', pub));
  const spkiSha256 = colonHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', spki)));
  const n = hexOfBase64Url(jwk.n);
  const modulusBits = n === '0' ? 0 : (n.length - 1) * 4 + parseInt(n[0]!, 16).toString(2).length;
  return {
    index,
    label: `SP key ${index} (RSA ${modulusBits}-bit, SPKI SHA-256 ${spkiSha256.slice(0, 23)}…)`,
    modulusBits,
    spkiSha256,
    pkcs8,
    numbers: { n, e: hexOfBase64Url(jwk.e), d: hexOfBase64Url(jwk.d), p: hexOfBase64Url(jwk.p), q: hexOfBase64Url(jwk.q), dp: hexOfBase64Url(jwk.dp), dq: hexOfBase64Url(jwk.dq), qi: hexOfBase64Url(jwk.qi) },
  };
}

/**
 * Read every private key in the pasted texts: PEM "PRIVATE KEY" (PKCS#8) or "RSA PRIVATE KEY"
 * (PKCS#1), several per text; certificates next to them are skipped. Encrypted keys are refused
 * with the command that decrypts them.
 */
export async function parseDecryptionKeys(texts: string[]): Promise<{ keys: DecryptionKey[]; errors: XencError[] }> {
  const keys: DecryptionKey[] = [];
  const errors: XencError[] = [];
  for (const text of texts) {
    if (!text.trim()) continue;
    const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)];
    let found = 0;
    for (const m of blocks) {
      const label = m[1]!;
      if (label === 'CERTIFICATE' || label === 'PUBLIC KEY') continue;
      found++;
      const index = keys.length + errors.length + 1;
      if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/i.test(m[2]!)) {
        errors.push(xencError('xenc-key-invalid', `SP key ${index} is encrypted with a passphrase. Decrypt it first: \`openssl pkey -in key.pem -out key-plain.pem\`.`));
        continue;
      }
      if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') {
        errors.push(xencError('xenc-key-invalid', `SP key ${index}: a "${label}" PEM block is not an RSA private key (expected PRIVATE KEY or RSA PRIVATE KEY).`));
        continue;
      }
      const der = decodeBase64Lenient(m[2]!.replace(/^[A-Za-z-]+:.*$/gm, ''));
      if (!der.ok) {
        errors.push(xencError('xenc-key-invalid', `SP key ${index}: the PEM body is not base64.`));
        continue;
      }
      const parsed = await keyFromPkcs8(label === 'RSA PRIVATE KEY' ? pkcs8FromPkcs1(der.value.bytes) : der.value.bytes, index);
      if ('code' in parsed) errors.push(parsed);
      else keys.push(parsed);
    }
    if (found === 0) errors.push(xencError('xenc-key-invalid', 'The SP key field holds no PEM private key ("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----").'));
  }
  return { keys, errors };
}

// The mock SP's signing key and certificate: generated in the browser (WebCrypto +
// @peculiar/x509) or imported from PEM. The private key is a non-extractable CryptoKey
// (WebCrypto §14: extractable=false) unless the user asked to export it; a CryptoKey is
// structured-cloneable, so the UI can put an SpKeyPair as is into IndexedDB without the key
// bytes ever being readable by script.
import { x509 } from '../x509/peculiar';
import { decodeBase64Lenient, encodeBase64 } from '../encoding/base64';
import { fail, ok, type Result } from '../types';
import { parseCertificate, sha256Fingerprint, type CertificateView } from '../x509/certificate';
import type { SpSignatureAlgorithm } from './settings';


export type SpKeyKind = 'RSA-2048' | 'EC-P256';
export type RsaHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface SpKeyPair {
  keyType: 'RSA' | 'EC';
  /** "RSA 2048-bit", "EC P-256" */
  description: string;
  /** Usage ["sign"]; extractable only when the pair was made exportable. For RSA the hash is bound to the key (WebCrypto). */
  privateKey: CryptoKey;
  certificatePem: string;
  /** base64 DER, as it goes into <ds:X509Certificate> and metadata KeyDescriptors */
  certificateDer: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  /** The key as PKCS#8 PEM when the user asked to export it (generateSpKeyPair exportPrivateKey, or imported); else null. */
  privateKeyPkcs8Pem: string | null;
  /** The signature algorithms this key can produce (RSA keys are bound to one hash in WebCrypto). */
  signatureAlgorithms: SpSignatureAlgorithm[];
}

export interface GenerateOptions {
  /**
   * Keep a PKCS#8 PEM copy of the private key in the result (for a download, or for pasting
   * into an IdP test fixture). Default false: the key exists only as a non-extractable CryptoKey.
   */
  exportPrivateKey?: boolean;
  validityDays?: number;
  now?: Date;
  /** RSA only: the hash the key signs with (WebCrypto binds it at import). Default SHA-256. */
  rsaHash?: RsaHash;
}

/**
 * Why an EC key is a risky choice for the mock SP: ECDSA request signatures (RFC 6931
 * ecdsa-sha*) are refused by widely deployed IdPs — checked for issue 14 against pysaml2,
 * Lasso 2.8 and SimpleSAMLphp 1.19, which all reject an ECDSA-signed AuthnRequest. RSA
 * (rsa-sha256) is what every SAML IdP verifies.
 */
export const ECDSA_COMPATIBILITY = {
  rejectedBy: ['pysaml2', 'Lasso 2.8', 'SimpleSAMLphp 1.19'] as const,
  note:
    'ECDSA-signed requests are rejected by pysaml2 (SATOSA and other Python IdPs), Lasso 2.8 (mod_auth_mellon, Authentic) and SimpleSAMLphp 1.19: ' +
    'use an RSA key for an IdP you do not know to verify ECDSA. EC keys also cannot decrypt assertions (XML Encryption key transport is RSA).',
} as const;

const RSA_ALGS: Record<RsaHash, SpSignatureAlgorithm> = { 'SHA-256': 'rsa-sha256', 'SHA-384': 'rsa-sha384', 'SHA-512': 'rsa-sha512' };
const EC_ALGS: SpSignatureAlgorithm[] = ['ecdsa-sha256', 'ecdsa-sha384', 'ecdsa-sha512'];

function pem(label: string, der: Uint8Array): string {
  const b64 = encodeBase64(der);
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

function randomSerialHex(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0]! & 0x7f) | 0x01; // RFC 5280 §4.1.2.2: positive, non-zero, at most 20 octets
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

async function describe(privateKey: CryptoKey, cert: CertificateView, der: Uint8Array, pkcs8Pem: string | null): Promise<SpKeyPair> {
  const alg = privateKey.algorithm as RsaHashedKeyAlgorithm & EcKeyAlgorithm;
  const isRsa = alg.name === 'RSASSA-PKCS1-v1_5';
  const hash = (isRsa ? alg.hash.name : 'SHA-256') as RsaHash;
  return {
    keyType: isRsa ? 'RSA' : 'EC',
    description: isRsa ? `RSA ${alg.modulusLength}-bit (${hash})` : `EC ${alg.namedCurve}`,
    privateKey,
    certificatePem: pem('CERTIFICATE', der),
    certificateDer: encodeBase64(der),
    subject: cert.subject,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha256Fingerprint: await sha256Fingerprint(der),
    privateKeyPkcs8Pem: pkcs8Pem,
    signatureAlgorithms: isRsa ? [RSA_ALGS[hash]] : EC_ALGS,
  };
}

/**
 * Generate a key pair and a self-signed certificate for it (CN = subjectCN). The certificate
 * is what IdPs need (SP metadata KeyDescriptor, authentik "verification certificate").
 */
export async function generateSpKeyPair(kind: SpKeyKind, subjectCN: string, options: GenerateOptions = {}): Promise<SpKeyPair> {
  const exportable = options.exportPrivateKey === true;
  const hash = options.rsaHash ?? 'SHA-256';
  const genAlg: RsaHashedKeyGenParams | EcKeyGenParams =
    kind === 'RSA-2048'
      ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = (await globalThis.crypto.subtle.generateKey(genAlg, exportable, ['sign', 'verify'])) as CryptoKeyPair;
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - 5 * 60_000); // a little back-dated for clock skew between machines
  const notAfter = new Date(now.getTime() + (options.validityDays ?? 3650) * 86_400_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialHex(),
    name: [{ CN: [subjectCN || 'samlscope mock SP'] }],
    notBefore,
    notAfter,
    signingAlgorithm: kind === 'RSA-2048' ? { name: 'RSASSA-PKCS1-v1_5', hash } : ({ name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams),
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | (kind === 'RSA-2048' ? x509.KeyUsageFlags.keyEncipherment : 0), true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const der = new Uint8Array(cert.rawData);
  let privateKey = keys.privateKey;
  let pkcs8Pem: string | null = null;
  if (exportable) {
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
    pkcs8Pem = pem('PRIVATE KEY', pkcs8);
    // The PEM is the export; the CryptoKey kept for signing is non-extractable all the same.
    privateKey = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, genAlg.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
  }
  return describe(privateKey, cert, der, pkcs8Pem);
}

// ---- import ----

export type KeyImportErrorCode =
  | 'key-not-pem'
  | 'key-encrypted'
  | 'key-unsupported'
  | 'certificate-invalid'
  | 'key-certificate-mismatch';

export interface KeyImportError {
  code: KeyImportErrorCode;
  message: string;
}

// Minimal DER writer: enough to wrap PKCS#1 / SEC1 keys into PKCS#8 (RFC 5208 §5).
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
function tlv(tag: number, content: Uint8Array | number[]): Uint8Array {
  const c = content instanceof Uint8Array ? content : new Uint8Array(content);
  const head = [tag, ...derLength(c.length)];
  const out = new Uint8Array(head.length + c.length);
  out.set(head);
  out.set(c, head.length);
  return out;
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
const OID_RSA_ENCRYPTION = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC_PUBLIC_KEY = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const CURVE_OIDS: Record<string, number[]> = {
  'P-256': [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
  'P-384': [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22],
  'P-521': [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23],
};

/** PKCS#8 PrivateKeyInfo { version 0, AlgorithmIdentifier, OCTET STRING(key) } around a PKCS#1 RSAPrivateKey (RFC 8017 A.1.2). */
function pkcs8FromPkcs1(pkcs1: Uint8Array): Uint8Array {
  const algId = tlv(0x30, concat(new Uint8Array(OID_RSA_ENCRYPTION), new Uint8Array([0x05, 0x00])));
  return tlv(0x30, concat(new Uint8Array([0x02, 0x01, 0x00]), algId, tlv(0x04, pkcs1)));
}

/** The same around a SEC1 ECPrivateKey (RFC 5915 §3 → RFC 5208), the curve taken from the certificate. */
function pkcs8FromSec1(sec1: Uint8Array, curve: string): Uint8Array | null {
  const oid = CURVE_OIDS[curve];
  if (!oid) return null;
  const algId = tlv(0x30, concat(new Uint8Array(OID_EC_PUBLIC_KEY), new Uint8Array(oid)));
  return tlv(0x30, concat(new Uint8Array([0x02, 0x01, 0x00]), algId, tlv(0x04, sec1)));
}

function pemBlock(text: string): { label: string; der: Uint8Array } | null {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return null;
  if (/Proc-Type:\s*4,ENCRYPTED/i.test(m[2]!)) return { label: 'ENCRYPTED', der: new Uint8Array() };
  const bytes = decodeBase64Lenient(m[2]!);
  return bytes.ok ? { label: m[1]!, der: bytes.value.bytes } : null;
}

/**
 * Import a private key (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE
 * KEY" PEM; unencrypted) and its certificate. The key must be the certificate's key: that is
 * checked by signing a probe and verifying it with the certificate. `exportPrivateKey` keeps the
 * PKCS#8 PEM in the result (default false; the user has it anyway).
 */
export async function importSpKeyPair(keyPem: string, certPem: string, options: { rsaHash?: RsaHash; exportPrivateKey?: boolean } = {}): Promise<Result<SpKeyPair, KeyImportError>> {
  const parsed = parseCertificate(certPem);
  if (!parsed.ok) return fail({ code: 'certificate-invalid', message: parsed.message });
  const cert = parsed.cert;
  let pub: { name: string; namedCurve?: string };
  try {
    pub = cert.publicKey.algorithm as { name: string; namedCurve?: string };
  } catch {
    return fail({ code: 'key-unsupported', message: 'The certificate\'s public key type is not supported (RSA or EC P-256/P-384/P-521 only).' });
  }
  const isRsa = pub.name === 'RSASSA-PKCS1-v1_5' || pub.name === 'RSA-PSS' || pub.name === 'RSA-OAEP';
  const isEc = pub.name === 'ECDSA' || pub.name === 'ECDH';
  if (!isRsa && !isEc) return fail({ code: 'key-unsupported', message: `The certificate's key is ${pub.name}; the mock SP signs with RSA or ECDSA keys.` });

  const block = pemBlock(keyPem);
  if (!block) return fail({ code: 'key-not-pem', message: 'The private key is not a PEM block ("-----BEGIN PRIVATE KEY-----" …).' });
  if (block.label === 'ENCRYPTED' || block.label === 'ENCRYPTED PRIVATE KEY') {
    return fail({ code: 'key-encrypted', message: 'The private key is encrypted. Decrypt it first: `openssl pkey -in key.pem -out key-plain.pem`.' });
  }
  let pkcs8: Uint8Array | null;
  if (block.label === 'PRIVATE KEY') pkcs8 = block.der;
  else if (block.label === 'RSA PRIVATE KEY') pkcs8 = isRsa ? pkcs8FromPkcs1(block.der) : null;
  else if (block.label === 'EC PRIVATE KEY') pkcs8 = isEc ? pkcs8FromSec1(block.der, pub.namedCurve ?? '') : null;
  else return fail({ code: 'key-unsupported', message: `A "${block.label}" PEM block is not a private key. Expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY.` });
  if (!pkcs8) return fail({ code: 'key-certificate-mismatch', message: `The private key is a ${block.label} but the certificate holds ${isRsa ? 'an RSA' : `an EC ${pub.namedCurve ?? ''}`} key.` });

  const hash = options.rsaHash ?? 'SHA-256';
  const importAlg: RsaHashedImportParams | EcKeyImportParams = isRsa ? { name: 'RSASSA-PKCS1-v1_5', hash } : { name: 'ECDSA', namedCurve: pub.namedCurve ?? 'P-256' };
  let privateKey: CryptoKey;
  try {
    privateKey = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, importAlg, false, ['sign']);
  } catch (e) {
    return fail({ code: 'key-certificate-mismatch', message: `The private key could not be imported as ${isRsa ? 'RSA' : `EC ${pub.namedCurve ?? ''}`} (${(e as Error).message}); is it the key of this certificate?` });
  }
  // Probe: a key that does not belong to the certificate would produce signatures nobody can verify.
  const probe = new TextEncoder().encode('samlscope key/certificate match probe');
  const signParams = isRsa ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  const verifyAlg = isRsa ? { name: 'RSASSA-PKCS1-v1_5', hash } : { name: 'ECDSA', namedCurve: pub.namedCurve ?? 'P-256' };
  try {
    const sig = await globalThis.crypto.subtle.sign(signParams, privateKey, probe);
    const pubKey = await globalThis.crypto.subtle.importKey('spki', cert.publicKey.rawData, verifyAlg, false, ['verify']);
    if (!(await globalThis.crypto.subtle.verify(signParams, pubKey, sig, probe))) {
      return fail({ code: 'key-certificate-mismatch', message: 'The private key does not belong to the certificate: a probe signature does not verify with the certificate\'s public key.' });
    }
  } catch (e) {
    return fail({ code: 'key-certificate-mismatch', message: `The key could not be checked against the certificate: ${(e as Error).message}` });
  }
  return ok(await describe(privateKey, cert, parsed.der, options.exportPrivateKey ? pem('PRIVATE KEY', pkcs8) : null));
}

/** What signing needs: the private key and the certificate to put into KeyInfo. An SpKeyPair is one. */
export interface SpSigningKey {
  privateKey: CryptoKey;
  certificateDer: string;
}

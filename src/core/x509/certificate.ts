import { decodeBase64Lenient, encodeBase64 } from '../encoding/base64';
import type { CertificateSummary } from '../types';
import { readCertificateDer, type CertificateView } from './der';

export type { CertificateView } from './der';
export type ParsedCertificate = { ok: true; cert: CertificateView; der: Uint8Array } | { ok: false; message: string };

const parsedCache = new Map<string, ParsedCertificate>();
const summaryCache = new Map<string, Promise<CertificateSummary | null>>();
const CACHE_LIMIT = 512;

/**
 * Strip PEM armour, XML-DSig whitespace and an enclosing <X509Certificate> element, then parse.
 * Parsed certificates are cached by their text: the same certificate is met in KeyInfo, in the
 * metadata and in the anchor list, and ASN.1 parsing dominated verification time (bench/).
 */
export function parseCertificate(text: string): ParsedCertificate {
  const hit = parsedCache.get(text);
  if (hit) return hit;
  const parsed = parseCertificateUncached(text);
  if (parsedCache.size >= CACHE_LIMIT) parsedCache.clear();
  parsedCache.set(text, parsed);
  return parsed;
}

function parseCertificateUncached(text: string): ParsedCertificate {
  let body = text.trim();
  const element = /<(?:[A-Za-z0-9_.-]+:)?X509Certificate\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z0-9_.-]+:)?X509Certificate>/.exec(body);
  if (element) body = element[1] ?? '';
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(body);
  if (pem) body = pem[1] ?? '';
  const bytes = decodeBase64Lenient(body);
  if (!bytes.ok) return { ok: false, message: `The certificate is not base64/PEM: ${bytes.error.message}` };
  const cert = readCertificateBytes(bytes.value.bytes);
  return cert.ok ? { ok: true, cert: cert.value, der: bytes.value.bytes } : { ok: false, message: `Not an X.509 certificate: ${cert.message}` };
}

/** A certificate from the bytes of an X509Certificate element or PEM block (DER, or text wrapping it). */
export function readCertificateBytes(bytes: Uint8Array): ReturnType<typeof readCertificateDer> {
  return readCertificateDer(derOfEncodedText(bytes));
}

/**
 * Some IdPs base64-encode the PEM text, or hex, instead of the DER (rubysaml's ADFS fixture puts
 * base64 of a PEM file in <X509Certificate>). @peculiar/x509, which read certificates before
 * ./der, accepted such bytes, so they are still unwrapped, one level: bytes that do not start a
 * DER SEQUENCE are read as text holding a PEM block, hex or base64.
 */
function derOfEncodedText(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0 || bytes[0] === 0x30) return bytes;
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  const pem = /-----BEGIN ([^\n-][^\n]*?)-----\r?\n([A-Za-z0-9+/=\r\n]+?)-----END \1-----/.exec(text);
  if (pem) {
    const inner = decodeBase64Lenient(pem[2]!);
    return inner.ok ? inner.value.bytes : bytes;
  }
  if (/^[0-9a-f\s]+$/i.test(text) && text.replace(/\s+/g, '').length % 2 === 0) {
    const digits = text.replace(/\s+/g, '');
    return Uint8Array.from({ length: digits.length / 2 }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
  }
  const inner = decodeBase64Lenient(text);
  return inner.ok ? inner.value.bytes : bytes;
}

export function colonHex(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

export async function sha256Fingerprint(der: Uint8Array): Promise<string> {
  return colonHex(await crypto.subtle.digest('SHA-256', der as BufferSource));
}

function describeKeyAlgorithm(cert: CertificateView): string {
  const alg = cert.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  if (alg.name === 'RSASSA-PKCS1-v1_5' || alg.name === 'RSA-PSS' || alg.name === 'RSA-OAEP') {
    return `RSA${alg.modulusLength ? ` ${alg.modulusLength}-bit` : ''}`;
  }
  if (alg.name === 'ECDSA' || alg.name === 'ECDH') return `EC ${alg.namedCurve ?? ''}`.trim();
  return alg.name;
}

export async function summarizeCertificate(der: Uint8Array, foundIn: string): Promise<CertificateSummary | null> {
  const key = encodeBase64(der);
  let pending = summaryCache.get(key);
  if (!pending) {
    pending = summarizeCertificateUncached(der);
    if (summaryCache.size >= CACHE_LIMIT) summaryCache.clear();
    summaryCache.set(key, pending);
  }
  const summary = await pending;
  return summary ? { ...summary, foundIn } : null;
}

async function summarizeCertificateUncached(der: Uint8Array): Promise<CertificateSummary | null> {
  const foundIn = '';
  const read = readCertificateBytes(der);
  if (!read.ok) return null;
  const cert = read.value;
  const [sha1, sha256] = await Promise.all([
    crypto.subtle.digest('SHA-1', der as BufferSource),
    crypto.subtle.digest('SHA-256', der as BufferSource),
  ]);
  let keyAlg = 'unknown';
  try {
    keyAlg = describeKeyAlgorithm(cert);
  } catch {
    /* unusual key type: still show the certificate */
  }
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    serialNumber: cert.serialNumber,
    publicKeyAlgorithm: keyAlg,
    sha1Fingerprint: colonHex(sha1),
    sha256Fingerprint: colonHex(sha256),
    der: encodeBase64(der),
    foundIn,
  };
}

/** SubjectPublicKeyInfo DER (base64) of a certificate: trust is matched by public key, not by certificate bytes. */
export function spkiOf(cert: CertificateView): string {
  return encodeBase64(new Uint8Array(cert.publicKey.rawData));
}

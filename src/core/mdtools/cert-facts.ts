// The few facts of an X.509 certificate the metadata tools need — validity, subject, key type
// and size, the hash of its signature, the SubjectPublicKeyInfo — read straight from the DER
// (RFC 5280 §4.1). A federation aggregate carries ~20,000 certificates; @peculiar/x509 builds a
// full ASN.1 object model of each (6 ms per certificate, 90 % of a 100 MB lint: docs/metadata.md),
// this reads ~30 fields. Anything it does not understand returns null and the caller falls back
// to @peculiar/x509, which also words the error of a broken certificate.
import { encodeBase64 } from '../encoding/base64';

export interface FastCertFacts {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  keyAlgorithm: string;
  keyBits: number | null;
  signatureHash: string | null;
  spki: string;
}

interface Tlv {
  tag: number;
  start: number;
  /** First content byte. */
  body: number;
  end: number;
}

function tlv(b: Uint8Array, at: number, limit: number): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = b[at]!;
  let len = b[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i]!;
    body += n;
  }
  const end = body + len;
  return end > limit ? null : { tag, start: at, body, end };
}

function children(b: Uint8Array, t: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end; ) {
    const c = tlv(b, at, t.end);
    if (!c) return null;
    out.push(c);
    at = c.end;
  }
  return out;
}

function oid(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.body; i < t.end; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** RFC 5280 §4.1.2.5: UTCTime (YY < 50 is 20YY) or GeneralizedTime, both in UTC ("Z"). */
function time(b: Uint8Array, t: Tlv): string | null {
  const s = String.fromCharCode(...b.subarray(t.body, t.end));
  const m = t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s) : t.tag === 0x18 ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s) : null;
  if (!m) return null;
  const year = t.tag === 0x17 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'E', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID', '2.5.4.12': 'T', '2.5.4.42': 'G', '2.5.4.4': 'SN',
};
const utf8 = new TextDecoder('utf-8');

function text(b: Uint8Array, t: Tlv): string {
  const bytes = b.subarray(t.body, t.end);
  if (t.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return utf8.decode(bytes);
}

/** RFC 4514 §2.4: special characters escaped with a backslash, as @peculiar/x509 prints them. */
function escapeRdnValue(v: string): string {
  return v.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^([#\s])/, '\\$1').replace(/(\s)$/, '\\$1');
}

/** "CN=…, O=…" in the order written, as @peculiar/x509 prints a Name. */
function name(b: Uint8Array, t: Tlv): string | null {
  const rdns = children(b, t);
  if (!rdns) return null;
  const parts: string[] = [];
  for (const rdn of rdns) {
    for (const atv of children(b, rdn) ?? []) {
      const [type, value] = children(b, atv) ?? [];
      if (!type || !value) return null;
      const o = oid(b, type);
      parts.push(`${NAME_OIDS[o] ?? o}=${escapeRdnValue(text(b, value))}`);
    }
  }
  return parts.join(', ');
}

const SIGNATURE_HASH: Record<string, string | null> = {
  '1.2.840.113549.1.1.4': 'MD5', '1.2.840.113549.1.1.5': 'SHA-1', '1.2.840.113549.1.1.14': 'SHA-224', '1.2.840.113549.1.1.11': 'SHA-256', '1.2.840.113549.1.1.12': 'SHA-384', '1.2.840.113549.1.1.13': 'SHA-512',
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10045.4.3.1': 'SHA-224', '1.2.840.10045.4.3.2': 'SHA-256', '1.2.840.10045.4.3.3': 'SHA-384', '1.2.840.10045.4.3.4': 'SHA-512',
  '1.2.840.10040.4.3': 'SHA-1', '2.16.840.1.101.3.4.3.2': 'SHA-256',
};
const CURVES: Record<string, [string, number]> = { '1.2.840.10045.3.1.7': ['P-256', 256], '1.3.132.0.34': ['P-384', 384], '1.3.132.0.35': ['P-521', 521] };

/** RSA modulus length in bits: the INTEGER's length without its sign byte, less the leading zero bits. */
function rsaBits(b: Uint8Array, bitString: Tlv): number | null {
  const seq = tlv(b, bitString.body + 1, bitString.end);
  const n = seq && children(b, seq)?.[0];
  if (!n || n.tag !== 0x02) return null;
  let i = n.body;
  while (i < n.end && b[i] === 0) i++;
  if (i >= n.end) return null;
  return (n.end - i) * 8 - Math.clz32(b[i]!) + 24;
}

export function readCertificateFacts(der: Uint8Array): FastCertFacts | null {
  const cert = tlv(der, 0, der.length);
  const top = cert && cert.tag === 0x30 ? children(der, cert) : null;
  if (!top || top.length !== 3) return null;
  const tbs = children(der, top[0]!);
  const sigAlg = children(der, top[1]!);
  if (!tbs || !sigAlg?.[0] || sigAlg[0].tag !== 0x06) return null;
  // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki, …
  const f = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const [, , issuerT, validityT, subjectT, spkiT] = f;
  if (!issuerT || !validityT || !subjectT || !spkiT) return null;
  const validity = children(der, validityT);
  const notBefore = validity?.[0] && time(der, validity[0]);
  const notAfter = validity?.[1] && time(der, validity[1]);
  const subject = name(der, subjectT);
  const issuer = name(der, issuerT);
  const spki = children(der, spkiT);
  const alg = spki?.[0] && children(der, spki[0]);
  if (!notBefore || !notAfter || subject === null || issuer === null || !spki?.[1] || !alg?.[0]) return null;
  const keyOid = oid(der, alg[0]);
  let keyAlgorithm = keyOid;
  let keyBits: number | null = null;
  if (keyOid === '1.2.840.113549.1.1.1' || keyOid === '1.2.840.113549.1.1.10') {
    keyAlgorithm = 'RSA';
    keyBits = rsaBits(der, spki[1]);
  } else if (keyOid === '1.2.840.10045.2.1') {
    const curve = alg[1]?.tag === 0x06 ? CURVES[oid(der, alg[1])] : undefined;
    keyAlgorithm = `EC ${curve?.[0] ?? ''}`.trim();
    keyBits = curve?.[1] ?? null;
  } else if (keyOid === '1.3.101.112') keyAlgorithm = 'Ed25519';
  else if (keyOid === '1.2.840.10040.4.1') keyAlgorithm = 'DSA';
  return {
    subject,
    issuer,
    notBefore,
    notAfter,
    keyAlgorithm,
    keyBits,
    signatureHash: SIGNATURE_HASH[oid(der, sigAlg[0])] ?? null,
    spki: encodeBase64(der.subarray(spkiT.start, spkiT.end)),
  };
}

// Reads the few fields of an X.509 certificate that inspection needs (RFC 5280 §4.1): serial
// number, issuer, validity, subject and the SubjectPublicKeyInfo with its key algorithm.
//
// Hand-written on purpose (issue 15): @peculiar/x509 builds its ASN.1 schemas, algorithm
// registry and dependency-injection container when it is imported, which cost the CLI ~80 ms of
// CPU at every start (more than the rest of `inspect` together, docs/performance.md "CLI start").
// This reader walks DER tag-length-value triples and nothing else. Its output is checked against
// @peculiar/x509 on every certificate of the corpus and on generated edge cases (der.test.ts), so
// subjects, serial numbers and key descriptions read exactly as before; @peculiar/x509 stays in
// use where certificates are created or their extensions read (mock SP, metadata tools).

/** The subset of @peculiar/x509's X509Certificate that the core reads; that class satisfies it too. */
export interface CertificateView {
  readonly serialNumber: string;
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: { readonly rawData: ArrayBuffer; readonly algorithm: Algorithm };
}

/** What this reader gives beyond CertificateView: the hash of the certificate's own signature. */
export interface DerCertificate extends CertificateView {
  /** 'SHA-1', 'SHA-256', 'MD5'… from the signatureAlgorithm, or null when it names no hash this reader knows. */
  readonly signatureHash: string | null;
}

export type DerResult<T> = { ok: true; value: T } | { ok: false; message: string };

interface Tlv {
  /** Offset of the identifier octet. */
  at: number;
  /** Identifier octet (class, constructed bit and tag number < 31). */
  tag: number;
  /** Offset of the content octets. */
  start: number;
  /** Offset just past the content octets. */
  end: number;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OID = 0x06;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
const VERSION_TAG = 0xa0;

class DerError extends Error {}

function readTlv(b: Uint8Array, at: number, limit: number): Tlv {
  if (at + 2 > limit) throw new DerError(`truncated element at offset ${at}`);
  const tag = b[at]!;
  // Certificates use only low tag numbers up to the key; whatever follows it is never read.
  if ((tag & 0x1f) === 0x1f) throw new DerError(`high tag number at offset ${at}`);
  let length = b[at + 1]!;
  let start = at + 2;
  if (length === 0x80) throw new DerError(`indefinite length at offset ${at} (not DER)`);
  if (length > 0x80) {
    const count = length & 0x7f;
    if (count > 4 || start + count > limit) throw new DerError(`bad length at offset ${at}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + b[start + i]!;
    start += count;
  }
  const end = start + length;
  if (end > limit) throw new DerError(`element at offset ${at} runs past its container`);
  return { at, tag, start, end };
}

function expect(b: Uint8Array, at: number, limit: number, tag: number, what: string): Tlv {
  const t = readTlv(b, at, limit);
  if (t.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`);
  return t;
}

function children(b: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const t = readTlv(b, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const x of bytes) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Dotted form of an OBJECT IDENTIFIER's content octets (X.690 §8.19). */
function oidText(b: Uint8Array, t: Tlv): string {
  const arcs: number[] = [];
  let value = 0;
  for (let i = t.start; i < t.end; i++) {
    value = value * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

// --- names (RFC 5280 §4.1.2.4), written as @peculiar/x509's Name.toString() writes them ---

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'T',
};

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UCS-2 (BMPString) and UCS-4 (UniversalString), big-endian; asn1js keeps the low 16 bits of each UCS-4 code. */
function wideString(bytes: Uint8Array, width: 2 | 4): string {
  let s = '';
  for (let i = 0; i + width <= bytes.length; i += width) {
    const code = width === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    s += String.fromCharCode(code);
  }
  return s;
}

/** The attribute value as text, or null for a type that is shown as `#` + hex of its encoding. */
function directoryString(b: Uint8Array, t: Tlv): string | null {
  const content = b.subarray(t.start, t.end);
  switch (t.tag) {
    case 0x0c: // UTF8String; asn1js falls back to the bytes as Latin-1 when they are not UTF-8
      try {
        return utf8.decode(content);
      } catch {
        return latin1(content);
      }
    case 0x05: return ''; // NULL: no value at all in @peculiar/x509
    case 0x13: // PrintableString
    case 0x14: // TeletexString (T61String), read byte for byte as asn1js does
    case 0x16: return latin1(content); // IA5String
    case 0x1e: return wideString(content, 2); // BMPString
    case 0x1c: return wideString(content, 4); // UniversalString
    default: return null;
  }
}

function escapeValue(value: string): string {
  // The last replace has no /g in @peculiar/x509 either: only the first control character is escaped.
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/([\r\n\t])/, (c) => `\\${hex(new TextEncoder().encode(c)).toUpperCase()}`);
}

function nameText(b: Uint8Array, name: Tlv): string {
  return children(b, name)
    .map((rdn) => {
      if (rdn.tag !== SET) throw new DerError('a name component is not a SET');
      return children(b, rdn)
        .map((atv) => {
          if (atv.tag !== SEQUENCE) throw new DerError('a name attribute is not a SEQUENCE');
          const [type, value] = children(b, atv);
          if (!type || type.tag !== OID || !value) throw new DerError('a name attribute lacks its type or value');
          const oid = oidText(b, type);
          const text = directoryString(b, value);
          // Any other string type is shown as `#` and the hex of its whole encoding (RFC 4514 §2.4).
          return `${SHORT_NAMES[oid] ?? oid}=${text === null ? `#${hex(b.subarray(value.at, value.end))}` : escapeValue(text)}`;
        })
        .join('+');
    })
    .join(', ');
}

// --- validity (RFC 5280 §4.1.2.5) ---

function timeOf(b: Uint8Array, t: Tlv): Date {
  const text = latin1(b.subarray(t.start, t.end));
  let m: RegExpExecArray | null;
  if (t.tag === UTC_TIME && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text))) {
    // RFC 5280 §4.1.2.5.1: YY ≥ 50 is 19YY, otherwise 20YY.
    const yy = Number(m[1]);
    return new Date(Date.UTC(yy >= 50 ? 1900 + yy : 2000 + yy, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  }
  if (t.tag === GENERALIZED_TIME && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d+))?Z$/.exec(text))) {
    const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms));
    // Date.UTC maps years 0–99 to 1900–1999.
    d.setUTCFullYear(Number(m[1]));
    return d;
  }
  throw new DerError(`unsupported time "${text}"`);
}

// --- the public key (RFC 5280 §4.1.2.7), described as @peculiar/x509's PublicKey.algorithm ---

const EC_CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.10': 'K-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.36.3.3.2.8.1.1.1': 'brainpoolP160r1',
  '1.3.36.3.3.2.8.1.1.2': 'brainpoolP160t1',
  '1.3.36.3.3.2.8.1.1.3': 'brainpoolP192r1',
  '1.3.36.3.3.2.8.1.1.4': 'brainpoolP192t1',
  '1.3.36.3.3.2.8.1.1.5': 'brainpoolP224r1',
  '1.3.36.3.3.2.8.1.1.6': 'brainpoolP224t1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.8': 'brainpoolP256t1',
  '1.3.36.3.3.2.8.1.1.9': 'brainpoolP320r1',
  '1.3.36.3.3.2.8.1.1.10': 'brainpoolP320t1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.12': 'brainpoolP384t1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
  '1.3.36.3.3.2.8.1.1.14': 'brainpoolP512t1',
};

const KEY_ALGORITHMS: Record<string, () => Algorithm & Record<string, unknown>> = {
  // RSASSA-PSS keys (RFC 4055 §3.1): the name only; their parameters are not needed to describe the key.
  '1.2.840.113549.1.1.10': () => ({ name: 'RSA-PSS' }),
  '1.3.101.112': () => ({ name: 'Ed25519' }),
  '1.3.101.113': () => ({ name: 'EdDSA', namedCurve: 'Ed448' }),
  '1.3.101.110': () => ({ name: 'X25519' }),
  '1.3.101.111': () => ({ name: 'ECDH-ES', namedCurve: 'X448' }),
};

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** WebCrypto-style description of a SubjectPublicKeyInfo's key: name, and the curve or the RSA modulus size. */
function keyAlgorithm(b: Uint8Array, spki: Tlv): Algorithm & Record<string, unknown> {
  const [algorithm, key] = children(b, spki);
  if (!algorithm || algorithm.tag !== SEQUENCE || !key || key.tag !== BIT_STRING) throw new DerError('SubjectPublicKeyInfo is not { AlgorithmIdentifier, BIT STRING }');
  const [oidTlv, params] = children(b, algorithm);
  if (!oidTlv || oidTlv.tag !== OID) throw new DerError('the key algorithm has no OID');
  const oid = oidText(b, oidTlv);
  if (oid === EC_PUBLIC_KEY) {
    if (!params || params.tag !== OID) throw new DerError('an EC key without a named curve');
    const curve = oidText(b, params);
    const namedCurve = EC_CURVES[curve];
    if (!namedCurve) throw new DerError(`unsupported EC curve ${curve}`);
    return { name: 'ECDSA', namedCurve };
  }
  if (oid === RSA_ENCRYPTION) {
    // The BIT STRING holds RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 §A.1.1).
    const inner = expect(b, key.start + 1, key.end, SEQUENCE, 'RSAPublicKey');
    const [modulus, exponent] = children(b, inner);
    if (!modulus || modulus.tag !== INTEGER || !exponent || exponent.tag !== INTEGER) throw new DerError('RSAPublicKey is not { modulus, publicExponent }');
    const leadingZero = modulus.end - modulus.start > 0 && b[modulus.start] === 0 ? 1 : 0;
    return { name: 'RSASSA-PKCS1-v1_5', publicExponent: b.slice(exponent.start, exponent.end), modulusLength: (modulus.end - modulus.start - leadingZero) << 3 };
  }
  return KEY_ALGORITHMS[oid]?.() ?? { name: oid };
}

function publicKeyOf(b: Uint8Array, spki: Tlv): CertificateView['publicKey'] {
  const rawData = b.slice(spki.at, spki.end).buffer;
  let algorithm: Algorithm | null = null;
  return {
    rawData,
    // Read on first use, as @peculiar/x509 does: an unusual key does not make the certificate unreadable.
    get algorithm() {
      return (algorithm ??= keyAlgorithm(b, spki));
    },
  };
}

// Signature algorithms (RFC 3279, 4055, 5758) by the hash they use. MD5 is named, though
// @peculiar/x509 does not name it, so that metadata lint can flag md5WithRSAEncryption.
const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5',
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.14': 'SHA-224',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.1': 'SHA-224',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
  '1.2.840.10040.4.3': 'SHA-1',
  '2.16.840.1.101.3.4.3.2': 'SHA-256',
};

function signatureHashOf(b: Uint8Array, sigAlg: Tlv): string | null {
  const [oid] = children(b, sigAlg);
  return oid?.tag === OID ? (SIGNATURE_HASHES[oidText(b, oid)] ?? null) : null;
}

/** Parse a DER certificate into the fields the core reads. */
export function readCertificateDer(der: Uint8Array): DerResult<DerCertificate> {
  try {
    const b = der;
    const cert = expect(b, 0, b.length, SEQUENCE, 'Certificate');
    const [tbs, sigAlg, sigValue] = children(b, cert);
    if (!tbs || tbs.tag !== SEQUENCE || !sigAlg || sigAlg.tag !== SEQUENCE || !sigValue || sigValue.tag !== BIT_STRING) throw new DerError('Certificate is not { tbsCertificate, signatureAlgorithm, signatureValue }');
    const fields = children(b, tbs);
    let i = fields[0]?.tag === VERSION_TAG ? 1 : 0;
    const serial = fields[i++];
    const signature = fields[i++];
    const issuer = fields[i++];
    const validity = fields[i++];
    const subject = fields[i++];
    const spki = fields[i];
    if (!serial || serial.tag !== INTEGER) throw new DerError('no serialNumber');
    if (!signature || signature.tag !== SEQUENCE || !issuer || issuer.tag !== SEQUENCE || !validity || validity.tag !== SEQUENCE || !subject || subject.tag !== SEQUENCE || !spki || spki.tag !== SEQUENCE) throw new DerError('tbsCertificate lacks a required field');
    const [notBefore, notAfter] = children(b, validity);
    if (!notBefore || !notAfter) throw new DerError('validity lacks a date');
    const [keyAlgorithmTlv, keyBits] = children(b, spki);
    if (!keyAlgorithmTlv || keyAlgorithmTlv.tag !== SEQUENCE || !keyBits || keyBits.tag !== BIT_STRING) throw new DerError('SubjectPublicKeyInfo is not { AlgorithmIdentifier, BIT STRING }');
    let serialBytes = b.subarray(serial.start, serial.end);
    if (serialBytes.length > 1 && serialBytes[0] === 0 && serialBytes[1]! > 0x7f) serialBytes = serialBytes.subarray(1);
    const view: DerCertificate = {
      signatureHash: signatureHashOf(b, sigAlg),
      serialNumber: hex(serialBytes),
      subject: nameText(b, subject),
      issuer: nameText(b, issuer),
      notBefore: timeOf(b, notBefore),
      notAfter: timeOf(b, notAfter),
      publicKey: publicKeyOf(b, spki),
    };
    return { ok: true, value: view };
  } catch (e) {
    if (e instanceof DerError) return { ok: false, message: e.message };
    throw e;
  }
}

/** The key algorithm of a SubjectPublicKeyInfo (DER), as CertificateView.publicKey.algorithm describes it. */
export function readPublicKeyAlgorithm(spki: Uint8Array): DerResult<Algorithm & Record<string, unknown>> {
  try {
    return { ok: true, value: keyAlgorithm(spki, expect(spki, 0, spki.length, SEQUENCE, 'SubjectPublicKeyInfo')) };
  } catch (e) {
    if (e instanceof DerError) return { ok: false, message: e.message };
    throw e;
  }
}

// Keys the person pastes — and only those — are trust anchors for ID token signatures:
// a JWKS (RFC 7517 §5), a single JWK (RFC 7517 §4), PEM/base64 X.509 certificates (RFC 5280,
// parsed with @peculiar/x509) or PEM public keys (SPKI, RFC 5280 §4.1.2.7; PKCS#1 RSA). No URL
// (jwks_uri, jku, x5u) is ever fetched: samlscope makes no network request at run time.
import { parseCertificate, sha256Fingerprint } from '../x509/certificate';
import { OIDC_LIMITS } from '../limits';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { parseBoundedJson } from './boundedJson';
import type { OidcError } from './findings';

export type KeySource = 'jwks' | 'jwk' | 'certificate' | 'public-key' | 'client-secret' | 'header-jwk' | 'header-x5c';

/** A public JWK reduced to the members that define the key (RFC 7638 §3.2), plus metadata. */
export interface TrustedKey {
  /** Public members only: kty and n,e / crv,x,y / crv,x / k. */
  jwk: JsonWebKey;
  kty: string;
  crv: string | null;
  kid: string | null;
  /** "alg", "use" and "key_ops" the key declares (RFC 7517 §4.2–4.4), if any. */
  alg: string | null;
  use: string | null;
  keyOps: string[] | null;
  source: KeySource;
  /** Human description: "RSA 2048-bit, kid "abc", JWKS key #1". */
  description: string;
  /** RFC 7638 JWK SHA-256 thumbprint, base64url. */
  thumbprint: string;
  rsaModulusBits: number | null;
  certificate: { subject: string; notBefore: string; notAfter: string; sha256Fingerprint: string } | null;
}

export interface TrustedKeyMaterial {
  keys: TrustedKey[];
  errors: OidcError[];
  notes: string[];
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** Parse whatever the person pasted as trusted keys. Never throws. */
export async function parseTrustedKeys(text: string): Promise<TrustedKeyMaterial> {
  const out: TrustedKeyMaterial = { keys: [], errors: [], notes: [] };
  if (text.length > OIDC_LIMITS.keysTextLength) {
    out.errors.push({ code: 'oidc-keys-too-large', message: `The keys text is ${text.length} characters; samlscope reads at most ${OIDC_LIMITS.keysTextLength} (a provider's JWKS is a few KB).` });
    return out;
  }
  const s = text.trim();
  if (s === '') return out;
  if (s.startsWith('{') || s.startsWith('[')) {
    await parseJsonKeys(s, out);
    return out;
  }
  if (/-----BEGIN [A-Z0-9 ]+-----/.test(s)) {
    await parsePemBlocks(s, out);
    return out;
  }
  // Bare base64: a DER certificate (as copied from metadata or a portal).
  const parsed = parseCertificate(s);
  if (parsed.ok) {
    await addCertificate(parsed.cert, parsed.der, 'certificate', 'certificate', out);
    return out;
  }
  out.errors.push({
    code: 'oidc-key-unrecognized',
    message: 'Not a key: paste the provider\'s JWKS (the JSON at its jwks_uri, {"keys": [...]}), a single JWK, or PEM certificates / public keys.',
  });
  return out;
}

/** The client secret as an HMAC key: OIDC Core §10.1, "the octets of the UTF-8 representation of the client_secret". */
export async function clientSecretKey(secret: string): Promise<TrustedKey> {
  const k = encodeBase64Url(new TextEncoder().encode(secret));
  const jwk: JsonWebKey = { kty: 'oct', k };
  return {
    jwk, kty: 'oct', crv: null, kid: null, alg: null, use: null, keyOps: null, source: 'client-secret',
    description: `OIDC Client Secret (${new TextEncoder().encode(secret).length} bytes, used as HMAC key)`,
    thumbprint: await jwkThumbprint(jwk), rsaModulusBits: null, certificate: null,
  };
}

async function parseJsonKeys(s: string, out: TrustedKeyMaterial): Promise<void> {
  const parsed = parseBoundedJson(s, 'the keys', 'RFC 7517 §5');
  if (!parsed.ok) {
    out.errors.push(parsed.error.code === 'oidc-bad-json' ? { code: 'oidc-key-bad-json', message: parsed.error.message } : parsed.error);
    return;
  }
  const value = parsed.value;
  if (Array.isArray(value)) {
    await addJwkList(value, 'jwks', (i) => `key #${i + 1} of the list`, out);
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.errors.push({ code: 'oidc-key-bad-json', message: 'The keys JSON must be an object: {"keys": [...]} or a JWK.' });
    return;
  }
  const obj = value as Record<string, unknown>;
  if (Array.isArray(obj.keys)) {
    if (obj.keys.length === 0) out.errors.push({ code: 'oidc-key-empty-jwks', message: 'The JWKS has no keys ({"keys": []}).' });
    await addJwkList(obj.keys, 'jwks', (i) => `JWKS key #${i + 1}`, out);
    return;
  }
  if (typeof obj.kty === 'string') {
    await addJwk(obj, 'jwk', 'pasted JWK', out);
    return;
  }
  if (typeof obj.jwks_uri === 'string') {
    out.errors.push({
      code: 'oidc-key-is-discovery',
      message: `This is the discovery document, not the keys: open its jwks_uri (${obj.jwks_uri}) yourself and paste that JSON here (samlscope never fetches anything).`,
    });
    return;
  }
  if (typeof obj.id_token === 'string' || typeof obj.iss === 'string') {
    out.errors.push({ code: 'oidc-key-is-token', message: 'This looks like a token or token response, not keys: paste it in the token field.' });
    return;
  }
  out.errors.push({ code: 'oidc-key-unrecognized', message: 'JSON without "keys" nor "kty": not a JWKS (RFC 7517 §5) nor a JWK (RFC 7517 §4).' });
}

/** At most OIDC_LIMITS.keysInInput keys are read: 10,000 keys cost seconds of hashing and trying. */
async function addJwkList(list: unknown[], source: KeySource, label: (i: number) => string, out: TrustedKeyMaterial): Promise<void> {
  const n = Math.min(list.length, OIDC_LIMITS.keysInInput);
  for (let i = 0; i < n; i++) await addJwk(list[i], source, label(i), out);
  if (list.length > n) keyLimitError(out, list.length);
}

function keyLimitError(out: TrustedKeyMaterial, count: number | null): void {
  out.errors.push({ code: 'oidc-key-limit', message: `${count === null ? 'More than' : `${count} keys pasted;`} samlscope reads the first ${OIDC_LIMITS.keysInInput}${count === null ? ' keys' : ''} and ignores the rest (a provider publishes a handful).` });
}

/**
 * RSA public key limits, checked on the encoded lengths and the decoded bytes before any
 * arithmetic (the failed-signature diagnosis does modular exponentiation in JavaScript):
 * modulus OIDC_LIMITS.rsaModulusMinBits..rsaModulusMaxBits, exponent odd, ≥ 3, at most
 * rsaExponentMaxBits bits — hence far below n (RFC 8017 §3.1: 3 ≤ e ≤ n − 1).
 */
function rsaKeyProblem(nText: string, eText: string, label: string): { code: string; why: string } | { n: Uint8Array; bits: number } {
  const maxNChars = Math.ceil((OIDC_LIMITS.rsaModulusMaxBits / 8 + 1) * 4 / 3);
  if (nText.length > maxNChars) return { code: 'oidc-key-too-large', why: `its modulus "n" is ${nText.length} base64url characters, more than a ${OIDC_LIMITS.rsaModulusMaxBits}-bit modulus needs (samlscope's maximum, as BoringSSL's and OpenSSL's)` };
  if (eText.length > 8) return { code: 'oidc-key-too-large', why: `its exponent "e" is ${eText.length} base64url characters; public exponents are at most ${OIDC_LIMITS.rsaExponentMaxBits} bits (65537 is "AQAB")` };
  const n = decodeBase64Url(nText, `"n" of ${label}`);
  if (!n.ok) return { code: 'oidc-key-bad-jwk', why: n.error.message };
  const e = decodeBase64Url(eText, `"e" of ${label}`);
  if (!e.ok) return { code: 'oidc-key-bad-jwk', why: e.error.message };
  const bits = bitLength(n.value);
  const eBits = bitLength(e.value);
  if (bits > OIDC_LIMITS.rsaModulusMaxBits) return { code: 'oidc-key-too-large', why: `its modulus has ${bits} bits, more than ${OIDC_LIMITS.rsaModulusMaxBits}` };
  if (bits < OIDC_LIMITS.rsaModulusMinBits) return { code: 'oidc-key-bad-jwk', why: `its modulus has ${bits} bits; no RSA signing key is smaller than ${OIDC_LIMITS.rsaModulusMinBits} (RFC 7518 §3.3 requires 2048)` };
  if ((n.value[n.value.length - 1] & 1) === 0) return { code: 'oidc-key-bad-jwk', why: 'its modulus is even, so it is not a product of two odd primes (RFC 8017 §3.1)' };
  if (eBits > OIDC_LIMITS.rsaExponentMaxBits) return { code: 'oidc-key-too-large', why: `its exponent has ${eBits} bits, more than ${OIDC_LIMITS.rsaExponentMaxBits}` };
  if (eBits < 2 || (e.value[e.value.length - 1] & 1) === 0) return { code: 'oidc-key-bad-jwk', why: 'its exponent is not an odd number ≥ 3 (RFC 8017 §3.1)' };
  return { n: n.value, bits };
}

/** Add one JWK after checking its required members (RFC 7518 §6). */
export async function addJwk(raw: unknown, source: KeySource, label: string, out: TrustedKeyMaterial): Promise<TrustedKey | null> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    out.errors.push({ code: 'oidc-key-bad-jwk', message: `${label} is not a JSON object.` });
    return null;
  }
  const j = raw as Record<string, unknown>;
  const kty = typeof j.kty === 'string' ? j.kty : null;
  const str = (k: string): string | null => (typeof j[k] === 'string' ? (j[k] as string) : null);
  let jwk: JsonWebKey;
  let rsaModulusBits: number | null = null;
  const missing = (members: string[]) => members.filter((m) => str(m) === null);
  if (out.keys.length >= OIDC_LIMITS.keysInInput) {
    if (!out.errors.some((x) => x.code === 'oidc-key-limit')) keyLimitError(out, null);
    return null;
  }
  // Secret material in a trust field is refused, as for PEM private keys: samlscope needs only
  // public keys, and a pasted private key means it was copied from the wrong place (RFC 7518 §6.3.2).
  const privateMembers = kty === 'oct' ? [] : PRIVATE_MEMBERS.filter((m) => Object.prototype.hasOwnProperty.call(j, m));
  if (privateMembers.length > 0) {
    out.errors.push({ code: 'oidc-key-private', message: `${label} is a private key (it has ${privateMembers.join(', ')}): it was ignored. Paste the provider's public JWKS (its jwks_uri) instead, and treat this private key as exposed if it left your machine.` });
    return null;
  }
  const oversized = ['n', 'e', 'x', 'y', 'k', 'crv'].find((m) => (str(m)?.length ?? 0) > OIDC_LIMITS.keyMemberLength);
  if (oversized) {
    out.errors.push({ code: 'oidc-key-too-large', message: `${label} is not used: its "${oversized}" is ${str(oversized)!.length} characters, more than ${OIDC_LIMITS.keyMemberLength}.` });
    return null;
  }
  switch (kty) {
    case 'RSA': {
      const m = missing(['n', 'e']);
      if (m.length) return badJwk(out, label, `an RSA JWK needs ${m.join(' and ')} (RFC 7518 §6.3.1)`);
      const checked = rsaKeyProblem(str('n')!, str('e')!, label);
      if ('code' in checked) {
        out.errors.push({ code: checked.code, message: `${label} is not a usable RSA key: ${checked.why}.` });
        return null;
      }
      rsaModulusBits = checked.bits;
      jwk = { kty, n: str('n')!, e: str('e')! };
      break;
    }
    case 'EC': {
      const m = missing(['crv', 'x', 'y']);
      if (m.length) return badJwk(out, label, `an EC JWK needs ${m.join(', ')} (RFC 7518 §6.2.1)`);
      jwk = { kty, crv: str('crv')!, x: str('x')!, y: str('y')! };
      break;
    }
    case 'OKP': {
      const m = missing(['crv', 'x']);
      if (m.length) return badJwk(out, label, `an OKP JWK needs ${m.join(' and ')} (RFC 8037 §2)`);
      jwk = { kty, crv: str('crv')!, x: str('x')! };
      break;
    }
    case 'oct': {
      if (str('k') === null) return badJwk(out, label, 'a symmetric JWK needs k (RFC 7518 §6.4.1)');
      jwk = { kty, k: str('k')! };
      break;
    }
    default:
      return badJwk(out, label, kty === null ? 'it has no "kty" (RFC 7517 §4.1)' : `unknown "kty" ${JSON.stringify(kty)}`);
  }
  const kid = str('kid');
  const keyOps = Array.isArray(j.key_ops) ? j.key_ops.filter((x): x is string => typeof x === 'string') : null;
  let certificate: TrustedKey['certificate'] = null;
  if (Array.isArray(j.x5c) && typeof j.x5c[0] === 'string') {
    // RFC 7517 §4.7: the first certificate's key MUST match the JWK; shown for its validity dates.
    const parsed = parseCertificate(j.x5c[0]);
    if (parsed.ok) certificate = await certificateSummary(parsed.cert, parsed.der);
  }
  const key: TrustedKey = {
    jwk, kty, crv: jwk.crv ?? null, kid, alg: str('alg'), use: str('use'), keyOps, source,
    description: describeKey(kty, jwk.crv ?? null, rsaModulusBits, kid, label),
    thumbprint: await jwkThumbprint(jwk), rsaModulusBits, certificate,
  };
  out.keys.push(key);
  return key;
}

function badJwk(out: TrustedKeyMaterial, label: string, why: string): null {
  out.errors.push({ code: 'oidc-key-bad-jwk', message: `${label} is not a usable JWK: ${why}.` });
  return null;
}

async function parsePemBlocks(s: string, out: TrustedKeyMaterial): Promise<void> {
  const blocks = pemBlocks(s);
  if (blocks.length === 0) {
    out.errors.push({ code: 'oidc-key-bad-pem', message: 'A PEM "-----BEGIN" line without its matching "-----END" line.' });
    return;
  }
  let n = 0;
  for (const [whole, label, body] of blocks) {
    n++;
    if (n > OIDC_LIMITS.keysInInput) {
      keyLimitError(out, blocks.length);
      break;
    }
    if (/PRIVATE KEY/.test(label)) {
      out.errors.push({ code: 'oidc-key-private', message: `PEM block #${n} is a private key: it was ignored. Only public keys or certificates are needed, and a private key should never be pasted anywhere.` });
      continue;
    }
    if (label === 'CERTIFICATE') {
      const parsed = parseCertificate(whole);
      if (!parsed.ok) out.errors.push({ code: 'oidc-key-bad-certificate', message: `PEM certificate #${n}: ${parsed.message}` });
      else await addCertificate(parsed.cert, parsed.der, 'certificate', `certificate #${n}`, out);
      continue;
    }
    const der = pemBody(body);
    if (!der) {
      out.errors.push({ code: 'oidc-key-bad-pem', message: `PEM block #${n} (${label}) is not base64.` });
      continue;
    }
    if (label === 'PUBLIC KEY') await addSpki(der, 'public-key', `public key #${n}`, null, out);
    else if (label === 'RSA PUBLIC KEY') await addSpki(wrapPkcs1RsaPublicKey(der), 'public-key', `RSA public key #${n}`, null, out);
    else out.errors.push({ code: 'oidc-key-bad-pem', message: `PEM block #${n} is a "${label}", not a certificate nor a public key.` });
  }
}

/**
 * PEM blocks (RFC 7468 §2) as [whole, label, body], in one linear pass over the markers. A
 * backreferencing regex (BEGIN … END \1) rescanned the rest of the text for every unmatched
 * BEGIN: 1 MB of BEGIN lines took 34 s.
 */
function pemBlocks(text: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  let open: { label: string; start: number; bodyStart: number } | null = null;
  for (const m of text.matchAll(/-----(BEGIN|END) ([A-Z0-9 ]{1,64})-----/g)) {
    if (m[1] === 'BEGIN') open = { label: m[2], start: m.index, bodyStart: m.index + m[0].length };
    else if (open && m[2] === open.label) {
      out.push([text.slice(open.start, m.index + m[0].length), open.label, text.slice(open.bodyStart, m.index)]);
      open = null;
      if (out.length > OIDC_LIMITS.keysInInput) break;
    }
  }
  return out;
}

function pemBody(body: string): Uint8Array | null {
  const b64 = body.replace(/\s+/g, '');
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

type X509 = Extract<ReturnType<typeof parseCertificate>, { ok: true }>['cert'];

async function certificateSummary(cert: X509, der: Uint8Array): Promise<TrustedKey['certificate']> {
  return { subject: cert.subject, notBefore: cert.notBefore.toISOString(), notAfter: cert.notAfter.toISOString(), sha256Fingerprint: await sha256Fingerprint(der) };
}

async function addCertificate(cert: X509, der: Uint8Array, source: KeySource, label: string, out: TrustedKeyMaterial): Promise<void> {
  const spki = new Uint8Array(cert.publicKey.rawData);
  await addSpki(spki, source, label, await certificateSummary(cert, der), out);
}

/** The SPKI's key type is found by asking WebCrypto to import it as each JWS key type in turn. */
const SPKI_IMPORTS: { params: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams }[] = [
  { params: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } },
  { params: { name: 'ECDSA', namedCurve: 'P-256' } },
  { params: { name: 'ECDSA', namedCurve: 'P-384' } },
  { params: { name: 'ECDSA', namedCurve: 'P-521' } },
  { params: { name: 'Ed25519' } },
];

async function addSpki(spki: Uint8Array, source: KeySource, label: string, certificate: TrustedKey['certificate'], out: TrustedKeyMaterial): Promise<void> {
  // Bounded before WebCrypto parses it: the largest key we accept (an RSA modulus of
  // OIDC_LIMITS.rsaModulusMaxBits) and its DER framing fit in this many bytes.
  if (spki.length > OIDC_LIMITS.rsaModulusMaxBits / 8 + 64) {
    out.errors.push({ code: 'oidc-key-too-large', message: `${label}: the public key is ${spki.length} bytes, more than a ${OIDC_LIMITS.rsaModulusMaxBits}-bit RSA key needs; it was ignored.` });
    return;
  }
  for (const { params } of SPKI_IMPORTS) {
    try {
      const key = await crypto.subtle.importKey('spki', spki as BufferSource, params, true, ['verify']);
      const exported = await crypto.subtle.exportKey('jwk', key);
      const added = await addJwk(exported, source, label, out);
      if (added) {
        // The exported "alg"/"key_ops" are WebCrypto's, not a declaration by the provider.
        added.alg = null;
        added.keyOps = null;
        added.certificate = certificate;
        if (certificate) added.description += `, subject ${certificate.subject}`;
      }
      return;
    } catch {
      /* not this key type: try the next */
    }
  }
  out.errors.push({ code: 'oidc-key-unsupported', message: `${label}: the public key is not an RSA, EC (P-256/384/521) or Ed25519 key this browser can use.` });
}

/** PKCS#1 RSAPublicKey → SubjectPublicKeyInfo (RFC 8017 A.1.1 inside RFC 5280 §4.1.2.7). */
function wrapPkcs1RsaPublicKey(pkcs1: Uint8Array): Uint8Array {
  const algorithmIdentifier = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = derTlv(0x03, concat([0x00], pkcs1));
  return derTlv(0x30, concat(algorithmIdentifier, bitString));
}

function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const len = content.length;
  const lenBytes = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  return concat([tag, ...lenBytes], content);
}

function concat(a: ArrayLike<number>, b: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function bitLength(n: Uint8Array): number {
  let i = 0;
  while (i < n.length && n[i] === 0) i++;
  if (i === n.length) return 0;
  return (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]));
}

function describeKey(kty: string, crv: string | null, bits: number | null, kid: string | null, label: string): string {
  const type = kty === 'RSA' ? `RSA ${bits ?? '?'}-bit` : kty === 'oct' ? 'symmetric (oct)' : `${kty} ${crv ?? ''}`.trim();
  return `${type}${kid !== null ? `, kid ${JSON.stringify(kid)}` : ', no kid'} (${label})`;
}

/** RFC 7638 §3: SHA-256 over the required members in lexicographic order, no whitespace. */
export async function jwkThumbprint(jwk: JsonWebKey): Promise<string> {
  const members: Record<string, string[]> = { RSA: ['e', 'kty', 'n'], EC: ['crv', 'kty', 'x', 'y'], OKP: ['crv', 'kty', 'x'], oct: ['k', 'kty'] };
  const names = members[jwk.kty ?? ''] ?? ['kty'];
  const canonical = `{${names.map((m) => `${JSON.stringify(m)}:${JSON.stringify((jwk as Record<string, unknown>)[m])}`).join(',')}}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return encodeBase64Url(new Uint8Array(digest));
}

// Keys the person pastes — and only those — are trust anchors for ID token signatures:
// a JWKS (RFC 7517 §5), a single JWK (RFC 7517 §4), PEM/base64 X.509 certificates (RFC 5280,
// parsed with @peculiar/x509) or PEM public keys (SPKI, RFC 5280 §4.1.2.7; PKCS#1 RSA). No URL
// (jwks_uri, jku, x5u) is ever fetched: samlscope makes no network request at run time.
import { parseCertificate, sha256Fingerprint } from '../x509/certificate';
import { decodeBase64Url, encodeBase64Url } from './base64url';
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
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (e) {
    out.errors.push({ code: 'oidc-key-bad-json', message: `The keys are not JSON: ${(e as Error).message}.` });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) await addJwk(value[i], 'jwks', `key #${i + 1} of the list`, out);
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.errors.push({ code: 'oidc-key-bad-json', message: 'The keys JSON must be an object: {"keys": [...]} or a JWK.' });
    return;
  }
  const obj = value as Record<string, unknown>;
  if (Array.isArray(obj.keys)) {
    if (obj.keys.length === 0) out.errors.push({ code: 'oidc-key-empty-jwks', message: 'The JWKS has no keys ({"keys": []}).' });
    for (let i = 0; i < obj.keys.length; i++) await addJwk(obj.keys[i], 'jwks', `JWKS key #${i + 1}`, out);
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
  switch (kty) {
    case 'RSA': {
      const m = missing(['n', 'e']);
      if (m.length) return badJwk(out, label, `an RSA JWK needs ${m.join(' and ')} (RFC 7518 §6.3.1)`);
      const n = decodeBase64Url(str('n')!, `"n" of ${label}`);
      if (!n.ok) return badJwk(out, label, n.error.message);
      rsaModulusBits = modulusBits(n.value);
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
  if (kty !== 'oct' && PRIVATE_MEMBERS.some((m) => m in j)) {
    out.notes.push(`${label} contains private key members (${PRIVATE_MEMBERS.filter((m) => m in j).join(', ')}): only the public part is used. Never publish or share a private key.`);
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
  const blocks = [...s.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)];
  if (blocks.length === 0) {
    out.errors.push({ code: 'oidc-key-bad-pem', message: 'A PEM "-----BEGIN" line without its matching "-----END" line.' });
    return;
  }
  let n = 0;
  for (const [whole, label, body] of blocks) {
    n++;
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

function modulusBits(n: Uint8Array): number {
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

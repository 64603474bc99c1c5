// ID token signature verification with WebCrypto only (OpenID Connect Core 1.0 §3.1.3.7 step 6:
// "The Client MUST validate the signature of all other ID Tokens according to JWS [JWS] using
// the algorithm specified in the JWT alg Header Parameter. The Client MUST use the keys provided
// by the Issuer."). The keys are those the person pasted; a key carried by the token itself
// (header "jwk", "x5c", "jku", "x5u", RFC 7515 §4.1.2–4.1.6) is never a trust anchor: anyone can
// sign a forged token with their own key and embed it.
//
// Verdicts follow the SAML side (docs/contract.md, "JSON report") plus `no-trust-anchor`:
//   valid            the signature checks out with a pasted key (or the client secret for HS*)
//   invalid          it does not, with any pasted key of the right type; or alg "none"
//   untrusted        nothing pasted fits the algorithm, and it checks out with a key embedded in
//                    the token header (header keys are never tried when pasted keys fit, so
//                    that an embedded key cannot soften an `invalid` forgery)
//   no-trust-anchor  nothing pasted can verify this algorithm (nothing to verify against)
//   unsupported      an algorithm or "crit" extension WebCrypto / samlscope does not implement
import { decodeBase64Url } from './base64url';
import type { DecodedJws } from './decodeJws';
import { finding, OIDC_CORE } from './findings';
import type { FindingText } from '../types';
import { EXOSCALE_FIELDS, EXOSCALE_SETTINGS_PLACE } from './exoscaleProfile';
import { JWS_ALGORITHMS, jwsAlgorithm, KNOWN_UNSUPPORTED_ALGORITHMS, type JwsAlgorithm } from './jwsAlgorithms';
import { OIDC_LIMITS } from '../limits';
import { addJwk, clientSecretKey, type TrustedKey, type TrustedKeyMaterial } from './trustedKeys';
import { parseCertificate } from '../x509/certificate';

export type OidcVerdict = 'valid' | 'invalid' | 'untrusted' | 'no-trust-anchor' | 'unsupported';

export interface KeyAttempt {
  key: TrustedKey;
  result: 'verified' | 'failed' | 'error';
  /** Why it failed, when samlscope can tell (RSA: content changed vs. another key). */
  note: string | null;
}

export interface SignatureCheck {
  verdict: OidcVerdict;
  reason: string;
  alg: string | null;
  kid: string | null;
  /** The key that verified the signature, if any. */
  key: TrustedKey | null;
  attempts: KeyAttempt[];
  /** Keys found in the token header (never trusted). */
  headerKeys: TrustedKey[];
  findings: FindingText[];
}

const RFC7515 = 'RFC 7515 (JWS)';

export async function verifyIdTokenSignature(
  jws: DecodedJws,
  trusted: readonly TrustedKey[],
  options: { clientSecret?: string } = {},
): Promise<SignatureCheck> {
  const findings: FindingText[] = [];
  const alg = typeof jws.header.alg === 'string' ? jws.header.alg : null;
  const kid = typeof jws.header.kid === 'string' ? jws.header.kid : null;
  const base = { alg, kid, key: null, attempts: [] as KeyAttempt[], headerKeys: [] as TrustedKey[], findings };

  if (alg === null) {
    findings.push(finding('oidc-alg-missing', 'error', 'The token header has no "alg"', 'RFC 7515 §4.1.1 makes "alg" required; without it no signature can be checked and every relying party rejects the token.', 'Fix the provider: it must sign ID tokens (RS256 is the OIDC default).', [`${RFC7515} §4.1.1`]));
    return { ...base, verdict: 'invalid', reason: 'The header has no "alg" (RFC 7515 §4.1.1).' };
  }
  // RFC 7515 §4.1.1: "alg" is a case-sensitive string compared exactly. "none " or "none\0" are
  // not "none" to a strict library, but lenient ones trim or stop at NUL: treat every spelling
  // of none as none, and every other near-miss as unsupported — both are errors.
  if (looseAlgName(alg) === 'none') {
    findings.push(
      finding(
        'oidc-alg-none',
        'error',
        'Unsigned token (alg "none")',
        'An unsecured JWT (RFC 7519 §6) proves nothing: anybody can write one. OpenID Connect Core §2 forbids "none" for ID tokens returned from the authorization endpoint, and samlscope, like Exoscale, never accepts it.',
        'Configure the provider\'s client to sign ID tokens (RS256 is the default every relying party supports, OIDC Core §3.1.3.7 step 7).',
        [`${OIDC_CORE} §2`, 'RFC 7519 §6', 'RFC 8725 §3.2'],
      ),
    );
    return { ...base, verdict: 'invalid', reason: 'alg "none": the token is not signed, it is never accepted.' };
  }
  if (Array.isArray(jws.header.crit) || jws.header.crit !== undefined) {
    // RFC 7515 §4.1.11: a recipient that does not understand a listed extension MUST reject the JWS.
    findings.push(finding('oidc-crit-unsupported', 'error', 'Critical header extension', `The header lists "crit": ${JSON.stringify(jws.header.crit)}. A recipient that does not understand every listed extension must reject the token (RFC 7515 §4.1.11); ID token libraries implement none.`, 'Remove the "crit" header parameter from the provider\'s signing configuration.', [`${RFC7515} §4.1.11`]));
    return { ...base, verdict: 'unsupported', reason: 'The header has "crit" extensions: the JWS must be rejected by recipients that do not implement them (RFC 7515 §4.1.11).' };
  }
  const algorithm = jwsAlgorithm(alg);
  if (!algorithm) {
    const nearMiss = Object.keys(JWS_ALGORITHMS).find((a) => a.toLowerCase() === looseAlgName(alg));
    const why = nearMiss
      ? `it is not "${nearMiss}": algorithm names are case-sensitive and compared exactly (RFC 7515 §4.1.1), so a strict relying party rejects the token.`
      : Object.prototype.hasOwnProperty.call(KNOWN_UNSUPPORTED_ALGORITHMS, alg) ? KNOWN_UNSUPPORTED_ALGORITHMS[alg] : 'it is not a JWS algorithm samlscope knows (RFC 7518 §3.1, RFC 8037).';
    findings.push(finding('oidc-alg-unsupported', 'error', `Algorithm ${JSON.stringify(alg)} cannot be verified`, `samlscope cannot verify ${JSON.stringify(alg)}: ${why} An unverified token proves nothing.`, 'Prefer RS256, the algorithm every OpenID Connect relying party must support (OIDC Core §3.1.3.7 step 7, OpenID Connect Discovery §3).', ['RFC 7515 §4.1.1', 'RFC 7518 §3.1']));
    return { ...base, verdict: 'unsupported', reason: `Algorithm ${JSON.stringify(alg)} is not supported: ${why}` };
  }
  if (alg !== 'RS256') {
    findings.push(finding('oidc-alg-not-default', 'info', `Signed with ${alg}, not RS256`, `RS256 is the default ID token algorithm (OIDC Core §3.1.3.7 step 7, "id_token_signed_response_alg" default). The Exoscale documentation does not say which algorithms its portal accepts; if logins fail while everything else checks out, try RS256.`, 'At the provider, set the client\'s ID token signing algorithm to RS256.', [`${OIDC_CORE} §3.1.3.7 step 7`, 'OpenID Connect Dynamic Client Registration §2']));
  }

  const headerKeys = await headerEmbeddedKeys(jws, findings);
  base.headerKeys = headerKeys;

  // Candidate trust anchors for this algorithm: pasted keys only (RFC 8725 §3.10).
  let candidates: TrustedKey[];
  if (algorithm.family === 'HMAC') {
    candidates = trusted.filter((k) => k.kty === 'oct');
    if (options.clientSecret) candidates = [await clientSecretKey(options.clientSecret), ...candidates];
    if (candidates.length === 0 && trusted.some((k) => k.kty === 'RSA' || k.kty === 'EC' || k.kty === 'OKP')) {
      // RFC 8725 §2.1 / §3.1: an HMAC token checked against a provider that publishes public keys
      // is the key-confusion attack — the public key, which everyone has, used as the HMAC secret.
      findings.push(finding('oidc-alg-key-confusion', 'error', `${alg} token, but the pasted provider keys are public keys`, `The token claims to be an HMAC (${alg}), keyed with a shared secret, while the provider's keys are ${[...new Set(trusted.map((k) => k.kty))].join(', ')} public keys. A library that feeds the public key to HMAC accepts a token anybody can make: that is the algorithm-confusion attack (RFC 8725 §2.1). A provider that signs with public keys does not issue ${alg} ID tokens.`, 'Refuse this token. If the provider really signs with the client secret, type the OIDC Client Secret to verify it.', ['RFC 8725 §2.1', 'RFC 8725 §3.1', `${OIDC_CORE} §10.1`]));
      return { ...base, verdict: 'no-trust-anchor', reason: `${alg} is an HMAC, but the pasted keys are public keys: nothing pasted is a secret that can verify it (algorithm confusion, RFC 8725 §2.1).` };
    }
    if (candidates.length === 0) {
      findings.push(finding('oidc-hmac-needs-secret', 'info', `${alg} is verified with the client secret`, `An ${alg} signature is an HMAC keyed with the client secret (OIDC Core §10.1), which samlscope only uses when you type it; it stays in this page and is never put in the URL.`, `Type the "${EXOSCALE_FIELDS.clientSecret}" (the one in ${EXOSCALE_SETTINGS_PLACE}) in the client secret field to verify the signature.`, [`${OIDC_CORE} §10.1`, `${OIDC_CORE} §3.1.3.7 step 8`]));
      return { ...base, verdict: 'no-trust-anchor', reason: `${alg} is an HMAC: type the OIDC Client Secret to verify it.` };
    }
  } else {
    candidates = trusted.filter((k) => keyFitsAlgorithm(k, algorithm));
  }

  if (algorithm.signatureLength !== undefined && jws.signature.length !== algorithm.signatureLength) {
    const der = jws.signature[0] === 0x30 && algorithm.family === 'ECDSA';
    findings.push(
      finding(
        'oidc-signature-format',
        'error',
        `The ${alg} signature has the wrong length`,
        `A JWS ${alg} signature is ${algorithm.family === 'ECDSA' ? 'the raw concatenation r||s' : 'raw'} of ${algorithm.signatureLength} bytes (${algorithm.family === 'ECDSA' ? 'RFC 7518 §3.4' : 'RFC 8037 §3.1'}); this one has ${jws.signature.length}.${der ? ' It starts with 0x30: it looks DER (ASN.1) encoded, a classic bug of signers that use a generic ECDSA library.' : ''}`,
        der ? 'Fix the provider\'s JWT signer to output r||s (IEEE P1363), not DER.' : 'The token was truncated or altered: copy it again in full.',
        [algorithm.family === 'ECDSA' ? 'RFC 7518 §3.4' : 'RFC 8037 §3.1'],
      ),
    );
    return { ...base, verdict: 'invalid', reason: `The signature is ${jws.signature.length} bytes; ${alg} signatures are ${algorithm.signatureLength} bytes${der ? ' (it looks DER-encoded)' : ''}.` };
  }

  // OIDC Core §10.1.1 / RFC 7515 §4.1.4: the kid selects the key; keys without a matching kid are
  // tried after, so a kid mismatch is diagnosed rather than reported as a bad signature.
  const allOrdered = kid === null ? candidates : [...candidates.filter((k) => k.kid === kid), ...candidates.filter((k) => k.kid !== kid)];
  // Bounded: each try is a WebCrypto import and verify (10,000 keys took 11 s).
  const ordered = allOrdered.slice(0, OIDC_LIMITS.keysTried);
  if (allOrdered.length > ordered.length) {
    findings.push(finding('oidc-keys-not-tried', 'warning', `Only ${ordered.length} of ${allOrdered.length} candidate keys were tried`, `samlscope tries at most ${OIDC_LIMITS.keysTried} keys per signature (those whose kid matches first); the other ${allOrdered.length - ordered.length} were not tried.`, 'Paste only the provider\'s current JWKS; give the token a kid that names its key.', [`${RFC7515} §4.1.4`]));
  }
  const attempts: KeyAttempt[] = [];
  let verifiedWith: TrustedKey | null = null;
  for (const key of ordered) {
    const attempt = await tryKey(jws, algorithm, key);
    attempts.push(attempt);
    if (attempt.result === 'verified') {
      verifiedWith = key;
      break;
    }
  }
  base.attempts = attempts;

  if (verifiedWith) {
    keyConstraintFindings(verifiedWith, algorithm, kid, candidates, findings);
    return { ...base, key: verifiedWith, verdict: 'valid', reason: `The ${alg} signature is correct with the ${verifiedWith.source === 'client-secret' ? 'client secret' : `pasted key ${verifiedWith.description}`}.` };
  }

  // Nothing trusted verified it. A key embedded in the header is tried only when nothing pasted
  // fits, to tell "untrusted" from "no trust anchor" — never when pasted keys exist, so that an
  // embedded key cannot turn an "invalid" forgery into a milder verdict (RFC 8725 §3.10).
  const headerAttempts: KeyAttempt[] = [];
  if (candidates.length === 0) {
    for (const key of headerKeys.filter((k) => keyFitsAlgorithm(k, algorithm)).slice(0, OIDC_LIMITS.keysTried)) headerAttempts.push(await tryKey(jws, algorithm, key));
  }
  const headerVerified = headerAttempts.find((a) => a.result === 'verified');
  const kidKnown = kid !== null && trusted.some((k) => k.kid === kid);

  if (candidates.length > 0 && kid !== null && !kidKnown && algorithm.family !== 'HMAC') {
    findings.push(finding('oidc-kid-not-found', 'error', `No pasted key has kid "${kid}"`, `The token names its signing key with kid "${kid}" (RFC 7515 §4.1.4) and none of the pasted keys has that kid (${[...new Set(trusted.map((k) => k.kid ?? '(none)'))].join(', ')}). Either the provider rotated its keys and the pasted JWKS is stale, or the JWKS is from another provider, realm or tenant than the token's issuer.`, 'Paste the current JWKS from the jwks_uri of the issuer\'s discovery document (<OIDC Issuer URL>/.well-known/openid-configuration). Exoscale fetches the keys itself from the issuer, so check that "OIDC Issuer URL" points at the same realm/tenant that issued the token.', [`${RFC7515} §4.1.4`, `${OIDC_CORE} §10.1.1`]));
  }

  if (headerVerified) {
    return {
      ...base,
      key: headerVerified.key,
      attempts: [...attempts, ...headerAttempts],
      verdict: 'untrusted',
      reason: `The signature is correct only with the key embedded in the token header (${headerVerified.key.source === 'header-jwk' ? '"jwk"' : '"x5c"'}), which proves nothing: whoever made the token chose that key. ${candidates.length > 0 ? 'None of the pasted keys verifies it.' : 'Paste the provider\'s JWKS to check it against a key you trust.'}`,
    };
  }

  if (candidates.length === 0) {
    if (trusted.length === 0) {
      findings.push(finding('oidc-no-trust-anchor', 'info', 'No provider keys to verify against', 'The signature cannot be checked without the provider\'s public keys. Exoscale fetches them from the issuer (its discovery document\'s jwks_uri); samlscope never fetches anything.', 'Open <OIDC Issuer URL>/.well-known/openid-configuration in your browser, follow "jwks_uri", and paste that JSON in the provider keys field.', ['OpenID Connect Discovery 1.0 §3', `${OIDC_CORE} §10.1.1`]));
      return { ...base, verdict: 'no-trust-anchor', reason: 'No provider keys pasted: nothing to verify the signature against.' };
    }
    const types = [...new Set(trusted.map((k) => (k.crv ? `${k.kty} ${k.crv}` : k.kty)))].join(', ');
    findings.push(finding('oidc-no-matching-key', 'warning', `None of the pasted keys can verify ${alg}`, `${alg} needs ${algorithm.kty === 'oct' ? 'a symmetric key' : `a ${algorithm.kty}${algorithm.crv ? ` ${algorithm.crv}` : ''} key`}; the pasted keys are: ${types}.`, 'Paste the JWKS of the provider that issued this token, or change the provider\'s ID token signing algorithm to match its keys.', ['RFC 7518 §6', `${RFC7515} §4.1.1`]));
    return { ...base, attempts: [...attempts, ...headerAttempts], verdict: 'no-trust-anchor', reason: `None of the pasted keys is usable with ${alg} (pasted: ${types}).` };
  }

  const errored = attempts.filter((a) => a.result === 'error');
  if (errored.length === attempts.length && attempts.length > 0) {
    return { ...base, attempts, verdict: 'unsupported', reason: `This runtime's WebCrypto could not use the key: ${errored[0].note ?? 'import failed'}.` };
  }

  // The key that made the signature, when the RSA diagnosis found one (only the signer's key can
  // recover a well-formed encoding). Its note is compared whole: "made with this key" starts both
  // the changed-content and the other-hash diagnoses, which call for different fixes.
  const madeWith = attempts.find((a) => a.note === RSA_NOTE.contentChanged || a.note === RSA_NOTE.otherHash);
  const wrongHash = madeWith?.note === RSA_NOTE.otherHash;
  findings.push(
    finding(
      'oidc-signature-invalid',
      'error',
      'The signature does not verify',
      !madeWith
        ? `None of the ${attempts.length} pasted key${attempts.length === 1 ? '' : 's'} of the right type verifies the ${alg} signature. Either the token was altered, or it was signed with a key that is not in the pasted set${algorithm.family === 'HMAC' ? ' (for HS*: another client secret)' : ''}.`
        : wrongHash
          ? `The signature was made with ${madeWith.key.description}, but over a hash other than the one ${alg} names (RFC 7518 §3.3): the provider signed with another algorithm than the header's "alg" says.`
          : `The signature was made with ${madeWith.key.description}, but over different content: the header or payload was changed after signing (or re-encoded — even whitespace in the JSON counts, RFC 7515 §5.2).`,
      wrongHash
        ? 'Fix the provider\'s token signer so that the header\'s "alg" names the algorithm it signs with (RS256, RS384 or RS512). A relying party such as Exoscale rejects this token.'
        : algorithm.family === 'HMAC'
          ? `Check that "${EXOSCALE_FIELDS.clientSecret}" is the current secret of the client whose ID is "${EXOSCALE_FIELDS.clientId}" (secrets are often regenerated at the provider).`
          : 'Copy the token again in full, and paste the current JWKS of the issuer. A relying party such as Exoscale rejects this token.',
      wrongHash ? ['RFC 7518 §3.3', `${OIDC_CORE} §3.1.3.7 step 6`] : [`${RFC7515} §5.2`, `${OIDC_CORE} §3.1.3.7 step 6`],
    ),
  );
  const reason = !madeWith
    ? `No pasted key verifies the ${alg} signature.`
    : wrongHash
      ? `Signed by ${madeWith.key.description} but with another hash than ${alg} says: the header's "alg" is wrong.`
      : `Signed by ${madeWith.key.description} but the signed content was changed.`;
  return { ...base, attempts: [...attempts, ...headerAttempts], verdict: 'invalid', reason };
}

/** alg as a lenient library might read it: whitespace and control characters dropped, lower case. */
function looseAlgName(alg: string): string {
  // eslint-disable-next-line no-control-regex
  return alg.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\ufeff]/g, '').toLowerCase();
}

function keyFitsAlgorithm(key: TrustedKey, algorithm: JwsAlgorithm): boolean {
  if (key.kty !== algorithm.kty) return false;
  if (algorithm.crv && key.crv !== algorithm.crv) return false;
  return true;
}

async function tryKey(jws: DecodedJws, algorithm: JwsAlgorithm, key: TrustedKey): Promise<KeyAttempt> {
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await crypto.subtle.importKey('jwk', key.jwk, algorithm.importParams, false, ['verify']);
  } catch (e) {
    return { key, result: 'error', note: `WebCrypto refused the key for ${algorithm.alg}: ${(e as Error).message}` };
  }
  let ok: boolean;
  try {
    ok = await crypto.subtle.verify(algorithm.verifyParams, cryptoKey, jws.signature as BufferSource, jws.signingInput as BufferSource);
  } catch (e) {
    return { key, result: 'error', note: `WebCrypto could not verify: ${(e as Error).message}` };
  }
  if (ok) return { key, result: 'verified', note: null };
  let note: string | null = null;
  if (algorithm.family === 'RSASSA-PKCS1-v1_5') note = diagnoseRsaPkcs1(jws, algorithm, key);
  return { key, result: 'failed', note };
}

/**
 * RSASSA-PKCS1-v1_5 is deterministic and recoverable: s^e mod n is the encoded message
 * EM = 0x00 01 FF…FF 00 DigestInfo(hash(signing input)) (RFC 8017 §8.2.2, §9.2). A well-formed EM
 * with another digest means "this key signed, but other content"; a malformed one means
 * "not this key". Diagnosis only: the verdict always comes from WebCrypto.
 * Written here (one modular exponentiation on BigInt) because WebCrypto's verify answers only
 * true/false and exposes no raw RSA public operation; node-forge has one, but loading its ~70 KB
 * chunk on the /oidc page for an explanation is not worth it. No secret is involved: a public
 * key and a public signature, so timing does not matter.
 */
const RSA_NOTE = {
  tooLarge: 'not made with this key (the signature value is larger than the modulus)',
  otherKey: 'not made with this key',
  otherHash: 'made with this key, but with another hash algorithm than the header\'s "alg" says',
  contentChanged: 'made with this key, over different content (the header or payload changed after signing)',
} as const;

function diagnoseRsaPkcs1(jws: DecodedJws, algorithm: JwsAlgorithm, key: TrustedKey): string | null {
  const n = key.jwk.n ? decodeBase64Url(key.jwk.n, 'n') : null;
  const e = key.jwk.e ? decodeBase64Url(key.jwk.e, 'e') : null;
  if (!n?.ok || !e?.ok) return null;
  const modulus = bytesToBigInt(n.value);
  const s = bytesToBigInt(jws.signature);
  if (modulus === 0n || s >= modulus) return RSA_NOTE.tooLarge;
  const k = Math.ceil(n.value.length - leadingZeros(n.value));
  const em = bigIntToBytes(modPow(s, bytesToBigInt(e.value), modulus), k);
  if (em[0] !== 0x00 || em[1] !== 0x01) return RSA_NOTE.otherKey;
  let i = 2;
  while (i < em.length && em[i] === 0xff) i++;
  if (i < 10 || em[i] !== 0x00) return RSA_NOTE.otherKey;
  // A well-formed EM whose DigestInfo names another hash: signed with this key, another alg.
  const digestInfoLength = em.length - i - 1;
  const expected = { 'SHA-256': 51, 'SHA-384': 67, 'SHA-512': 83 }[algorithm.hash];
  if (digestInfoLength !== expected) return RSA_NOTE.otherHash;
  return RSA_NOTE.contentChanged;
}

function leadingZeros(b: Uint8Array): number {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  return i;
}

function bytesToBigInt(b: Uint8Array): bigint {
  let x = 0n;
  for (const byte of b) x = (x << 8n) | BigInt(byte);
  return x;
}

function bigIntToBytes(x: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

/** Keys in the header: RFC 7515 §4.1.3 "jwk", §4.1.6 "x5c" (tried, never trusted); §4.1.2 "jku" and §4.1.5 "x5u" (never fetched). */
async function headerEmbeddedKeys(jws: DecodedJws, findings: FindingText[]): Promise<TrustedKey[]> {
  const sink: TrustedKeyMaterial = { keys: [], errors: [], notes: [] };
  const present: string[] = [];
  if (jws.header.jwk !== undefined) {
    present.push('"jwk"');
    await addJwk(jws.header.jwk, 'header-jwk', 'the header "jwk"', sink);
  }
  if (Array.isArray(jws.header.x5c) && typeof jws.header.x5c[0] === 'string') {
    present.push('"x5c"');
    const parsed = parseCertificate(jws.header.x5c[0]);
    if (parsed.ok) {
      const spki = new Uint8Array(parsed.cert.publicKey.rawData);
      for (const params of [{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', namedCurve: 'P-384' }, { name: 'ECDSA', namedCurve: 'P-521' }, { name: 'Ed25519' }]) {
        try {
          const key = await crypto.subtle.importKey('spki', spki as BufferSource, params, true, ['verify']);
          await addJwk(await crypto.subtle.exportKey('jwk', key), 'header-x5c', `the header "x5c" certificate (${parsed.cert.subject})`, sink);
          break;
        } catch {
          /* next key type */
        }
      }
    }
  }
  const urls = (['jku', 'x5u'] as const).filter((m) => typeof jws.header[m] === 'string');
  if (present.length > 0) {
    findings.push(finding('oidc-header-key-not-trusted', 'warning', `The token carries its own key (${present.join(', ')})`, `A key embedded in the token header is chosen by whoever made the token, so a signature that checks out with it proves nothing (RFC 8725 §3.10; RFC 7515 §4.1.3 and §4.1.6 require the recipient to establish trust separately). samlscope tries it only to tell "untrusted" from "invalid"; Exoscale, like any relying party, uses the issuer's published keys.`, 'Verify against the provider\'s JWKS (paste it). Providers normally identify the key with "kid" only.', [`${RFC7515} §4.1.3`, `${RFC7515} §4.1.6`, 'RFC 8725 §3.10']));
  }
  if (urls.length > 0) {
    findings.push(finding('oidc-header-key-url', 'info', `The header points to keys by URL (${urls.map((u) => `"${u}": ${String(jws.header[u])}`).join(', ')})`, 'samlscope never fetches URLs, and a relying party must not follow a key URL taken from the token itself without checking it against the issuer (RFC 8725 §3.10). The trusted keys are those at the issuer\'s jwks_uri.', 'Paste the JWKS from the issuer\'s jwks_uri.', [`${RFC7515} §4.1.2`, `${RFC7515} §4.1.5`, 'RFC 8725 §3.10']));
  }
  return sink.keys;
}

function keyConstraintFindings(key: TrustedKey, algorithm: JwsAlgorithm, kid: string | null, candidates: readonly TrustedKey[], findings: FindingText[]): void {
  if (key.source === 'client-secret') return;
  if (kid !== null && key.kid !== null && key.kid !== kid) {
    findings.push(finding('oidc-kid-mismatch', 'warning', `Verified with a key whose kid is "${key.kid}", not "${kid}"`, `The signature is correct with a pasted key, but the token names kid "${kid}". Libraries select the key by kid (OIDC Core §10.1.1) and will not try others: the relying party would not find the key.`, 'Make the provider publish the key under the kid it puts in tokens (usually a key rotation / caching problem at the provider).', [`${RFC7515} §4.1.4`, `${OIDC_CORE} §10.1.1`]));
  } else if (kid === null && candidates.length > 1) {
    findings.push(finding('oidc-kid-missing', 'info', 'The token has no "kid" and the JWKS has several keys', 'OIDC Core §10.1 requires a kid when the JWKS holds several keys of the same type, so that the relying party can pick the right one.', 'Configure the provider to put "kid" in the ID token header.', [`${OIDC_CORE} §10.1`]));
  }
  if (key.alg !== null && key.alg !== algorithm.alg) {
    findings.push(finding('oidc-key-alg-mismatch', 'warning', `The key declares alg "${key.alg}" but the token uses "${algorithm.alg}"`, 'A key\'s "alg" restricts it to that algorithm (RFC 7517 §4.4); strict libraries refuse to use it for another.', 'Align the provider\'s signing algorithm with its published key (or drop "alg" from the JWK).', ['RFC 7517 §4.4']));
  }
  if (key.use !== null && key.use !== 'sig') {
    findings.push(finding('oidc-key-use-not-sig', 'warning', `The key is published with use "${key.use}"`, 'RFC 7517 §4.2: a key whose "use" is not "sig" is not meant to verify signatures; strict libraries skip it.', 'Publish the signing key with "use": "sig".', ['RFC 7517 §4.2']));
  }
  if (key.keyOps !== null && !key.keyOps.includes('verify')) {
    findings.push(finding('oidc-key-ops-no-verify', 'warning', 'The key\'s key_ops do not include "verify"', 'RFC 7517 §4.3: key_ops lists the operations the key is for.', 'Publish the signing key with key_ops including "verify", or without key_ops.', ['RFC 7517 §4.3']));
  }
  if (key.rsaModulusBits !== null && key.rsaModulusBits < 2048) {
    findings.push(finding('oidc-rsa-key-too-small', 'warning', `RSA key of ${key.rsaModulusBits} bits`, 'RFC 7518 §3.3 and §3.5: RSA keys of 2048 bits or larger MUST be used.', 'Rotate the provider\'s signing key to RSA 2048 bits or more.', ['RFC 7518 §3.3']));
  }
}

// What each signature verdict says: the reason, the findings' text and references, the key
// constraints, the RSA diagnosis and the edges of every branch (issue 12: mutation testing showed
// these could change with every other test still green). Keys are made once per file
// (oidc.testutil.ts; reused between runs in mutation runs).
import { beforeAll, describe, expect, it } from 'vitest';
import { x509 } from '../x509/peculiar';
import { OIDC_LIMITS } from '../limits';
import { encodeBase64Url, encodeBase64UrlText } from './base64url';
import { decodeCompactJws } from './decodeJws';
import { claims, generateKeyPair, hmacKey, jwks, newKeyPair, signCompact, tamperPayload, type TestKeyPair } from './oidc.testutil';
import { parseTrustedKeys, type TrustedKey } from './trustedKeys';
import { verifyIdTokenSignature, type SignatureCheck } from './verifySignature';

const CORE = 'OpenID Connect Core 1.0';
const JWS = 'RFC 7515 (JWS)';
let rsa: TestKeyPair;
let rsa2: TestKeyPair;
let ec: TestKeyPair;
let ed: TestKeyPair;

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', 'k1');
  rsa2 = await generateKeyPair('RS256', 'k2');
  ec = await generateKeyPair('ES256', 'e1');
  ed = await generateKeyPair('EdDSA', 'ed1');
});

async function keysOf(text: string): Promise<TrustedKey[]> {
  const material = await parseTrustedKeys(text);
  expect(material.errors).toEqual([]);
  return material.keys;
}

async function verify(token: string, keysText = '', clientSecret?: string): Promise<SignatureCheck> {
  const jws = decodeCompactJws(token);
  if (!jws.ok) throw new Error(jws.error.message);
  return verifyIdTokenSignature(jws.value, await keysOf(keysText), clientSecret === undefined ? {} : { clientSecret });
}

/** A token with this header and any signature bytes (for the branches decided before any maths). */
const raw = (header: Record<string, unknown>, signature = new Uint8Array(256).fill(7)) => `${encodeBase64UrlText(JSON.stringify(header))}.${encodeBase64UrlText(JSON.stringify(claims()))}.${encodeBase64Url(signature)}`;
const codes = (r: SignatureCheck) => r.findings.map((f) => f.code);
const one = (r: SignatureCheck, code: string) => {
  const f = r.findings.filter((x) => x.code === code);
  expect(f, `${code} in ${codes(r).join(', ')}`).toHaveLength(1);
  return f[0]!;
};

describe('decided from the header alone', () => {
  it('no alg', async () => {
    const r = await verify(raw({ typ: 'JWT' }), jwks(rsa.publicJwk));
    expect(r).toMatchObject({ verdict: 'invalid', reason: 'The header has no "alg" (RFC 7515 §4.1.1).', alg: null, kid: null, key: null, attempts: [], headerKeys: [] });
    expect(one(r, 'oidc-alg-missing')).toEqual({ code: 'oidc-alg-missing', severity: 'error', title: 'The token header has no "alg"', explanation: 'RFC 7515 §4.1.1 makes "alg" required; without it no signature can be checked and every relying party rejects the token.', fix: 'Fix the provider: it must sign ID tokens (RS256 is the OIDC default).', references: [`${JWS} §4.1.1`] });
    // A non-string alg or kid is no alg or kid.
    const numeric = await verify(raw({ alg: 256, kid: 5 }));
    expect(numeric.verdict).toBe('invalid');
    expect(numeric.kid).toBeNull();
    expect(codes(numeric)).toEqual(['oidc-alg-missing']);
  });

  it('every spelling of "none" a lenient library reads as none', async () => {
    for (const alg of ['none', 'NoNe', ' none', 'none\t', 'no\u0000ne', 'none\u001f', '\u007fnone', 'none\u0085', 'none\u009f', '\u200bnone', 'no\u200fne', '\ufeffnone', 'no ne']) {
      const r = await verify(raw({ alg, kid: 'k1' }, new Uint8Array(0)), jwks(rsa.publicJwk));
      expect(r.verdict, JSON.stringify(alg)).toBe('invalid');
      expect(r.reason).toBe('alg "none": the token is not signed, it is never accepted.');
      expect(r.alg).toBe(alg);
      expect(r.kid).toBe('k1');
      expect(r.attempts).toEqual([]);
      expect(codes(r)).toEqual(['oidc-alg-none']);
    }
    const f = one(await verify(raw({ alg: 'none' }, new Uint8Array(0))), 'oidc-alg-none');
    expect(f.severity).toBe('error');
    expect(f.title).toBe('Unsigned token (alg "none")');
    expect(f.explanation).toContain('An unsecured JWT (RFC 7519 §6) proves nothing');
    expect(f.fix).toContain('sign ID tokens');
    expect(f.references).toEqual([`${CORE} §2`, 'RFC 7519 §6', 'RFC 8725 §3.2']);
    // Characters outside the lenient set keep it from being none: unsupported instead.
    for (const alg of ['none\u00a1', 'no\u2010ne', 'nonee']) expect((await verify(raw({ alg }))).verdict, JSON.stringify(alg)).toBe('unsupported');
  });

  it('crit, in any form, is unsupported', async () => {
    for (const crit of [['exp'], [], 'exp', null, 0]) {
      const r = await verify(raw({ alg: 'RS256', crit }), jwks(rsa.publicJwk));
      expect(r.verdict, JSON.stringify(crit)).toBe('unsupported');
      expect(r.reason).toBe('The header has "crit" extensions: the JWS must be rejected by recipients that do not implement them (RFC 7515 §4.1.11).');
      const f = one(r, 'oidc-crit-unsupported');
      expect(f.explanation).toBe(`The header lists "crit": ${JSON.stringify(crit)}. A recipient that does not understand every listed extension must reject the token (RFC 7515 §4.1.11); ID token libraries implement none.`);
      expect(f).toMatchObject({ severity: 'error', title: 'Critical header extension', fix: 'Remove the "crit" header parameter from the provider\'s signing configuration.', references: [`${JWS} §4.1.11`] });
    }
  });

  it('an unknown alg: a near miss by case or blanks, a known unsupported one, or unknown', async () => {
    const nearMiss = await verify(raw({ alg: 'rs256 ' }));
    expect(nearMiss.verdict).toBe('unsupported');
    expect(nearMiss.reason).toBe('Algorithm "rs256 " is not supported: it is not "RS256": algorithm names are case-sensitive and compared exactly (RFC 7515 §4.1.1), so a strict relying party rejects the token.');
    const f = one(nearMiss, 'oidc-alg-unsupported');
    expect(f).toEqual({ code: 'oidc-alg-unsupported', severity: 'error', title: 'Algorithm "rs256 " cannot be verified', explanation: 'samlscope cannot verify "rs256 ": it is not "RS256": algorithm names are case-sensitive and compared exactly (RFC 7515 §4.1.1), so a strict relying party rejects the token. An unverified token proves nothing.', fix: 'Prefer RS256, the algorithm every OpenID Connect relying party must support (OIDC Core §3.1.3.7 step 7, OpenID Connect Discovery §3).', references: ['RFC 7515 §4.1.1', 'RFC 7518 §3.1'] });
    expect((await verify(raw({ alg: 'ES256K' }))).reason).toBe('Algorithm "ES256K" is not supported: secp256k1 (RFC 8812) is not a WebCrypto curve.');
    for (const alg of ['foo', 'toString', '__proto__']) {
      expect((await verify(raw({ alg }))).reason, alg).toBe(`Algorithm ${JSON.stringify(alg)} is not supported: it is not a JWS algorithm samlscope knows (RFC 7518 §3.1, RFC 8037).`);
    }
  });

  it('an algorithm other than RS256 is an info finding; RS256 none', async () => {
    const token = await signCompact('ES256', ec.privateKey, claims(), { kid: 'e1' });
    const r = await verify(token, jwks(ec.publicJwk));
    expect(r.verdict).toBe('valid');
    expect(one(r, 'oidc-alg-not-default')).toMatchObject({ severity: 'info', title: 'Signed with ES256, not RS256', references: [`${CORE} §3.1.3.7 step 7`, 'OpenID Connect Dynamic Client Registration §2'] });
    expect(one(r, 'oidc-alg-not-default').explanation).toContain('RS256 is the default ID token algorithm');
    expect(one(r, 'oidc-alg-not-default').fix).toBe('At the provider, set the client\'s ID token signing algorithm to RS256.');
    const rs = await verify(await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' }), jwks(rsa.publicJwk));
    expect(rs.findings).toEqual([]);
  });
});

describe('valid', () => {
  it('says which key verified it, and tries only up to it', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' });
    const keys = await keysOf(jwks(rsa2.publicJwk, rsa.publicJwk));
    const r = await verify(token, jwks(rsa2.publicJwk, rsa.publicJwk));
    expect(r.verdict).toBe('valid');
    expect(r.reason).toBe(`The RS256 signature is correct with the pasted key ${keys[1]!.description}.`);
    expect(r.key?.kid).toBe('k1');
    // The kid is tried first, so the other key is never tried.
    expect(r.attempts.map((a) => [a.key.kid, a.result, a.note])).toEqual([['k1', 'verified', null]]);
    // Without a kid: in the pasted order, the first failing with a diagnosis.
    const noKid = await verify(await signCompact('RS256', rsa.privateKey, claims()), jwks(rsa2.publicJwk, rsa.publicJwk));
    expect(noKid.attempts.map((a) => [a.key.kid, a.result])).toEqual([['k2', 'failed'], ['k1', 'verified']]);
    // Either diagnosis of another key's signature: which one depends on whether the signature, as a
    // number, happens to exceed the other (freshly generated) key's modulus.
    expect(noKid.attempts[0]!.note).toMatch(/^not made with this key( \(the signature value is larger than the modulus\))?$/);
  });

  it('with the client secret (HS256), or a pasted oct key', async () => {
    const token = await signCompact('HS256', await hmacKey('HS256', 'secret-0123456789'), claims(), { kid: 'other' });
    const r = await verify(token, '', 'secret-0123456789');
    expect(r.verdict).toBe('valid');
    expect(r.reason).toBe('The HS256 signature is correct with the client secret.');
    // No key constraint findings for the client secret, whatever the kid says.
    expect(codes(r)).toEqual(['oidc-alg-not-default']);
    const oct = jwks({ kty: 'oct', k: encodeBase64UrlText('secret-0123456789'), kid: 'other' });
    const pasted = await verify(token, oct);
    expect(pasted.verdict).toBe('valid');
    expect(pasted.key?.source).not.toBe('client-secret');
    // The client secret is tried first, then pasted oct keys.
    const both = await verify(token, jwks({ kty: 'oct', k: encodeBase64UrlText('secret-0123456789') }), 'wrong-secret');
    expect(both.verdict).toBe('valid');
    expect(both.attempts.map((a) => a.result)).toEqual(['failed', 'verified']);
    expect(both.attempts[0]!.key.source).toBe('client-secret');
  });
});

describe('HMAC without a usable secret', () => {
  it('public keys pasted: the algorithm-confusion finding, listing their types', async () => {
    const token = await signCompact('HS256', await hmacKey('HS256', 'x'), claims());
    const r = await verify(token, jwks(rsa.publicJwk, ec.publicJwk, rsa2.publicJwk));
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.reason).toBe('HS256 is an HMAC, but the pasted keys are public keys: nothing pasted is a secret that can verify it (algorithm confusion, RFC 8725 §2.1).');
    const f = one(r, 'oidc-alg-key-confusion');
    expect(f.severity).toBe('error');
    expect(f.title).toBe('HS256 token, but the pasted provider keys are public keys');
    expect(f.explanation).toContain('while the provider\'s keys are RSA, EC public keys.');
    expect(f.fix).toContain('type the OIDC Client Secret');
    expect(f.references).toEqual(['RFC 8725 §2.1', 'RFC 8725 §3.1', `${CORE} §10.1`]);
    for (const k of [ec.publicJwk, ed.publicJwk]) expect(codes(await verify(token, jwks(k)))).toContain('oidc-alg-key-confusion');
  });

  it('nothing pasted: the client secret is needed', async () => {
    const r = await verify(await signCompact('HS384', await hmacKey('HS384', 'x'), claims()));
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.reason).toBe('HS384 is an HMAC: type the OIDC Client Secret to verify it.');
    const f = one(r, 'oidc-hmac-needs-secret');
    expect(f).toMatchObject({ severity: 'info', title: 'HS384 is verified with the client secret', references: [`${CORE} §10.1`, `${CORE} §3.1.3.7 step 8`] });
    expect(f.explanation).toContain('An HS384 signature is an HMAC keyed with the client secret');
    expect(f.fix).toBe('Type the "OIDC Client Secret" (the one in the Exoscale portal, IAM > SSO (OWNER role required)) in the client secret field to verify the signature.');
    // An empty client secret is no secret.
    expect((await verify(await signCompact('HS256', await hmacKey('HS256', 'x'), claims()), '', '')).verdict).toBe('no-trust-anchor');
  });

  it('a wrong secret: invalid, and the fix is about the secret', async () => {
    const r = await verify(await signCompact('HS256', await hmacKey('HS256', 'a'), claims()), '', 'b');
    expect(r.verdict).toBe('invalid');
    expect(r.reason).toBe('No pasted key verifies the HS256 signature.');
    const f = one(r, 'oidc-signature-invalid');
    expect(f.explanation).toBe('None of the 1 pasted key of the right type verifies the HS256 signature. Either the token was altered, or it was signed with a key that is not in the pasted set (for HS*: another client secret).');
    expect(f.fix).toBe('Check that "OIDC Client Secret" is the current secret of the client whose ID is "OIDC Client ID" (secrets are often regenerated at the provider).');
    // An HMAC token never gets the kid-not-found error.
    const withKid = await verify(await signCompact('HS256', await hmacKey('HS256', 'a'), claims(), { kid: 'nope' }), jwks({ kty: 'oct', k: encodeBase64UrlText('b'), kid: 'other' }));
    expect(codes(withKid)).not.toContain('oidc-kid-not-found');
  });
});

describe('signature length (ECDSA r||s, EdDSA)', () => {
  it('ES256: 63 bytes is refused; a DER signature is named as such', async () => {
    const short = await verify(raw({ alg: 'ES256' }, new Uint8Array(63).fill(1)), jwks(ec.publicJwk));
    expect(short.verdict).toBe('invalid');
    expect(short.reason).toBe('The signature is 63 bytes; ES256 signatures are 64 bytes.');
    expect(short.attempts).toEqual([]);
    const f = one(short, 'oidc-signature-format');
    expect(f).toEqual({ code: 'oidc-signature-format', severity: 'error', title: 'The ES256 signature has the wrong length', explanation: 'A JWS ES256 signature is the raw concatenation r||s of 64 bytes (RFC 7518 §3.4); this one has 63.', fix: 'The token was truncated or altered: copy it again in full.', references: ['RFC 7518 §3.4'] });
    const der = new Uint8Array(70).fill(2);
    der[0] = 0x30;
    const d = await verify(raw({ alg: 'ES256' }, der), jwks(ec.publicJwk));
    expect(d.reason).toBe('The signature is 70 bytes; ES256 signatures are 64 bytes (it looks DER-encoded).');
    expect(one(d, 'oidc-signature-format').explanation).toBe('A JWS ES256 signature is the raw concatenation r||s of 64 bytes (RFC 7518 §3.4); this one has 70. It starts with 0x30: it looks DER (ASN.1) encoded, a classic bug of signers that use a generic ECDSA library.');
    expect(one(d, 'oidc-signature-format').fix).toBe('Fix the provider\'s JWT signer to output r||s (IEEE P1363), not DER.');
  });

  it('EdDSA: raw, 64 bytes (RFC 8037); 0x30 there is not DER', async () => {
    const sig = new Uint8Array(65).fill(3);
    sig[0] = 0x30;
    const r = await verify(raw({ alg: 'EdDSA' }, sig), jwks(ed.publicJwk));
    expect(r.reason).toBe('The signature is 65 bytes; EdDSA signatures are 64 bytes.');
    expect(one(r, 'oidc-signature-format')).toMatchObject({ explanation: 'A JWS EdDSA signature is raw of 64 bytes (RFC 8037 §3.1); this one has 65.', references: ['RFC 8037 §3.1'], fix: 'The token was truncated or altered: copy it again in full.' });
  });

  it('the right length goes on to the keys', async () => {
    const r = await verify(raw({ alg: 'ES256' }, new Uint8Array(64).fill(1)), jwks(ec.publicJwk));
    expect(r.verdict).toBe('invalid');
    expect(codes(r)).toEqual(['oidc-alg-not-default', 'oidc-signature-invalid']);
  });
});

describe('invalid', () => {
  it('content changed after signing: named from the RSA diagnosis', async () => {
    const token = tamperPayload(await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' }));
    const keys = await keysOf(jwks(rsa.publicJwk));
    const r = await verify(token, jwks(rsa.publicJwk));
    expect(r.verdict).toBe('invalid');
    expect(r.reason).toBe(`Signed by ${keys[0]!.description} but the signed content was changed.`);
    expect(r.attempts.map((a) => a.note)).toEqual(['made with this key, over different content (the header or payload changed after signing)']);
    const f = one(r, 'oidc-signature-invalid');
    expect(f.title).toBe('The signature does not verify');
    expect(f.explanation).toBe(`The signature was made with ${keys[0]!.description}, but over different content: the header or payload was changed after signing (or re-encoded — even whitespace in the JSON counts, RFC 7515 §5.2).`);
    expect(f.fix).toBe('Copy the token again in full, and paste the current JWKS of the issuer. A relying party such as Exoscale rejects this token.');
    expect(f.references).toEqual([`${JWS} §5.2`, `${CORE} §3.1.3.7 step 6`]);
  });

  it('another key: counted, plural', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims());
    const r = await verify(token, jwks(rsa2.publicJwk, { ...rsa2.publicJwk, kid: 'k3' }));
    expect(r.reason).toBe('No pasted key verifies the RS256 signature.');
    expect(one(r, 'oidc-signature-invalid').explanation).toBe('None of the 2 pasted keys of the right type verifies the RS256 signature. Either the token was altered, or it was signed with a key that is not in the pasted set.');
  });

  it('signed with this key but another hash than alg says', async () => {
    const rs512 = await generateKeyPair('RS512', 'k512');
    // Header says RS256, signature is PKCS#1 v1.5 over SHA-512.
    const token = await signCompact('RS512', rs512.privateKey, claims(), { alg: 'RS256' });
    const r = await verify(token, jwks({ ...rs512.publicJwk, alg: undefined } as JsonWebKey));
    expect(r.verdict).toBe('invalid');
    expect(r.attempts[0]!.note).toBe('made with this key, but with another hash algorithm than the header\'s "alg" says');
    // The verdict's reason and finding say the same as the note: not "content changed", whose
    // fix (copy the token again) would not help.
    const [key] = await keysOf(jwks({ ...rs512.publicJwk, alg: undefined } as JsonWebKey));
    expect(r.reason).toBe(`Signed by ${key!.description} but with another hash than RS256 says: the header's "alg" is wrong.`);
    const f = one(r, 'oidc-signature-invalid');
    expect(f.explanation).toBe(`The signature was made with ${key!.description}, but over a hash other than the one RS256 names (RFC 7518 §3.3): the provider signed with another algorithm than the header's "alg" says.`);
    expect(f.explanation).not.toContain('changed');
    expect(f.fix).toBe('Fix the provider\'s token signer so that the header\'s "alg" names the algorithm it signs with (RS256, RS384 or RS512). A relying party such as Exoscale rejects this token.');
    expect(f.references).toEqual(['RFC 7518 §3.3', `${CORE} §3.1.3.7 step 6`]);
  });

  it('a signature value at or above the modulus', async () => {
    const r = await verify(raw({ alg: 'RS256' }, new Uint8Array(256).fill(0xff)), jwks(rsa.publicJwk));
    expect(r.verdict).toBe('invalid');
    expect(r.attempts[0]!.note).toBe('not made with this key (the signature value is larger than the modulus)');
    // Small values: not a PKCS#1 block.
    const small = await verify(raw({ alg: 'RS256' }, new Uint8Array(256).fill(0)), jwks(rsa.publicJwk));
    expect(small.attempts[0]!.note).toBe('not made with this key');
  });

  it('RSA-PSS and ECDSA failures carry no diagnosis', async () => {
    const ps = await generateKeyPair('PS256', 'p1');
    const r = await verify(tamperPayload(await signCompact('PS256', ps.privateKey, claims())), jwks(ps.publicJwk));
    expect(r.attempts.map((a) => [a.result, a.note])).toEqual([['failed', null]]);
    const e = await verify(tamperPayload(await signCompact('ES256', ec.privateKey, claims())), jwks(ec.publicJwk));
    expect(e.attempts.map((a) => [a.result, a.note])).toEqual([['failed', null]]);
    expect(one(e, 'oidc-signature-invalid').explanation).toContain('None of the 1 pasted key of the right type verifies the ES256 signature.');
  });
});

describe('kid', () => {
  it('a kid no pasted key has: an error listing the kids (or "(none)")', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { kid: 'gone' });
    const { kid: _kid, ...noKid } = rsa2.publicJwk;
    const r = await verify(token, jwks(rsa2.publicJwk, noKid, ec.publicJwk));
    expect(r.verdict).toBe('invalid');
    const f = one(r, 'oidc-kid-not-found');
    expect(f.severity).toBe('error');
    expect(f.title).toBe('No pasted key has kid "gone"');
    expect(f.explanation).toContain('none of the pasted keys has that kid (k2, (none), e1).');
    expect(f.fix).toContain('jwks_uri');
    expect(f.references).toEqual([`${JWS} §4.1.4`, `${CORE} §10.1.1`]);
    // Known kid, or no candidates of the right type: no such error.
    expect(codes(await verify(await signCompact('RS256', rsa.privateKey, claims(), { kid: 'e1' }), jwks(rsa.publicJwk, ec.publicJwk)))).not.toContain('oidc-kid-not-found');
    expect(codes(await verify(await signCompact('RS256', rsa.privateKey, claims(), { kid: 'gone' }), jwks(ec.publicJwk)))).not.toContain('oidc-kid-not-found');
  });

  it('verified by a key under another kid: a warning', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' });
    const r = await verify(token, jwks({ ...rsa.publicJwk, kid: 'renamed' }));
    expect(r.verdict).toBe('valid');
    const f = one(r, 'oidc-kid-mismatch');
    expect(f).toMatchObject({ severity: 'warning', title: 'Verified with a key whose kid is "renamed", not "k1"', references: [`${JWS} §4.1.4`, `${CORE} §10.1.1`] });
    expect(f.explanation).toContain('but the token names kid "k1"');
    // A key without kid is no mismatch.
    const { kid: _kid, ...noKid } = rsa.publicJwk;
    expect(codes(await verify(token, jwks(noKid)))).toEqual([]);
  });

  it('no kid and several keys of the type: info; one key: nothing', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims());
    const r = await verify(token, jwks(rsa.publicJwk, rsa2.publicJwk));
    expect(r.verdict).toBe('valid');
    expect(one(r, 'oidc-kid-missing')).toMatchObject({ severity: 'info', title: 'The token has no "kid" and the JWKS has several keys', references: [`${CORE} §10.1`] });
    expect(codes(await verify(token, jwks(rsa.publicJwk, ec.publicJwk)))).toEqual([]);
  });

  it(`at most ${OIDC_LIMITS.keysTried} keys are tried, kid matches first`, async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' });
    const decoys = Array.from({ length: OIDC_LIMITS.keysTried }, (_, i) => ({ ...rsa2.publicJwk, kid: `d${i}` }));
    const r = await verify(token, jwks(...decoys, rsa.publicJwk));
    expect(r.verdict).toBe('valid');
    expect(r.attempts).toHaveLength(1);
    const f = one(r, 'oidc-keys-not-tried');
    expect(f).toMatchObject({ severity: 'warning', title: `Only ${OIDC_LIMITS.keysTried} of ${OIDC_LIMITS.keysTried + 1} candidate keys were tried`, references: [`${JWS} §4.1.4`] });
    expect(f.explanation).toBe(`samlscope tries at most ${OIDC_LIMITS.keysTried} keys per signature (those whose kid matches first); the other 1 were not tried.`);
    // Exactly at the limit: every key is tried, no finding.
    const atLimit = await verify(await signCompact('RS256', rsa.privateKey, claims()), jwks(...decoys.slice(1), rsa.publicJwk));
    expect(atLimit.verdict).toBe('valid');
    expect(atLimit.attempts).toHaveLength(OIDC_LIMITS.keysTried);
    expect(codes(atLimit)).not.toContain('oidc-keys-not-tried');
    // Over the limit without a kid: the key past the limit is never tried.
    const over = await verify(await signCompact('RS256', rsa.privateKey, claims()), jwks(...decoys, rsa.publicJwk));
    expect(over.verdict).toBe('invalid');
    expect(over.attempts).toHaveLength(OIDC_LIMITS.keysTried);
  });
});

describe('key constraints of the verifying key (RFC 7517 §4.2–4.4, RFC 7518 §3.3)', () => {
  it('alg, use and key_ops that do not allow this use', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' });
    const r = await verify(token, jwks({ ...rsa.publicJwk, alg: 'PS256', use: 'enc', key_ops: ['encrypt'] } as JsonWebKey));
    expect(r.verdict).toBe('valid');
    expect(one(r, 'oidc-key-alg-mismatch')).toMatchObject({ severity: 'warning', title: 'The key declares alg "PS256" but the token uses "RS256"', references: ['RFC 7517 §4.4'] });
    expect(one(r, 'oidc-key-use-not-sig')).toMatchObject({ severity: 'warning', title: 'The key is published with use "enc"', references: ['RFC 7517 §4.2'] });
    expect(one(r, 'oidc-key-ops-no-verify')).toMatchObject({ severity: 'warning', title: 'The key\'s key_ops do not include "verify"', references: ['RFC 7517 §4.3'] });
    const fine = await verify(token, jwks({ ...rsa.publicJwk, alg: 'RS256', use: 'sig', key_ops: ['verify'] } as JsonWebKey));
    expect(fine.findings).toEqual([]);
  });

  it('an RSA key under 2048 bits', async () => {
    const small = await newKeyPair({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as RsaHashedKeyGenParams);
    const jwk = await crypto.subtle.exportKey('jwk', small.publicKey);
    const r = await verify(await signCompact('RS256', small.privateKey, claims()), jwks({ kty: 'RSA', n: jwk.n, e: jwk.e }));
    expect(r.verdict).toBe('valid');
    expect(one(r, 'oidc-rsa-key-too-small')).toMatchObject({ severity: 'warning', title: 'RSA key of 1024 bits', references: ['RFC 7518 §3.3'] });
    expect(codes(await verify(await signCompact('RS256', rsa.privateKey, claims()), jwks(rsa.publicJwk)))).not.toContain('oidc-rsa-key-too-small');
  });
});

describe('keys in the header', () => {
  it('a jwk that verifies, with nothing pasted: untrusted, saying which member', async () => {
    const token = await signCompact('ES256', ec.privateKey, claims(), { jwk: ec.publicJwk });
    const r = await verify(token);
    expect(r.verdict).toBe('untrusted');
    expect(r.reason).toBe('The signature is correct only with the key embedded in the token header ("jwk"), which proves nothing: whoever made the token chose that key. Paste the provider\'s JWKS to check it against a key you trust.');
    expect(r.key?.source).toBe('header-jwk');
    expect(r.headerKeys).toHaveLength(1);
    const f = one(r, 'oidc-header-key-not-trusted');
    expect(f).toMatchObject({ severity: 'warning', title: 'The token carries its own key ("jwk")', references: [`${JWS} §4.1.3`, `${JWS} §4.1.6`, 'RFC 8725 §3.10'] });
    expect(f.explanation).toContain('A key embedded in the token header is chosen by whoever made the token');
    expect(f.fix).toContain('paste it');
  });

  it('an x5c certificate (EC P-256) that verifies: untrusted, "x5c"', async () => {
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = await newKeyPair(alg);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '03', name: 'CN=embedded', notBefore: new Date('2025-01-01'), notAfter: new Date('2027-01-01'), signingAlgorithm: alg, keys });
    const token = await signCompact('ES256', keys.privateKey, claims(), { x5c: [cert.toString('base64')] });
    const r = await verify(token);
    expect(r.verdict).toBe('untrusted');
    expect(r.reason).toContain('("x5c")');
    expect(r.headerKeys[0]!.description).toContain('the header "x5c" certificate (CN=embedded)');
    expect(one(r, 'oidc-header-key-not-trusted').title).toBe('The token carries its own key ("x5c")');
    // Not an array of strings, or not a certificate: no key read from it.
    for (const x5c of [[5], 'MIIB', ['not base64!']]) {
      const bad = await verify(await signCompact('ES256', keys.privateKey, claims(), { x5c }));
      expect(bad.verdict, JSON.stringify(x5c)).toBe('no-trust-anchor');
      expect(bad.headerKeys).toEqual([]);
    }
  });

  it('x5c certificates of every key type read: RSA, P-384, P-521, Ed25519', async () => {
    const cases = [
      { alg: 'RS256', params: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, key: { kty: 'RSA', crv: null } },
      { alg: 'ES384', params: { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' }, key: { kty: 'EC', crv: 'P-384' } },
      { alg: 'ES512', params: { name: 'ECDSA', namedCurve: 'P-521', hash: 'SHA-512' }, key: { kty: 'EC', crv: 'P-521' } },
      { alg: 'EdDSA', params: { name: 'Ed25519' }, key: { kty: 'OKP', crv: 'Ed25519' } },
    ];
    for (const c of cases) {
      const keys = await newKeyPair(c.params);
      const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '04', name: `CN=embedded-${c.alg}`, notBefore: new Date('2025-01-01'), notAfter: new Date('2027-01-01'), signingAlgorithm: c.params, keys });
      const r = await verify(await signCompact(c.alg, keys.privateKey, claims(), { x5c: [cert.toString('base64')] }));
      expect(r.headerKeys.map((k) => ({ kty: k.kty, crv: k.crv ?? null })), c.alg).toEqual([c.key]);
      expect(r.headerKeys[0]!.description).toContain(`(the header "x5c" certificate (CN=embedded-${c.alg}))`);
      expect(r.verdict, c.alg).toBe('untrusted');
    }
  });

  it('a header key of another type is not tried: no-trust-anchor, not untrusted', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { jwk: ec.publicJwk });
    const r = await verify(token);
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.attempts).toEqual([]);
    expect(codes(r)).toEqual(['oidc-header-key-not-trusted', 'oidc-no-trust-anchor']);
  });

  it('a header key that does not verify: no-trust-anchor, the attempt recorded', async () => {
    const token = await signCompact('ES256', ec.privateKey, claims(), { jwk: (await generateKeyPair('ES256', 'x')).publicJwk });
    const r = await verify(token, jwks(rsa.publicJwk));
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.attempts.map((a) => [a.key.source, a.result])).toEqual([['header-jwk', 'failed']]);
  });

  it('jku and x5u are named, never fetched', async () => {
    const token = await signCompact('RS256', rsa.privateKey, claims(), { jku: 'https://evil.example/jwks', x5u: 'https://evil.example/cert', kid: 'k1' });
    const r = await verify(token, jwks(rsa.publicJwk));
    expect(r.verdict).toBe('valid');
    const f = one(r, 'oidc-header-key-url');
    expect(f).toMatchObject({ severity: 'info', title: 'The header points to keys by URL ("jku": https://evil.example/jwks, "x5u": https://evil.example/cert)', references: [`${JWS} §4.1.2`, `${JWS} §4.1.5`, 'RFC 8725 §3.10'] });
    expect(f.explanation).toContain('samlscope never fetches URLs');
    expect(f.fix).toBe('Paste the JWKS from the issuer\'s jwks_uri.');
    expect(codes(r)).not.toContain('oidc-header-key-not-trusted');
    // Not strings: not named.
    expect(codes(await verify(await signCompact('RS256', rsa.privateKey, claims(), { jku: 5, kid: 'k1' }), jwks(rsa.publicJwk)))).toEqual([]);
  });
});

describe('nothing to verify against', () => {
  it('no keys at all', async () => {
    const r = await verify(await signCompact('RS256', rsa.privateKey, claims()));
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.reason).toBe('No provider keys pasted: nothing to verify the signature against.');
    const f = one(r, 'oidc-no-trust-anchor');
    expect(f).toMatchObject({ severity: 'info', title: 'No provider keys to verify against', references: ['OpenID Connect Discovery 1.0 §3', `${CORE} §10.1.1`] });
    expect(f.explanation).toContain('samlscope never fetches anything');
    expect(f.fix).toContain('/.well-known/openid-configuration');
  });

  it('only keys of other types: their types, and what the algorithm needs', async () => {
    const r = await verify(await signCompact('RS256', rsa.privateKey, claims()), jwks(ec.publicJwk, ed.publicJwk, ec.publicJwk));
    expect(r.verdict).toBe('no-trust-anchor');
    expect(r.reason).toBe('None of the pasted keys is usable with RS256 (pasted: EC P-256, OKP Ed25519).');
    const f = one(r, 'oidc-no-matching-key');
    expect(f).toMatchObject({ severity: 'warning', title: 'None of the pasted keys can verify RS256', references: ['RFC 7518 §6', `${JWS} §4.1.1`] });
    expect(f.explanation).toBe('RS256 needs a RSA key; the pasted keys are: EC P-256, OKP Ed25519.');
    const p384 = await verify(raw({ alg: 'ES384' }, new Uint8Array(96)), jwks(ec.publicJwk, rsa.publicJwk));
    expect(one(p384, 'oidc-no-matching-key').explanation).toBe('ES384 needs a EC P-384 key; the pasted keys are: EC P-256, RSA.');
  });
});

describe('a key WebCrypto cannot use', () => {
  it('every attempt an error: unsupported, with the first error', async () => {
    const [good] = await keysOf(jwks(rsa.publicJwk));
    const broken: TrustedKey = { ...good!, jwk: { kty: 'RSA', e: 'AQAB' } };
    const jws = decodeCompactJws(await signCompact('RS256', rsa.privateKey, claims(), { kid: 'k1' }));
    if (!jws.ok) throw new Error(jws.error.message);
    const r = await verifyIdTokenSignature(jws.value, [broken]);
    expect(r.verdict).toBe('unsupported');
    expect(r.attempts).toHaveLength(1);
    expect(r.attempts[0]!.result).toBe('error');
    expect(r.attempts[0]!.note).toMatch(/^WebCrypto refused the key for RS256: ./);
    expect(r.reason).toBe(`This runtime's WebCrypto could not use the key: ${r.attempts[0]!.note}.`);
    // One usable key besides it: an ordinary verdict.
    const mixed = await verifyIdTokenSignature(jws.value, [broken, good!]);
    expect(mixed.verdict).toBe('valid');
    const [other] = await keysOf(jwks(rsa2.publicJwk));
    const failing = await verifyIdTokenSignature(jws.value, [broken, other!]);
    expect(failing.verdict).toBe('invalid');
  });
});

describe('the RSA PKCS#1 v1.5 diagnosis (RFC 8017 §9.2), on encoded messages made by hand', () => {
  // s = EM^d mod n with the test key's private exponent: any encoded message, well-formed or not,
  // becomes a "signature" whose s^e mod n is exactly that EM.
  const big = (b64url: string) => {
    const bytes = Buffer.from(b64url, 'base64url');
    return bytes.reduce((x, byte) => (x << 8n) | BigInt(byte), 0n);
  };
  const modPow = (b: bigint, e: bigint, m: bigint) => {
    let r = 1n;
    for (b %= m; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
    return r;
  };
  const bytesOf = (x: bigint, length: number) => {
    const out = new Uint8Array(length);
    for (let i = length - 1; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
    return out;
  };
  const SHA256_PREFIX = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
  const SHA384_PREFIX = [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30];
  /** EM = first bytes, 0xFF × padding, separator, tail (256 bytes in all, checked by diagnose). */
  const em = (first: number[], padding: number, separator: number, tail: number[]) => Uint8Array.from([...first, ...new Array<number>(padding).fill(0xff), separator, ...tail]);
  async function diagnose(encoded: Uint8Array, alg = 'RS256'): Promise<string | null> {
    expect(encoded.length).toBe(256);
    const priv = await crypto.subtle.exportKey('jwk', rsa.privateKey);
    const n = big(priv.n!);
    const s = modPow(encoded.reduce((x, b) => (x << 8n) | BigInt(b), 0n), big(priv.d!), n);
    const r = await verify(raw({ alg }, bytesOf(s, 256)), jwks(rsa.publicJwk));
    expect(r.attempts).toHaveLength(1);
    expect(r.attempts[0]!.result).toBe('failed');
    return r.attempts[0]!.note;
  }
  const digest = new Array<number>(32).fill(0x42);
  const fill = (prefix: number[], digestBytes: number) => 256 - 3 - prefix.length - digestBytes;

  it('well-formed with another digest: made with this key, over other content', async () => {
    expect(await diagnose(em([0x00, 0x01], fill(SHA256_PREFIX, 32), 0x00, [...SHA256_PREFIX, ...digest]))).toBe('made with this key, over different content (the header or payload changed after signing)');
  });

  it('a DigestInfo of another length: another hash than alg says', async () => {
    expect(await diagnose(em([0x00, 0x01], fill(SHA384_PREFIX, 48), 0x00, [...SHA384_PREFIX, ...new Array<number>(48).fill(1)]))).toBe('made with this key, but with another hash algorithm than the header\'s "alg" says');
    // The same SHA-384 block under RS384 is the right length: other content.
    expect(await diagnose(em([0x00, 0x01], fill(SHA384_PREFIX, 48), 0x00, [...SHA384_PREFIX, ...new Array<number>(48).fill(1)]), 'RS384')).toBe('made with this key, over different content (the header or payload changed after signing)');
  });

  it('a wrong block type, first byte, padding or separator: not made with this key', async () => {
    const tail = [...SHA256_PREFIX, ...digest];
    const pad = fill(SHA256_PREFIX, 32);
    expect(await diagnose(em([0x00, 0x02], pad, 0x00, tail))).toBe('not made with this key');
    expect(await diagnose(em([0x01, 0x01], pad, 0x00, tail))).toBe('not made with this key');
    expect(await diagnose(em([0x00, 0x01], pad, 0x01, tail))).toBe('not made with this key');
    // Eight 0xFF bytes (i = 10 at the separator) is the minimum RFC 8017 §9.2 allows; seven is not.
    const shortTail = (padding: number) => [...new Array<number>(256 - 3 - padding - SHA256_PREFIX.length - 32).fill(0x11), ...SHA256_PREFIX, ...digest];
    expect(await diagnose(em([0x00, 0x01], 7, 0x00, shortTail(7)))).toBe('not made with this key');
    expect(await diagnose(em([0x00, 0x01], 8, 0x00, shortTail(8)))).toBe('made with this key, but with another hash algorithm than the header\'s "alg" says');
  });
});

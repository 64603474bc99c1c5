// Regression tests of issue 11: tokens, keys and expressions an attacker writes. Each case was
// seen failing before the fix (the issue lists the old behaviour next to each one).
import { describe, expect, it } from 'vitest';
import { encodeBase64Url, encodeBase64UrlText } from './base64url';
import { inspectOidc, type OidcReport } from './inspectOidc';
import { CLIENT_ID, claims, generateKeyPair, hmacKey, ISSUER, jwks, newKeyPair, NOW, NOW_S, ROLE_UUID, SEED_EXPRESSION, signCompact } from './oidc.testutil';
import { OIDC_LIMITS } from '../limits';
import { regexProgramSize } from './celBudget';

const settings = (extra: Record<string, string> = {}) => ({ clientId: CLIENT_ID, issuerUrl: ISSUER, celExpression: SEED_EXPRESSION, ...extra });
const inspect = (input: string, keysText = '', extra: Record<string, string> = {}): Promise<OidcReport> => inspectOidc(input, { settings: settings(extra), keysText, at: NOW });
const codes = (r: OidcReport) => r.findings.map((f) => f.code);
const errorCodes = (r: OidcReport) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const hasError = (r: OidcReport) => r.findings.some((f) => f.severity === 'error');
const b64 = (o: unknown) => encodeBase64UrlText(typeof o === 'string' ? o : JSON.stringify(o));

/** The gate every non-valid verdict must pass: an error finding, and never a plain "granted". */
function expectUntrustedGate(r: OidcReport): void {
  expect(r.signature?.verdict ?? null).not.toBe('valid');
  expect(r.trusted).toBe(false);
  expect(hasError(r)).toBe(true);
  expect(errorCodes(r)).toContain('oidc-token-not-trusted');
  expect(r.cel?.outcome).not.toBe('granted');
}

describe('a key carried in the token never improves the outcome', () => {
  it('RS256 forgery with the attacker key in "jwk" and the real JWKS pasted: as bad as without the jwk', async () => {
    const real = await generateKeyPair('RS256', 'real');
    const attacker = await generateKeyPair('RS256', 'real');
    const withJwk = await inspect(await signCompact('RS256', attacker.privateKey, claims(), { kid: 'real', jwk: attacker.publicJwk }), jwks(real.publicJwk));
    const without = await inspect(await signCompact('RS256', attacker.privateKey, claims(), { kid: 'real' }), jwks(real.publicJwk));
    expect(without.signature?.verdict).toBe('invalid');
    expect(withJwk.signature?.verdict).toBe('invalid');
    expectUntrustedGate(withJwk);
    expectUntrustedGate(without);
    expect(withJwk.cel?.outcome).toBe(without.cel?.outcome);
    expect(withJwk.cel?.outcome).toBe('granted-if-authentic');
    for (const c of errorCodes(without)) expect(errorCodes(withJwk)).toContain(c);
  });

  it('HS256 forgery with an embedded "oct" key beside a typed client secret: invalid', async () => {
    const forged = await signCompact('HS256', await hmacKey('HS256', 'attacker-secret'), claims(), { jwk: { kty: 'oct', k: encodeBase64UrlText('attacker-secret') } });
    const r = await inspect(forged, '', { clientSecret: 'the-real-client-secret' });
    expect(r.signature?.verdict).toBe('invalid');
    expectUntrustedGate(r);
  });

  it('a forgery whose only key is its own "jwk": untrusted, an error, not granted', async () => {
    const attacker = await generateKeyPair('ES256', 'a');
    const r = await inspect(await signCompact('ES256', attacker.privateKey, claims(), { jwk: attacker.publicJwk }));
    expect(r.signature?.verdict).toBe('untrusted');
    expectUntrustedGate(r);
  });
});

describe('unverifiable is an error', () => {
  it.each(['none ', ' none', 'none\u0000', 'NONE', 'rs256', 'RS256 ', 'HS256\u0000', 'ES256K', 'foo'])('alg %j is an error finding and not granted', async (alg) => {
    const key = await generateKeyPair('RS256', 'k');
    const token = `${b64({ alg, kid: 'k' })}.${b64(claims())}.${alg.startsWith('R') ? encodeBase64Url(new Uint8Array(256).fill(7)) : ''}`;
    const r = await inspect(token, jwks(key.publicJwk));
    expect(['invalid', 'unsupported']).toContain(r.signature?.verdict);
    expectUntrustedGate(r);
  });

  it('HS256 signed with the RSA public key as secret while only RSA keys are pasted: an error (key confusion)', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const spkiPem = JSON.stringify(key.publicJwk);
    const forged = await signCompact('HS256', await hmacKey('HS256', spkiPem), claims(), { kid: 'k' });
    const r = await inspect(forged, jwks(key.publicJwk));
    expect(r.signature?.verdict).toBe('no-trust-anchor');
    expectUntrustedGate(r);
    expect(errorCodes(r)).toContain('oidc-alg-key-confusion');
  });

  it('no keys pasted at all: an error, and the CEL outcome is conditional', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const r = await inspect(await signCompact('RS256', key.privateKey, claims(), { kid: 'k' }));
    expect(r.signature?.verdict).toBe('no-trust-anchor');
    expectUntrustedGate(r);
    expect(r.cel?.outcome).toBe('granted-if-authentic');
    expect(r.cel?.roleUuid).toBe(ROLE_UUID);
  });

  it('a decoded payload pasted alone is never "granted"', async () => {
    const r = await inspect(JSON.stringify(claims()));
    expect(r.detected).toBe('claims-json');
    expect(r.cel?.outcome).toBe('granted-if-authentic');
    expect(r.trusted).toBe(false);
    expect(errorCodes(r)).toContain('oidc-token-not-trusted');
  });

  it('an invalid signature: the CEL outcome is conditional', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const other = await generateKeyPair('RS256', 'k');
    const r = await inspect(await signCompact('RS256', other.privateKey, claims(), { kid: 'k' }), jwks(key.publicJwk));
    expect(r.signature?.verdict).toBe('invalid');
    expect(r.cel?.outcome).toBe('granted-if-authentic');
  });

  it('a valid token is trusted and granted', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const r = await inspect(await signCompact('RS256', key.privateKey, claims(), { kid: 'k' }), jwks(key.publicJwk));
    expect(r.signature?.verdict).toBe('valid');
    expect(r.trusted).toBe(true);
    expect(r.cel?.outcome).toBe('granted');
    expect(hasError(r)).toBe(false);
  });
});

describe('claim types are checked before values', () => {
  const valid = async (payload: Record<string, unknown>) => {
    const key = await generateKeyPair('RS256', 'k');
    return inspect(await signCompact('RS256', key.privateKey, payload, { kid: 'k' }), jwks(key.publicJwk));
  };
  it.each([
    ['iss', 5], ['iss', null], ['iss', { a: 1 }], ['iss', [ISSUER]],
    ['sub', 5], ['sub', null], ['sub', ['x']], ['sub', {}],
    ['aud', 5], ['aud', null], ['aud', { a: 1 }], ['aud', [CLIENT_ID, 5]], ['aud', []],
    ['azp', 5], ['azp', null], ['azp', [CLIENT_ID]],
    ['exp', '1'], ['iat', true], ['nbf', null], ['auth_time', 'yesterday'], ['nonce', 5],
  ])('%s = %j is an oidc-claim-type error', async (claim, value) => {
    const r = await valid(claims({ [claim]: value }));
    const f = r.findings.find((x) => x.code === 'oidc-claim-type' && x.title.includes(`"${claim}"`));
    expect(f?.severity).toBe('error');
  });
});

describe('no crash on extreme values', () => {
  it.each(['exp', 'iat', 'nbf', 'auth_time'])('%s of 1e16 or -1e16 is a finding, not a RangeError', async (claim) => {
    for (const v of [1e16, -1e16, 8.64e15 + 1, Number.MAX_VALUE]) {
      const r = await inspect(JSON.stringify(claims({ [claim]: v })));
      expect(r.errors).toEqual([]);
      expect(codes(r)).toContain('oidc-time-out-of-range');
    }
  });

  it('a header or payload nested 10,000 deep is a typed error', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    for (const token of [`${b64(`{"alg":"RS256","x":${deep}}`)}.${b64(claims())}.`, `${b64({ alg: 'RS256' })}.${b64(`{"iss":${deep}}`)}.`]) {
      const r = await inspect(token);
      expect(r.errors.map((e) => e.code)).toContain('oidc-json-too-deep');
    }
    const r = await inspect(`{"iss": ${deep}}`);
    expect(r.errors.map((e) => e.code)).toContain('oidc-json-too-deep');
    const k = await inspect(JSON.stringify(claims()), `{"keys": ${deep}}`);
    expect(k.keys.errors.map((e) => e.code)).toContain('oidc-json-too-deep');
  });

  it('a CEL expression of 20,000 "+" terms is a typed finding', async () => {
    const r = await inspect(JSON.stringify(claims()), '', { celExpression: Array(20_000).fill('email').join(' + ') });
    expect(r.cel?.outcome).toBe('error');
    expect(codes(r).some((c) => c === 'cel-expression-too-long' || c === 'cel-expression-too-deep')).toBe(true);
    const d = await inspect(JSON.stringify(claims()), '', { celExpression: Array(1000).fill('1').join('+') });
    expect(codes(d)).toContain('cel-expression-too-deep');
  });
});

describe('bounded resources', () => {
  const payload = JSON.stringify(claims({ l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], big: Array.from({ length: 20_000 }, (_, i) => i) }));
  it.each([
    ['8 nested all()', 'l.all(a, l.all(b, l.all(c, l.all(d, l.all(e, l.all(f, l.all(g, l.all(h, true))))))))'],
    ['7 nested map()', 'l.map(a, l.map(b, l.map(c, l.map(d, l.map(e, l.map(f, l.map(g, 1)))))))'],
    ['exists over a growing list', "l.exists(a, l.map(b, l.map(c, l.map(d, l.map(e, l.map(f, 'xxxxxxxxxx' + string(b)))))) == [])"],
    ['a 571-character link', `${'l.all(a, '.repeat(8)}${'l.exists(x, x == 3)'}${')'.repeat(8)} ? '${ROLE_UUID}' : false`],
    ['membership in a claim list inside a loop', 'big.all(a, a in big)'],
  ])('%s stops with cel-cost-exceeded', async (_, expression) => {
    const r = await inspect(payload, '', { celExpression: expression });
    expect(r.cel?.outcome).toBe('error');
    expect(codes(r)).toContain('cel-cost-exceeded');
  });

  it('a string result above the size limit stops the evaluation', async () => {
    const r = await inspect(JSON.stringify(claims({ s: 'x'.repeat(60_000) })), '', { celExpression: `s + s == '' ? '${ROLE_UUID}' : false` });
    expect(r.cel?.outcome).toBe('error');
    expect(codes(r)).toContain('cel-cost-exceeded');
    const ok = await inspect(JSON.stringify(claims({ s: 'x'.repeat(60_000) })), '', { celExpression: `s + 'y' != '' ? '${ROLE_UUID}' : false` });
    expect(ok.cel?.outcome).toBe('granted-if-authentic');
  });

  it('a regular expression that expands to a huge program is refused before compiling', async () => {
    expect(regexProgramSize('^[a-z.]+@example\\.com$', OIDC_LIMITS.celRegexProgramSize)).toBeLessThan(30);
    expect(regexProgramSize('(a{1000}){1000}', OIDC_LIMITS.celRegexProgramSize)).toBeGreaterThan(OIDC_LIMITS.celRegexProgramSize);
    const r = await inspect(payload, '', { celExpression: `email.matches('${'a{1000}'.repeat(300)}') ? '${ROLE_UUID}' : false` });
    expect(r.cel?.outcome).toBe('error');
    expect(codes(r)).toContain('cel-cost-exceeded');
    const loop = await inspect(payload, '', { celExpression: `l.exists(x, email.matches('${'a{300}'.repeat(5)}')) ? '${ROLE_UUID}' : false` });
    expect(codes(loop)).toContain('cel-cost-exceeded');
  });

  it('an error absorbed by || still reports the exhausted budget', async () => {
    const r = await inspect(payload, '', { celExpression: `l.all(a, l.all(b, l.all(c, l.all(d, l.all(e, l.all(f, true)))))) || true ? '${ROLE_UUID}' : false` });
    expect(r.cel?.outcome).toBe('error');
    expect(codes(r)).toContain('cel-cost-exceeded');
  });

  it('realistic expressions over a large token stay well inside the budget', async () => {
    const groups = Array.from({ length: 500 }, (_, i) => `team-${i}`);
    const roles = Array.from({ length: 20 }, (_, i) => `'team-${i * 25}'`).join(', ');
    const big = JSON.stringify(claims({ groups, realm_access: { roles: groups.slice(0, 200) } }));
    for (const expression of [
      `groups.exists(g, g in [${roles}]) ? '${ROLE_UUID}' : false`,
      `email_verified && email.matches('^[a-z0-9._%+-]+@exoscale\\.com$') && size(groups.filter(g, g.startsWith('team-4'))) > 0 ? '${ROLE_UUID}' : false`,
      `has(realm_access.roles) && realm_access.roles.exists(r, r == 'team-199') ? '${ROLE_UUID}' : false`,
      `groups.map(g, g + '@exoscale').exists(g, g.endsWith('-499@exoscale')) ? '${ROLE_UUID}' : false`,
    ]) {
      const r = await inspect(big, '', { celExpression: expression });
      expect(r.cel?.outcome, expression).toBe('granted-if-authentic');
    }
  });

  it('an expression longer than the limit is refused before parsing', async () => {
    const r = await inspect(payload, '', { celExpression: `email == '${'a'.repeat(OIDC_LIMITS.celExpressionLength)}'` });
    expect(codes(r)).toContain('cel-expression-too-long');
  });

  it('10,000 JWKS keys with no matching kid: refused by size; 2,000: only the limit is read and tried, and said', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const token = await signCompact('RS256', key.privateKey, claims(), { kid: 'absent' });
    const all = await inspect(token, JSON.stringify({ keys: Array.from({ length: 10_000 }, (_, i) => ({ ...key.publicJwk, kid: `other-${i}` })) }));
    expect(all.keys.errors.map((e) => e.code)).toContain('oidc-keys-too-large');
    const many = Array.from({ length: 2_000 }, (_, i) => ({ kty: 'RSA', n: key.publicJwk.n, e: 'AQAB', kid: `other-${i}` }));
    const r = await inspect(token, JSON.stringify({ keys: many }));
    expect(codes(r)).toContain('oidc-keys-not-tried');
    expect(r.keys.keys.length).toBeLessThanOrEqual(OIDC_LIMITS.keysInInput);
    expect(r.keys.errors.map((e) => e.code)).toContain('oidc-key-limit');
    expect(r.signature?.attempts.length).toBeLessThanOrEqual(OIDC_LIMITS.keysTried);
  });

  it('RSA keys: a 1 MB exponent, an 8 MB modulus, e ≥ n are refused before any maths', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const n = key.publicJwk.n!;
    const huge = (bytes: number) => encodeBase64Url(new Uint8Array(bytes).fill(0xab));
    for (const jwk of [{ kty: 'RSA', n, e: huge(1 << 20) }, { kty: 'RSA', n: huge(8 << 20), e: 'AQAB' }, { kty: 'RSA', n, e: n }, { kty: 'RSA', n: huge(32), e: 'AQAB' }]) {
      const r = await inspect(JSON.stringify(claims()), JSON.stringify(jwk));
      expect(r.keys.keys).toEqual([]);
      expect(r.keys.errors.map((x) => x.code).some((c) => c === 'oidc-key-too-large' || c === 'oidc-key-bad-jwk' || c === 'oidc-keys-too-large')).toBe(true);
    }
  });

  it('a megabyte of unmatched PEM BEGIN lines is read in one pass (was 34 s)', async () => {
    const text = '-----BEGIN A-----\n'.repeat(55_000);
    const started = Date.now();
    const r = await inspect(JSON.stringify(claims()), text);
    expect(r.keys.errors.map((e) => e.code)).toContain('oidc-key-bad-pem');
    expect(Date.now() - started).toBeLessThan(20_000); // hang guard only: one pass takes milliseconds
  });

  it('a token above the size limit is refused', async () => {
    const r = await inspect(`${b64({ alg: 'RS256' })}.${b64(claims({ pad: 'x'.repeat(OIDC_LIMITS.inputLength) }))}.`);
    expect(r.errors.map((e) => e.code)).toContain('oidc-input-too-large');
  });
});

describe('CEL sees own claims only', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('%s is a missing claim', async (name) => {
    const r = await inspect(JSON.stringify(claims()), '', { celExpression: `size(${name}) == 0 ? '${ROLE_UUID}' : false` });
    expect(r.cel?.outcome).toBe('error');
    expect(r.cel?.missingClaims).toContain(name);
    expect(codes(r)).toContain('cel-claim-missing');
  });

  it('nested objects: constructor is not a member', async () => {
    const r = await inspect(JSON.stringify(claims({ realm_access: { roles: ['a'] } })), '', { celExpression: `has(realm_access.constructor) ? '${ROLE_UUID}' : false` });
    expect(r.cel?.outcome).toBe('denied');
  });

  it('a claim named __proto__ is an ordinary claim', async () => {
    const r = await inspect(`{"iss":"${ISSUER}","sub":"s","aud":"${CLIENT_ID}","exp":${NOW_S + 60},"iat":${NOW_S},"__proto__":"x"}`, '', { celExpression: `__proto__ == 'x' ? '${ROLE_UUID}' : false` });
    expect(r.cel?.outcome).toBe('granted-if-authentic');
  });
});

describe('strict base64url', () => {
  it('flipping the unused trailing bits of the signature is not a second valid token', async () => {
    const key = await generateKeyPair('RS256', 'k');
    const token = await signCompact('RS256', key.privateKey, claims(), { kid: 'k' });
    const [h, p, s] = token.split('.');
    // 256 bytes → 342 characters, the last of which carries 4 unused bits.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(s[s.length - 1]);
    const flipped = `${h}.${p}.${s.slice(0, -1)}${alphabet[last | 1]}`;
    expect(flipped).not.toBe(token);
    const r = await inspect(flipped, jwks(key.publicJwk));
    expect(r.signature?.verdict ?? null).not.toBe('valid');
    expect(r.errors.map((e) => e.code)).toContain('oidc-bad-base64');
    expect(r.errors[0].message).toMatch(/signature/);
  });
});

describe('private keys pasted as trust anchors are refused', () => {
  it('a private RSA JWK is refused with oidc-key-private, like a PEM private key', async () => {
    const pair = await newKeyPair({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as RsaHashedKeyGenParams);
    const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const token = await signCompact('RS256', pair.privateKey, claims());
    const r = await inspect(token, JSON.stringify({ keys: [priv] }));
    expect(r.keys.keys).toEqual([]);
    expect(r.keys.errors.map((e) => e.code)).toContain('oidc-key-private');
    expect(r.signature?.verdict).not.toBe('valid');
  });
});

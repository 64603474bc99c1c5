// What each claim check says, not only its code: the status and one-line detail of every check,
// the references, and the hints of the findings (issue 12: mutation testing showed that most of
// validateClaims.ts could be changed with every other test still green). Pure function, no keys.
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url';
import { CLIENT_ID, claims, ISSUER, NOW, NOW_S } from './oidc.testutil';
import { duration, isoFromNumericDate, validateIdTokenClaims } from './validateClaims';

const CORE = 'OpenID Connect Core 1.0';
const STEP = (n: number) => `${CORE} §3.1.3.7 step ${n}`;
const settings = { clientId: CLIENT_ID, issuerUrl: ISSUER };
const run = (payload: Record<string, unknown>, s: Record<string, string> = settings, extras: { accessToken?: string; code?: string } = {}, header: Record<string, unknown> = { alg: 'RS256' }, skewSeconds = 180) =>
  validateIdTokenClaims(payload, header, s, { at: NOW, skewSeconds }, extras);
const check = async (claim: string, payload: Record<string, unknown>, s: Record<string, string> = settings) => (await run(payload, s)).checks.filter((c) => c.claim === claim);
const only = async (code: string, payload: Record<string, unknown>, s: Record<string, string> = settings) => {
  const f = (await run(payload, s)).findings.filter((x) => x.code === code);
  expect(f).toHaveLength(1);
  return f[0]!;
};

describe('every check of a good token, word for word', () => {
  it('iss, aud, sub, exp, iat pass with what was compared', async () => {
    const r = await run(claims({ nbf: NOW_S - 60 }));
    expect(r.findings).toEqual([]);
    expect(r.checks).toEqual([
      { claim: 'iss', status: 'pass', detail: `"${ISSUER}" equals the OIDC Issuer URL`, reference: STEP(2) },
      { claim: 'aud', status: 'pass', detail: `"${CLIENT_ID}" contains the OIDC Client ID`, reference: STEP(3) },
      { claim: 'sub', status: 'pass', detail: '"8f1c2d3e"', reference: `${CORE} §2` },
      { claim: 'exp', status: 'pass', detail: '2025-06-01T12:05:00Z (in 5 min)', reference: STEP(9) },
      { claim: 'iat', status: 'pass', detail: '2025-06-01T11:59:50Z (10 s before the evaluation instant)', reference: STEP(10) },
      { claim: 'nbf', status: 'pass', detail: '2025-06-01T11:59:00Z', reference: 'RFC 7519 §4.1.5' },
    ]);
  });

  it('without settings: iss, aud and azp are skipped and say which field to type', async () => {
    const r = await run(claims({ azp: CLIENT_ID }), {});
    expect(r.checks.filter((c) => c.status === 'skip')).toEqual([
      { claim: 'iss', status: 'skip', detail: `"${ISSUER}" — type the "OIDC Issuer URL" to compare`, reference: STEP(2) },
      { claim: 'aud', status: 'skip', detail: `"${CLIENT_ID}" — type the "OIDC Client ID" to compare`, reference: STEP(3) },
      { claim: 'azp', status: 'skip', detail: `"${CLIENT_ID}" — type the "OIDC Client ID" to compare`, reference: STEP(5) },
    ]);
    expect(r.findings).toEqual([]);
  });

  it('settings of blanks only count as not typed', async () => {
    const r = await run(claims(), { clientId: '  ', issuerUrl: ' ' });
    expect(r.checks.filter((c) => c.status === 'skip').map((c) => c.claim)).toEqual(['iss', 'aud']);
    // Surrounding blanks of a typed value are ignored.
    expect((await run(claims(), { clientId: ` ${CLIENT_ID} `, issuerUrl: `${ISSUER}  ` })).findings).toEqual([]);
  });
});

describe('required claims and types (OIDC Core §2, RFC 7519 §4.1)', () => {
  it('one missing claim: singular title; several: plural, in the order iss, sub, aud, exp, iat', async () => {
    const { iat: _iat, ...noIat } = claims();
    const one = await only('oidc-claim-missing', noIat);
    expect(one.title).toBe('Required claim missing: iat');
    expect(one.severity).toBe('error');
    expect(one.references).toEqual([`${CORE} §2`]);
    expect(one.explanation).toContain('iss, sub, aud, exp and iat');
    expect(one.fix).toContain('"id_token"');
    const many = await only('oidc-claim-missing', { email: 'x' });
    expect(many.title).toBe('Required claims missing: iss, sub, aud, exp, iat');
    const r = await run({ email: 'x' });
    expect(r.checks).toEqual([
      { claim: 'iss', status: 'fail', detail: 'missing', reference: STEP(2) },
      { claim: 'aud', status: 'fail', detail: 'missing', reference: STEP(3) },
      { claim: 'sub', status: 'fail', detail: 'missing', reference: `${CORE} §2` },
      { claim: 'exp', status: 'fail', detail: 'missing', reference: STEP(9) },
      { claim: 'iat', status: 'fail', detail: 'missing', reference: STEP(10) },
    ]);
    expect(r.findings.map((f) => f.code)).toEqual(['oidc-claim-missing']);
  });

  it('a claim present with null is not missing, but of the wrong type', async () => {
    const r = await run(claims({ sub: null }));
    expect(r.findings.map((f) => f.code)).toEqual(['oidc-claim-type']);
    expect(r.checks.find((c) => c.claim === 'sub')).toEqual({ claim: 'sub', status: 'fail', detail: 'not a string: null', reference: `${CORE} §2` });
  });

  it('iss, sub, azp, nonce, acr cite Core §2; at_hash, c_hash, sid cite §3.1.3.6', async () => {
    for (const c of ['iss', 'sub', 'azp', 'nonce', 'acr']) {
      const f = await only('oidc-claim-type', claims({ [c]: 5 }));
      expect(f.references, c).toEqual([`${CORE} §2`]);
      expect(f.title).toBe(`"${c}" is not a string`);
      expect(f.severity).toBe('error');
      expect(f.explanation).toBe(`${CORE} §2: "${c}" is a string; this token has the number 5. Libraries disagree on such a token (most refuse it, some coerce it), which is how claim confusion starts.`);
      expect(f.fix).toBe('Fix the provider, or the custom claim mapping that writes this claim.');
    }
    for (const c of ['at_hash', 'c_hash', 'sid']) {
      expect((await only('oidc-claim-type', claims({ [c]: true }))).references, c).toEqual([`${CORE} §3.1.3.6`]);
    }
    // A string where a string is expected, or a claim that is absent, is no finding.
    expect((await run(claims({ acr: '1', sid: 's', at_hash: 'x', c_hash: 'y' }))).findings).toEqual([]);
  });

  it('aud: a string or a non-empty array of strings', async () => {
    for (const aud of [[], [CLIENT_ID, 5], 5, null, {}]) {
      const f = await only('oidc-claim-type', claims({ aud }));
      expect(f.title).toBe('"aud" is not a string or a non-empty array of strings');
      expect(f.references).toEqual(['RFC 7519 §4.1.3']);
    }
    expect((await check('aud', claims({ aud: [CLIENT_ID, 5] })))).toEqual([{ claim: 'aud', status: 'fail', detail: `not a string or array of strings: ["${CLIENT_ID}",5]`, reference: STEP(3) }]);
    // An empty array: the type finding, and the comparison finds no client ID.
    expect((await run(claims({ aud: [] }))).findings.map((f) => f.code)).toEqual(['oidc-claim-type', 'oidc-audience-mismatch']);
  });

  it('NumericDates: a finite JSON number', async () => {
    for (const c of ['exp', 'iat', 'nbf', 'auth_time']) {
      const f = await only('oidc-claim-type', claims({ [c]: Infinity }));
      expect(f.title, c).toBe(`"${c}" is not a NumericDate (a JSON number of seconds)`);
      expect(f.references).toEqual(['RFC 7519 §2']);
    }
    expect((await run(claims({ auth_time: NOW_S - 60 }))).findings).toEqual([]);
    expect(await check('nbf', claims({ nbf: 'soon' }))).toEqual([{ claim: 'nbf', status: 'fail', detail: 'not a usable NumericDate', reference: 'RFC 7519 §4.1.5' }]);
    expect(await check('exp', claims({ exp: 'soon' }))).toEqual([{ claim: 'exp', status: 'fail', detail: 'not a usable NumericDate', reference: STEP(9) }]);
    expect(await check('iat', claims({ iat: 'then' }))).toEqual([{ claim: 'iat', status: 'fail', detail: 'not a usable NumericDate', reference: STEP(10) }]);
  });

  it('email_verified as a string is a warning, as a boolean nothing', async () => {
    const f = await only('oidc-claim-type', claims({ email_verified: 'true' }));
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('"email_verified" is not a boolean');
    expect(f.references).toEqual([`${CORE} §5.1`]);
    expect(f.explanation).toContain('this token has the string "true"');
    expect((await run(claims({ email_verified: false }))).findings).toEqual([]);
  });

  it('describes the wrong value: null, arrays (five items shown), objects, long strings cut at 80', async () => {
    const explanation = async (v: unknown) => (await only('oidc-claim-type', claims({ sub: v }))).explanation;
    expect(await explanation(null)).toContain('this token has null.');
    expect(await explanation([1, 'a', null, [2], {}, true])).toContain('this token has an array of 6 (number, string, null, array, object, …).');
    expect(await explanation([1, 2])).toContain('this token has an array of 2 (number, number).');
    expect(await explanation({ a: 1 })).toContain('this token has an object.');
    expect(await explanation(false)).toContain('this token has the boolean false.');
    expect(await explanation(12345678901234567890)).toContain('this token has the number 12345678901234567000.');
    // Long values are cut at 80 characters of their JSON text (a string's opening quote counts).
    const f = await only('oidc-claim-type', claims({ email_verified: 'x'.repeat(100) }));
    expect(f.explanation).toContain(`this token has the string "${'x'.repeat(79)}…`);
    const exact = await only('oidc-claim-type', claims({ email_verified: 'y'.repeat(78) }));
    expect(exact.explanation).toContain(`the string "${'y'.repeat(78)}". Libraries`);
  });
});

describe('iss (step 2) and the hints of a mismatch', () => {
  it('not a string, or a mismatch: the check says what was compared', async () => {
    expect(await check('iss', claims({ iss: 5 }))).toEqual([{ claim: 'iss', status: 'fail', detail: 'not a string: 5', reference: STEP(2) }]);
    expect(await check('iss', claims(), { ...settings, issuerUrl: 'https://other.example.com' })).toEqual([
      { claim: 'iss', status: 'fail', detail: `"${ISSUER}" ≠ OIDC Issuer URL "https://other.example.com"`, reference: STEP(2) },
    ]);
  });

  const mismatch = (configured: string, iss = ISSUER) => only('oidc-issuer-mismatch', claims({ iss }), { ...settings, issuerUrl: configured });

  it('another issuer, no hint', async () => {
    const f = await mismatch('https://other.example.com/x');
    expect(f.title).toBe('The token comes from another issuer');
    expect(f.explanation).toBe(`The token's iss "${ISSUER}" is not the OIDC Issuer URL "https://other.example.com/x"; the relying party must reject it (OIDC Core §3.1.3.7 step 2).`);
    expect(f.fix).toBe(`In the Exoscale portal, IAM > SSO (OWNER role required), set "OIDC Issuer URL" to exactly "${ISSUER}".`);
    expect(f.references).toEqual([STEP(2), 'OpenID Connect Discovery 1.0 §4.3']);
    expect(f.severity).toBe('error');
  });

  it('the discovery document URL, with or without a final slash', async () => {
    for (const suffix of ['/.well-known/openid-configuration', '/.well-known/openid-configuration/']) {
      expect((await mismatch(`${ISSUER}${suffix}`)).explanation).toContain(' The configured value is the discovery document URL: Exoscale wants the issuer itself (without /.well-known/openid-configuration).');
    }
    // Only at the end: a path that merely contains it is another issuer.
    expect((await mismatch(`${ISSUER}/.well-known/openid-configuration/x`)).explanation).not.toContain('discovery document');
  });

  it('letter case only', async () => {
    expect((await mismatch(ISSUER.toUpperCase())).explanation).toContain(' They differ only in letter case.');
  });

  it('a prefix of the issuer: a realm or tenant path is missing', async () => {
    const f = await mismatch('https://auth.example.com/realms');
    expect(f.explanation).toContain(' The configured URL is a prefix of the issuer: a realm, tenant or application path is missing');
    // The configured URL's trailing slashes do not matter for the prefix test.
    expect((await mismatch('https://auth.example.com/realms//')).explanation).toContain('is a prefix of the issuer');
  });

  it('http against https, either way round', async () => {
    const hint = ' One uses http and the other https: behind a reverse proxy the provider must be told its public https URL.';
    expect((await mismatch('http://auth.example.com/realms/other')).explanation).toContain(hint);
    expect((await mismatch('https://auth.example.com/realms/other', 'http://auth.example.com/realms/acme')).explanation).toContain(hint);
    expect((await mismatch('https://other.example.com/')).explanation).not.toContain('http and the other');
  });

  it('a trailing slash is its own finding, either side', async () => {
    for (const [iss, configured] of [[ISSUER, `${ISSUER}/`], [`${ISSUER}/`, ISSUER], [`${ISSUER}//`, ISSUER]]) {
      const f = await only('oidc-issuer-trailing-slash', claims({ iss }), { ...settings, issuerUrl: configured! });
      expect(f.title).toBe('Issuer URL differs by a trailing slash');
      expect(f.explanation).toContain(`The token's iss is ${JSON.stringify(iss)} and the OIDC Issuer URL is ${JSON.stringify(configured)}.`);
      expect(f.fix).toBe(`In the Exoscale portal, IAM > SSO (OWNER role required), set "OIDC Issuer URL" to exactly ${JSON.stringify(iss)}.`);
      expect(f.references).toEqual([STEP(2), 'OpenID Connect Discovery 1.0 §4.3']);
    }
  });
});

describe('aud and azp (steps 3–5)', () => {
  it('a mismatch says what the token holds; case-only and blank-only differences are named', async () => {
    const plain = await only('oidc-audience-mismatch', claims({ aud: 'portal' }));
    expect(plain.title).toBe('The ID token is not for this client ID');
    expect(plain.explanation).toBe(`The token's audience "portal" does not contain the OIDC Client ID "${CLIENT_ID}". A relying party must reject an ID token that does not list it as an audience (OIDC Core §3.1.3.7 step 3).`);
    expect(plain.fix).toBe('In the Exoscale portal, IAM > SSO (OWNER role required), set "OIDC Client ID" to exactly "portal". (the client ID of the application registered at the provider)');
    expect(plain.references).toEqual([STEP(3)]);
    expect(await check('aud', claims({ aud: 'portal' }))).toEqual([{ claim: 'aud', status: 'fail', detail: `"portal" does not contain "${CLIENT_ID}"`, reference: STEP(3) }]);

    const caseOnly = await only('oidc-audience-mismatch', claims({ aud: CLIENT_ID.toUpperCase() }));
    expect(caseOnly.explanation).toContain(' The values differ only in letter case: client IDs are compared exactly.');
    expect(caseOnly.explanation).not.toContain('surrounding spaces');
    const spaces = await only('oidc-audience-mismatch', claims({ aud: ` ${CLIENT_ID} ` }));
    expect(spaces.explanation).toContain(' The values differ only in surrounding spaces.');
    expect(spaces.explanation).not.toContain('letter case');
  });

  it('several audiences: the fix lists them', async () => {
    const f = await only('oidc-audience-mismatch', claims({ aud: ['a', 'b'], azp: 'a' }));
    expect(f.fix).toBe('Set "OIDC Client ID" to the client ID of the application registered for Exoscale at the provider (one of ["a","b"]).');
  });

  it('azp: required in spirit with several audiences, not with one', async () => {
    const f = await only('oidc-azp-missing', claims({ aud: [CLIENT_ID, 'api', 'x'] }));
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('Several audiences but no "azp"');
    expect(f.explanation).toContain('The token lists 3 audiences;');
    expect(f.references).toEqual([STEP(3), STEP(4)]);
    expect(await check('azp', claims({ aud: [CLIENT_ID, 'api', 'x'] }))).toEqual([{ claim: 'azp', status: 'warn', detail: '3 audiences and no azp', reference: STEP(4) }]);
    const one = await run(claims({ aud: [CLIENT_ID] }));
    expect(one.findings).toEqual([]);
    expect(one.checks.map((c) => c.claim)).not.toContain('azp');
  });

  it('azp present: not a string, equal, or another client', async () => {
    expect(await check('azp', claims({ azp: 7 }))).toEqual([{ claim: 'azp', status: 'fail', detail: 'not a string: 7', reference: STEP(5) }]);
    expect(await check('azp', claims({ azp: CLIENT_ID }))).toEqual([{ claim: 'azp', status: 'pass', detail: `"${CLIENT_ID}" equals the OIDC Client ID`, reference: STEP(5) }]);
    expect(await check('azp', claims({ azp: 'api' }))).toEqual([{ claim: 'azp', status: 'fail', detail: `"api" ≠ "${CLIENT_ID}"`, reference: STEP(5) }]);
    const f = await only('oidc-azp-mismatch', claims({ azp: 'api' }));
    expect(f.title).toBe('The authorized party (azp) is another client');
    expect(f.explanation).toContain(`The token's azp is "api": it was issued to that client, not to "${CLIENT_ID}".`);
    expect(f.fix).toBe('In the Exoscale portal, IAM > SSO (OWNER role required), set "OIDC Client ID" to exactly "api". — if that is indeed the client registered for Exoscale.');
    expect(f.references).toEqual([STEP(5)]);
  });
});

describe('sub (§2): at most 255 characters', () => {
  it('255 passes, 256 warns', async () => {
    expect(await check('sub', claims({ sub: 'a'.repeat(255) }))).toEqual([{ claim: 'sub', status: 'pass', detail: JSON.stringify('a'.repeat(255)), reference: `${CORE} §2` }]);
    expect(await check('sub', claims({ sub: 'a'.repeat(256) }))).toEqual([{ claim: 'sub', status: 'warn', detail: '256 characters', reference: `${CORE} §2` }]);
    const f = await only('oidc-sub-too-long', claims({ sub: 'a'.repeat(256) }));
    expect(f).toEqual({ code: 'oidc-sub-too-long', severity: 'warning', title: '"sub" is longer than 255 characters', explanation: 'OIDC Core §2: the subject identifier MUST NOT exceed 255 ASCII characters.', fix: 'Configure the provider to use a shorter subject identifier.', references: [`${CORE} §2`] });
  });
});

describe('time claims (steps 9–10, RFC 7519 §4.1.4–4.1.6): what the checks and findings say', () => {
  it('expired beyond the skew', async () => {
    const r = await run(claims({ exp: NOW_S - 3600, iat: NOW_S - 7200 }));
    expect(r.checks.find((c) => c.claim === 'exp')).toEqual({ claim: 'exp', status: 'fail', detail: 'expired at 2025-06-01T11:00:00Z (60 min before 2025-06-01T12:00:00.000Z)', reference: STEP(9) });
    const f = await only('oidc-expired', claims({ exp: NOW_S - 3600, iat: NOW_S - 7200 }));
    expect(f.title).toBe('The ID token has expired');
    expect(f.explanation).toContain('exp is 2025-06-01T11:00:00Z; at 2025-06-01T12:00:00.000Z it expired 60 min ago, beyond the allowed clock skew of 180 s');
    expect(f.fix).toContain('evaluation instant');
    expect(f.references).toEqual([STEP(9), 'RFC 7519 §4.1.4']);
  });

  it('past exp within the skew: warn; before exp: pass, with the time left', async () => {
    expect(await check('exp', claims({ exp: NOW_S - 30, iat: NOW_S - 600 }))).toEqual([{ claim: 'exp', status: 'warn', detail: '2025-06-01T11:59:30Z (expired 30 s ago, within the skew)', reference: STEP(9) }]);
    // Exactly at exp (not past it): expired, within the skew.
    expect(await check('exp', claims({ exp: NOW_S, iat: NOW_S - 600 }))).toEqual([{ claim: 'exp', status: 'warn', detail: '2025-06-01T12:00:00Z (expired 0 s ago, within the skew)', reference: STEP(9) }]);
    expect(await check('exp', claims({ exp: NOW_S + 7200 }))).toEqual([{ claim: 'exp', status: 'pass', detail: '2025-06-01T14:00:00Z (in 2 h)', reference: STEP(9) }]);
  });

  it('iat in the future beyond the skew; iat slightly ahead within it', async () => {
    const r = await run(claims({ iat: NOW_S + 600, exp: NOW_S + 900 }));
    expect(r.checks.find((c) => c.claim === 'iat')).toEqual({ claim: 'iat', status: 'fail', detail: '2025-06-01T12:10:00Z, 10 min after 2025-06-01T12:00:00.000Z', reference: STEP(10) });
    const f = r.findings.find((x) => x.code === 'oidc-iat-in-future')!;
    expect(f.title).toBe('The ID token was issued in the future');
    expect(f.explanation).toContain('iat is 2025-06-01T12:10:00Z, 10 min after the evaluation instant 2025-06-01T12:00:00.000Z, beyond the 180 s skew.');
    expect(f.references).toEqual([STEP(10), 'RFC 7519 §4.1.6']);
    // Within the skew it passes, and "before" never shows a negative duration.
    expect(await check('iat', claims({ iat: NOW_S + 60 }))).toEqual([{ claim: 'iat', status: 'pass', detail: '2025-06-01T12:01:00Z (0 s before the evaluation instant)', reference: STEP(10) }]);
  });

  it('nbf in the future beyond the skew', async () => {
    const r = await run(claims({ nbf: NOW_S + 7200, exp: NOW_S + 9000 }));
    expect(r.checks.find((c) => c.claim === 'nbf')).toEqual({ claim: 'nbf', status: 'fail', detail: 'not before 2025-06-01T14:00:00Z, 2 h after 2025-06-01T12:00:00.000Z', reference: 'RFC 7519 §4.1.5' });
    const f = r.findings.find((x) => x.code === 'oidc-not-yet-valid')!;
    expect(f.title).toBe('The ID token is not valid yet');
    expect(f.explanation).toBe('nbf is 2025-06-01T14:00:00Z, 2 h after the evaluation instant, beyond the 180 s skew (RFC 7519 §4.1.5).');
    expect(f.references).toEqual(['RFC 7519 §4.1.5']);
  });

  it('exp not after iat: equal is an error, one second later is not', async () => {
    const f = await only('oidc-exp-before-iat', claims({ exp: NOW_S + 60, iat: NOW_S + 60 }));
    expect(f.title).toBe('exp is not after iat');
    expect(f.explanation).toBe('The token expires (2025-06-01T12:01:00Z) no later than it was issued (2025-06-01T12:01:00Z): its lifetime is zero or negative.');
    expect(f.references).toEqual(['RFC 7519 §4.1.4', 'RFC 7519 §4.1.6']);
    expect((await run(claims({ exp: NOW_S + 61, iat: NOW_S + 60 }))).findings).toEqual([]);
    // Only when both are usable.
    expect((await run(claims({ exp: NOW_S + 60, iat: 'x' }))).findings.map((x) => x.code)).toEqual(['oidc-claim-type']);
  });

  it('a time far outside any date: one finding, the value shown as a number', async () => {
    const f = await only('oidc-time-out-of-range', claims({ iat: 1e16 }));
    expect(f.title).toBe('"iat" is outside any representable date');
    expect(f.explanation).toContain('"iat" is 10000000000000000 seconds: more than 8640000000000 seconds (year 275760) from 1970');
    expect(f.references).toEqual(['RFC 7519 §2']);
    // The limit itself is representable: milliseconds, but not out of range.
    const edge = await run(claims({ auth_time: 8.64e12 }));
    expect(edge.findings.map((x) => x.code)).toEqual(['oidc-time-in-milliseconds']);
    expect((await run(claims({ auth_time: -8.64e12 - 1 }))).findings.map((x) => x.code)).toEqual(['oidc-time-out-of-range']);
  });

  it('milliseconds: above 1e11 seconds, shown both ways', async () => {
    const ms = (NOW_S + 300) * 1000;
    const f = await only('oidc-time-in-milliseconds', claims({ exp: ms }));
    expect(f.title).toBe('"exp" looks like milliseconds');
    expect(f.explanation).toBe(`"exp" is ${ms}: as seconds that is +057386-08-13T11:20:00Z; as milliseconds it would be 2025-06-01T12:05:00.000Z. RFC 7519 §2 counts seconds.`);
    expect(f.references).toEqual(['RFC 7519 §2']);
    expect((await run(claims({ auth_time: 1e11 }))).findings).toEqual([]);
  });
});

describe('nonce (step 11)', () => {
  it('missing, equal, other, and not compared', async () => {
    const s = { ...settings, nonce: ' n-1 ' };
    expect(await check('nonce', claims(), s)).toEqual([{ claim: 'nonce', status: 'fail', detail: 'missing, expected "n-1"', reference: STEP(11) }]);
    const missing = await only('oidc-nonce-missing', claims(), s);
    expect(missing.title).toBe('The ID token has no nonce');
    expect(missing.references).toEqual([STEP(11)]);
    expect(await check('nonce', claims({ nonce: 'n-1' }), s)).toEqual([{ claim: 'nonce', status: 'pass', detail: 'equals the request\'s nonce', reference: STEP(11) }]);
    expect(await check('nonce', claims({ nonce: 'n-2' }), s)).toEqual([{ claim: 'nonce', status: 'fail', detail: '"n-2" ≠ "n-1"', reference: STEP(11) }]);
    const other = await only('oidc-nonce-mismatch', claims({ nonce: 'n-2' }), s);
    expect(other.title).toBe('The nonce does not match the authorization request');
    expect(other.explanation).toContain('The token\'s nonce "n-2" is not the request\'s "n-1"');
    expect(other.references).toEqual([STEP(11)]);
    expect(await check('nonce', claims({ nonce: 'n-2' }))).toEqual([{ claim: 'nonce', status: 'skip', detail: '"n-2" — paste the authorization request URL\'s nonce to compare', reference: STEP(11) }]);
    // A blank expected nonce is no expectation; a non-string nonce is not offered for comparison.
    expect(await check('nonce', claims({ nonce: 5 }), { ...settings, nonce: '  ' })).toEqual([]);
  });
});

describe('at_hash and c_hash (OIDC Core §3.1.3.6, §3.3.2.11)', () => {
  const halfHash = async (hash: string, value: string, bytes: number) => encodeBase64Url(new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(value))).slice(0, bytes));

  it('c_hash against the code, with the hash of the header alg (SHA-384: 24 bytes)', async () => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA';
    const cHash = await halfHash('SHA-384', code, 24);
    const r = await run(claims({ c_hash: cHash }), settings, { code }, { alg: 'ES384' });
    expect(r.findings).toEqual([]);
    expect(r.checks.find((c) => c.claim === 'c_hash')).toEqual({ claim: 'c_hash', status: 'pass', detail: 'matches the authorization code', reference: `${CORE} §3.3.2.11` });
    const bad = await run(claims({ c_hash: cHash }), settings, { code: 'other' }, { alg: 'ES384' });
    const f = bad.findings.find((x) => x.code === 'oidc-c-hash-mismatch')!;
    expect(f.title).toBe('c_hash does not match the authorization code');
    expect(f.explanation).toContain('c_hash is the base64url of the left half of the SHA-384 hash of the authorization code');
    expect(f.fix).toBe('Paste the ID token and the authorization code of the same response.');
    expect(bad.checks.find((c) => c.claim === 'c_hash')).toEqual({ claim: 'c_hash', status: 'fail', detail: `${JSON.stringify(cHash)} ≠ computed ${JSON.stringify(await halfHash('SHA-384', 'other', 24))}`, reference: `${CORE} §3.3.2.11` });
  });

  it('at_hash: matches the access token', async () => {
    const accessToken = 'ya29.token';
    const r = await run(claims({ at_hash: await halfHash('SHA-256', accessToken, 16) }), settings, { accessToken });
    expect(r.checks.find((c) => c.claim === 'at_hash')).toEqual({ claim: 'at_hash', status: 'pass', detail: 'matches the access token', reference: `${CORE} §3.3.2.11` });
    const bad = await run(claims({ at_hash: await halfHash('SHA-256', accessToken, 16) }), settings, { accessToken: 'x' });
    expect(bad.findings.find((x) => x.code === 'oidc-at-hash-mismatch')!.title).toBe('at_hash does not match the access token');
  });

  it('not checked without the value, without a string claim, or without a known alg', async () => {
    const at = await halfHash('SHA-256', 't', 16);
    for (const [payload, extras, header] of [
      [claims({ at_hash: at }), {}, { alg: 'RS256' }],
      [claims(), { accessToken: 't' }, { alg: 'RS256' }],
      [claims({ at_hash: 5 }), { accessToken: 't' }, { alg: 'RS256' }],
      [claims({ at_hash: 'wrong' }), { accessToken: 't' }, { alg: 'none' }],
      [claims({ at_hash: 'wrong' }), { accessToken: 't' }, { alg: 5 }],
    ] as const) {
      const r = await run(payload, settings, extras, header);
      expect(r.checks.map((c) => c.claim)).not.toContain('at_hash');
      expect(r.findings.map((f) => f.code)).not.toContain('oidc-at-hash-mismatch');
    }
  });
});

describe('duration and isoFromNumericDate', () => {
  it('seconds below 2 min, minutes below 2 h, hours below 2 days, then days; the sign is dropped', () => {
    expect([0, 119, 119.4, 120, 7199, 7200, 172799, 172800, -90].map(duration)).toEqual(['0 s', '119 s', '119 s', '2 min', '120 min', '2 h', '48 h', '2 days', '90 s']);
    expect(duration(119.6)).toBe('2 min');
  });

  it('the ECMAScript date range, never throwing', () => {
    expect(isoFromNumericDate(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoFromNumericDate(8.64e12)).toBe('+275760-09-13T00:00:00.000Z');
    expect(isoFromNumericDate(-8.64e12)).toBe('-271821-04-20T00:00:00.000Z');
    expect(isoFromNumericDate(8.64e12 + 1)).toBeNull();
    expect(isoFromNumericDate(-8.64e12 - 1)).toBeNull();
    expect(isoFromNumericDate(Number.NaN)).toBeNull();
    expect(isoFromNumericDate(Infinity)).toBeNull();
  });
});

// Fuzzing the OIDC inspection (issue 11): random and mutated tokens, keys and CEL expressions.
// Properties: inspectOidc never throws, every outcome is typed (a known verdict / CEL outcome,
// coded errors and findings), nothing is `valid` or `granted` unless a pasted key verifies it,
// and each case ends under a generous hang guard. Short in `npm test`; SAMLSCOPE_FUZZ_RUNS
// raises the run count (`npm run fuzz`), SAMLSCOPE_FUZZ_SEED replays a failure.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzParameters, fuzzRuns } from '../testing/fuzz.testutil';
import { encodeBase64Url, encodeBase64UrlText } from './base64url';
import { inspectOidc, type OidcReport } from './inspectOidc';
import { claims, CLIENT_ID, generateKeyPair, ISSUER, jwks, NOW, ROLE_UUID, signCompact, type TestKeyPair } from './oidc.testutil';

/** Per case: far above any bounded run (ms), far below a hang. */
const HANG_GUARD_MS = 10_000;
/** A property's own timeout grows with its run count (`npm run fuzz` runs thousands); each case keeps the hang guard. */
const timeoutFor = (shortRuns: number) => 60_000 + fuzzRuns(shortRuns) * 1_000;
const VERDICTS = ['valid', 'invalid', 'untrusted', 'no-trust-anchor', 'unsupported'];
const OUTCOMES = ['granted', 'granted-if-authentic', 'denied', 'error'];
const CODE = /^(oidc|cel)-[a-z0-9-]+$/;

let key: TestKeyPair;
let validToken: string;
beforeAll(async () => {
  key = await generateKeyPair('RS256', 'k1');
  validToken = await signCompact('RS256', key.privateKey, claims(), { kid: 'k1' });
});

async function inspectGuarded(input: string, keysText: string, celExpression: string): Promise<OidcReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang guard: more than ${HANG_GUARD_MS} ms`)), HANG_GUARD_MS);
  });
  const started = Date.now();
  try {
    const report = await Promise.race([inspectOidc(input, { settings: { clientId: CLIENT_ID, issuerUrl: ISSUER, celExpression }, keysText, at: NOW }), guard]);
    // A synchronous loop cannot be interrupted by the timer; it is caught when it returns.
    expect(Date.now() - started, 'hang guard').toBeLessThan(HANG_GUARD_MS);
    return report;
  } finally {
    clearTimeout(timer);
  }
}

/** Every outcome typed; the gate holds. */
function expectTyped(r: OidcReport, options: { keyMayVerify: boolean }): void {
  for (const e of r.errors) expect(e.code).toMatch(CODE);
  for (const e of r.keys.errors) expect(e.code).toMatch(CODE);
  for (const f of r.findings) {
    expect(f.code).toMatch(CODE);
    expect(['error', 'warning', 'info']).toContain(f.severity);
  }
  if (r.signature) expect(VERDICTS).toContain(r.signature.verdict);
  if (r.cel) expect(OUTCOMES).toContain(r.cel.outcome);
  expect(r.trusted).toBe(r.signature?.verdict === 'valid');
  if (!r.trusted) {
    expect(r.cel?.outcome).not.toBe('granted');
    if (r.token) expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
  }
  if (!options.keyMayVerify) expect(r.trusted).toBe(false);
  JSON.stringify(r); // the report serialises (CLI --json)
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const weirdString = fc.oneof(fc.string(), fc.constantFrom('none', 'none ', ' none', 'none\u0000', 'NoNe', 'rs256', 'RS256', 'HS256', 'ES256', 'PS256', 'EdDSA', 'ES256K', '__proto__', 'constructor'));
const header = fc.record({ alg: fc.oneof(weirdString, jsonValue), kid: fc.option(fc.oneof(fc.constant('k1'), fc.string())), crit: fc.option(jsonValue, { nil: undefined }), jwk: fc.option(jsonValue, { nil: undefined }) }, { requiredKeys: [] });
const payload = fc.dictionary(fc.oneof(fc.constantFrom('iss', 'sub', 'aud', 'azp', 'exp', 'iat', 'nbf', 'auth_time', 'nonce', 'email', 'groups', '__proto__', 'constructor'), fc.string()), fc.oneof(jsonValue, fc.double(), fc.constantFrom(1e16, -1e16, 8.64e15 + 1, Number.MAX_VALUE)));
const segment = fc.oneof(fc.base64String().map((s) => s.replace(/\+/g, '-').replace(/\//g, '_')), fc.string(), fc.constant(''));

/** `at` < 0 picks the last character of segment -at - 1 (where base64url's unused bits are). */
function mutate(token: string, at: number, ch: string, op: number): string {
  const ends = token.split('.').map((_, k, parts) => parts.slice(0, k + 1).join('.').length - 1);
  const i = at < 0 ? ends[(-at - 1) % ends.length] : at % Math.max(1, token.length);
  if (op === 0) return token.slice(0, i) + ch + token.slice(i + 1);
  if (op === 1) return token.slice(0, i) + ch + token.slice(i);
  if (op === 2) return token.slice(0, i) + token.slice(i + 1);
  return token.split('.').reverse().join('.');
}

describe('fuzz: tokens', () => {
  it('random headers, payloads and segments never throw; outcomes are typed', async () => {
    await fc.assert(
      fc.asyncProperty(header, payload, fc.option(segment, { nil: undefined }), fc.boolean(), async (h, p, sig, withKeys) => {
        const token = `${encodeBase64UrlText(JSON.stringify(h))}.${encodeBase64UrlText(JSON.stringify(p))}.${sig ?? ''}`;
        const r = await inspectGuarded(token, withKeys ? jwks(key.publicJwk) : '', `email.endsWith('@exoscale.com') ? '${ROLE_UUID}' : false`);
        expectTyped(r, { keyMayVerify: false });
      }),
      fuzzParameters(60),
    );
  }, timeoutFor(60));

  it('mutations of a valid token are never a second valid token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.nat(), fc.integer({ min: -3, max: -1 })), fc.constantFrom(...'AQgwBCRSDhx-_.=+/ \u0000eyJ'), fc.integer({ min: 0, max: 3 }), async (at, ch, op) => {
        const mutated = mutate(validToken, at, ch, op);
        const r = await inspectGuarded(mutated, jwks(key.publicJwk), `'${ROLE_UUID}'`);
        expectTyped(r, { keyMayVerify: true });
        if (mutated.replace(/\s/g, '') !== validToken) expect(r.signature?.verdict ?? null).not.toBe('valid');
      }),
      fuzzParameters(60),
    );
  }, timeoutFor(60));

  it('no other last character of any segment keeps the token valid (unused base64url bits)', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 63 }), async (segment, k) => {
        const mutated = mutate(validToken, -segment, alphabet[k], 0);
        const r = await inspectGuarded(mutated, jwks(key.publicJwk), `'${ROLE_UUID}'`);
        expectTyped(r, { keyMayVerify: true });
        if (mutated !== validToken) expect(r.signature?.verdict ?? null).not.toBe('valid');
      }),
      fuzzParameters(60),
    );
  }, timeoutFor(60));

  it('arbitrary text as input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.webUrl({ withQueryParameters: true, withFragments: true })), async (text) => {
        expectTyped(await inspectGuarded(text, '', "'x'"), { keyMayVerify: false });
      }),
      fuzzParameters(60),
    );
  }, timeoutFor(60));
});

describe('fuzz: keys', () => {
  const b64 = (n: number, fill: number) => encodeBase64Url(new Uint8Array(n).fill(fill));
  const absurdMember = fc.oneof(
    fc.string(),
    fc.integer({ min: 0, max: 5000 }).map((n) => b64(n, 0xff)),
    fc.constantFrom(b64(1 << 16, 0xab), b64(3, 0), 'AQAB', 'AA', '', '____', 'AQAB='),
  );
  const jwk = fc.record({ kty: fc.oneof(fc.constantFrom('RSA', 'EC', 'OKP', 'oct', 'rsa', '__proto__'), fc.string()), n: absurdMember, e: absurdMember, crv: fc.constantFrom('P-256', 'P-384', 'P-521', 'Ed25519', 'X25519', 'nope'), x: absurdMember, y: absurdMember, k: absurdMember, d: fc.option(absurdMember, { nil: undefined }), kid: fc.string() }, { requiredKeys: ['kty'] });
  const pem = fc.tuple(fc.constantFrom('CERTIFICATE', 'PUBLIC KEY', 'RSA PUBLIC KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'X'), fc.base64String({ maxLength: 400 })).map(([label, body]) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`);
  const keysText = fc.oneof(
    fc.array(jwk, { maxLength: 5 }).map((keys) => JSON.stringify({ keys })),
    jwk.map((k) => JSON.stringify(k)),
    fc.array(pem, { maxLength: 3 }).map((b) => b.join('\n')),
    fc.string(),
    fc.json(),
    fc.constant(JSON.stringify({ keys: [{ kty: 'RSA', n: 'placeholder', e: 'AQAB' }] })),
  );

  it('JWK/JWKS/PEM mutations and absurd sizes never throw, and never make a forgery valid', async () => {
    await fc.assert(
      fc.asyncProperty(keysText, async (text) => {
        const r = await inspectGuarded(validToken, text, `'${ROLE_UUID}'`);
        expectTyped(r, { keyMayVerify: false });
      }),
      fuzzParameters(60),
    );
  }, timeoutFor(60));

  it('the real key among mutated ones still verifies, within the keys tried', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jwk, { maxLength: 5 }), async (noise) => {
        const r = await inspectGuarded(validToken, JSON.stringify({ keys: [...noise, key.publicJwk] }), `'${ROLE_UUID}'`);
        expectTyped(r, { keyMayVerify: true });
        expect(r.signature?.verdict).toBe('valid');
      }),
      fuzzParameters(30),
    );
  }, timeoutFor(30));
});

describe('fuzz: CEL expressions', () => {
  const leaf = fc.constantFrom('email', 'groups', 'l', 'x', '1', '2.0', "'a'", 'true', 'null', '[1, 2]', "{'a': 1}", '__proto__', 'constructor', 'toString', `'${ROLE_UUID}'`);
  const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '&&', '||', ' in '), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(tie('e'), tie('e'), tie('e')).map(([a, b, c]) => `(${a} ? ${b} : ${c})`),
      fc.tuple(tie('e'), fc.constantFrom('all', 'exists', 'exists_one', 'map', 'filter'), tie('e')).map(([r, m, b]) => `${r}.${m}(x, ${b})`),
      fc.tuple(fc.constantFrom('size', 'string', 'int', 'double', 'has', 'type'), tie('e')).map(([f, a]) => `${f}(${a})`),
      fc.tuple(tie('e'), fc.constantFrom('startsWith', 'endsWith', 'contains', 'matches')).map(([a, m]) => `${a}.${m}('a')`),
    ),
  })).e;
  const celPayload = JSON.stringify(claims({ groups: ['admins', 'devs'], l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }));

  it('random expressions never throw and never grant an unsigned payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(expr, fc.string()), async (e) => {
        expectTyped(await inspectGuarded(celPayload, '', e), { keyMayVerify: false });
      }),
      fuzzParameters(150),
    );
  }, timeoutFor(150));

  it('deeply nested expressions stop at a limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.constantFrom('(', '[', '!', '-', 'l.all(x, ', 'l.map(x, ', 'size(', '1 + '), async (n, opener) => {
        const closer = opener === '(' ? ')' : opener === '[' ? ']' : opener.endsWith('(') || opener.endsWith(', ') ? ')' : '';
        const e = `${opener.repeat(n)}1${closer.repeat(n)}`;
        const r = await inspectGuarded(celPayload, '', e);
        expectTyped(r, { keyMayVerify: false });
      }),
      fuzzParameters(40),
    );
  }, timeoutFor(40));
});

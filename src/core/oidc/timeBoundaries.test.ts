// Exact time boundaries of the ID token's exp, nbf and iat, with and without clock skew, to the
// millisecond. RFC 7519 §4.1.4: the token MUST NOT be accepted on or after exp (so at exp + skew it
// is expired); §4.1.5: not before nbf (valid at nbf − skew); OIDC Core §3.1.3.7 step 10 with §4.1.6:
// an iat in the future beyond the skew is refused (valid at iat − skew).
import { describe, expect, it } from 'vitest';
import { claims } from './oidc.testutil';
import { validateIdTokenClaims } from './validateClaims';

const T = Date.parse('2025-06-01T12:00:00Z');
const T_S = T / 1000;
const ms = 1;

async function codesAt(payload: Record<string, unknown>, atMs: number, skewSeconds: number): Promise<string[]> {
  const r = await validateIdTokenClaims(payload, { alg: 'RS256' }, {}, { at: new Date(atMs), skewSeconds });
  return r.findings.map((f) => f.code);
}

describe.each([0, 180])('ID token time claims at exactly the instant, skew %i s', (skew) => {
  const s = skew * 1000;

  it('exp: valid until 1 ms before exp + skew, expired at it and after', async () => {
    const token = claims({ exp: T_S, iat: T_S - 3600 });
    expect(await codesAt(token, T + s - ms, skew)).toEqual([]);
    expect(await codesAt(token, T + s, skew)).toEqual(['oidc-expired']);
    expect(await codesAt(token, T + s + ms, skew)).toEqual(['oidc-expired']);
  });

  it('nbf: not yet valid 1 ms before nbf − skew, valid at it and after', async () => {
    const token = claims({ nbf: T_S, iat: T_S - 3600, exp: T_S + 3600 });
    expect(await codesAt(token, T - s - ms, skew)).toEqual(['oidc-not-yet-valid']);
    expect(await codesAt(token, T - s, skew)).toEqual([]);
    expect(await codesAt(token, T - s + ms, skew)).toEqual([]);
  });

  it('iat: in the future 1 ms before iat − skew, fine at it and after', async () => {
    const token = claims({ iat: T_S, exp: T_S + 3600 });
    expect(await codesAt(token, T - s - ms, skew)).toEqual(['oidc-iat-in-future']);
    expect(await codesAt(token, T - s, skew)).toEqual([]);
    expect(await codesAt(token, T - s + ms, skew)).toEqual([]);
  });
});

describe('exp and the skew', () => {
  it('a token past exp but within the skew passes with a warning on the exp check', async () => {
    const token = claims({ exp: T_S, iat: T_S - 3600 });
    const r = await validateIdTokenClaims(token, { alg: 'RS256' }, {}, { at: new Date(T + 1000), skewSeconds: 180 });
    expect(r.findings).toEqual([]);
    expect(r.checks.find((c) => c.claim === 'exp')?.status).toBe('warn');
  });
  it('fractional NumericDates are compared exactly', async () => {
    const token = claims({ exp: T_S + 0.5, iat: T_S - 3600 });
    expect(await codesAt(token, T + 499, 0)).toEqual([]);
    expect(await codesAt(token, T + 500, 0)).toEqual(['oidc-expired']);
  });
});

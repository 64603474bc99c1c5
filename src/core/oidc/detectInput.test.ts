import { describe, expect, it } from 'vitest';
import { decodeCompactJws } from './decodeJws';
import { detectOidcInput } from './detectInput';
import { claims, generateKeyPair, signCompact } from './oidc.testutil';

describe('detectOidcInput / decodeCompactJws', async () => {
  const key = await generateKeyPair('RS256');
  const token = await signCompact('RS256', key.privateKey, claims());

  it('finds the token however it is wrapped', () => {
    const cases: [string, string][] = [
      [`  ${token}\n`, 'bare'],
      [`Bearer ${token}`, 'bearer'],
      [`${token.slice(0, 40)}\n${token.slice(40)}`, 'bare'],
      [JSON.stringify({ access_token: 'at', token_type: 'Bearer', id_token: token }), 'token-response'],
      [`https://portal.exoscale.com/sso-authenticate/acme#state=s&id_token=${token}`, 'url-fragment'],
      [`https://portal.exoscale.com/sso-authenticate/acme?id_token=${token}&state=s`, 'url-query'],
      [`id_token=${token}&state=s`, 'form-body'],
    ];
    for (const [input, wrapping] of cases) {
      const d = detectOidcInput(input);
      expect(d.ok && d.value.kind === 'id-token' && d.value.wrapping, input.slice(0, 30)).toBe(wrapping);
      if (d.ok && d.value.kind === 'id-token') expect(d.value.token).toBe(token);
    }
  });

  it('recognises the URLs of the code flow', () => {
    const req = detectOidcInput('https://auth.example.com/authorize?client_id=x&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fportal.exoscale.com%2Fsso-authenticate%2Facme&state=1');
    expect(req.ok && req.value.kind).toBe('authorization-request');
    expect(detectOidcInput('https://portal.exoscale.com/sso-authenticate/acme?code=abc&state=1').ok && 'authorization-code-response').toBe('authorization-code-response');
    const err = detectOidcInput('https://portal.exoscale.com/sso-authenticate/acme?error=access_denied&state=1');
    expect(err.ok && err.value.kind).toBe('authorization-error-response');
    const login = detectOidcInput('https://portal.exoscale.com/sso-login/acme');
    expect(login.ok && login.value.kind === 'exoscale-login-url' && login.value.org).toBe('acme');
  });

  it('takes a decoded payload as claims without a signature', () => {
    const d = detectOidcInput(JSON.stringify(claims()));
    expect(d.ok && d.value.kind).toBe('claims-json');
  });

  it('returns coded errors for garbage, never throws', () => {
    const code = (s: string) => {
      const d = detectOidcInput(s);
      if (!d.ok) return d.error.code;
      if (d.value.kind !== 'id-token') return d.value.kind;
      const j = decodeCompactJws(d.value.token);
      return j.ok ? 'ok' : j.error.code;
    };
    expect(code('hello world')).toBe('oidc-not-jwt');
    expect(code('')).toBe('oidc-empty-input');
    expect(code('a.b')).toBe('oidc-not-jwt');
    expect(code('eyJhbGciOiJSUzI1NiJ9.e+yJ.sig')).toBe('oidc-bad-base64');
    expect(code('eyJhbGciOiJSUzI1NiJ9=.eyJ9.sig')).toBe('oidc-bad-base64');
    expect(code('bm90IGpzb24.eyJhIjoxfQ.c2ln')).toBe('oidc-bad-json');
    expect(code('WzEsMl0.eyJhIjoxfQ.c2ln')).toBe('oidc-bad-json');
    expect(code('a.b.c.d.e')).toBe('oidc-encrypted-token');
    expect(code('{"access_token":"x"}')).toBe('oidc-no-id-token');
    expect(code('{"keys":[]}')).toBe('oidc-input-is-key');
    expect(code('{not json')).toBe('oidc-bad-json');
    for (const junk of ['...', '.', '\u0000', '{"id_token":5}', 'https://', '?', '#', 'id_token=', '%%%', 'Bearer ']) expect(() => code(junk)).not.toThrow();
  });
});

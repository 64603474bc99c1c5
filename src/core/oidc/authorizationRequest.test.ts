import { describe, expect, it } from 'vitest';
import { summarizeAuthorizationRequest, summarizeAuthorizationResponse } from './authorizationRequest';
import { detectOidcInput } from './detectInput';

const settings = { clientId: 'exoscale-portal', orgName: 'acme' };
function request(overrides: Record<string, string | null> = {}) {
  const p: Record<string, string | null> = {
    client_id: 'exoscale-portal', response_type: 'code', scope: 'openid profile email',
    redirect_uri: 'https://portal.exoscale.com/sso-authenticate/acme', state: 'st', nonce: 'nn', ...overrides,
  };
  const q = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => e[1] !== null));
  const url = `https://auth.example.com/realms/acme/protocol/openid-connect/auth?${q}`;
  const d = detectOidcInput(url);
  if (!d.ok || d.value.kind !== 'authorization-request') throw new Error('not detected');
  return summarizeAuthorizationRequest(d.value.url, d.value.params, settings);
}
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('authorization request', () => {
  it("Exoscale's request decodes with no finding", () => {
    const r = request();
    expect(codes(r)).toEqual([]);
    expect(r.orgName).toBe('acme');
    expect(r.scopes).toEqual(['openid', 'profile', 'email']);
    expect(r.endpoint).toBe('https://auth.example.com/realms/acme/protocol/openid-connect/auth');
  });

  it('explains redirect URI mistakes', () => {
    expect(codes(request({ redirect_uri: 'https://portal.exoscale.com/sso-login/acme' }))).toEqual(['oidc-redirect-uri-is-login-url']);
    expect(codes(request({ redirect_uri: 'https://portal.exoscale.com/sso-authenticate/acme/' }))).toEqual(['oidc-redirect-uri-trailing-slash']);
    expect(codes(request({ redirect_uri: 'https://portal.exoscale.com/sso-authenticate/other' }))).toEqual(['oidc-redirect-uri-org-mismatch']);
    const host = request({ redirect_uri: 'https://portal.exoscale.ch/sso-authenticate/acme' });
    expect(codes(host)).toEqual(['oidc-redirect-uri-not-exoscale']);
    expect(host.findings[0].explanation).toMatch(/host is portal\.exoscale\.ch/);
    expect(codes(request({ redirect_uri: 'http://portal.exoscale.com/sso-authenticate/acme' }))).toEqual(['oidc-redirect-uri-not-exoscale']);
  });

  it('scope, client id, state, PKCE', () => {
    expect(codes(request({ scope: 'profile email' }))).toContain('oidc-scope-missing-openid');
    expect(codes(request({ client_id: 'other' }))).toEqual(['oidc-request-client-id-mismatch']);
    expect(codes(request({ state: null }))).toEqual(['oidc-state-missing']);
    expect(codes(request({ code_challenge: 'abc', code_challenge_method: 'plain' }))).toEqual(['oidc-pkce-plain']);
  });
});

describe('authorization response', () => {
  it('an error response is explained', () => {
    const r = summarizeAuthorizationResponse('https://portal.exoscale.com/sso-authenticate/acme?error=invalid_scope&state=1', { error: 'invalid_scope', state: '1' }, settings);
    expect(codes(r)).toEqual(['oidc-authorization-error']);
    expect(r.findings[0].explanation).toMatch(/OIDC Additional Claims/);
  });
  it('a code response says what samlscope cannot do', () => {
    const r = summarizeAuthorizationResponse('https://portal.exoscale.com/sso-authenticate/acme?code=abc&state=1', { code: 'abc', state: '1' }, settings);
    expect(codes(r)).toEqual(['oidc-code-needs-exchange']);
  });
});

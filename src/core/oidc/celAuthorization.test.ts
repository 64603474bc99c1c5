import { describe, expect, it } from 'vitest';
import { evaluateAuthorizationExpression } from './celAuthorization';
import { claims, ROLE_UUID, SEED_EXPRESSION } from './oidc.testutil';

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('CEL authorization expression (seed 002)', () => {
  it("the seed's exact expression grants an @exoscale.com email its role", async () => {
    const r = await evaluateAuthorizationExpression(SEED_EXPRESSION, claims({ email: 'ada@exoscale.com' }));
    expect(r.outcome).toBe('granted');
    expect(r.roleUuid).toBe(ROLE_UUID);
    expect(r.referencedClaims).toEqual(['email']);
    expect(codes(r)).toEqual(expect.arrayContaining(['cel-role-must-exist', 'cel-role-reapplied']));
  });

  it('and denies any other email (returns false)', async () => {
    const r = await evaluateAuthorizationExpression(SEED_EXPRESSION, claims({ email: 'eve@example.com' }));
    expect(r.outcome).toBe('denied');
    expect(r.returned).toBe('false');
    expect(codes(r)).toContain('cel-returned-false');
  });

  it('a missing claim is an error that points to OIDC Additional Claims', async () => {
    const r = await evaluateAuthorizationExpression("'admins' in groups ? '" + ROLE_UUID + "' : false", claims());
    expect(r.outcome).toBe('error');
    expect(r.missingClaims).toEqual(['groups']);
    const f = r.findings.find((x) => x.code === 'cel-claim-missing')!;
    expect(f.fix).toContain('OIDC Additional Claims');
    expect(codes(r)).toContain('cel-claim-not-requested');
    // Listed but absent: the provider's mapping is the problem.
    const listed = await evaluateAuthorizationExpression("'admins' in groups ? '" + ROLE_UUID + "' : false", claims(), 'groups');
    expect(codes(listed)).not.toContain('cel-claim-not-requested');
    expect(listed.findings.find((x) => x.code === 'cel-claim-missing')!.explanation).toMatch(/listed in "OIDC Additional Claims" but the provider did not put it/);
    // Present and listed: granted.
    const ok = await evaluateAuthorizationExpression("'admins' in groups ? '" + ROLE_UUID + "' : false", claims({ groups: ['admins'] }), 'groups');
    expect(ok.outcome).toBe('granted');
  });

  it('a standard claim missing from the token is explained as the provider leaving it out', async () => {
    const { email: _e, ...noEmail } = claims();
    const r = await evaluateAuthorizationExpression(SEED_EXPRESSION, noEmail);
    expect(r.outcome).toBe('error');
    expect(r.findings.find((x) => x.code === 'cel-claim-missing')!.explanation).toMatch(/openid\/profile\/email/);
  });

  it('a role name instead of a UUID is denied', async () => {
    const r = await evaluateAuthorizationExpression("email.endsWith('@exoscale.com') ? 'admin' : false", claims());
    expect(r.outcome).toBe('denied');
    expect(codes(r)).toContain('cel-not-uuid');
    expect(r.findings.find((x) => x.code === 'cel-not-uuid')!.explanation).toMatch(/role name/);
  });

  it('true, numbers and lists are not grants', async () => {
    for (const expr of ['true', '42', "['" + ROLE_UUID + "']", 'null']) {
      const r = await evaluateAuthorizationExpression(expr, claims());
      expect(r.outcome, expr).toBe('denied');
      expect(codes(r), expr).toContain('cel-not-string');
    }
  });

  it('a syntax error is reported, with a useful first line', async () => {
    const r = await evaluateAuthorizationExpression("email.endsWith('@exoscale.com' ? 'x' : false", claims());
    expect(r.outcome).toBe('error');
    expect(codes(r)).toEqual(['cel-syntax-error']);
    expect(r.reason).toMatch(/never closed/);
  });

  it('unverified email is flagged when the expression trusts email', async () => {
    const r = await evaluateAuthorizationExpression(SEED_EXPRESSION, claims({ email_verified: false }));
    expect(r.outcome).toBe('granted');
    expect(r.findings.find((f) => f.code === 'cel-email-unverified')?.severity).toBe('warning');
  });

  it('macros bind their variables (not reported as claims) and nested claims work', async () => {
    const expr = `realm_access.roles.exists(r, r == 'ops') && email_verified ? '${ROLE_UUID}' : false`;
    const r = await evaluateAuthorizationExpression(expr, claims({ realm_access: { roles: ['ops'] } }), 'realm_access');
    expect(r.referencedClaims.sort()).toEqual(['email_verified', 'realm_access']);
    expect(r.outcome).toBe('granted');
  });

  it('a strings-extension function is explained', async () => {
    const r = await evaluateAuthorizationExpression(`email.lowerAscii().endsWith('@exoscale.com') ? '${ROLE_UUID}' : false`, claims());
    expect(r.outcome).toBe('error');
    expect(r.findings.find((f) => f.code === 'cel-unknown-function')?.explanation).toMatch(/strings extension/);
  });
});

// The issuer rule (issuer.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { issuerRule } from './issuer';
import { anchorName, authnRequest, context, IDP, idpMetadata, response, ruleMessage, SP, spMetadata, runRule, ruleCodes, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('issuer', () => {
  test('Scaleway: IdP issuer set to the SP entity ID (000_bbefa757859ef489.txt)', () => {
    const scw = 'https://iam.scaleway.com/saml/abc-123';
    const res = ruleMessage(response({ issuer: scw, destination: 'https://api.scaleway.com/iam/v1/saml/abc-123/login', inResponseTo: null }, { issuer: scw, audiences: [scw], recipient: 'https://api.scaleway.com/iam/v1/saml/abc-123/login', inResponseTo: null, nameId: { value: 'jdoe', format: null } }));
    const ctx = context(res, { idpMetadata: [idpMetadata({ entityId: IDP })], profile: 'scaleway' });
    const found = runRule(issuerRule, ctx);
    expect(found.map((f) => f.code)).toEqual(['issuer-is-sp-entity-id', 'issuer-mismatch']);
    expect(found[0].fix).toContain('issuer = var.authentik_url');
    expect(found[1].explanation).toContain(IDP);
    expect(anchorName(found[0].node)).toBe('saml:Issuer');
  });
  test('issuer differs from IdP metadata only by trailing slash', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({ issuer: 'https://authentik.apps.example.com' }, { issuer: 'https://authentik.apps.example.com' }));
    const f = onlyFinding(issuerRule, ctx);
    expect(f.code).toBe('issuer-mismatch');
    expect(f.explanation).toContain('trailing slash');
  });
  test('Response and Assertion Issuer differ (no metadata)', () => {
    const res = ruleMessage(response({ issuer: 'https://a/' }, { issuer: 'https://b/' }));
    expect(onlyFinding(issuerRule, context(res))).toMatchObject({ code: 'issuer-mismatch', severity: 'warning' });
  });
  test('AuthnRequest issuer vs SP metadata', () => {
    const req = ruleMessage(authnRequest({ issuer: 'https://wrong-sp/' }));
    expect(ruleCodes(issuerRule, context(req, { spMetadata: [spMetadata()] }))).toEqual(['issuer-mismatch']);
    expect(ruleCodes(issuerRule, context(ruleMessage(authnRequest()), { spMetadata: [spMetadata()] }))).toEqual([]);
  });
  test('Issuer equal to the Audience without other evidence is a warning', () => {
    const res = ruleMessage(response({ issuer: 'urn:tenant' }, { issuer: 'urn:tenant', audiences: ['urn:tenant'] }));
    expect(onlyFinding(issuerRule, context(res))).toMatchObject({ code: 'issuer-is-sp-entity-id', severity: 'warning' });
  });
  test('fine', () => expect(runRule(issuerRule, fineExchange())).toEqual([]));
});

// The binding-mismatch rule (binding.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { bindingRule } from './binding';
import { ACS, authnRequest, context, idpMetadata, response, ruleMessage, SP, spMetadata, runRule, ruleCodes, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('binding-mismatch', () => {
  test('AuthnRequest POSTed to authentik /sso/binding/redirect/ → 403 CSRF', () => {
    const url = 'https://authentik.apps.example.com/application/saml/scaleway-console/sso/binding/redirect/';
    const req = ruleMessage(authnRequest({ destination: url }), { payload: { url, method: 'POST' } });
    const f = onlyFinding(bindingRule, context(req, { profile: 'scaleway' }));
    expect(f.code).toBe('binding-mismatch');
    expect(f.explanation).toContain('CSRF');
    expect(f.fix).toContain('/sso/binding/post/');
  });
  test('binding not offered by the IdP metadata at that location', () => {
    const loc = 'https://idp.example.com/sso';
    const req = ruleMessage(authnRequest({ destination: loc }), { binding: 'HTTP-POST' });
    expect(ruleCodes(bindingRule, context(req, { idpMetadata: [idpMetadata({ sso: [{ location: loc, binding: 'redirect' }] })] }))).toEqual(['binding-mismatch']);
  });
  test('Response delivered with HTTP-Redirect', () => {
    const res = ruleMessage(response(), { binding: 'HTTP-Redirect' });
    expect(onlyFinding(bindingRule, context(res, { profile: 'scaleway' })).fix).toContain('sp_binding = "post"');
  });
  test('ACS in SP metadata only accepts Artifact', () => {
    const res = ruleMessage(response());
    const md = spMetadata({ acs: [{ location: ACS, binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact' }] });
    expect(ruleCodes(bindingRule, context(res, { spMetadata: [md] }))).toEqual(['binding-mismatch']);
  });
  test('fine', () => {
    expect(runRule(bindingRule, fineExchange())).toEqual([]);
    const url = 'https://authentik.apps.example.com/application/saml/app/sso/binding/post/';
    const req = ruleMessage(authnRequest({ destination: url }), { payload: { url, method: 'POST' } });
    expect(runRule(bindingRule, context(req, { idpMetadata: [idpMetadata()] }))).toEqual([]);
  });
});

// The destination rule (destination.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { destinationRule } from './destination';
import { ACS, anchorName, authnRequest, context, idpMetadata, response, ruleMessage, runRule, ruleCodes, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('destination', () => {
  test('Response Destination is not the ACS URL', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({ destination: 'https://sp.example.com/acs/' }));
    const f = onlyFinding(destinationRule, ctx);
    expect(f.code).toBe('destination-mismatch');
    expect(f.explanation).toContain('trailing slash');
    expect(anchorName(f.node)).toBe('samlp:Response');
  });
  test('Response posted to another URL than its Destination (HAR)', () => {
    const res = ruleMessage(response(), { payload: { url: 'https://sp.example.com/saml/acs', method: 'POST' } });
    expect(ruleCodes(destinationRule, context(res))).toEqual(['destination-mismatch']);
  });
  test('AuthnRequest Destination is not an IdP SSO endpoint', () => {
    const req = ruleMessage(authnRequest({ destination: 'https://idp.example.com/sso' }));
    expect(ruleCodes(destinationRule, context(req, { idpMetadata: [idpMetadata()] }))).toEqual(['destination-mismatch']);
  });
  test('fine', () => {
    expect(runRule(destinationRule, fineExchange())).toEqual([]);
    const res = ruleMessage(response(), { payload: { url: ACS, method: 'POST' } });
    expect(runRule(destinationRule, context(res))).toEqual([]);
  });
});

// The audience rule (audience.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { audienceRule } from './audience';
import { ACS, anchorName, context, response, ruleMessage, SP, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('audience', () => {
  test('audience is not the SP entity ID', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({}, { audiences: ['https://other.example.com/'] }));
    const f = onlyFinding(audienceRule, ctx);
    expect(f.code).toBe('audience-mismatch');
    expect(f.explanation).toContain(SP);
    expect(anchorName(f.node)).toBe('saml:Audience');
  });
  test('no audience is a warning', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({}, { audiences: [] }));
    expect(onlyFinding(audienceRule, ctx).severity).toBe('warning');
  });
  test('Scaleway profile derives the SP entity ID from the ACS URL', () => {
    const acs = 'https://api.scaleway.com/iam/v1/saml/p1/login';
    const res = ruleMessage(response({ destination: acs, inResponseTo: null }, { audiences: ['https://iam.scaleway.com/saml/p2'], recipient: acs, inResponseTo: null }));
    const f = onlyFinding(audienceRule, context(res, { profile: 'scaleway' }));
    expect(f.explanation).toContain('https://iam.scaleway.com/saml/p1');
    expect(f.fix).toContain('audience = var.scaleway_saml_entity_id');
  });
  test('fine', () => expect(runRule(audienceRule, fineExchange())).toEqual([]));
});

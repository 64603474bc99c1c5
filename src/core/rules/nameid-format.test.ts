// The nameid-format-mismatch rule (nameid-format.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { nameIdFormatRule } from './nameid-format';
import { anchorName, authnRequest, context, response, ruleMessage, SP, spMetadata, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('nameid-format-mismatch', () => {
  test('requested emailAddress, got persistent; explains what authentik sends', () => {
    const req = ruleMessage(authnRequest({}, { nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }));
    const res = ruleMessage(response());
    const f = onlyFinding(nameIdFormatRule, context(res, { messages: [req, res], profile: 'authentik-provider' }));
    expect(f.code).toBe('nameid-format-mismatch');
    expect(f.explanation).toContain("the user's email address");
    expect(anchorName(f.node)).toBe('saml:NameID');
  });
  test('SP metadata NameIDFormat does not list the received format', () => {
    const res = ruleMessage(response());
    const f = onlyFinding(nameIdFormatRule, context(res, { spMetadata: [spMetadata({ nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'] })] }));
    expect(f.severity).toBe('warning');
  });
  test('unspecified request accepts anything; matching format is fine', () => {
    const req = ruleMessage(authnRequest({}, { nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' }));
    const res = ruleMessage(response());
    expect(runRule(nameIdFormatRule, context(res, { messages: [req, res] }))).toEqual([]);
    expect(runRule(nameIdFormatRule, fineExchange())).toEqual([]);
  });
});

// The nameid-transient rule (nameid-transient.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { nameIdTransientRule } from './nameid-transient';
import { authnRequest, context, response, ruleMessage, SP, spMetadata, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('nameid-transient', () => {
  const transient = () => ruleMessage(response({}, { nameId: { value: '_abc', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' } }));
  test('info in generic, warning when a stable ID is needed, error in Scaleway', () => {
    expect(onlyFinding(nameIdTransientRule, context(transient())).severity).toBe('info');
    const md = spMetadata({ nameIdFormats: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'] });
    expect(onlyFinding(nameIdTransientRule, context(transient(), { spMetadata: [md] })).severity).toBe('warning');
    expect(onlyFinding(nameIdTransientRule, context(transient(), { profile: 'authentik-source' })).severity).toBe('warning');
    expect(onlyFinding(nameIdTransientRule, context(transient(), { profile: 'scaleway' })).severity).toBe('error');
    expect(onlyFinding(nameIdTransientRule, context(transient(), { profile: 'authentik-source' })).fix).toContain('NameID Policy');
  });
  test('not flagged when the SP requested transient (generic), nor for persistent', () => {
    const req = ruleMessage(authnRequest({}, { nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }));
    const res = transient();
    expect(runRule(nameIdTransientRule, context(res, { messages: [req, res] }))).toEqual([]);
    expect(runRule(nameIdTransientRule, fineExchange())).toEqual([]);
  });
});

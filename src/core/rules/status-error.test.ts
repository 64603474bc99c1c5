// The status-error rule (status-error.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { statusErrorRule } from './status-error';
import { anchorName, context, response, ruleMessage, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('status-error', () => {
  test('Responder / RequestDenied explained, with authentik policy binding fix', () => {
    const res = ruleMessage(response({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subcode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', message: 'denied' }, assertions: [] }));
    const f = onlyFinding(statusErrorRule, context(res, { profile: 'authentik-provider' }));
    expect(f.code).toBe('status-error');
    expect(f.explanation).toContain('RequestDenied');
    expect(f.explanation).toContain('"denied"');
    expect(f.fix).toContain('authentik_policy_binding');
    expect(anchorName(f.node)).toBe('samlp:StatusCode');
  });
  test('unknown top-level code', () => {
    const res = ruleMessage(response({ status: { code: 'urn:x:Oops', subcode: null, message: null }, assertions: [] }));
    expect(onlyFinding(statusErrorRule, context(res)).explanation).toContain('not one of the SAML 2.0 top-level codes');
  });
  test('PartialLogout is a warning', () => {
    const res = ruleMessage(response({ kind: 'LogoutResponse', status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', subcode: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout', message: null }, assertions: [] }));
    expect(onlyFinding(statusErrorRule, context(res)).severity).toBe('warning');
  });
  test('fine', () => expect(runRule(statusErrorRule, fineExchange())).toEqual([]));
});

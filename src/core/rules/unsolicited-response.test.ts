// The unsolicited-response rule (unsolicited-response.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { unsolicitedResponseRule } from './unsolicited-response';
import { authnRequest, context, response, ruleMessage, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('unsolicited-response', () => {
  const unsolicited = () => ruleMessage(response({ inResponseTo: null }, { inResponseTo: null }));
  test('info in generic', () => expect(onlyFinding(unsolicitedResponseRule, context(unsolicited())).severity).toBe('info'));
  test('authentik-source warns about "Allow IdP-initiated logins"', () => {
    const f = onlyFinding(unsolicitedResponseRule, context(unsolicited(), { profile: 'authentik-source' }));
    expect(f.severity).toBe('warning');
    expect(f.explanation).toContain('Allow IdP-initiated logins');
    expect(f.explanation).toContain('without interaction');
  });
  test('warning when a request was sent', () => {
    const req = ruleMessage(authnRequest());
    const res = unsolicited();
    expect(onlyFinding(unsolicitedResponseRule, context(res, { messages: [req, res] })).severity).toBe('warning');
  });
  test('fine', () => expect(runRule(unsolicitedResponseRule, fineExchange())).toEqual([]));
});

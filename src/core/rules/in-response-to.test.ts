// The in-response-to rule (in-response-to.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { inResponseToRule } from './in-response-to';
import { authnRequest, context, response, ruleMessage, runRule, ruleCodes, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('in-response-to', () => {
  test('answers another request than the one in the input', () => {
    const req = ruleMessage(authnRequest({ id: '_reqB' }));
    const res = ruleMessage(response({ inResponseTo: '_reqA' }, { inResponseTo: '_reqA' }));
    const f = onlyFinding(inResponseToRule, context(res, { messages: [req, res] }));
    expect(f.code).toBe('in-response-to-mismatch');
    expect(f.explanation).toContain('_reqB');
  });
  test('explicit request ID', () => {
    const res = ruleMessage(response());
    expect(ruleCodes(inResponseToRule, context(res, { expectations: { requestId: { value: '_other', source: 'explicit', detail: '--request-id' } } }))).toEqual(['in-response-to-mismatch']);
  });
  test('Response and SubjectConfirmationData disagree', () => {
    const res = ruleMessage(response({ inResponseTo: '_x' }, { inResponseTo: '_y' }));
    expect(ruleCodes(inResponseToRule, context(res))).toEqual(['in-response-to-mismatch']);
  });
  test('fine', () => expect(runRule(inResponseToRule, fineExchange())).toEqual([]));
});

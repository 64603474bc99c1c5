// The recipient rule (recipient.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { recipientRule } from './recipient';
import { ACS, anchorName, context, response, ruleMessage, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('recipient', () => {
  test('Recipient is not the ACS URL', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({}, { recipient: 'https://sp.example.com/other' }));
    const f = onlyFinding(recipientRule, ctx);
    expect(f.code).toBe('recipient-mismatch');
    expect(anchorName(f.node)).toBe('saml:SubjectConfirmationData');
  });
  test('Recipient differs from Destination without any expectation', () => {
    const res = ruleMessage(response({}, { recipient: 'https://sp.example.com/other' }));
    expect(onlyFinding(recipientRule, context(res))).toMatchObject({ code: 'recipient-mismatch', severity: 'warning' });
  });
  test('fine', () => expect(runRule(recipientRule, fineExchange())).toEqual([]));
});

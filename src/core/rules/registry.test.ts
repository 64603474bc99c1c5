// The rule registry: every contract code has a rule, ids are unique, a fine exchange gives no
// finding in any profile, every finding is complete, and a throwing rule is reported.
import { describe, expect, test } from 'vitest';
import type { Rule } from '../diagnosis/context';
import { evaluateRules } from '../diagnosis/evaluate';
import { RULE_CODES, RULES } from './index';
import { issuerRule } from './issuer';
import { statusErrorRule } from './status-error';
import { authnRequest, context, idpMetadata, response, ruleMessage, SP, spMetadata, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('registry', () => {
  test('every protocol/configuration code of CONTRACT §3 has a rule', () => {
    for (const c of ['issuer-mismatch', 'issuer-is-sp-entity-id', 'audience-mismatch', 'destination-mismatch', 'recipient-mismatch', 'in-response-to-mismatch', 'unsolicited-response', 'not-yet-valid', 'expired', 'status-error', 'nameid-format-mismatch', 'nameid-email-for-username', 'nameid-transient', 'binding-mismatch', 'acs-not-in-metadata', 'metadata-expired', 'assertion-unsigned', 'response-unsigned']) {
      expect(RULE_CODES).toContain(c);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
  test('a fine exchange yields no findings in any profile', () => {
    for (const p of ['generic', 'authentik-provider', 'authentik-source'] as const) expect(evaluateRules(fineExchange(p))).toEqual([]);
    const req = ruleMessage(authnRequest());
    expect(evaluateRules(context(req, { messages: [req], idpMetadata: [idpMetadata()], spMetadata: [spMetadata()] }))).toEqual([]);
  });
  test('every finding has title, explanation, fix and references', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({ issuer: SP, destination: 'https://x/' }, { audiences: ['https://other/'], notOnOrAfter: '2024-05-01T11:00:00Z' }));
    const found = evaluateRules(ctx);
    expect(found.length).toBeGreaterThan(3);
    for (const f of found) {
      expect(f.title && f.explanation && f.fix).toBeTruthy();
      expect(f.references?.length).toBeGreaterThan(0);
    }
  });
  test('a throwing rule is reported, others still run', () => {
    const bad: Rule = { ...issuerRule, id: 'boom', check: () => { throw new Error('x'); } };
    expect(evaluateRules(fineExchange(), [bad, statusErrorRule]).map((f) => f.code)).toEqual(['internal-rule-error']);
  });
});

// The input-text rule (input-text.ts): one finding per repaired capture value, anchored to the
// root, in the binding category; nothing when the capture held no lone surrogate.
import { describe, expect, test } from 'vitest';
import { inputTextRule } from './input-text';
import { anchorName, context, fineExchange, response, ruleMessage, runRule } from '../diagnosis/diagnosis.testutil';

describe('input-text', () => {
  test('one warning per repaired field, with the count', () => {
    const msg = ruleMessage(response(), { payload: { textRepairs: [{ field: 'RelayState', loneSurrogates: 1 }, { field: 'SAMLResponse parameter name', loneSurrogates: 3 }] } });
    const found = runRule(inputTextRule, context(msg));
    expect(found.map((f) => [f.code, f.severity, f.title])).toEqual([
      ['input-lone-surrogate', 'warning', 'RelayState holds a lone UTF-16 surrogate'],
      ['input-lone-surrogate', 'warning', 'SAMLResponse parameter name holds 3 lone UTF-16 surrogates'],
    ]);
    expect(found[0].explanation).toContain('U+FFFD');
    expect(found[0].fix).toContain('Re-capture the exchange');
    expect(anchorName(found[0].node)).toBe('samlp:Response');
    expect(inputTextRule.category).toBe('binding');
  });
  test('fine', () => expect(runRule(inputTextRule, fineExchange())).toEqual([]));
});

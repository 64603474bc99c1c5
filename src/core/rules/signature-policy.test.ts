// The signature policy counts only a signature over the consumed assertion (or the Response):
// another assertion's signature says nothing about the one an SP reads.
import { describe, expect, test } from 'vitest';
import { assertion, context, response, ruleMessage, signature, spMetadata } from './test-support';
import { signaturePolicyRule } from './signature-policy';

/** A Response with two assertions: _a1 (consumed, first) and _a2, and the given signatures. */
const twoAssertions = (signatures: ReturnType<typeof signature>[]) =>
  ruleMessage(response({ assertions: [assertion({ id: '_a1' }), assertion({ id: '_a2' })] }), { signatures, consumedAssertionIndex: 0 });
const codes = (msg: ReturnType<typeof ruleMessage>, o: Parameters<typeof context>[1]) => signaturePolicyRule.check(context(msg, o)).map((f) => f.code);

describe('signature policy and the consumed assertion', () => {
  const wantSigned = { spMetadata: [spMetadata({ wantAssertionsSigned: true })] };

  test('WantAssertionsSigned: a signature on the other assertion does not count for the consumed one', () => {
    expect(codes(twoAssertions([signature('Assertion', '_a2')]), wantSigned)).toEqual(['assertion-unsigned']);
  });
  test('WantAssertionsSigned: a signature on the consumed assertion counts', () => {
    expect(codes(twoAssertions([signature('Assertion', '_a1')]), wantSigned)).toEqual([]);
  });
  test('Scaleway: the other assertion\'s signature leaves the consumed one unsigned', () => {
    expect(codes(twoAssertions([signature('Response', '_r1'), signature('Assertion', '_a2')]), { profile: 'scaleway' })).toEqual(['assertion-unsigned']);
    expect(codes(twoAssertions([signature('Response', '_r1'), signature('Assertion', '_a1')]), { profile: 'scaleway' })).toEqual([]);
  });
  test('Scaleway: a signature on another Response does not count for this one', () => {
    expect(codes(twoAssertions([signature('Response', '_other'), signature('Assertion', '_a1')]), { profile: 'scaleway' })).toEqual(['response-unsigned']);
  });
});

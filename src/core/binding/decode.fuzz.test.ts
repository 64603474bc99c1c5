import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedInput } from '../types';
import { fuzzParameters } from '../testing/fuzz.testutil';
import { corpusInputs, hostileParameterInputs, seedInputs } from '../testing/inputs.testutil';
import { FUZZ_CASE_BUDGET_MS, FUZZ_TEST_TIMEOUT_MS, HOSTILE_TOKENS, mutatedOf, timed } from '../testing/mutate.testutil';
import { decodeInput } from './detect';

const DETECTED = [null, 'redirect-url', 'post-body', 'base64', 'xml', 'har', 'saml-tracer'];
const INPUT_CODES = ['input-bad-base64', 'input-bad-deflate', 'input-not-xml', 'input-dtd-forbidden', 'input-multiple-roots', 'input-unrecognized', 'input-too-large'];
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** decodeInput's result is well-typed: known format, coded errors, payloads with text. */
function expectWellTyped(r: DecodedInput): void {
  expect(DETECTED).toContain(r.detected);
  expect(r.payloads.length + r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(INPUT_CODES).toContain(e.code);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    if (e.code === 'input-too-large') expect(e.limit?.name).toMatch(/^[A-Z_]+$/);
  }
  for (const p of r.payloads) {
    expect(typeof p.xml).toBe('string');
    expect(Array.isArray(p.encoding) && Array.isArray(p.notes)).toBe(true);
    if (p.relayState !== undefined) expect(LONE.test(p.relayState)).toBe(false);
  }
}

async function decodesWithinBudget(input: string): Promise<void> {
  const { value, ms } = await timed(() => decodeInput(input));
  expectWellTyped(value);
  expect(ms).toBeLessThan(FUZZ_CASE_BUDGET_MS);
}

describe('decodeInput never throws (fuzz)', () => {
  it('arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), fc.array(fc.constantFrom(...HOSTILE_TOKENS), { maxLength: 12 }).map((a) => a.join(''))), decodesWithinBudget), fuzzParameters(300));
  }, FUZZ_TEST_TIMEOUT_MS);
  it('arbitrary JSON in the HAR and SAML-tracer shapes', async () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const entry = fc.record({ startedDateTime: fc.oneof(fc.string(), value), request: fc.oneof(value, fc.record({ method: value, url: fc.oneof(fc.constant('https://idp/sso?SAMLRequest=AAAA'), fc.string(), value), postData: fc.oneof(value, fc.record({ text: fc.oneof(fc.string(), value), params: fc.array(fc.oneof(value, fc.record({ name: fc.oneof(fc.constantFrom('SAMLResponse', 'RelayState'), value), value: fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\uD800', 'PHg+PC94Pg=='), value) }))) })) })), response: value }, { requiredKeys: [] });
    const har = fc.array(entry, { maxLength: 4 }).map((entries) => JSON.stringify({ log: { entries } }));
    const tracer = fc.array(fc.record({ method: value, url: value, get: value, post: fc.oneof(value, fc.array(fc.tuple(fc.constantFrom('SAMLResponse', 'RelayState', 'x'), fc.oneof(fc.string({ unit: 'binary' }), value)))), saml: fc.oneof(fc.constant('<x/>'), value), timestamp: fc.oneof(fc.double(), value) }, { requiredKeys: [] }), { maxLength: 4 }).map((requests) => JSON.stringify({ requests }));
    await fc.assert(fc.asyncProperty(fc.oneof(har, tracer), decodesWithinBudget), fuzzParameters(200));
  }, FUZZ_TEST_TIMEOUT_MS);
  it('mutations of every input format and of the real corpus', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(mutatedOf(seedInputs()), mutatedOf(corpusInputs()), hostileParameterInputs(HOSTILE_TOKENS)), decodesWithinBudget), fuzzParameters(300));
  }, FUZZ_TEST_TIMEOUT_MS);
});

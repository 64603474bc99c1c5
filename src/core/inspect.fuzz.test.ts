import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusManifest, readCorpus, trustOf } from './corpus/corpus.testutil';
import { inspectInput } from './inspect';
import { reportText } from '../cli/text';
import { toContractReport } from './report';
import { fuzzParameters } from './testing/fuzz.testutil';
import { corpusInputs, hostileParameterInputs, seedInputs } from './testing/inputs.testutil';
import { FUZZ_CASE_BUDGET_MS, FUZZ_TEST_TIMEOUT_MS, HOSTILE_TOKENS, mutatedOf, timed } from './testing/mutate.testutil';
import type { InspectReport } from './types';

const SEVERITIES = ['error', 'warning', 'info'];
const VERDICTS = ['valid', 'invalid', 'untrusted', 'unsupported'];

/** The whole pipeline's result is well-typed and renders as the CLI's JSON (CONTRACT §2) and text. */
function expectWellTyped(r: InspectReport): void {
  for (const e of r.errors) {
    expect(e.code).toMatch(/^input-/);
    expect(e.message.length).toBeGreaterThan(0);
  }
  for (const m of r.messages) {
    expect(typeof m.trusted).toBe('boolean');
    for (const s of m.signatures) expect(VERDICTS).toContain(s.verdict);
    for (const f of m.findings) {
      expect(typeof f.code).toBe('string');
      expect(SEVERITIES).toContain(f.severity);
      // A rule or verifier that threw is caught and reported as internal-*: that is a bug found.
      expect(f.code, `${f.code}: ${f.explanation}`).not.toMatch(/^internal-/);
    }
  }
  // What the CLI prints, in both modes.
  expect(() => JSON.stringify(toContractReport(r))).not.toThrow();
  expect(() => reportText(r)).not.toThrow();
}

describe('inspectInput never throws (fuzz)', () => {
  // Real trust material: mutated messages are also verified against the keys they were signed with.
  const trusts = [[], [readCorpus('crewjam__sp_cert.pem')], ...corpusManifest().filter((e) => e.trust).slice(0, 6).map(trustOf)];
  const mutatedTrust = mutatedOf([readCorpus('crewjam__onelogin_idp_metadata.xml'), readCorpus('crewjam__sp_cert.pem')]);
  it('mutations of every input format and of the real corpus, with and without trust', async () => {
    const input = fc.oneof(mutatedOf(seedInputs()), mutatedOf(corpusInputs()));
    const trust = fc.oneof(fc.constantFrom(...trusts), mutatedTrust.map((t) => [t]));
    await fc.assert(fc.asyncProperty(input, trust, async (text, t) => {
      const { value, ms } = await timed(() => inspectInput(text, 'fuzz', { trust: t, at: new Date('2024-01-01T00:00:00Z') }));
      expectWellTyped(value);
      expect(ms).toBeLessThan(FUZZ_CASE_BUDGET_MS);
    }), fuzzParameters(200));
  }, FUZZ_TEST_TIMEOUT_MS);
  it('hostile parameter values (RelayState, SigAlg, Signature, capture fields) reaching the verifier', async () => {
    // With a key, a Redirect signature fails and its diagnosis re-encodes every parameter.
    const trust = fc.constantFrom<string[][]>([], [readCorpus('crewjam__sp_cert.pem')]);
    await fc.assert(fc.asyncProperty(hostileParameterInputs(HOSTILE_TOKENS), trust, async (text, t) => {
      const { value, ms } = await timed(() => inspectInput(text, 'fuzz', { trust: t, at: new Date('2024-01-01T00:00:00Z') }));
      expectWellTyped(value);
      expect(ms).toBeLessThan(FUZZ_CASE_BUDGET_MS);
    }), fuzzParameters(150));
  }, FUZZ_TEST_TIMEOUT_MS);
});

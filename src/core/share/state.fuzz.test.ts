import fc from 'fast-check';
import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../encoding/base64';
import { fuzzParameters } from '../testing/fuzz.testutil';
import { FUZZ_CASE_BUDGET_MS, FUZZ_TEST_TIMEOUT_MS, HOSTILE_TOKENS, mutatedOf, timed } from '../testing/mutate.testutil';
import { seedInputs } from '../testing/inputs.testutil';
import { createShareState, decodeShareFragment, encodeShareFragment, validateShareState, type ShareErrorCode } from './state';

const CODES: ShareErrorCode[] = ['share-missing', 'share-unsupported-version', 'share-too-large', 'share-bad-base64url', 'share-bad-deflate', 'share-bad-utf8', 'share-bad-json', 'share-bad-shape'];
const b64url = (bytes: Uint8Array) => encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function decodesWellTyped(fragment: string): Promise<void> {
  const { value: r, ms } = await timed(() => decodeShareFragment(fragment));
  expect(ms).toBeLessThan(FUZZ_CASE_BUDGET_MS);
  if (r.ok) expect(validateShareState(r.value).ok).toBe(true);
  else {
    expect(CODES).toContain(r.error.code);
    expect(r.error.message.length).toBeGreaterThan(0);
  }
}

describe('decodeShareFragment never throws (fuzz)', () => {
  const links = seedInputs().map((input, i) => encodeShareFragment(createShareState({ input, trust: i % 2 ? ['-----BEGIN CERTIFICATE-----'] : [], options: { at: new Date('2024-01-01T00:00:00Z'), spEntityId: 'https://sp' } })));
  it('arbitrary text, and arbitrary JSON and bytes behind a valid prefix', async () => {
    const json = fc.jsonValue({ maxDepth: 5 }).map((v) => `s1.${b64url(deflateRaw(new TextEncoder().encode(JSON.stringify(v) ?? 'null')))}`);
    const bytes = fc.uint8Array({ maxLength: 512 }).map((b) => `s1.${b64url(b)}`);
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...HOSTILE_TOKENS), { maxLength: 8 }).map((a) => a.join('')));
    await fc.assert(fc.asyncProperty(fc.oneof(json, bytes, text), decodesWellTyped), fuzzParameters(300));
  }, FUZZ_TEST_TIMEOUT_MS);
  it('mutations of real links (flips, truncation, duplication, hostile insertions)', async () => {
    await fc.assert(fc.asyncProperty(mutatedOf(links), decodesWellTyped), fuzzParameters(300));
  }, FUZZ_TEST_TIMEOUT_MS);
  it('mutations of the state JSON inside a well-formed link', async () => {
    const states = seedInputs().map((input) => JSON.stringify(createShareState({ input, options: { at: new Date('2024-01-01T00:00:00Z') } })));
    await fc.assert(fc.asyncProperty(mutatedOf(states).map((j) => `s1.${b64url(deflateRaw(new TextEncoder().encode(j)))}`), decodesWellTyped), fuzzParameters(150));
  }, FUZZ_TEST_TIMEOUT_MS);
});

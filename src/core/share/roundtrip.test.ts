import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { createShareState, decodeShareFragment, encodeShareFragment, inspectOptionsOf, shareFragmentOf, shareUrl } from './state';
import { FIXED_AT, manifest, readCorpus, trustOf, verdictsOf } from './share.testutil';

describe('share link round trip over the corpus', () => {
  for (const e of manifest()) {
    it(e.file, async () => {
      expect.hasAssertions();
      const options = { trust: trustOf(e), at: new Date(e.at_time ?? FIXED_AT), skewSeconds: 120, profile: 'generic' as const, spEntityId: 'https://sp.example.com/metadata' };
      const input = readCorpus(e.file);
      const state = createShareState({ input, options, selected: 0, source: e.file });
      const url = shareUrl('https://samlscope.example/inspect?x=1#old', state);
      expect(url.startsWith('https://samlscope.example/inspect?x=1#share=s1.')).toBe(true);
      const fragment = shareFragmentOf(url)!;
      expect(fragment).toBe(encodeShareFragment(state));
      const decoded = decodeShareFragment(fragment);
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(decoded.value).toStrictEqual(state);
      expect(decoded.value.input).toBe(input);
      const before = await inspectInput(input, e.file, options);
      const after = await inspectInput(decoded.value.input, e.file, inspectOptionsOf(decoded.value));
      expect(after.evaluatedAt).toBe(before.evaluatedAt);
      expect(verdictsOf(after)).toEqual(verdictsOf(before));
    });
  }
});

// Work amplification (docs/limits.md): repeated References to the same node with the same
// algorithm cost one canonicalization and one digest.
import { describe, expect, it } from 'vitest';
import { parseXmlSafely } from '../xml/parse';
import { C14N_URIS } from './c14n/index';
import { CanonicalMemo } from './verify';

describe('CanonicalMemo', () => {
  const parsed = parseXmlSafely('<r xmlns:a="urn:a"><a:x ID="_1">text</a:x><s/></r>');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const doc = parsed.value;
  const sig = doc.documentElement!.lastChild as Element;

  it('returns the same canonical octets object for the same (node, algorithm, prefixes, enveloped signature)', () => {
    const memo = new CanonicalMemo();
    const first = memo.canonicalize(doc, C14N_URIS.exclusive, undefined, sig);
    expect(memo.canonicalize(doc, C14N_URIS.exclusive, undefined, sig)).toBe(first);
    // Any difference in the key is another canonicalization.
    expect(memo.canonicalize(doc, C14N_URIS.exclusive, ['a'], sig)).not.toBe(first);
    expect(memo.canonicalize(doc, C14N_URIS.exclusive, undefined, null)).not.toBe(first);
    expect(memo.canonicalize(doc, C14N_URIS.inclusive, undefined, sig)).not.toBe(first);
    expect(memo.canonicalize(doc.documentElement!, C14N_URIS.exclusive, undefined, sig)).not.toBe(first);
  });

  it('two signatures enveloped in the same element are each excluded from their own canonical form', () => {
    const two = parseXmlSafely('<r ID="_1"><s n="1"/><s n="2"/></r>');
    if (!two.ok) throw new Error(two.error.message);
    const [s1, s2] = [two.value.documentElement!.firstChild as Element, two.value.documentElement!.lastChild as Element];
    const memo = new CanonicalMemo();
    const text = (excluded: Element) => {
      const c = memo.canonicalize(two.value.documentElement!, C14N_URIS.exclusive, undefined, excluded);
      if (!c.ok) throw new Error(c.error.message);
      return new TextDecoder().decode(c.value);
    };
    expect(text(s1)).toBe('<r ID="_1"><s n="2"></s></r>');
    expect(text(s2)).toBe('<r ID="_1"><s n="1"></s></r>');
    expect(text(s1)).toBe('<r ID="_1"><s n="2"></s></r>');
  });

  it('digests once per hash', async () => {
    const memo = new CanonicalMemo();
    const c = memo.canonicalize(doc, C14N_URIS.exclusive, undefined, sig);
    if (!c.ok) throw new Error(c.error.message);
    const d1 = memo.digest(doc, C14N_URIS.exclusive, undefined, sig, 'SHA-256', c.value);
    expect(memo.digest(doc, C14N_URIS.exclusive, undefined, sig, 'SHA-256', c.value)).toBe(d1);
    expect(memo.digest(doc, C14N_URIS.exclusive, undefined, sig, 'SHA-1', c.value)).not.toBe(d1);
    expect(await d1).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

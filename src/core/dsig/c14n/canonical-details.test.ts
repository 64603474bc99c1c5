// Canonical form details the broader c14n tests do not pin: UTF-8 output of long and non-ASCII
// text, CR in comments and PIs, namespaces and xml:* attributes inherited by a subset's apex,
// ordering of several declarations and attributes, and which C14N 1.1 inputs are refused.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { C14N_URIS, canonicalize, canonicalizeExclusive, canonicalizeInclusive, canonicalizeToBytes, compareCodePoints } from './index';

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const exc = canonicalizeExclusive;
const inc = canonicalizeInclusive;
const byId = (doc: Document, id: string): Element => {
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all[i].getAttribute('ID') === id) return all[i];
  throw new Error(`no element with ID ${id}`);
};
const bytesOf = (node: Node, algorithm: string = C14N_URIS.exclusive) => {
  const r = canonicalizeToBytes(node, { algorithm });
  if (!r.ok) throw new Error(r.error.message);
  return Buffer.from(r.value).toString('utf8');
};

describe('UTF-8 output', () => {
  test('long ASCII and long non-ASCII text, and non-ASCII after an ASCII run', () => {
    for (const text of ['a'.repeat(300), 'é'.repeat(300), `${'a'.repeat(299)}é😀`, 'abcé', 'é', '😀x'.repeat(200)]) {
      const xml = `<r a="${text}">${text}</r>`;
      expect(bytesOf(parse(xml))).toBe(xml);
    }
  });
  test('output beyond the initial 64 KB buffer, in one piece and in many', () => {
    const big = 'x'.repeat(200_000);
    expect(bytesOf(parse(`<r>${big}</r>`))).toBe(`<r>${big}</r>`);
    const many = '<e>é</e>'.repeat(30_000);
    expect(bytesOf(parse(`<r>${many}</r>`))).toBe(`<r>${many}</r>`);
  });
});

describe('comments and processing instructions', () => {
  test('a CR in a comment or PI is written &#xD;, nothing else is escaped there', () => {
    const doc = parse('<r/>');
    doc.documentElement.appendChild(doc.createComment('a\rb<&>'));
    doc.documentElement.appendChild(doc.createProcessingInstruction('t', 'x\ry<&>'));
    expect(canonicalize(doc, { algorithm: C14N_URIS.exclusiveWithComments })).toEqual({ ok: true, value: '<r><!--a&#xD;b<&>--><?t x&#xD;y<&>?></r>' });
    expect(exc(doc)).toBe('<r><?t x&#xD;y<&>?></r>');
  });
  test('a PI without data has no space before ?>', () => {
    expect(exc(parse('<r><?t?></r>'))).toBe('<r><?t?></r>');
  });
  test('comments before and after the root: line breaks on the document side only', () => {
    const doc = parse('<!--a--><r/><!--b-->');
    expect(canonicalize(doc, { algorithm: C14N_URIS.inclusiveWithComments })).toEqual({ ok: true, value: '<!--a-->\n<r></r>\n<!--b-->' });
    // Canonicalizing the root element alone: no top-level nodes, no line breaks.
    expect(canonicalize(doc.documentElement, { algorithm: C14N_URIS.inclusiveWithComments })).toEqual({ ok: true, value: '<r></r>' });
  });
  test('a PI named like the XML declaration inside the root is kept', () => {
    const doc = parse('<r/>');
    doc.documentElement.appendChild(doc.createProcessingInstruction('xml-stylesheet', 'href="a"'));
    expect(exc(doc)).toBe('<r><?xml-stylesheet href="a"?></r>');
  });
});

describe('namespaces of a subset apex', () => {
  test('inclusive: the nearest declaration of a prefix wins, the default included', () => {
    const doc = parse('<r xmlns:p="urn:1" xmlns="urn:d1"><m xmlns:p="urn:2" xmlns="urn:d2"><a ID="a"><p:x/></a></m></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a xmlns="urn:d2" xmlns:p="urn:2" ID="a"><p:x></p:x></a>');
    expect(exc(byId(doc, 'a'))).toBe('<a xmlns="urn:d2" ID="a"><p:x xmlns:p="urn:2"></p:x></a>');
  });
  test('inclusive: an apex whose default namespace was undeclared renders no xmlns', () => {
    const doc = parse('<r xmlns="urn:d"><m xmlns=""><a ID="a"/></m></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a"></a>');
  });
  test('the xml prefix is never declared', () => {
    const doc = parse('<r xmlns:x="urn:x"><a ID="a" xml:lang="en"><x:b xml:space="preserve"/></a></r>');
    expect(exc(byId(doc, 'a'))).toBe('<a ID="a" xml:lang="en"><x:b xmlns:x="urn:x" xml:space="preserve"></x:b></a>');
    expect(inc(byId(doc, 'a'))).toBe('<a xmlns:x="urn:x" ID="a" xml:lang="en"><x:b xml:space="preserve"></x:b></a>');
  });
  test('declarations sorted by prefix, the default first, whatever the source order', () => {
    const doc = parse('<r xmlns:c="urn:c" xmlns:a="urn:a" xmlns="urn:d" xmlns:b="urn:b"><c:x a:y="1" b:z="2"/></r>');
    expect(inc(doc)).toBe('<r xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c"><c:x a:y="1" b:z="2"></c:x></r>');
    expect(exc(doc.documentElement.firstChild!)).toBe('<c:x xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c" a:y="1" b:z="2"></c:x>');
  });
  test('attributes: unqualified first by name, then by namespace URI, then local name', () => {
    const doc = parse('<r xmlns:p="urn:b" xmlns:q="urn:a"><e p:k="1" z="2" q:m="3" b="4" p:a="5" q:a="6"/></r>');
    expect(inc(doc.documentElement.firstChild!)).toBe('<e xmlns:p="urn:b" xmlns:q="urn:a" b="4" z="2" q:a="6" q:m="3" p:a="5" p:k="1"></e>');
  });
  test('PrefixList tokens: tabs and newlines separate, duplicates count once, unknown prefixes are ignored', () => {
    const doc = parse('<r xmlns:a="urn:a" xmlns:b="urn:b"><e ID="e"/></r>');
    const e = byId(doc, 'e');
    expect(exc(e, { inclusivePrefixes: ['a\tb\n a', '', 'zz'] })).toBe('<e xmlns:a="urn:a" xmlns:b="urn:b" ID="e"></e>');
    // Inclusive canonicalization has no PrefixList: it is ignored.
    expect(canonicalize(e, { algorithm: C14N_URIS.inclusive, inclusivePrefixes: ['a'] })).toEqual({ ok: true, value: inc(e) });
  });
});

describe('xml:* attributes inherited by the apex (C14N 1.0 §2.4)', () => {
  test('the nearest ancestor value wins; the apex\'s own value is kept', () => {
    const doc = parse('<r xml:lang="en" xml:space="preserve"><m xml:lang="fr"><a ID="a"/><b ID="b" xml:lang="de"/></m></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a" xml:lang="fr" xml:space="preserve"></a>');
    expect(inc(byId(doc, 'b'))).toBe('<b ID="b" xml:lang="de" xml:space="preserve"></b>');
  });
  test('only the apex inherits; exclusive C14N never does', () => {
    const doc = parse('<r xml:lang="en"><a ID="a"><b/></a></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a" xml:lang="en"><b></b></a>');
    expect(exc(byId(doc, 'a'))).toBe('<a ID="a"></a>'.replace('</a>', '<b></b></a>'));
  });
  test('C14N 1.1 refuses xml:base on an ancestor of the apex too, also as bytes', () => {
    const doc = parse('<r xml:base="http://example.com/"><a ID="a"/></r>');
    const refused = canonicalize(byId(doc, 'a'), { algorithm: C14N_URIS.inclusive11WithComments });
    expect(refused).toEqual({ ok: false, error: { code: 'unsupported-algorithm', message: 'Canonical XML 1.1 of a document subset whose apex or ancestors carry xml:base (xml:base fixup) is not supported.' } });
    expect(canonicalizeToBytes(byId(doc, 'a'), { algorithm: C14N_URIS.inclusive11 })).toEqual(refused);
    // C14N 1.0 has no fixup rule: it inherits xml:base like any xml:* attribute.
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a" xml:base="http://example.com/"></a>');
  });
  test('C14N 1.1 of an element without xml:base anywhere above is the 1.0 form minus xml:id', () => {
    const doc = parse('<r xml:lang="en"><a ID="a"/></r>');
    expect(canonicalizeToBytes(byId(doc, 'a'), { algorithm: C14N_URIS.inclusive11 })).toEqual({ ok: true, value: new TextEncoder().encode('<a ID="a" xml:lang="en"></a>') });
  });
});

describe('refusals', () => {
  test('an unknown algorithm names every supported one', () => {
    const r = canonicalize(parse('<a/>'), { algorithm: 'urn:x' });
    expect(r).toEqual({ ok: false, error: { code: 'unsupported-algorithm', message: `Unsupported canonicalization algorithm "urn:x"; supported: ${Object.values(C14N_URIS).join(', ')}.` } });
    expect(canonicalizeToBytes(parse('<a/>'), { algorithm: 'urn:x' })).toEqual(r);
  });
  test('the convenience wrappers pick the comment-keeping algorithm on request', () => {
    const doc = parse('<r><!--c--></r>');
    expect(exc(doc, { withComments: true })).toBe('<r><!--c--></r>');
    expect(inc(doc, { withComments: true })).toBe('<r><!--c--></r>');
    expect(inc(doc)).toBe('<r></r>');
  });
});

describe('code point order', () => {
  test('astral characters sort after U+E000–U+FFFF but before nothing else of theirs', () => {
    expect(compareCodePoints('\u{10000}', '\uFFFD')).toBeGreaterThan(0);
    expect(compareCodePoints('\u{10001}', '\u{10000}')).toBeGreaterThan(0);
    expect(compareCodePoints('\u{20000}', '\u{10FFFF}')).toBeLessThan(0);
    expect(compareCodePoints('\uD7FF', '\u{10000}')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
  });
  test('is used for attribute names', () => {
    const doc = parse('<r \uFFFD="1" \u{10000}="2" z="3"/>');
    expect(exc(doc)).toBe('<r z="3" \uFFFD="1" \u{10000}="2"></r>');
  });
});

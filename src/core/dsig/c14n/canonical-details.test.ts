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

// Cases checked against `xmllint --c14n` / `--exc-c14n` where they can be parsed from text;
// the DOM-built ones stand for documents assembled by code (the mock SP, xenc decryption).
describe('more namespace, attribute and escaping cases', () => {
  test('an unqualified attribute sorts before every namespaced one, whatever the namespace URI', () => {
    const doc = parse('<e xmlns:p="A:x" p:a="1" b="2"/>');
    expect(inc(doc)).toBe('<e xmlns:p="A:x" b="2" p:a="1"></e>');
    expect(exc(doc)).toBe('<e xmlns:p="A:x" b="2" p:a="1"></e>');
  });
  test('U+0080, the first non-ASCII code point, is written as two UTF-8 bytes', () => {
    expect([...Buffer.from(bytesOf(parse('<r>&#x80;</r>')), 'utf8')]).toEqual([...Buffer.from('<r>\u0080</r>', 'utf8')]);
    const r = canonicalizeToBytes(parse('<r>&#x80;</r>'), { algorithm: C14N_URIS.exclusive });
    expect(r.ok && [...r.value]).toEqual([0x3c, 0x72, 0x3e, 0xc2, 0x80, 0x3c, 0x2f, 0x72, 0x3e]);
  });
  test('an empty PrefixList token does not name the default namespace', () => {
    const doc = parse('<r xmlns="urn:d" xmlns:a="urn:a" xmlns:e="urn:e"><e:x ID="x"/></r>');
    expect(exc(byId(doc, 'x'), { inclusivePrefixes: ['a  ', ' ', ''] })).toBe('<e:x xmlns:a="urn:a" xmlns:e="urn:e" ID="x"></e:x>');
  });
  test('an explicit xmlns:xml declaration is never output', () => {
    const XMLNS = 'xmlns:xml="http://www.w3.org/XML/1998/namespace"';
    const doc = parse(`<r ${XMLNS}><a ${XMLNS} ID="a"/></r>`);
    expect(inc(doc)).toBe('<r><a ID="a"></a></r>');
    expect(exc(doc)).toBe('<r><a ID="a"></a></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a"></a>');
  });
  test('xmlns="" on a child of an element without default namespace is superfluous', () => {
    expect(inc(parse('<r><a xmlns=""/></r>'))).toBe('<r><a></a></r>');
    expect(exc(parse('<r><a xmlns=""/></r>'))).toBe('<r><a></a></r>');
  });
  test('exclusive: an unprefixed attribute never utilizes the default namespace', () => {
    const doc = parse('<r xmlns="urn:d"><p:e xmlns:p="urn:p" a="1" bc="2"/></r>');
    expect(exc(doc)).toBe('<r xmlns="urn:d"><p:e xmlns:p="urn:p" a="1" bc="2"></p:e></r>');
  });
  test('attribute values made only of special characters are escaped', () => {
    expect(exc(parse('<r a="&amp;" b="&quot;&lt;"/>'))).toBe('<r a="&amp;" b="&quot;&lt;"></r>');
  });
  test('a document type declaration is not part of the canonical form', () => {
    expect(inc(parse('<!DOCTYPE r><r/>'))).toBe('<r></r>');
  });
  test('a detached element (no parent) canonicalizes', () => {
    const doc = parse('<r><x xmlns="urn:d"><y/></x></r>');
    const el = doc.documentElement.firstChild as Element;
    doc.documentElement.removeChild(el);
    expect(el.parentNode).toBeNull();
    expect(exc(el)).toBe('<x xmlns="urn:d"><y></y></x>');
    expect(inc(el)).toBe('<x xmlns="urn:d"><y></y></x>');
  });
  test('namespace declarations set as plain attributes by DOM code are declarations', () => {
    const doc = parse('<r/>');
    const el = doc.createElement('p:x');
    el.setAttribute('z', '1');
    el.setAttribute('xmlns:p', 'urn:p');
    el.setAttribute('xmlns', 'urn:d');
    doc.documentElement.appendChild(el);
    expect(inc(doc)).toBe('<r><p:x xmlns="urn:d" xmlns:p="urn:p" z="1"></p:x></r>');
  });
  test('xml:* attributes set without namespace by DOM code are inherited, and xml:base refused by C14N 1.1', () => {
    const doc = parse('<r><a ID="a"/></r>');
    doc.documentElement.setAttribute('xml:lang', 'en');
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a" xml:lang="en"></a>');
    doc.documentElement.setAttribute('xml:base', 'http://example.com/');
    expect(canonicalize(byId(doc, 'a'), { algorithm: C14N_URIS.inclusive11 }).ok).toBe(false);
  });
  test('an unqualified attribute named like an xml:* one does not stop the inheritance', () => {
    const doc = parse('<r xml:lang="en"><a ID="a" lang="x"/></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a" lang="x" xml:lang="en"></a>');
  });
  test('a CR at the very start of a comment is escaped too', () => {
    const doc = parse('<r/>');
    doc.documentElement.appendChild(doc.createComment('\rx'));
    expect(exc(doc, { withComments: true })).toBe('<r><!--&#xD;x--></r>');
  });
  test('an xmlns:xml declaration on a nested element only is not output either', () => {
    expect(inc(parse('<r><a xmlns:xml="http://www.w3.org/XML/1998/namespace"/></r>'))).toBe('<r><a></a></r>');
  });
  test('code point order at the edges of the surrogate range', () => {
    expect(compareCodePoints('\uD7FF', '\uE000')).toBeLessThan(0);
    expect(compareCodePoints('\uE000', '\uD7FF')).toBeGreaterThan(0);
    expect(compareCodePoints('\u{10000}', '\uE000')).toBeGreaterThan(0);
    expect(compareCodePoints('\uE000', '\u{10000}')).toBeLessThan(0);
  });
});

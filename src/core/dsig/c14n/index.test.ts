import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMImplementation, DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { C14N_URIS, canonicalize, canonicalizeExclusive, canonicalizeInclusive, canonicalizeToBytes, compareCodePoints, isSupportedC14nAlgorithm } from './index';

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const exc = (node: Node, opts: Parameters<typeof canonicalizeExclusive>[1] = {}) => canonicalizeExclusive(node, opts);
const inc = (node: Node, opts: Parameters<typeof canonicalizeInclusive>[1] = {}) => canonicalizeInclusive(node, opts);
const byId = (doc: Document, id: string): Element => {
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all[i].getAttribute('ID') === id) return all[i];
  throw new Error(`no element with ID ${id}`);
};

describe('canonicalize API', () => {
  it('refuses unknown algorithms with a value, not an exception', () => {
    const doc = parse('<a/>');
    const r = canonicalize(doc, { algorithm: 'http://www.w3.org/2000/09/xmldsig#base64' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('unsupported-algorithm');
      expect(r.error.message).toContain('xmldsig#base64');
    }
    expect(isSupportedC14nAlgorithm(C14N_URIS.exclusive)).toBe(true);
    expect(isSupportedC14nAlgorithm('toString')).toBe(false);
    expect(canonicalize(doc, { algorithm: 'constructor' }).ok).toBe(false);
  });

  it('encodes to UTF-8 bytes', () => {
    const r = canonicalizeToBytes(parse('<a>é😀</a>'), { algorithm: C14N_URIS.exclusive });
    expect(r.ok && Array.from(r.value)).toEqual([...new TextEncoder().encode('<a>é😀</a>')]);
    expect(canonicalizeToBytes(parse('<a/>'), { algorithm: 'urn:nope' }).ok).toBe(false);
  });

  it('escapes text the same whether it is short, long, ASCII or not (written in one pass when short)', () => {
    const piece = 'a &amp; b &lt; c &gt; d &#xD; e " \' f\n';
    const expected = (text: string) => `<a>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;')}</a>`;
    for (const [xml, text] of [
      [`<a>${piece}</a>`, 'a & b < c > d \r e " \' f\n'],
      [`<a>é ${piece}</a>`, 'é a & b < c > d \r e " \' f\n'],
      [`<a>${piece}é</a>`, 'a & b < c > d \r e " \' f\né'],
      [`<a>${piece.repeat(20)}</a>`, 'a & b < c > d \r e " \' f\n'.repeat(20)],
      [`<a>${'&lt;'.repeat(300)}</a>`, '<'.repeat(300)],
    ] as const) {
      const r = canonicalizeToBytes(parse(xml), { algorithm: C14N_URIS.exclusive });
      expect(r.ok && new TextDecoder().decode(r.value)).toBe(expected(text));
    }
  });
});

describe('canonical form details', () => {
  it('writes empty elements as start/end pairs and sorts attributes', () => {
    const doc = parse('<r xmlns:b="urn:b" xmlns:a="urn:z" z="1" b:y="2" a:x="3" a="4"><e/></r>');
    // namespace declarations by prefix; then unqualified attributes; then by namespace URI (urn:b < urn:z).
    // Prefixed attributes visibly utilize their namespaces, so exclusive c14n renders both too.
    const expected = '<r xmlns:a="urn:z" xmlns:b="urn:b" a="4" z="1" b:y="2" a:x="3"><e></e></r>';
    expect(exc(doc)).toBe(expected);
    expect(inc(doc)).toBe(expected);
    expect(exc(parse('<r xmlns:a="urn:a" z="1" a="2"/>'))).toBe('<r a="2" z="1"></r>');
  });

  it('escapes text and attribute values as C14N 1.0 §2.2 says', () => {
    const doc = parse('<r a="&lt;&amp;&gt;&quot;&#9;&#10;&#13;\'">&lt;&amp;&gt;"\'&#13;<![CDATA[<&>]]></r>');
    expect(exc(doc)).toBe('<r a="&lt;&amp;>&quot;&#x9;&#xA;&#xD;\'">&lt;&amp;&gt;"\'&#xD;&lt;&amp;&gt;</r>');
  });

  it('puts line breaks around top-level comments and PIs, and drops the XML declaration', () => {
    const doc = parse('<?xml version="1.0"?>\n<!--a-->\n<?p  d ?>\n<r><!--in--><?q?></r>\n<!--b-->\n<?s?>\n');
    expect(canonicalize(doc, { algorithm: C14N_URIS.inclusiveWithComments })).toEqual({ ok: true, value: '<!--a-->\n<?p d ?>\n<r><!--in--><?q?></r>\n<!--b-->\n<?s?>' });
    expect(inc(doc)).toBe('<?p d ?>\n<r><?q?></r>\n<?s?>');
  });

  it('omits the excluded element (enveloped signature)', () => {
    const doc = parse('<r ID="x"><a/><ds:Signature xmlns:ds="urn:ds"><ds:X/></ds:Signature><b/></r>');
    const sig = doc.getElementsByTagName('ds:Signature')[0];
    expect(exc(doc, { excludeElement: sig })).toBe('<r ID="x"><a></a><b></b></r>');
    expect(exc(doc.documentElement, { excludeElement: doc.documentElement })).toBe('');
  });

  it('exclusive: renders only visibly utilized namespaces, and InclusiveNamespaces', () => {
    const doc = parse('<p:R xmlns:p="urn:p" xmlns:s="urn:s" xmlns:xs="urn:xs" xmlns="urn:d"><s:A ID="a"><s:B xs:t="1"/><C/><s:D/></s:A></p:R>');
    const a = byId(doc, 'a');
    expect(exc(a)).toBe('<s:A xmlns:s="urn:s" ID="a"><s:B xmlns:xs="urn:xs" xs:t="1"></s:B><C xmlns="urn:d"></C><s:D></s:D></s:A>');
    expect(exc(a, { inclusivePrefixes: ['xs', '#default'] })).toBe('<s:A xmlns="urn:d" xmlns:s="urn:s" xmlns:xs="urn:xs" ID="a"><s:B xs:t="1"></s:B><C></C><s:D></s:D></s:A>');
    expect(exc(a, { inclusivePrefixes: ['xs #default'] })).toBe(exc(a, { inclusivePrefixes: ['xs', '#default'] }));
    expect(exc(a, { inclusivePrefixes: ['unknown'] })).toBe(exc(a));
  });

  it('xmlns="" only when an output ancestor rendered a default namespace', () => {
    const doc = parse('<r xmlns="urn:d"><a ID="a"><b xmlns=""><c/></b></a><e xmlns="" ID="e"/></r>');
    expect(exc(byId(doc, 'a'))).toBe('<a xmlns="urn:d" ID="a"><b xmlns=""><c></c></b></a>');
    expect(inc(byId(doc, 'a'))).toBe('<a xmlns="urn:d" ID="a"><b xmlns=""><c></c></b></a>');
    expect(exc(byId(doc, 'e'))).toBe('<e ID="e"></e>');
    expect(inc(byId(doc, 'e'))).toBe('<e ID="e"></e>');
  });

  it('inclusive: the apex gets all in-scope namespaces and the nearest xml:* attributes', () => {
    const doc = parse('<r xmlns:x="urn:x" xml:lang="en" xml:space="preserve"><m xml:lang="fr" xmlns:y="urn:y"><a ID="a" xml:space="default"><x:b/></a></m></r>');
    expect(inc(byId(doc, 'a'))).toBe('<a xmlns:x="urn:x" xmlns:y="urn:y" ID="a" xml:lang="fr" xml:space="default"><x:b></x:b></a>');
    expect(exc(byId(doc, 'a'))).toBe('<a ID="a" xml:space="default"><x:b xmlns:x="urn:x"></x:b></a>');
  });

  it('C14N 1.1: xml:id is not inherited; xml:base fixup is refused as a value', () => {
    const doc = parse('<r xml:id="top" xml:lang="en"><a ID="a"/><b xml:base="x/" ID="b"/></r>');
    const c11 = (node: Node) => canonicalize(node, { algorithm: C14N_URIS.inclusive11 });
    expect(c11(byId(doc, 'a'))).toEqual({ ok: true, value: '<a ID="a" xml:lang="en"></a>' });
    expect(inc(byId(doc, 'a'))).toBe('<a ID="a" xml:id="top" xml:lang="en"></a>');
    const refused = c11(byId(doc, 'b'));
    expect(refused.ok === false && refused.error.code).toBe('unsupported-algorithm');
    expect(c11(doc)).toEqual({ ok: true, value: inc(doc) });
  });

  it('removes superfluous namespace declarations', () => {
    const doc = parse('<r xmlns:a="urn:a"><a:b xmlns:a="urn:a"><a:c xmlns:a="urn:other"/></a:b></r>');
    expect(inc(doc)).toBe('<r xmlns:a="urn:a"><a:b><a:c xmlns:a="urn:other"></a:c></a:b></r>');
    expect(exc(doc)).toBe('<r><a:b xmlns:a="urn:a"><a:c xmlns:a="urn:other"></a:c></a:b></r>');
  });

  it('orders by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('\uF900', '\u{10000}')).toBeLessThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });

  it('handles very deep trees without recursion', () => {
    const doc = new DOMImplementation().createDocument('urn:d', 'root', null) as unknown as Document;
    let parent: Element = doc.documentElement;
    const depth = 50_000;
    for (let i = 0; i < depth; i++) {
      const child = doc.createElementNS('urn:d', 'n');
      parent.appendChild(child);
      parent = child;
    }
    parent.appendChild(doc.createTextNode('x'));
    const out = exc(doc);
    expect(out).toBe('<root xmlns="urn:d">' + '<n>'.repeat(depth) + 'x' + '</n>'.repeat(depth) + '</root>');
  });
});

// Exactness on an aggregate, untimed: how long it takes is measured by the benchmark
// (`npm run bench`: exclusive and inclusive C14N of a 10 MB aggregate), never in a test.
describe('a metadata aggregate', () => {
  it('canonicalizes a 2 MB aggregate exactly like xmllint (exclusive and inclusive)', () => {
    const entity = (i: number) =>
      `  <md:EntityDescriptor entityID="https://idp${i}.example.org/idp" ID="e${i}">\n` +
      `    <md:Extensions><mdui:UIInfo><mdui:DisplayName xml:lang="en">IdP ${i} &amp; friends</mdui:DisplayName></mdui:UIInfo></md:Extensions>\n` +
      `    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n` +
      `      <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${'MIIC'.repeat(150)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n` +
      `      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp${i}.example.org/sso?x=1&amp;y=2"/>\n` +
      `    </md:IDPSSODescriptor>\n  </md:EntityDescriptor>\n`;
    const parts = ['<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" Name="agg">\n'];
    let size = parts[0].length;
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const e = entity(i);
      parts.push(e);
      size += e.length;
    }
    parts.push('</md:EntitiesDescriptor>\n');
    const xml = parts.join('');
    const doc = parse(xml);
    const excOut = exc(doc);
    const incOut = inc(doc);

    const dir = mkdtempSync(join(tmpdir(), 'samlscope-c14n-perf-'));
    try {
      const file = join(dir, 'agg.xml');
      writeFileSync(file, xml);
      const lint = (flag: string) => spawnSync('/usr/bin/xmllint', [flag, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const e = lint('--exc-c14n');
      expect(e.status, e.stderr).toBe(0);
      expect(excOut === e.stdout).toBe(true);
      expect(incOut === lint('--c14n').stdout).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

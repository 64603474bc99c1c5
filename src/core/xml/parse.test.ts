import { describe, expect, it } from 'vitest';
import { parseXmlSafely } from './parse';
import { prettyPrintXml } from './pretty';

describe('parseXmlSafely', () => {
  const refused: [string, string, string][] = [
    ['DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x "y">]>\n<r>&x;</r>', 'input-dtd-forbidden'],
    ['external entity (XXE)', '<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>', 'input-dtd-forbidden'],
    ['billion laughs', `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`, 'input-dtd-forbidden'],
    ['undeclared entity', '<r>&foo;</r>', 'input-dtd-forbidden'],
    ['two roots', '<a/><b/>', 'input-multiple-roots'],
    ['unclosed tag', '<a><b></a>', 'input-not-xml'],
    ['bad attribute', '<a ::foo="1"/>', 'input-not-xml'],
    ['text', 'hello', 'input-not-xml'],
    ['empty', '', 'input-not-xml'],
    ['truncated', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="x"><saml:Iss', 'input-not-xml'],
  ];
  for (const [name, xml, code] of refused) {
    it(`refuses ${name}`, () => {
      const r = parseXmlSafely(xml);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message.length).toBeGreaterThan(15);
      }
    });
  }
  it('gives line and column', () => {
    const r = parseXmlSafely('<a>\n  <b>\n</a>');
    expect(!r.ok && r.error.line).toBeGreaterThan(1);
  });
  it('parses a large document (5 MB) and maps elements to pretty-printed lines', () => {
    const xml = `<root>${'<item a="1">text &amp; more</item>'.repeat(150_000)}</root>`;
    const r = parseXmlSafely(xml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;

    const doc = parseXmlSafely('<r><a x="1"><!-- c < --><b/></a><c>t</c></r>');
    if (!doc.ok) return;
    const p = prettyPrintXml('<r><a x="1"><!-- c < --><b/></a><c>t</c></r>', doc.value);
    const c = doc.value.getElementsByTagName('c')[0]!;
    const line = p.lineOfNode(c)!.line;
    expect(p.text.split('\n')[line - 1]).toContain('<c>');
    expect(p.text).toContain('\n');
  });
});

// Oracle on synthetic documents: xmlsec1 --sign fills in templates whose References use each
// canonicalization (exclusive/inclusive, with/without comments, InclusiveNamespaces) over document
// subsets chosen to exercise the hard parts (ancestors' namespaces, default namespace and xmlns="",
// xml:* inheritance, escaping, unicode, sorting, comments and PIs around the root). We compare our
// output with the octets xmlsec1 digested and signed, and with the DigestValue it wrote.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C14N_URIS } from './index';
import { DSIG_NS, XMLSEC1, elementsByNs, idAttrArgs, ourReferences, ourSignedInfo, parseXml, runXmlsec } from './oracle.testutil';

const EXC = C14N_URIS.exclusive;
const EXC_C = C14N_URIS.exclusiveWithComments;
const INC = C14N_URIS.inclusive;
const INC_C = C14N_URIS.inclusiveWithComments;
const INC11 = C14N_URIS.inclusive11;
const INC11_C = C14N_URIS.inclusive11WithComments;
const ENV = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XS = 'http://www.w3.org/2001/XMLSchema';

interface TransformSpec {
  alg: string;
  prefixes?: string;
}
interface RefSpec {
  uri: string;
  transforms: TransformSpec[];
}
interface SigSpec {
  prefix?: string; // '' = default namespace
  c14n: string;
  c14nPrefixes?: string;
  refs: RefSpec[];
}

function transform(p: string, t: TransformSpec): string {
  const inner = t.prefixes !== undefined ? `<ec:InclusiveNamespaces xmlns:ec="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList="${t.prefixes}"/>` : '';
  return `<${p}Transform Algorithm="${t.alg}">${inner}</${p}Transform>`;
}

function signature(spec: SigSpec, pretty = true): string {
  const prefix = spec.prefix ?? 'ds';
  const p = prefix === '' ? '' : `${prefix}:`;
  const nl = pretty ? '\n    ' : '';
  const decl = prefix === '' ? `xmlns="${DSIG_NS}"` : `xmlns:${prefix}="${DSIG_NS}"`;
  const refs = spec.refs
    .map(
      (r) =>
        `<${p}Reference URI="${r.uri}">${nl}<${p}Transforms>${r.transforms.map((t) => transform(p, t)).join(nl)}</${p}Transforms>${nl}` +
        `<${p}DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>${nl}<${p}DigestValue></${p}DigestValue></${p}Reference>`,
    )
    .join(nl);
  const methodInner = spec.c14nPrefixes !== undefined ? `<ec:InclusiveNamespaces xmlns:ec="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList="${spec.c14nPrefixes}"/>` : '';
  return (
    `<${p}Signature ${decl}>${nl}<${p}SignedInfo>${nl}<${p}CanonicalizationMethod Algorithm="${spec.c14n}">${methodInner}</${p}CanonicalizationMethod>${nl}` +
    `<${p}SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>${nl}${refs}${nl}</${p}SignedInfo>${nl}<${p}SignatureValue></${p}SignatureValue></${p}Signature>`
  );
}

const refAssert = (alg: string, prefixes?: string, uri = '#a1'): RefSpec => ({ uri, transforms: [{ alg: ENV }, { alg, prefixes }] });

/** A typical SAML Response; `sig` lands inside the Assertion after its Issuer. */
function samlResponse(sig: string, opts: { pretty?: boolean; extraRootAttrs?: string; comments?: boolean } = {}): string {
  const pretty = opts.pretty ?? true;
  const n = (depth: number) => (pretty ? '\n' + '  '.repeat(depth) : '');
  const c = (text: string) => (opts.comments ? `<!--${text}-->` : '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" xmlns:xs="${XS}" xmlns:xsi="${XSI}" ID="r1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" Destination="https://sp.example.com/acs?a=1&amp;b=2"${opts.extraRootAttrs ?? ''}>` +
    `${n(1)}<saml:Issuer>https://idp.example.com</saml:Issuer>${c(' after issuer ')}` +
    `${n(1)}<samlp:Status>${n(2)}<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>${n(1)}</samlp:Status>` +
    `${n(1)}<saml:Assertion ID="a1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z">` +
    `${n(2)}<saml:Issuer>https://idp.example.com</saml:Issuer>${n(2)}${sig}` +
    `${n(2)}<saml:Subject>${n(3)}<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">user${c('x')}@example.com</saml:NameID>${n(2)}</saml:Subject>` +
    `${n(2)}<saml:AttributeStatement>${n(3)}<saml:Attribute Name="mail" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">` +
    `${n(4)}<saml:AttributeValue xsi:type="xs:string">user@example.com</saml:AttributeValue>` +
    `${n(4)}<saml:AttributeValue xsi:type="xs:string"></saml:AttributeValue>${n(3)}</saml:Attribute>${n(2)}</saml:AttributeStatement>` +
    `${n(1)}</saml:Assertion>${n(0)}</samlp:Response>\n`
  );
}

interface Case {
  name: string;
  xml: string;
}

const cases: Case[] = [
  { name: 'exc-c14n, Signature in Assertion, pretty', xml: samlResponse(signature({ c14n: EXC, refs: [refAssert(EXC)] })) },
  { name: 'exc-c14n, minified', xml: samlResponse(signature({ c14n: EXC, refs: [refAssert(EXC)] }, false), { pretty: false }) },
  {
    name: 'exc-c14n with InclusiveNamespaces xs (reference) and #default samlp (SignedInfo)',
    xml: samlResponse(signature({ c14n: EXC, c14nPrefixes: '#default samlp', refs: [refAssert(EXC, 'xs')] })),
  },
  { name: 'exc-c14n with InclusiveNamespaces "xs xsi saml #default"', xml: samlResponse(signature({ c14n: EXC, refs: [refAssert(EXC, 'xs xsi saml #default')] })) },
  {
    name: 'inclusive c14n: ancestors namespaces and xml:* attributes inherited',
    xml: samlResponse(signature({ c14n: INC, refs: [refAssert(INC)] }), { extraRootAttrs: ' xml:lang="en" xml:space="preserve" xml:base="https://base.example/"' }),
  },
  {
    name: 'inclusive c14n: element overrides inherited xml:lang',
    xml: samlResponse(signature({ c14n: INC, refs: [refAssert(INC)] }), { extraRootAttrs: ' xml:lang="en"' }).replace('<saml:Assertion ID="a1"', '<saml:Assertion xml:lang="fr" ID="a1"'),
  },
  {
    name: 'comments dropped for #id, kept for #xpointer(id()) (exclusive)',
    xml: `<!-- before -->\n` + samlResponse(signature({ c14n: EXC, refs: [refAssert(EXC_C), refAssert(EXC_C, undefined, "#xpointer(id('a1'))")] }), { comments: true }).replace(/^<\?xml[^>]*>\n/, ''),
  },
  {
    name: 'comments kept for #xpointer(id()) (inclusive)',
    xml: samlResponse(signature({ c14n: INC_C, refs: [refAssert(INC_C, undefined, "#xpointer(id('a1'))"), refAssert(INC)] }), { comments: true, extraRootAttrs: ' xml:lang="de"' }),
  },
  {
    name: 'URI="" whole document: top-level comments dropped, PIs kept with line breaks',
    xml:
      `<?xml version="1.0"?>\n<?pi-before data?>\n<!-- c -->\n` +
      samlResponse('<!--inner-->').replace(/^<\?xml[^>]*>\n/, '').replace('</samlp:Response>', `${signature({ c14n: EXC, refs: [{ uri: '', transforms: [{ alg: ENV }, { alg: EXC }] }] })}</samlp:Response>`) +
      `<!-- after -->\n<?pi-after?>\n`,
  },
  {
    name: 'URI="#xpointer(/)" whole document with comments (inclusive)',
    xml:
      `<!-- c1 --><?pi-before  x ?>` +
      samlResponse('<!--inner-->').replace(/^<\?xml[^>]*>\n/, '').replace('</samlp:Response>', `${signature({ c14n: INC_C, refs: [{ uri: '#xpointer(/)', transforms: [{ alg: ENV }, { alg: INC_C }] }] })}</samlp:Response>`) +
      `<!-- c2 --><?pi-after?>`,
  },
  {
    name: 'default namespace style, Signature in default dsig namespace, xmlns="" inside',
    xml:
      `<Response xmlns="${P}" ID="r1" Version="2.0"><Issuer xmlns="${A}">idp</Issuer>\n<Assertion xmlns="${A}" ID="a1" Version="2.0"><Issuer>idp</Issuer>` +
      signature({ prefix: '', c14n: EXC, refs: [refAssert(EXC), { uri: '#r1', transforms: [{ alg: ENV }, { alg: INC }] }] }) +
      `<Subject><NameID>u</NameID></Subject><Extra xmlns=""><Child a="1"><Grand xmlns="urn:g"><Leaf xmlns=""/></Grand></Child></Extra></Assertion></Response>`,
  },
  {
    name: 'default namespace style, inclusive everywhere',
    xml:
      `<Response xmlns="${P}" ID="r1"><Assertion xmlns="${A}" ID="a1"><Issuer>idp</Issuer>` +
      signature({ prefix: '', c14n: INC, refs: [refAssert(INC), refAssert(EXC, '#default', '#e1')] }) +
      `<Extra xmlns="" ID="e1"><Child/></Extra><Other xmlns="${P}"/></Assertion></Response>`,
  },
  {
    name: 'unusual prefixes, superfluous and changing redeclarations, namespaced attributes sorted by URI',
    xml:
      `<p:Response xmlns:p="${P}" xmlns:a="${A}" xmlns:q="${A}" xmlns:z="urn:zzz" xmlns:b="urn:aaa" ID="r1">` +
      `<q:Assertion xmlns:a="${A}" ID="a1" z:late="1" b:early="2" a:mid="3" plain="4">` +
      signature({ prefix: 'dsig', c14n: EXC, refs: [refAssert(EXC), refAssert(INC, undefined, '#r1')] }) +
      `<a:Issuer xmlns:q="${A}">idp</a:Issuer><z:Thing xmlns:z="urn:one"><z:Inner xmlns:z="urn:two" z:x="y"/><z:Same xmlns:z="urn:one"/></z:Thing>` +
      `<x:E xmlns:x="urn:x" xmlns:y="urn:y"><x:F y:attr="v"><x:G xmlns:y="urn:y" y:attr="w"/></x:F></x:E></q:Assertion></p:Response>`,
  },
  {
    name: 'escaping of text and attributes, CR as character reference, CDATA, unicode, code-point sorting',
    xml:
      `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ID="r1"><saml:Assertion ID="a1" ` +
      `x\u{10000}="astral" x\uF900="bmp" t="a&amp;b&lt;c&gt;d&quot;e'f&#9;g&#10;h&#13;i\tj\nk">` +
      signature({ c14n: EXC, refs: [refAssert(EXC), refAssert(INC, undefined, '#r1')] }) +
      `<saml:V>a &amp; b &lt; c &gt; d " ' &#13;\r\n tab\there é 日本語 😀 \uFFFD</saml:V><saml:C><![CDATA[<x> & ]] > \r\n]]></saml:C>` +
      `<saml:E/><saml:W>   </saml:W></saml:Assertion></samlp:Response>`,
  },
  {
    name: 'detached sibling reference without transforms (default inclusive c14n) and exc apex with no namespace',
    xml:
      `<root xmlns="urn:root" xmlns:n="urn:n" xml:lang="en"><item xmlns="" ID="i1" n:flag="1"><sub>text</sub></item><n:item ID="i2"><sub xmlns="">x</sub></n:item>` +
      signature({ c14n: EXC, refs: [{ uri: '#i1', transforms: [] }, { uri: '#i2', transforms: [{ alg: EXC }] }, { uri: '#i1', transforms: [{ alg: EXC }] }] }) +
      `</root>`,
  },
  {
    name: 'C14N 1.1 (Okta style): xml:lang/xml:space inherited, xml:id not',
    xml: samlResponse(signature({ c14n: INC11, refs: [refAssert(INC11), refAssert(INC11_C, undefined, "#xpointer(id('a1'))")] }), {
      extraRootAttrs: ' xml:lang="en" xml:space="preserve" xml:id="root-id"',
      comments: true,
    }),
  },
  {
    name: 'SignedInfo inclusive c14n pulls every ancestor namespace (and xml:lang)',
    xml: samlResponse(signature({ c14n: INC, refs: [refAssert(EXC)] }), { extraRootAttrs: ' xmlns="urn:default-ns" xmlns:extra="urn:extra" xml:lang="en"' }),
  },
  {
    name: 'SignedInfo exclusive with unusual Signature prefix inside default-namespace root',
    xml:
      `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" ID="m1" entityID="https://idp"><!--c-->` +
      signature({ prefix: 'sig', c14n: EXC_C, refs: [{ uri: '#m1', transforms: [{ alg: ENV }, { alg: EXC_C }] }] }) +
      `<Extensions><mdui:UIInfo><mdui:DisplayName xml:lang="en">IdP &amp; co</mdui:DisplayName></mdui:UIInfo></Extensions></EntityDescriptor>`,
  },
];

let dir = '';
let keyFile = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-c14n-'));
  keyFile = join(dir, 'key.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('subset c14n vs xmlsec1 --sign', () => {
  it('has xmlsec1 installed', () => {
    expect(existsSync(XMLSEC1), `${XMLSEC1} is missing: apt-get install xmlsec1`).toBe(true);
    expect(execFileSync(XMLSEC1, ['--version'], { encoding: 'utf8' })).toMatch(/xmlsec1/);
  });

  cases.forEach((c, index) => {
    it(c.name, () => {
      const template = join(dir, `t${index}.xml`);
      const signed = join(dir, `s${index}.xml`);
      writeFileSync(template, c.xml);
      const got = runXmlsec(['--sign', ...idAttrArgs(parseXml(c.xml)), '--privkey-pem', keyFile, '--output', signed, template]);
      expect(got.status, `xmlsec1 failed: ${got.stderr}`).toBe(0);
      const doc = parseXml(readFileSync(signed, 'utf8'));
      const sig = elementsByNs(doc, DSIG_NS, 'Signature')[0];
      const mineRefs = ourReferences(doc, sig);
      expect(mineRefs.length).toBe(got.preDigest.length);
      const digests = elementsByNs(sig, DSIG_NS, 'DigestValue').map((d) => (d.textContent ?? '').trim());
      mineRefs.forEach((mine, i) => {
        expect(mine, `reference ${i + 1}`).not.toBeNull();
        expect(mine, `reference ${i + 1}`).toBe(got.preDigest[i]);
        expect(createHash('sha256').update(mine as string, 'utf8').digest('base64'), `digest of reference ${i + 1}`).toBe(digests[i]);
      });
      expect(got.preSigned.length).toBe(1);
      expect(ourSignedInfo(sig)).toBe(got.preSigned[0]);
    });
  });
});

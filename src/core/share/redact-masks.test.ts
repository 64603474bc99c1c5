// The Redactor on small hand-made documents: the exact mask of a value (HMAC-SHA-256 with the
// share's salt, in the value's shape), which values are replaced where, what is never touched,
// the two-phase contract, and how each input form and trust document is re-encoded.
import { createHmac } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { decodeInput } from '../binding/detect';
import { Redactor, randomSalt, redactInput } from './redact';

const SALT = 'salt';
const h = (value: string) => createHmac('sha256', SALT).update(value).digest('hex').slice(0, 8);
const text = (v: string) => `redacted-${h(v)}`;
const email = (v: string) => `user-${h(v)}@redacted.invalid`;
const b64 = (v: string) => `REDACTED${h(v).toUpperCase()}`;
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const serialize = (d: Document) => new XMLSerializer().serializeToString(d as never);

const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"';
const response = (inner: string, attrs = '') => `<samlp:Response ${P} ID="_r1"${attrs}>${inner}</samlp:Response>`;

async function redactDoc(xml: string, fields: ConstructorParameters<typeof Redactor>[0], setup?: (r: Redactor) => void) {
  const r = new Redactor(fields, SALT);
  setup?.(r);
  const doc = parse(xml);
  r.collectFromDocument(doc);
  await r.prepare();
  r.applyToDocument(doc);
  return { out: serialize(doc), r };
}

describe('mask shapes (HMAC-SHA-256 of the value with the salt, first 8 hex digits)', () => {
  test('text, e-mail and base64 shapes', async () => {
    const r = new Redactor([], SALT);
    r.collectValue('alice.smith', 'text');
    r.collectValue('alice@example.com', 'text');
    r.collectValue('MIIBase64Value', 'base64');
    r.collectValue('bob@example.org', 'email');
    await r.prepare();
    expect(r.maskOf('alice.smith')).toBe(text('alice.smith'));
    expect(r.maskOf('alice@example.com')).toBe(email('alice@example.com'));
    expect(r.maskOf('MIIBase64Value')).toBe(b64('MIIBase64Value'));
    expect(r.maskOf('bob@example.org')).toBe(email('bob@example.org'));
    expect(r.maskOf('never collected')).toBeUndefined();
    expect(r.maskedCount).toBe(4);
    expect(r.originals()).toEqual(['alice.smith', 'alice@example.com', 'MIIBase64Value', 'bob@example.org']);
  });
  test('a text value is an e-mail only when it is one whole', async () => {
    const r = new Redactor([], SALT);
    r.collectValue('mail alice@example.com', 'text');
    r.collectValue('', 'text');
    await r.prepare();
    expect(r.maskOf('mail alice@example.com')).toBe(text('mail alice@example.com'));
    expect(r.maskedCount).toBe(1);
  });
  test('the first shape a value is collected with wins', async () => {
    const r = new Redactor([], SALT);
    r.collectValue('QUJDRA==', 'base64');
    r.collectValue('QUJDRA==', 'text');
    await r.prepare();
    expect(r.maskOf('QUJDRA==')).toBe(b64('QUJDRA=='));
  });
  test('a random salt is 16 random bytes in hex', () => {
    const a = randomSalt();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(randomSalt()).not.toBe(a);
  });
});

describe('two phases: collect, prepare, then apply', () => {
  test('collecting after prepare() and applying before it are bugs, thrown', async () => {
    const r = new Redactor(['nameid'], SALT);
    expect(() => r.scrub('x')).toThrow('Redactor: scrub() before prepare()');
    expect(() => r.applyToDocument(parse('<a/>'))).toThrow('Redactor: applyToDocument() before prepare()');
    await r.prepare();
    await r.prepare(); // idempotent
    expect(() => r.collectValue('late', 'text')).toThrow('Redactor: value collected after prepare()');
  });
});

describe('where values are replaced', () => {
  test('a NameID is masked in place, keeping its surrounding blanks, and everywhere else it occurs', async () => {
    const { out } = await redactDoc(response(`<saml:Subject><saml:NameID>\n  jdoe.smith  </saml:NameID></saml:Subject><saml:Attribute Name="uid"><saml:AttributeValue>jdoe.smith</saml:AttributeValue></saml:Attribute>`, ' Destination="https://sp.example.com/?u=jdoe.smith"'), ['nameid']);
    const m = text('jdoe.smith');
    expect(out).toContain(`<saml:NameID>\n  ${m}  </saml:NameID>`);
    expect(out).toContain(`<saml:AttributeValue>${m}</saml:AttributeValue>`);
    expect(out).toContain(`Destination="https://sp.example.com/?u=${m}"`);
  });
  test('values shorter than 4 characters are masked only where they stand', async () => {
    const { out } = await redactDoc(response('<saml:Subject><saml:NameID>bob</saml:NameID></saml:Subject>', ' Destination="https://sp.example.com/bob"'), ['nameid']);
    expect(out).toContain(`<saml:NameID>${text('bob')}</saml:NameID>`);
    expect(out).toContain('Destination="https://sp.example.com/bob"');
    const four = await redactDoc(response('<saml:Subject><saml:NameID>bobo</saml:NameID></saml:Subject>', ' Destination="https://sp.example.com/bobo"'), ['nameid']);
    expect(four.out).toContain(`Destination="https://sp.example.com/${text('bobo')}"`);
  });
  test('protocol vocabulary is never replaced elsewhere, and protocol attributes never rewritten', async () => {
    const fmt = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
    const { out } = await redactDoc(response(`<saml:Subject><saml:NameID Format="${fmt}">${fmt}</saml:NameID><saml:NameID Format="user1234">user1234</saml:NameID></saml:Subject>`, ' Consent="user1234" Other="user1234"'), ['nameid']);
    expect(out).toContain(`<saml:NameID Format="${fmt}">${text(fmt)}</saml:NameID>`);
    expect(out).toContain(`<saml:NameID Format="user1234">${text('user1234')}</saml:NameID>`);
    expect(out).toContain('Consent="user1234"');
    expect(out).toContain(`Other="${text('user1234')}"`);
  });
  test('namespace declarations are never rewritten', async () => {
    const { out } = await redactDoc(`<samlp:Response ${P} xmlns:x="urn:acme:jdoe.smith" ID="_r1"><saml:Subject><saml:NameID>urn:acme:jdoe.smith</saml:NameID></saml:Subject></samlp:Response>`, ['nameid']);
    expect(out).toContain('xmlns:x="urn:acme:jdoe.smith"');
    expect(out).toContain(`<saml:NameID>${text('urn:acme:jdoe.smith')}</saml:NameID>`);
  });
  test('longer values are replaced before the shorter ones they contain', async () => {
    const { out } = await redactDoc(response('<saml:Subject><saml:NameID>alice</saml:NameID></saml:Subject><saml:Attribute Name="a"><saml:AttributeValue>alice.smith</saml:AttributeValue></saml:Attribute>', ' Destination="https://sp/alice.smith/alice"'), ['nameid', 'attributes']);
    expect(out).toContain(`Destination="https://sp/${text('alice.smith')}/${text('alice')}"`);
  });
  test('values with regular-expression characters are replaced literally', async () => {
    const { out } = await redactDoc(response('<saml:Attribute Name="a"><saml:AttributeValue>a.b*c(d)</saml:AttributeValue></saml:Attribute>', ' Destination="https://sp/a.b*c(d)/aXbbc"'), ['attributes']);
    expect(out).toContain(`Destination="https://sp/${text('a.b*c(d)')}/aXbbc"`);
  });
  test('a value split by a comment: each piece masked, the comment emptied, the split kept', async () => {
    const { out } = await redactDoc(response('<saml:Subject><saml:NameID> admin@evil.example<!--x-->.org</saml:NameID></saml:Subject>'), ['nameid']);
    expect(out).toContain(`<saml:NameID> ${email('admin@evil.example')}<!---->${text('.org')}</saml:NameID>`);
  });
  test('an element that holds nothing but blanks is left alone', async () => {
    const { out, r } = await redactDoc(response('<saml:Subject><saml:NameID>   </saml:NameID></saml:Subject>'), ['nameid']);
    expect(out).toContain('<saml:NameID>   </saml:NameID>');
    expect(r.maskedCount).toBe(0);
  });
});

describe('which elements each field masks', () => {
  const CERT = 'MIIC\n  AAAA';
  const sig = `<ds:Signature><ds:SignedInfo><ds:Reference><ds:DigestValue>ZGlnZXN0</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>c2lnbmF0dXJl\n</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT}</ds:X509Certificate><ds:X509SubjectName>CN=Jane Doe</ds:X509SubjectName><ds:X509IssuerName>CN=Acme CA</ds:X509IssuerName><ds:X509SerialNumber>12345</ds:X509SerialNumber><ds:X509SKI>c2tp</ds:X509SKI><ds:X509CRL>Y3Js</ds:X509CRL></ds:X509Data></ds:KeyInfo></ds:Signature>`;
  const enc = '<saml:EncryptedAssertion><xenc:EncryptedData><xenc:CipherData><xenc:CipherValue>Y2lwaGVy</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>';
  const attrs = '<saml:Attribute Name="n"><saml:AttributeValue>value-one</saml:AttributeValue></saml:Attribute>';
  const doc = response(`${sig}${enc}<saml:Subject><saml:NameID>nameid-one</saml:NameID></saml:Subject>${attrs}`);

  test('certificates: base64 ones in base64 shape (blanks removed), names as text', async () => {
    const { out } = await redactDoc(doc, ['certificates']);
    expect(out).toContain(`<ds:X509Certificate>${b64('MIICAAAA')}</ds:X509Certificate>`);
    expect(out).toContain(`<ds:X509SubjectName>${text('CN=Jane Doe')}</ds:X509SubjectName>`);
    expect(out).toContain(`<ds:X509IssuerName>${text('CN=Acme CA')}</ds:X509IssuerName>`);
    expect(out).toContain(`<ds:X509SerialNumber>${text('12345')}</ds:X509SerialNumber>`);
    expect(out).toContain(`<ds:X509SKI>${b64('c2tp')}</ds:X509SKI>`);
    expect(out).toContain(`<ds:X509CRL>${b64('Y3Js')}</ds:X509CRL>`);
    for (const kept of ['ZGlnZXN0', 'c2lnbmF0dXJl', 'Y2lwaGVy', 'nameid-one', 'value-one']) expect(out).toContain(kept);
  });
  test('signatures: SignatureValue and DigestValue in base64 shape', async () => {
    const { out } = await redactDoc(doc, ['signatures']);
    expect(out).toContain(`<ds:DigestValue>${b64('ZGlnZXN0')}</ds:DigestValue>`);
    expect(out).toContain(`<ds:SignatureValue>${b64('c2lnbmF0dXJl')}</ds:SignatureValue>`);
    for (const kept of ['MIIC\n  AAAA', 'Y2lwaGVy', 'nameid-one']) expect(out).toContain(kept);
  });
  test('ciphertext goes with the NameID or the attributes (it holds them), or when asked to', async () => {
    for (const fields of [['nameid'], ['attributes']] as const) expect((await redactDoc(doc, [...fields])).out).toContain(`<xenc:CipherValue>${b64('Y2lwaGVy')}</xenc:CipherValue>`);
    expect((await redactDoc(doc, ['emails'])).out).toContain('<xenc:CipherValue>Y2lwaGVy</xenc:CipherValue>');
    expect((await redactDoc(doc, ['emails'], (r) => { r.maskCiphertext = true; })).out).toContain(`<xenc:CipherValue>${b64('Y2lwaGVy')}</xenc:CipherValue>`);
  });
  test('attributes: each AttributeValue; the NameID stays', async () => {
    const { out } = await redactDoc(doc, ['attributes']);
    expect(out).toContain(`<saml:AttributeValue>${text('value-one')}</saml:AttributeValue>`);
    expect(out).toContain('<saml:NameID>nameid-one</saml:NameID>');
  });
  test('emails: in text, comments and attribute values, only with the e-mails field', async () => {
    const xml = response('<!-- from ops@corp.example --><saml:Issuer>support@idp.example</saml:Issuer>', ' Destination="https://sp/?m=x@y.example"');
    const { out } = await redactDoc(xml, ['emails']);
    expect(out).toContain(`<!-- from ${email('ops@corp.example')} -->`);
    expect(out).toContain(`<saml:Issuer>${email('support@idp.example')}</saml:Issuer>`);
    expect(out).toContain(`Destination="https://sp/?m=${email('x@y.example')}"`);
    const none = await redactDoc(xml, ['nameid']);
    expect(none.out).toContain('support@idp.example');
    const r = new Redactor(['nameid'], SALT);
    r.collectFromString('a@b.example');
    r.collectFromString(null);
    expect(r.maskedCount).toBe(0);
  });
  test('scrub with e-mails: an address never collected still gets a mask; masks are left as they are', async () => {
    const r = new Redactor(['emails'], SALT);
    r.collectFromString('known@x.example');
    await r.prepare();
    expect(r.scrub('known@x.example, new@y.example, user-1234abcd@redacted.invalid')).toBe(`${email('known@x.example')}, user-00000000@redacted.invalid, user-1234abcd@redacted.invalid`);
    const plain = new Redactor([], SALT);
    await plain.prepare();
    expect(plain.scrub('new@y.example')).toBe('new@y.example');
  });
});

describe('re-encoding the redacted input', () => {
  const xml = response('<saml:Subject><saml:NameID>jdoe.smith</saml:NameID></saml:Subject>');
  const b64of = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  test('pasted XML stays XML', async () => {
    const r = await redactInput(xml, ['nameid'], null, { salt: SALT });
    expect(r.ok && r.value).toEqual({ input: xml.replace('jdoe.smith', text('jdoe.smith')), format: 'xml', maskedCount: 1, notes: [] });
  });
  test('an HTTP-POST body stays a body, RelayState scrubbed', async () => {
    const body = `SAMLResponse=${encodeURIComponent(b64of(xml))}&RelayState=${encodeURIComponent('https://app/?u=jdoe.smith')}`;
    const r = await redactInput(body, ['nameid'], null, { salt: SALT });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('post-body');
    const d = decodeInput(r.value.input);
    expect(d.payloads[0]!.xml).toBe(xml.replace('jdoe.smith', text('jdoe.smith')));
    expect(d.payloads[0]!.relayState).toBe(`https://app/?u=${text('jdoe.smith')}`);
  });
  test('an auto-submit form stays a form with its action and method', async () => {
    const form = `<html><body><form method="post" action="https://sp.example.com/acs?u=jdoe.smith"><input type="hidden" name="SAMLResponse" value="${b64of(xml)}"/><input type="hidden" name="RelayState" value="rs&quot;1"/></form></body></html>`;
    const r = await redactInput(form, ['nameid'], null, { salt: SALT });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('html-form');
    expect(r.value.input).toContain(`action="https://sp.example.com/acs?u=${text('jdoe.smith')}"`);
    expect(r.value.input).toMatch(/^<html><body><form method="[^"]+" action=/);
    const d = decodeInput(r.value.input);
    expect(d.payloads[0]!.xml).toBe(xml.replace('jdoe.smith', text('jdoe.smith')));
    expect(d.payloads[0]!.relayState).toBe('rs"1');
  });
  test('nothing SAML in the input: a typed error saying it cannot redact', async () => {
    const r = await redactInput('hello', ['nameid'], null, { salt: SALT });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Cannot redact: /);
  });
});

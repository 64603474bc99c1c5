// What makes a message trusted, on messages signed at test time by xmlsec1 (the independent
// oracle) with a fresh key: a valid signature over the consumed assertion is not enough when
// the message also holds duplicate IDs (anywhere) or when the consumed assertion is another,
// unsigned one. Each case has its control (the same message without the attack reads trusted),
// so the finding under test is what flips trust.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import type { InspectedMessage } from '../types';
import { type KeyPair, URI, makeKey, responseTemplate, xmlsecSign, xmlsecVerify } from './testing/xmlsec.testutil';

const AT = new Date('2030-01-01T00:01:00Z');
let idp: KeyPair;
let signed: string;

beforeAll(() => {
  idp = makeKey('trust-idp', 'rsa2048');
  signed = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp);
});

async function inspect(xml: string): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'trust.test', { trust: [idp.certPem], at: AT });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}
const errors = (m: InspectedMessage) => m.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.title}`);
const signedAssertion = () => /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
/** The Response with `extra` inserted right after its Issuer (outside the signed assertion). */
const withAfterIssuer = (extra: string) => signed.replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${extra}<samlp:Status>`);

describe('trust on xmlsec1-signed messages', () => {
  it('control: the signed assertion alone is trusted, and xmlsec1 verifies it', async () => {
    expect(xmlsecVerify(signed, idp.cert)).toBe(true);
    const m = await inspect(signed);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Assertion:valid']);
    expect(m.trusted).toBe(true);
    expect(errors(m)).toEqual([]);
  });

  it('two unrelated elements sharing an ID outside the signed assertion make it untrusted', async () => {
    // samlp:Extensions may carry any foreign element (SAML core §3.2.2); these two share ID="_dup".
    const xml = withAfterIssuer('<samlp:Extensions><x:a xmlns:x="urn:example:ext" ID="_dup"/><x:b xmlns:x="urn:example:ext" ID="_dup"/></samlp:Extensions>');
    // The signature still verifies: the duplicates lie outside what it covers (xmlsec1 agrees).
    expect(xmlsecVerify(xml, idp.cert)).toBe(true);
    const m = await inspect(xml);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Assertion:valid']);
    expect(errors(m)).toContain('duplicate-id: Duplicate ID');
    expect(m.trusted).toBe(false);
  });

  it('a duplicate of the Response ID outside the signed assertion makes it untrusted too', async () => {
    const xml = withAfterIssuer('<samlp:Extensions><x:a xmlns:x="urn:example:ext" ID="_response1"/></samlp:Extensions>');
    const m = await inspect(xml);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['valid']);
    expect(errors(m)).toContain('duplicate-id: Duplicate ID');
    expect(m.trusted).toBe(false);
  });

  it('an unsigned assertion consumed beside the signed one: untrusted, with the wrapping error', async () => {
    // The Response's first direct-child assertion is what an SP reads (SAML profiles §4.1.4.2).
    const unsigned = signedAssertion().replace('ID="_assertion1"', 'ID="_unsigned"').replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('alice@example.com</saml:NameID>', 'mallory@example.com</saml:NameID>');
    const xml = signed.replace('<saml:Assertion ', `${unsigned}<saml:Assertion `);
    expect(xmlsecVerify(xml, idp.cert)).toBe(true); // the signed assertion itself is intact
    const m = await inspect(xml);
    expect(m.assertions.map((a) => a.id)).toEqual(['_unsigned', '_assertion1']);
    expect(m.assertions[0]!.nameId?.value).toBe('mallory@example.com');
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Assertion:valid']);
    expect(m.trusted).toBe(false);
    expect(errors(m)).toEqual(expect.arrayContaining([
      'signature-wrapping: The signed element is not the one a relying party reads',
      'multiple-assertions: More than one assertion',
    ]));
  });
});

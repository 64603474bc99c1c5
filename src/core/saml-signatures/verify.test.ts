// What a relying party is told about the XML signatures of a SAML message (verify.ts): which
// signature decides `trusted`, what it names as signed and consumed, and the findings around the
// consumed assertion (wrapping, hidden assertions, comments, missing signatures). Issue 12:
// mutation testing showed these could change with every other test green. Messages are signed by
// xmlsec1 (the independent oracle; reused between mutation runs, ../testing/oracle-cache.testutil.ts)
// and edited as an attacker would.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import type { Finding, InspectedMessage } from '../types';
import { NS_A, NS_P, URI, makeKey, responseTemplate, xmlsecSign, type KeyPair } from '../dsig/testing/xmlsec.testutil';
import { AT, IDP_A, issuerOnlySignedResponse } from '../dsig/testing/federation.testutil';
import { parseXmlSafely } from '../xml/parse';
import { verifyDocumentSignatures } from './verify';

let idp: KeyPair;
const OPTIONS = { c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed' as const, pretty: false };
/** A Response (issuer https://idp.example.com/) with one assertion and the signature templates asked for. */
const template = (signResponse: boolean, signAssertion: boolean) => responseTemplate({ ...OPTIONS, signResponse, signAssertion });
const ASSERTION = /<saml:Assertion[\s\S]*<\/saml:Assertion>/;
const SIGNATURE = /<ds:Signature[\s\S]*?<\/ds:Signature>/;
/** The empty ds:Signature template of the Response (URI="#_response1"). */
const responseSignatureTemplate = () => SIGNATURE.exec(template(true, false))![0];

beforeAll(() => {
  idp = makeKey('saml-verify-idp', 'rsa2048');
});

async function inspect(xml: string, trust: string[] = [idp.certPem]): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'saml-signatures/verify', { trust, at: AT });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}
const ofCode = (m: InspectedMessage, code: string): Finding[] => m.findings.filter((f) => f.code === code);
const one = (m: InspectedMessage, code: string): Finding => {
  const f = ofCode(m, code);
  expect(f, `${code} in ${m.findings.map((x) => x.code).join(', ')}`).toHaveLength(1);
  return f[0]!;
};
const verdicts = (m: InspectedMessage) => m.signatures.map((s) => `${s.target}:${s.verdict}`);

describe('the outermost signature over the consumed assertion decides', () => {
  it('wherever the Response\'s Signature sits: after the assertion, a broken Response signature is not outvoted by a valid assertion signature', async () => {
    // The Response's signature template at the end of the Response. xmlsec1 signs the last
    // template first, so the assertion, signed after it, no longer matches the Response's digest.
    const responseLast = template(false, true).replace('</samlp:Response>', `${responseSignatureTemplate()}</samlp:Response>`);
    const broken = await inspect(xmlsecSign(responseLast, idp));
    expect(verdicts(broken)).toEqual(['Assertion:valid', 'Response:invalid']);
    expect(broken.trusted).toBe(false);
    // Control: the Response's signature alone at the end of the Response is valid and decides.
    const good = await inspect(xmlsecSign(template(false, false).replace('</samlp:Response>', `${responseSignatureTemplate()}</samlp:Response>`), idp));
    expect(verdicts(good)).toEqual(['Response:valid']);
    expect(good.trusted).toBe(true);
  });

  it('a Response changed after signing outside the assertion: the valid assertion signature does not make it trusted', async () => {
    const both = xmlsecSign(template(true, true), idp);
    const m = await inspect(both.replace('Destination="https://sp.example.com/acs"', 'Destination="https://evil.example/acs"'));
    expect(verdicts(m)).toEqual(['Response:invalid', 'Assertion:valid']);
    expect(m.trusted).toBe(false);
  });

  it('a message other than a Response is consumed whole: a signed assertion inside an unsigned LogoutRequest does not vouch for it', async () => {
    const assertion = ASSERTION.exec(xmlsecSign(template(false, true), idp))![0];
    const m = await inspect(`<samlp:LogoutRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_lr" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer>${assertion}</samlp:LogoutRequest>`);
    expect(verdicts(m)).toEqual(['Assertion:valid']);
    expect(m.trusted).toBe(false);
  });

  it('the assertion the rules read: the Response\'s first, none in other messages', async () => {
    const verify = async (xml: string) => {
      const doc = parseXmlSafely(xml);
      if (!doc.ok) throw new Error(doc.error.message);
      return verifyDocumentSignatures(doc.value, [], AT);
    };
    expect((await verify(template(false, false))).consumedAssertionIndex).toBe(0);
    expect((await verify(`<samlp:LogoutRequest xmlns:samlp="${NS_P}" ID="_l"/>`)).consumedAssertionIndex).toBeNull();
    expect((await verify(`<samlp:Response xmlns:samlp="${NS_P}" ID="_r"/>`)).consumedAssertionIndex).toBeNull();
  });
});

describe('signature wrapping: what a signature covers is not its parent, or not what is consumed', () => {
  it('several References that cover neither the parent nor an ancestor: named together, and the consumed assertion unsigned', async () => {
    const { signed } = issuerOnlySignedResponse(idp, 'admin@example.com');
    const m = await inspect(signed);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(m.findings.filter((f) => f.code === 'signature-wrapping').map((f) => [f.title, f.explanation])).toEqual([
      ['Signature covers another element than its parent', 'Signature 1 sits in Response ID="_response1" but its references resolve to Issuer ID="_issuer1", Issuer ID="_issuer2" — together they cover neither it nor an ancestor. An enveloped SAML signature must reference its own parent (SAML core §5.4.2); anything else is how XML signature wrapping smuggles unsigned content past a verifier.'],
      ['The signed element is not the one a relying party reads', 'A relying party consumes Assertion ID="_assertion1", but the signature(s) that check out cover Issuer ID="_issuer1", Issuer ID="_issuer2". The consumed content is unsigned: this is the shape of an XML signature wrapping attack.'],
    ]);
    expect(m.findings.filter((f) => f.code === 'signature-wrapping').map((f) => [f.severity, f.fix, f.references])).toEqual([
      ['error', 'Reject the message. Verify with a library that checks the signed element is the one consumed.', ['SAML core §5.4.2', 'On Breaking SAML (USENIX Security 2012)']],
      ['error', 'Reject the message. If your SP accepted it, upgrade its SAML library (XSW defences: verify, then consume only what was verified).', ['On Breaking SAML (USENIX Security 2012)', 'SAML core §5.4.2']],
    ]);
    expect(m.trusted).toBe(false);
  });

  it('the assertion\'s signature moved into an element without ID: named without ID, and the assertion it covers is not trusted through it', async () => {
    const signed = xmlsecSign(template(false, true), idp);
    const s = SIGNATURE.exec(signed)![0];
    const moved = signed.replace(s, '').replace('<samlp:StatusCode', `${s}<samlp:StatusCode`);
    const m = await inspect(moved);
    // Still mathematically valid: the assertion it references is as signed.
    expect(verdicts(m)).toEqual(['Status:valid']);
    const f = ofCode(m, 'signature-wrapping').map((x) => x.explanation);
    expect(f).toEqual(['Signature 1 sits in Status but its reference resolves to Assertion ID="_assertion1". An enveloped SAML signature must reference its own parent (SAML core §5.4.2); anything else is how XML signature wrapping smuggles unsigned content past a verifier.']);
    expect(m.trusted).toBe(false);
  });

  it('the assertion\'s signature moved into the Response: it covers the consumed assertion, yet is not the assertion\'s own — not trusted', async () => {
    const signed = xmlsecSign(template(false, true), idp);
    const s = SIGNATURE.exec(signed)![0];
    const m = await inspect(signed.replace(s, '').replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${s}<samlp:Status>`));
    expect(verdicts(m)).toEqual(['Response:valid']);
    // Misplaced, but what it covers is what is consumed: only the misplacement is reported.
    expect(ofCode(m, 'signature-wrapping').map((f) => f.title)).toEqual(['Signature covers another element than its parent']);
    expect(m.trusted).toBe(false);
  });

  it('nothing checks out: the unsigned consumed assertion is not said to sit beside signed content', async () => {
    const signed = xmlsecSign(template(false, true), idp);
    const assertion = ASSERTION.exec(signed)![0];
    const forged = assertion.replace(SIGNATURE, '').replace('ID="_assertion1"', 'ID="_forged"');
    const tampered = assertion.replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>');
    const m = await inspect(signed.replace(assertion, `${forged}<samlp:Extensions>${tampered}</samlp:Extensions>`));
    expect(verdicts(m)).toEqual(['Assertion:invalid']);
    expect(ofCode(m, 'signature-wrapping')).toEqual([]);
    expect(m.trusted).toBe(false);
  });

  it('the forged assertion keeps a signature over itself that does not verify, the genuine one hidden: the consumed content is unsigned', async () => {
    const signed = xmlsecSign(template(false, true), idp);
    const assertion = ASSERTION.exec(signed)![0];
    const forged = assertion.replace('ID="_assertion1"', 'ID="_forged"').replace('URI="#_assertion1"', 'URI="#_forged"').replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>');
    const m = await inspect(signed.replace(assertion, `${forged}<samlp:Extensions>${assertion}</samlp:Extensions>`));
    expect(verdicts(m)).toEqual(['Assertion:invalid', 'Assertion:valid']);
    const f = ofCode(m, 'signature-wrapping').map((x) => x.explanation);
    expect(f).toEqual(['A relying party consumes Assertion ID="_forged", but the signature(s) that check out cover Assertion ID="_assertion1". The consumed content is unsigned: this is the shape of an XML signature wrapping attack.']);
    expect(m.trusted).toBe(false);
  });

  it('the consumed assertion signed, and another signed one hidden: no wrapping, a warning for the hidden one, trusted', async () => {
    const unsigned = template(false, true);
    const assertion = ASSERTION.exec(unsigned)![0];
    const hidden = assertion.replace('ID="_assertion1"', 'ID="_hidden"').replace('URI="#_assertion1"', 'URI="#_hidden"');
    const m = await inspect(xmlsecSign(unsigned.replace('<samlp:Status>', `<samlp:Extensions>${hidden}</samlp:Extensions><samlp:Status>`), idp));
    expect(verdicts(m)).toEqual(['Assertion:valid', 'Assertion:valid']);
    expect(ofCode(m, 'signature-wrapping')).toEqual([]);
    expect(one(m, 'multiple-assertions').severity).toBe('warning');
    expect(m.trusted).toBe(true);
  });

  it('a consumed assertion without ID beside the signed one: named by its element alone', async () => {
    const signed = xmlsecSign(template(false, true), idp);
    const assertion = ASSERTION.exec(signed)![0];
    const forged = assertion.replace(SIGNATURE, '').replace(' ID="_assertion1"', '');
    const m = await inspect(signed.replace(assertion, `${forged}${assertion}`));
    const f = ofCode(m, 'signature-wrapping').find((x) => x.title === 'The signed element is not the one a relying party reads')!;
    expect(f.explanation).toBe('A relying party consumes Assertion, but the signature(s) that check out cover Assertion ID="_assertion1". The consumed content is unsigned: this is the shape of an XML signature wrapping attack.');
    expect(m.trusted).toBe(false);
  });
});

describe('assertions besides the one consumed', () => {
  it('two direct assertions: an error at the second one', async () => {
    const signed = xmlsecSign(template(false, true), idp);
    const assertion = ASSERTION.exec(signed)![0];
    const m = await inspect(signed.replace(assertion, `${assertion}${assertion.replace(SIGNATURE, '').replace('ID="_assertion1"', 'ID="_second"')}`));
    const f = one(m, 'multiple-assertions');
    expect(f.severity).toBe('error');
    expect(f.fix).toBe('Configure the IdP to send exactly one assertion per Response.');
    // The finding points at the second assertion, not at the first or nowhere.
    expect(f.location).not.toBeNull();
    const lines = m.prettyXml.split('\n');
    expect(lines[f.location!.line - 1]).toContain('ID="_second"');
    expect(m.trusted).toBe(true);
  });

  it('an assertion hidden in the consumed assertion\'s attribute value: a warning, even though its ancestors are SAML assertion elements', async () => {
    const hidden = `<saml:Assertion ID="_hidden" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer></saml:Assertion>`;
    const xml = xmlsecSign(template(false, true).replace('>admins<', `>${hidden}<`), idp);
    const m = await inspect(xml);
    expect(verdicts(m)).toEqual(['Assertion:valid']);
    const f = one(m, 'multiple-assertions');
    expect(f).toMatchObject({ severity: 'warning', title: 'Assertion in an unexpected place', explanation: 'Besides the assertion a relying party reads, the message contains 1 more inside AttributeValue. Hidden assertions are the raw material of signature wrapping.', fix: 'Reject messages with assertions outside the Response\'s direct children.', references: ['On Breaking SAML (USENIX Security 2012)'] });
    expect(m.prettyXml.split('\n')[f.location!.line - 1]).toContain('ID="_hidden"');
  });

  it('an "Advice" of another namespace is no Advice: the assertion in it is reported, each hidden one named', async () => {
    const hidden = (id: string) => `<saml:Assertion ID="${id}" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer></saml:Assertion>`;
    const xml = xmlsecSign(template(false, true).replace('<samlp:Status>', `<samlp:Extensions><x:Advice xmlns:x="urn:example:not-saml">${hidden('_h1')}</x:Advice><saml:Advice>${hidden('_h2')}</saml:Advice><x:Box xmlns:x="urn:example:not-saml">${hidden('_h3')}</x:Box></samlp:Extensions><samlp:Status>`), idp);
    const m = await inspect(xml);
    // The real saml:Advice (_h2) is where SAML allows assertions; the other two are reported.
    expect(one(m, 'multiple-assertions').explanation).toBe('Besides the assertion a relying party reads, the message contains 2 more inside Advice, inside Box. Hidden assertions are the raw material of signature wrapping.');
  });
});

describe('a message without any signature', () => {
  const request = (kind: string) => `<samlp:${kind} xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_m1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://sp.example.com/</saml:Issuer>${kind === 'LogoutResponse' ? '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' : kind === 'LogoutRequest' ? '<saml:NameID>alice@example.com</saml:NameID>' : ''}</samlp:${kind}>`;

  it('Redirect-capable requests and responses: info, and the signature may be in the query string', async () => {
    for (const kind of ['AuthnRequest', 'LogoutRequest', 'LogoutResponse']) {
      const f = one(await inspect(request(kind)), 'signature-missing');
      expect([f.severity, f.explanation, f.fixParts?.variant]).toEqual(['info', `This ${kind} carries no XML signature (with the Redirect binding the signature travels in the query string instead).`, 'request']);
    }
  });

  it('a Response: an error, worded for a Response; metadata: info, without a word on query strings', async () => {
    const unsigned = await inspect(template(false, false));
    const f = one(unsigned, 'signature-missing');
    expect([f.severity, f.fixParts?.variant]).toEqual(['error', 'response']);
    expect(f.fix).toBe('Enable signing at the IdP for this SP: sign the assertion and the Response with the key its metadata publishes.');
    expect(unsigned.trusted).toBe(false);
    const aggregate = one(await inspect(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" Name="urn:example:fed"><md:EntityDescriptor entityID="${IDP_A}"/></md:EntitiesDescriptor>`), 'signature-missing');
    expect([aggregate.severity, aggregate.explanation, aggregate.fixParts?.variant]).toEqual(['info', 'This EntitiesDescriptor carries no XML signature.', 'request']);
  });

  it('a signed Response around an encrypted assertion: nothing says it is unsigned or unknowable, the Response signature covers it', async () => {
    const encrypted = template(true, false).replace(ASSERTION, '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>');
    const m = await inspect(xmlsecSign(encrypted, idp));
    expect(verdicts(m)).toEqual(['Response:valid']);
    expect(ofCode(m, 'assertion-encrypted')).toEqual([]);
    expect(ofCode(m, 'signature-missing')).toEqual([]);
    expect(m.trusted).toBe(true);
  });
});

describe('comments and split text in the consumed assertion (CVE-2017-11427 family)', () => {
  it('two comments, values with blanks: counted, both readings trimmed', async () => {
    const signed = xmlsecSign(template(false, true).replace('>admins<', '>\n  admins.evil  \n<'), idp);
    const m = await inspect(signed.replace('>\n  admins.evil  \n<', '>\n  admins<!--a-->.evil<!--b-->  \n<'));
    expect(verdicts(m)).toEqual(['Assertion:valid']);
    const f = one(m, 'nameid-comment');
    expect(f.title).toBe('Comment or split text inside AttributeValue');
    expect(f.explanation).toBe('The value of AttributeValue is split by 2 comment(s). Read whole it is "admins.evil"; read as its first text node it is "admins". The signature covers both readings (canonicalization drops comments), which is exactly the comment-injection attack (CVE-2017-11427/11428/11429, CVE-2018-7340).');
    expect(m.trusted).toBe(false);
  });

  it('a NameID that is only a comment: its first text node is empty', async () => {
    const signed = xmlsecSign(responseTemplate({ ...OPTIONS, signResponse: false, signAssertion: true, nameId: '' }), idp);
    const m = await inspect(signed.replace(/emailAddress"(?:\/>|><\/saml:NameID>)/, 'emailAddress"><!--admin@example.com--></saml:NameID>'));
    expect(verdicts(m)).toEqual(['Assertion:valid']);
    expect(one(m, 'nameid-comment').explanation).toBe('The value of NameID is split by 1 comment(s). Read whole it is ""; read as its first text node it is "". The signature covers both readings (canonicalization drops comments), which is exactly the comment-injection attack (CVE-2017-11427/11428/11429, CVE-2018-7340).');
  });

  it('an attribute value holding XML (an element and one text): no finding, trusted', async () => {
    const m = await inspect(xmlsecSign(template(false, true).replace('>admins<', '><x:Group xmlns:x="urn:example:groups">admins</x:Group><'), idp));
    expect(ofCode(m, 'nameid-comment')).toEqual([]);
    expect(m.trusted).toBe(true);
  });

  it('a comment in a signed assertion that is not consumed: the consumed one decides', async () => {
    // The Response signature covers both; the comment sits in the second (unconsumed) assertion.
    const assertion = ASSERTION.exec(template(true, false))![0];
    const second = assertion.replace('ID="_assertion1"', 'ID="_second"').replace('>admins<', '>adm<!---->ins<');
    const m = await inspect(xmlsecSign(template(true, false).replace(assertion, `${assertion}${second}`), idp));
    expect(ofCode(m, 'nameid-comment')).toEqual([]);
  });
});

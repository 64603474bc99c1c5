// A decrypted message (DerivedDocument): each signature is verified in the earliest document that
// holds it — the Response signature over the encrypted assertion as received, the assertion's own
// signature over the assertion with its attribute still encrypted — and what it references is
// carried forward into the decrypted document, where coverage is judged (SAML core §6.2: sign,
// then encrypt). Issue 12: dsig's own tests never reached this path. The stages are the product's
// (xenc/document.ts DecryptionStage) over texts where the encrypted parts are placeholders: the
// verifier reads no ciphertext, only which element replaced which. Signed by xmlsec1 (the oracle).
import { beforeAll, describe, expect, it } from 'vitest';
import { SAML_SIGNER_POLICY } from '../saml-signatures/signer-policy';
import { parseTrustInputs } from '../trust/anchors';
import type { TrustAnchor } from '../types';
import { DecryptionStage } from '../xenc/document';
import { NS, descendants } from '../xml/dom';
import { parseXmlSafely } from '../xml/parse';
import { DSIG, NS_A, NS_P, type KeyPair, URI, makeKey, xmlsecSign } from './testing/xmlsec.testutil';
import { coversItsParent, verifySignatures, type SignatureCheck } from './verify';

const AT = new Date('2030-01-01T00:01:00Z');
const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const PLACEHOLDER = `<xenc:EncryptedData xmlns:xenc="${XENC}"><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
const ATTRIBUTE = '<saml:Attribute Name="role"><saml:AttributeValue>admin</saml:AttributeValue></saml:Attribute>';

const signatureTemplate = (id: string) => `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="${DSIG}enveloped-signature"/><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;

let anchors: TrustAnchor[];
/** As received: the Response signed over its EncryptedAssertion. */
let received: string;
/** Stage 1: the assertion decrypted (signed by the IdP with its attribute still encrypted). */
let assertionDecrypted: string;
/** Stage 2: the attribute decrypted too, what a relying party consumes. */
let attributeDecrypted: string;

beforeAll(async () => {
  const idp: KeyPair = makeKey('verify-derived-idp', 'rsa2048');
  anchors = (await parseTrustInputs([idp.certPem])).anchors;
  const assertion = xmlsecSign(`<saml:Assertion xmlns:saml="${NS_A}" ID="_assertion1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer>${signatureTemplate('_assertion1')}<saml:Subject><saml:NameID>alice@example.com</saml:NameID></saml:Subject><saml:AttributeStatement><saml:EncryptedAttribute>${PLACEHOLDER}</saml:EncryptedAttribute></saml:AttributeStatement></saml:Assertion>`, idp).replace(/^<\?xml[^>]*>\s*/, '');
  received = xmlsecSign(`<samlp:Response xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_response1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer>${signatureTemplate('_response1')}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:EncryptedAssertion>${PLACEHOLDER}</saml:EncryptedAssertion></samlp:Response>`, idp);
  assertionDecrypted = received.replace(/<saml:EncryptedAssertion>[\s\S]*<\/saml:EncryptedAssertion>/, assertion);
  attributeDecrypted = assertionDecrypted.replace(/<saml:EncryptedAttribute>[\s\S]*<\/saml:EncryptedAttribute>/, ATTRIBUTE);
});

const parse = (xml: string) => {
  const d = parseXmlSafely(xml);
  if (!d.ok) throw new Error(d.error.message);
  return d.value;
};

/** The three documents and the two stages, as xenc/document.ts builds them. */
function stages() {
  const [doc0, doc1, doc2] = [parse(received), parse(assertionDecrypted), parse(attributeDecrypted)];
  // Response children: Issuer, Signature, Status, EncryptedAssertion (3); Assertion children:
  // Issuer, Signature, Subject, AttributeStatement (3), whose first child is the EncryptedAttribute.
  const stage1 = new DecryptionStage(doc1, assertionDecrypted, doc0, undefined, [[0, 3]]);
  const stage2 = new DecryptionStage(doc2, attributeDecrypted, doc1, stage1, [[0, 3, 3, 0]]);
  return { doc0, doc1, doc2, stage2 };
}

/** Each check names `doc`'s signature element and the element of `doc` it covers (by identity). */
function expectOn(doc: Document, checks: SignatureCheck[]): void {
  const signatures = descendants(doc, NS.dsig, 'Signature');
  const covered = [doc.documentElement, descendants(doc, NS.assertion, 'Assertion')[0]];
  expect(checks).toHaveLength(2);
  checks.forEach((c, i) => {
    expect(c.element === signatures[i], `signature ${i + 1} element`).toBe(true);
    expect(c.referenced.length).toBe(1);
    expect(c.referenced[0] === covered[i], `signature ${i + 1} covers`).toBe(true);
  });
}

describe('signatures of a decrypted message', () => {
  it('each is verified in the document it was made in, and reported on the decrypted one', async () => {
    const { doc2, stage2 } = stages();
    const r = await verifySignatures(doc2, anchors, AT, SAML_SIGNER_POLICY, stage2);
    expect(r.checks.map((c) => [c.report.target, c.report.verdict])).toEqual([['Response', 'valid'], ['Assertion', 'valid']]);
    expect(r.findings).toEqual([]);
    expect(r.signatureCount).toBe(2);
    // Where each was made: the Response over the encrypted assertion, the assertion over its encrypted attribute.
    const [response, assertion] = r.checks.map((c) => c.report.references[0]!.canonicalForm!);
    expect(response).toContain('<saml:EncryptedAssertion xmlns:saml=');
    expect(assertion).toContain('<saml:EncryptedAttribute>');
    expect(assertion).not.toContain('admin');
    // Reported on the decrypted document: its signature elements, the elements they cover there.
    expectOn(doc2, r.checks);
    expect(r.checks.every((c) => coversItsParent(c))).toBe(true);
  });

  it('one decryption stage: the assertion signature over the decrypted assertion', async () => {
    const { doc0, doc1 } = stages();
    const stage = new DecryptionStage(doc1, assertionDecrypted, doc0, undefined, [[0, 3]]);
    const r = await verifySignatures(doc1, anchors, AT, SAML_SIGNER_POLICY, stage);
    expect(r.checks.map((c) => c.report.verdict)).toEqual(['valid', 'valid']);
    expectOn(doc1, r.checks);
  });

  it('read as if nothing had been decrypted, both digests fail: the derivation is what makes them valid', async () => {
    const r = await verifySignatures(parse(attributeDecrypted), anchors, AT, SAML_SIGNER_POLICY);
    expect(r.checks.map((c) => c.report.verdict)).toEqual(['invalid', 'invalid']);
    expect(r.findings.map((f) => f.code)).toEqual(['digest-mismatch', 'digest-mismatch']);
  });

  it('the received document itself: the Response signature only', async () => {
    const r = await verifySignatures(parse(received), anchors, AT, SAML_SIGNER_POLICY);
    expect(r.checks.map((c) => [c.report.target, c.report.verdict])).toEqual([['Response', 'valid']]);
  });
});

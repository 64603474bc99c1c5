// The verdict of a signature's check in the shapes verify.details.test.ts does not reach: limits
// hit by a signature nested where no digest covers it, a SignedInfo canonicalized with a prefix
// list or refused, a missing SignatureValue, trusted keys of another type, a signature with no
// parent element, and where the findings point. Issue 12: each of these could change with every
// other test green. Signed by xmlsec1 (the oracle), then edited.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { MAX_CERTIFICATES_PER_KEYINFO, MAX_SIGNATURES_PER_DOCUMENT } from '../limits';
import { SAML_SIGNER_POLICY } from '../saml-signatures/signer-policy';
import type { Finding, InspectedMessage, SignatureReport } from '../types';
import { parseXmlSafely } from '../xml/parse';
import { DSIG, type KeyPair, URI, makeKey, responseTemplate, xmlsecSign } from './testing/xmlsec.testutil';
import { coveringReference, coversItsParent, depthOf, verifySignatures } from './verify';

const AT = new Date('2030-01-01T00:01:00Z');
const EXC_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';
let idp: KeyPair;
let ec: KeyPair;
/** A Response whose assertion is signed (its certificate in KeyInfo). */
let signed: string;

beforeAll(() => {
  idp = makeKey('verify-verdicts-idp', 'rsa2048');
  ec = makeKey('verify-verdicts-ec', 'P-256');
  signed = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp);
});

async function inspect(xml: string, trust: string[] = [idp.certPem]): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'verify.verdicts', { trust, at: AT });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}
const sig = (m: InspectedMessage, i = 0): SignatureReport => m.signatures[i]!;
const ofCode = (m: InspectedMessage, code: string): Finding[] => m.findings.filter((f) => f.code === code);
const signatureOf = (xml: string) => /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(xml)![0];
const certificateOf = (xml: string) => /<ds:X509Certificate>[\s\S]*?<\/ds:X509Certificate>/.exec(xml)![0];
const lineOf = (m: InspectedMessage, text: string) => m.prettyXml.slice(0, m.prettyXml.indexOf(text)).split('\n').length;

describe('a message that made the verifier stop at a limit is never trusted', () => {
  it('a signature over a limit nested where no digest covers it (inside the valid signature itself)', async () => {
    // The enveloped-signature transform removes the whole Signature, Object included, so the
    // assertion's signature stays valid whatever the Object holds.
    const nested = (certificates: number) => {
      const inner = signatureOf(signed).replace(certificateOf(signed), certificateOf(signed).repeat(certificates));
      return signed.replace('</ds:KeyInfo></ds:Signature>', `</ds:KeyInfo><ds:Object>${inner}</ds:Object></ds:Signature>`);
    };
    const over = await inspect(nested(MAX_CERTIFICATES_PER_KEYINFO + 1));
    expect(over.signatures.map((s) => s.verdict)).toEqual(['valid', 'unsupported']);
    expect(ofCode(over, 'signature-limit-exceeded')).toHaveLength(1);
    expect(over.trusted).toBe(false);
    // At the limit nothing stops the verifier: the valid signature over the consumed assertion decides.
    const at = await inspect(nested(MAX_CERTIFICATES_PER_KEYINFO));
    expect(at.signatures[0]!.verdict).toBe('valid');
    expect(ofCode(at, 'signature-limit-exceeded')).toEqual([]);
    expect(at.trusted).toBe(true);
  });

  it(`more than ${MAX_SIGNATURES_PER_DOCUMENT} signatures, the consumed assertion's own valid`, async () => {
    // After the assertion: its own signature is the first, and always verified.
    const copies = (n: number) => signed.replace('</samlp:Response>', `<x:Copies xmlns:x="urn:example:copies">${signatureOf(signed).repeat(n)}</x:Copies></samlp:Response>`);
    const over = await inspect(copies(MAX_SIGNATURES_PER_DOCUMENT));
    expect(sig(over).verdict).toBe('valid');
    expect(over.trusted).toBe(false);
    const at = await inspect(copies(MAX_SIGNATURES_PER_DOCUMENT - 1));
    expect(at.signatures).toHaveLength(MAX_SIGNATURES_PER_DOCUMENT);
    expect(at.trusted).toBe(true);
  });
});

describe('SignedInfo', () => {
  it('canonicalized with an InclusiveNamespaces prefix list (as xmlsec1 signs it)', async () => {
    const template = responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true })
      .replace(`<ds:CanonicalizationMethod Algorithm="${URI.exc}"/>`, `<ds:CanonicalizationMethod Algorithm="${URI.exc}"><ec:InclusiveNamespaces xmlns:ec="${EXC_NS}" PrefixList=" samlp   saml "/></ds:CanonicalizationMethod>`);
    const m = await inspect(xmlsecSign(template, idp));
    expect([sig(m).verdict, m.trusted]).toEqual(['valid', true]);
    expect(sig(m).signedInfoCanonical).toMatch(/^<ds:SignedInfo xmlns:ds="[^"]+" xmlns:saml="[^"]+" xmlns:samlp="[^"]+">/);
  });

  it('a Reference canonicalized with an InclusiveNamespaces prefix list: the namespaces it names are in the digest', async () => {
    const m = await inspect(xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, prefixList: 'samlp', style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp));
    expect([sig(m).verdict, m.trusted]).toEqual(['valid', true]);
    expect(sig(m).references[0]!.canonicalForm).toMatch(/^<saml:Assertion xmlns:saml="[^"]+" xmlns:samlp="urn:oasis:names:tc:SAML:2\.0:protocol" ID="_assertion1"/);
  });

  it('a canonicalization of SignedInfo that is refused (C14N 1.1 under xml:base): unsupported, no key tried', async () => {
    const m = await inspect(signed.replace(`<ds:CanonicalizationMethod Algorithm="${URI.exc}"/>`, '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>').replace('<samlp:Response ', '<samlp:Response xml:base="https://idp.example.org/" '));
    expect([sig(m).verdict, sig(m).reason]).toEqual(['unsupported', 'Canonical XML 1.1 of a document subset whose apex or ancestors carry xml:base (xml:base fixup) is not supported.']);
    expect(sig(m).signedInfoCanonical).toBeNull();
    expect(sig(m).anchorDecisions).toEqual([]);
    expect(ofCode(m, 'unsupported-algorithm')).toHaveLength(1);
  });
});

describe('the signature value and the keys', () => {
  it('no SignatureValue element: invalid, and the reason says so', async () => {
    const m = await inspect(signed.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, ''));
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The Signature has no SignatureValue element.']);
    expect(m.findings.find((f) => f.title === 'Signature value does not verify')!.explanation).toContain(': The Signature has no SignatureValue element. The digests checked match');
    // An empty one is there, and is no base64 signature.
    const empty = await inspect(signed.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '<ds:SignatureValue/>'));
    expect(sig(empty).reason).toBe('The SignatureValue is not valid base64.');
  });

  it('not base64, nothing trusted and no certificate: invalid, not "nothing to verify against"', async () => {
    const m = await inspect(signed.replace(/<ds:SignatureValue>[^<]*</, '<ds:SignatureValue>%%%<').replace(certificateOf(signed), ''), []);
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The SignatureValue is not valid base64.']);
    expect(ofCode(m, 'signature-no-trust-anchor')).toEqual([]);
    expect(ofCode(m, 'signature-invalid').map((f) => f.title)).toEqual(['Signature value does not verify']);
  });

  it('a trusted key of another type is passed over; the right one after it verifies', async () => {
    const m = await inspect(signed, [ec.certPem, idp.certPem]);
    expect(sig(m).verdict).toBe('valid');
    expect(sig(m).key.subject).toBe('CN=verify-verdicts-idp.samlscope.test');
    expect(sig(m).anchorDecisions).toHaveLength(1);
    const only = await inspect(signed.replace(certificateOf(signed), ''), [ec.certPem]);
    expect([sig(only).verdict, sig(only).reason]).toEqual(['invalid', 'The SignatureValue does not verify with any of the 1 trusted key(s).']);
  });
});

describe('where it is and where its findings point', () => {
  it('a signature that is the root element signs for "document"', async () => {
    const xml = `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#_obj"><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:Object ID="_obj">data</ds:Object></ds:Signature>`;
    const doc = parseXmlSafely(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const r = await verifySignatures(doc.value, [], AT, SAML_SIGNER_POLICY);
    expect(r.checks[0]!.report).toMatchObject({ target: 'document', targetId: null, verdict: 'untrusted' });
    expect(r.checks[0]!.report.claimedSigner!.element).toBe('document');
    expect(r.findings.map((f) => f.code)).toEqual(['digest-mismatch', 'signature-no-trust-anchor']);
    expect(r.findings[0]!.explanation).toMatch(/^Signature 1 \(on document\), reference #_obj: the digest of the canonicalized Object is /);
    expect(r.findings[1]!.explanation).toBe('Signature 1 (on document) carries no certificate and no trusted metadata or certificate was given; its signature value cannot be checked.');
  });

  it('a digest mismatch points at the changed element, a signature value at the signature', async () => {
    const pretty = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: true, signResponse: false, signAssertion: true }), idp);
    const changed = await inspect(pretty.replace('admins', 'admin5'));
    expect(ofCode(changed, 'digest-mismatch')[0]!.location!.line).toBe(lineOf(changed, '<saml:Assertion'));
    const forged = await inspect(pretty.replace(/<ds:SignatureValue>\s*[A-Za-z0-9+/]{4}/, '<ds:SignatureValue>AAAA'));
    expect(ofCode(forged, 'signature-invalid')[0]!.location!.line).toBe(lineOf(forged, '<ds:Signature'));
  });
});

describe('what a signature covers (the caller judges coverage with these)', () => {
  /** A Response whose signature sits in the Response and references `uris`, in that order. */
  async function checkOf(uris: string[], where: 'response' | 'status' = 'response') {
    const refs = uris.map((u) => `<ds:Reference URI="${u}"><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>`).join('');
    const signature = `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/>${refs}</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`;
    const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r">${where === 'response' ? signature : ''}<samlp:Status>${where === 'status' ? signature : ''}</samlp:Status><saml:Assertion ID="_a"><saml:Subject><saml:NameID>alice</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>`;
    const doc = parseXmlSafely(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const check = (await verifySignatures(doc.value, [], AT, SAML_SIGNER_POLICY)).checks[0]!;
    const root = doc.value.documentElement!;
    const assertion = root.lastChild as Element;
    const nameId = assertion.firstChild!.firstChild as Element;
    return { check, root, assertion, nameId };
  }

  it('the outermost referenced element holding a node, whatever the order of the References', async () => {
    for (const uris of [['#_a', '#_r'], ['#_r', '#_a']]) {
      const { check, root, assertion, nameId } = await checkOf(uris);
      expect(check.referenced).toHaveLength(2);
      expect(coveringReference(check, nameId) === root, uris.join(' ')).toBe(true);
      expect(coveringReference(check, assertion) === root).toBe(true);
      expect(coversItsParent(check)).toBe(true);
    }
    const { check, assertion, nameId } = await checkOf(['#_a']);
    expect(coveringReference(check, nameId) === assertion).toBe(true);
    expect(coveringReference(check, check.element.parentNode!)).toBeUndefined();
    expect(coversItsParent(check)).toBe(false);
  });

  it('a signature in the Status referencing the Response covers its parent (an ancestor is referenced)', async () => {
    const { check } = await checkOf(['#_r'], 'status');
    expect(coversItsParent(check)).toBe(true);
    expect((await checkOf(['#_a'], 'status')).check.referenced).toHaveLength(1);
    expect(coversItsParent((await checkOf(['#_a'], 'status')).check)).toBe(false);
  });

  it('depth counts the ancestors up to the document', async () => {
    const { root, assertion, nameId } = await checkOf(['#_r']);
    expect([depthOf(root), depthOf(assertion), depthOf(nameId)]).toEqual([1, 2, 4]);
  });
});

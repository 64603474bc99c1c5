// What XML signature verification says in each case, through the public API (inspectInput): the
// verdict and reason of every branch of a signature's check, the findings' text, and the
// document-level findings (duplicate IDs, wrapping, assertions, comments). Issue 12: mutation
// testing showed most of these could change with every other test still green. Messages are
// signed once per file by xmlsec1 (the independent oracle; reused between runs in mutation runs,
// ../testing/oracle-cache.testutil.ts), then edited: the edits decide before any key is tried, or
// are exactly what a verifier must notice.
import { X509Certificate, createPublicKey, sign as nodeSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText } from '../findings/fix';
import { inspectInput } from '../inspect';
import type { Finding, InspectedMessage, SignatureReport } from '../types';
import { parseXmlSafely } from '../xml/parse';
import { NS, descendants } from '../xml/dom';
import { canonicalizeToBytes } from './c14n/index';
import { MAX_CERTIFICATES_PER_KEYINFO, MAX_SIGNATURES_PER_DOCUMENT, MAX_TRANSFORMS_PER_REFERENCE } from '../limits';
import { ANY_ISSUER_REASON } from '../trust/anchor-scope';
import { IDP_A, IDP_B, certBase64, entityDescriptor, signedResponse } from './testing/federation.testutil';
import { DSIG, NS_A, NS_P, type KeyPair, URI, makeKey, responseTemplate, xmlsecSign, xmlsecVerify } from './testing/xmlsec.testutil';

const AT = new Date('2030-01-01T00:01:00Z');
const WHERE = 'Signature 1 (on Assertion ID="_assertion1")';
let idp: KeyPair;
let other: KeyPair;
/** Response with a signed assertion (the signature carries its certificate in KeyInfo). */
let signed: string;
/** The same with the Response signed too (signature 1 on the Response, 2 on the assertion). */
let both: string;

beforeAll(() => {
  idp = makeKey('verify-details-idp', 'rsa2048');
  other = makeKey('verify-details-other', 'rsa2048');
  const opts = { c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed' as const, pretty: false, signResponse: false, signAssertion: true };
  signed = xmlsecSign(responseTemplate(opts), idp);
  both = xmlsecSign(responseTemplate({ ...opts, signResponse: true }), idp);
});

async function inspect(xml: string, trust: string[] = [idp.certPem], at = AT): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'verify.details', { trust, at });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}
const sig = (m: InspectedMessage, i = 0): SignatureReport => m.signatures[i]!;
const ofCode = (m: InspectedMessage, code: string): Finding[] => m.findings.filter((f) => f.code === code);
const one = (m: InspectedMessage, code: string): Finding => {
  const f = ofCode(m, code);
  expect(f, `${code} in ${m.findings.map((x) => x.code).join(', ')}`).toHaveLength(1);
  return f[0]!;
};
/**
 * Sign the first SignedInfo again as it now stands, with `key`: for SignedInfo shapes xmlsec1
 * refuses to sign (no Reference at all). Canonicalized by our C14N, which the xmlsec1 and
 * xmllint corpora check.
 */
function resignSignedInfo(xml: string, key: KeyPair): string {
  const doc = parseXmlSafely(xml);
  if (!doc.ok) throw new Error(doc.error.message);
  const c14n = canonicalizeToBytes(descendants(doc.value, NS.dsig, 'SignedInfo')[0]!, { algorithm: URI.exc });
  if (!c14n.ok) throw new Error(c14n.error.message);
  const value = nodeSign('sha256', c14n.value, readFileSync(key.key, 'utf8')).toString('base64');
  return xml.replace(/<ds:SignatureValue>[\s\S]*?<\/ds:SignatureValue>/, `<ds:SignatureValue>${value}</ds:SignatureValue>`);
}
const signatureOf = (xml: string) => /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(xml)![0];
const certificateOf = (xml: string) => /<ds:X509Certificate>[\s\S]*?<\/ds:X509Certificate>/.exec(xml)![0];

describe('a signature that cannot be read', () => {
  it('no SignedInfo', async () => {
    const m = await inspect(signed.replace(/<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/, ''));
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The Signature has no SignedInfo element.']);
    // Nothing computed, nothing named.
    expect(sig(m)).toMatchObject({ references: [], anchorDecisions: [], signedInfoCanonical: null, key: { source: 'none', sha256Fingerprint: null } });
    expect(m.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['signature-invalid']);
    const f = one(m, 'signature-invalid');
    expect(f).toMatchObject({ severity: 'error', title: 'Malformed signature', explanation: `${WHERE} has no ds:SignedInfo, so nothing can be verified.`, fix: 'The signature was damaged or hand-edited; have the sender re-sign the message.' });
    expect(m.trusted).toBe(false);
  });

  it('a malformed assertion signature inside a valid Response signature: the Response signature decides, trusted', async () => {
    const template = responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: true, signAssertion: true });
    const inner = template.indexOf('<ds:Signature', template.indexOf('<saml:Assertion'));
    const broken = template.slice(0, inner) + template.slice(inner).replace(/<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>/, '').replace(/<ds:SignatureValue>\s*<\/ds:SignatureValue>/, '<ds:SignatureValue>AAAA</ds:SignatureValue>');
    const m = await inspect(xmlsecSign(broken, idp));
    expect(m.signatures.map((x) => [x.target, x.verdict])).toEqual([['Response', 'valid'], ['Assertion', 'invalid']]);
    expect(m.signatures[1]!.reason).toBe('The Signature has no SignedInfo element.');
    // The IdP signed the Response with the broken signature inside it: nothing changed after signing.
    expect(m.trusted).toBe(true);
  });

  it('no SignatureMethod or CanonicalizationMethod algorithm', async () => {
    for (const [element, name] of [['SignatureMethod', 'SignatureMethod'], ['CanonicalizationMethod', 'CanonicalizationMethod']]) {
      const m = await inspect(signed.replace(new RegExp(`<ds:${element} Algorithm="[^"]*"/>`), `<ds:${element}/>`));
      const reason = `The signature is malformed: SignedInfo has no ${name} algorithm.`;
      expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', reason]);
      expect(one(m, 'signature-invalid')).toMatchObject({ title: 'Malformed signature', explanation: `${WHERE}: ${reason}`, references: ['XML-DSig §4.3'] });
    }
  });

  it('no Reference: covers nothing', async () => {
    const m = await inspect(signed.replace(/<ds:Reference [\s\S]*<\/ds:Reference>/, ''));
    expect(sig(m).verdict).toBe('invalid');
    expect(sig(m).references).toEqual([]);
    const f = ofCode(m, 'signature-invalid').find((x) => x.title === 'Signature without reference')!;
    expect(f).toMatchObject({ severity: 'error', explanation: `${WHERE} signs no Reference, so it covers nothing.`, fix: 'Reject the message; a signature must reference the element it protects.', references: ['SAML core §5.4.2'] });
  });

  it('no Reference, and SignedInfo signed by the trusted key: authentic, but it covers nothing', async () => {
    const m = await inspect(resignSignedInfo(signed.replace(/<ds:Reference [\s\S]*<\/ds:Reference>/, ''), idp));
    // The key verifies (the key is named), but nothing was changed: the reason must not say so.
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'SignedInfo is authentic (signed by CN=verify-details-idp.samlscope.test), but it signs no Reference, so it covers nothing.']);
    expect(sig(m).key.source).toBe('cert');
    expect(ofCode(m, 'signature-invalid').map((f) => f.title)).toEqual(['Signature without reference']);
    expect(m.trusted).toBe(false);
  });
});

describe('unsupported algorithms and transforms: unsupported, with the reason', () => {
  const unsupported = async (xml: string, why: string) => {
    const m = await inspect(xml);
    expect([sig(m).verdict, sig(m).reason]).toEqual(['unsupported', why]);
    const f = one(m, 'unsupported-algorithm');
    expect(f).toMatchObject({ severity: 'error', title: 'Unsupported signature algorithm or transform', explanation: `${WHERE}: ${why} samlscope reports this instead of guessing; a relying party that does not support it either will reject the message.`, references: ['XML-DSig §6'] });
    expect(f.fix).toContain('RSA-SHA256');
    expect(m.trusted).toBe(false);
    return m;
  };

  it('canonicalization, signature algorithm, transform, digest', async () => {
    await unsupported(signed.replace(`<ds:CanonicalizationMethod Algorithm="${URI.exc}"/>`, '<ds:CanonicalizationMethod Algorithm="urn:example:c14n"/>'), 'Canonicalization urn:example:c14n is not supported.');
    await unsupported(signed.replace(URI.rsa('sha256'), 'urn:example:sig'), 'Signature algorithm urn:example:sig is not supported.');
    await unsupported(signed.replace(`<ds:Transform Algorithm="${URI.exc}"`, '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"'), 'Transform http://www.w3.org/TR/1999/REC-xpath-19991116 is not supported (only enveloped-signature and the C14N 1.0 / exclusive C14N transforms are).');
    await unsupported(signed.replace(`<ds:Transform Algorithm="${URI.exc}"`, '<ds:Transform'), 'Transform (no Algorithm) is not supported (only enveloped-signature and the C14N 1.0 / exclusive C14N transforms are).');
    await unsupported(signed.replace(`<ds:DigestMethod Algorithm="${URI.sha256}"/>`, '<ds:DigestMethod Algorithm="urn:example:digest"/>'), 'Digest algorithm urn:example:digest is not supported.');
    await unsupported(signed.replace(`<ds:DigestMethod Algorithm="${URI.sha256}"/>`, '<ds:DigestMethod/>'), 'Digest algorithm (none) is not supported.');
  });

  it('a Reference its canonicalization refuses (C14N 1.1 under xml:base): unsupported, before any key is trusted', async () => {
    const c14n11 = signed.replace(`<ds:Transform Algorithm="${URI.exc}"`, '<ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"').replace(/<samlp:Response /, '<samlp:Response xml:base="https://idp.example.org/" ');
    expect(c14n11).toContain('xml:base');
    const m = await unsupported(c14n11, 'Canonical XML 1.1 of a document subset whose apex or ancestors carry xml:base (xml:base fixup) is not supported.');
    expect(sig(m).references[0]!.computedDigest).toBeNull();
  });

  it('references that are not same-document IDs', async () => {
    for (const uri of ['https://example.com/a.xml', '#a(b)', '#', "#xpointer(id('x')", 'x']) {
      await unsupported(signed.replace('URI="#_assertion1"', `URI="${uri}"`), `Reference URI ${JSON.stringify(uri)} is not a same-document ID reference; external and XPointer references are not followed.`);
    }
  });
});

describe('resource limits (docs/limits.md)', () => {
  it(`more than ${MAX_CERTIFICATES_PER_KEYINFO} certificates in KeyInfo: not verified; ${MAX_CERTIFICATES_PER_KEYINFO} are read`, async () => {
    const cert = certificateOf(signed);
    const withCerts = (n: number) => signed.replace(cert, cert.repeat(n));
    const over = await inspect(withCerts(MAX_CERTIFICATES_PER_KEYINFO + 1));
    const why = `its KeyInfo holds ${MAX_CERTIFICATES_PER_KEYINFO + 1} certificates; samlscope reads at most ${MAX_CERTIFICATES_PER_KEYINFO}.`;
    expect([sig(over).verdict, sig(over).reason]).toEqual(['unsupported', `Not verified: ${why}`]);
    const f = one(over, 'signature-limit-exceeded');
    expect(f).toMatchObject({ severity: 'error', title: 'Signature over a resource limit', references: ['XML-DSig Best Practices §2.1 (W3C Note 2013)'] });
    expect(f.explanation).toBe(`${WHERE}: ${why} What lies past the limit is not computed, so the signature cannot be valid. No legitimate SAML message comes near these limits; this shape is how a hostile message makes a verifier do unbounded work.`);
    // Issue 14: no file name on the page.
    expect(f.fix).toBe('Reject the message. If a real system produced it, report the limit named above together with the message.');
    expect(over.trusted).toBe(false);
    const at = await inspect(withCerts(MAX_CERTIFICATES_PER_KEYINFO));
    expect(sig(at).verdict).toBe('valid');
    expect(sig(at).keyInfoCertificates).toHaveLength(MAX_CERTIFICATES_PER_KEYINFO);
    expect(sig(at).keyInfoCertificates[0]!.subject).toContain('verify-details-idp');
    expect(at.trusted).toBe(true);
  });

  it(`more than ${MAX_TRANSFORMS_PER_REFERENCE} Transforms in a Reference: not verified; the first ${MAX_TRANSFORMS_PER_REFERENCE} are shown`, async () => {
    const enveloped = `<ds:Transform Algorithm="${DSIG}enveloped-signature"/>`;
    const withTransforms = (n: number) => signed.replace(enveloped, enveloped.repeat(n - 1));
    const over = await inspect(withTransforms(MAX_TRANSFORMS_PER_REFERENCE + 1));
    expect([sig(over).verdict, sig(over).reason]).toEqual(['unsupported', `Not verified: Reference "#_assertion1" has ${MAX_TRANSFORMS_PER_REFERENCE + 1} Transforms; samlscope computes at most ${MAX_TRANSFORMS_PER_REFERENCE} per Reference.`]);
    expect(sig(over).references[0]!.transforms).toHaveLength(MAX_TRANSFORMS_PER_REFERENCE);
    expect(sig(over).references[0]!.computedDigest).toBeNull();
    expect(one(over, 'signature-limit-exceeded').explanation).toContain(`${WHERE}: Reference "#_assertion1" has ${MAX_TRANSFORMS_PER_REFERENCE + 1} Transforms`);
    // At the limit the Reference is computed (SignedInfo changed, so the value no longer verifies).
    const at = await inspect(withTransforms(MAX_TRANSFORMS_PER_REFERENCE));
    expect(sig(at).verdict).toBe('invalid');
    expect(sig(at).references[0]!.transforms).toHaveLength(MAX_TRANSFORMS_PER_REFERENCE);
    expect(ofCode(at, 'signature-limit-exceeded')).toEqual([]);
  });

  it(`more than ${MAX_SIGNATURES_PER_DOCUMENT} Signatures: the count of those not reported`, async () => {
    const s = signatureOf(signed);
    const m = await inspect(signed.replace('<samlp:Status>', `<samlp:Extensions>${s.repeat(MAX_SIGNATURES_PER_DOCUMENT + 2)}</samlp:Extensions><samlp:Status>`));
    expect(m.signatures).toHaveLength(MAX_SIGNATURES_PER_DOCUMENT);
    const f = ofCode(m, 'signature-limit-exceeded').find((x) => x.explanation.startsWith('The document holds'))!;
    expect(f.explanation).toContain(`The document holds ${MAX_SIGNATURES_PER_DOCUMENT + 3} Signatures; samlscope verifies at most ${MAX_SIGNATURES_PER_DOCUMENT} per document, so the last 3 are not reported.`);
    // Exactly at the limit: all reported, no document-level finding.
    const at = await inspect(signed.replace('<samlp:Status>', `<samlp:Extensions>${s.repeat(MAX_SIGNATURES_PER_DOCUMENT - 1)}</samlp:Extensions><samlp:Status>`));
    expect(at.signatures).toHaveLength(MAX_SIGNATURES_PER_DOCUMENT);
    expect(ofCode(at, 'signature-limit-exceeded').filter((x) => x.explanation.startsWith('The document holds'))).toEqual([]);
  });
});

describe('algorithm warnings', () => {
  it('non-standard identifiers are named (and xmlsec1 rejects them)', async () => {
    const sigAlias = 'http://www.w3.org/2000/09/xmldsig#rsa-sha256';
    const digestAlias = 'http://www.w3.org/2001/04/xmldsig-more#sha256';
    const m = await inspect(xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp).replace(URI.rsa('sha256'), sigAlias).replace(URI.sha256, digestAlias));
    const f = one(m, 'non-standard-algorithm');
    expect(f).toMatchObject({ severity: 'warning', title: 'Non-standard algorithm identifier', references: ['RFC 6931'] });
    expect(f.explanation).toBe(`${WHERE} uses ${sigAlias}, ${digestAlias}, which no specification defines (RFC 6931 lists the standard URIs). samlscope reads the hash it obviously means; strict verifiers such as xmlsec1 reject it.`);
    expect(f.fix).toContain('RFC 6931');
    expect(ofCode(m, 'weak-algorithm')).toEqual([]);
    expect(ofCode(await inspect(signed), 'non-standard-algorithm')).toEqual([]);
  });

  it('SHA-1 anywhere (signature or digest) is a warning naming every algorithm', async () => {
    const sha1Digest = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha1, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp);
    const m = await inspect(sha1Digest);
    expect(sig(m).verdict).toBe('valid');
    const f = one(m, 'weak-algorithm');
    expect(f).toMatchObject({ severity: 'warning', title: 'SHA-1 in a signature', references: ['RFC 6931', 'NIST SP 800-131A'] });
    expect(f.explanation).toBe(`${WHERE} uses SHA-1 (rsa-sha256, sha1). SHA-1 collisions are practical; many SPs refuse SHA-1 signatures.`);
    expect(f.fix).toContain('RSA-SHA256');
    const sha1Signature = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha1'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp);
    expect(one(await inspect(sha1Signature), 'weak-algorithm').explanation).toContain('uses SHA-1 (rsa-sha1, sha256).');
    expect(ofCode(await inspect(signed), 'weak-algorithm')).toEqual([]);
  });
});

describe('references that do not resolve to one element', () => {
  it('no element with the ID', async () => {
    const m = await inspect(signed.replace('URI="#_assertion1"', 'URI="#_nowhere"'));
    expect(sig(m).verdict).toBe('invalid');
    const f = ofCode(m, 'signature-invalid').find((x) => x.title === 'Signature reference does not resolve')!;
    expect(f).toMatchObject({ severity: 'error', explanation: `${WHERE}: Reference #_nowhere points to no element: no element has ID="_nowhere".`, references: ['SAML core §5.4.2', 'XML-DSig §4.3.3'] });
    expect(f.fix).toContain('cannot be identified uniquely');
    expect(sig(m).references[0]!.resolvedTo).toBeNull();
    expect(m.trusted).toBe(false);
  });

  it('two elements with the ID: ambiguous, a duplicate-id error per cause', async () => {
    const m = await inspect(signed.replace('<samlp:Status>', '<samlp:Extensions><x:Other xmlns:x="urn:x" ID="_assertion1"/></samlp:Extensions><samlp:Status>'));
    const dup = ofCode(m, 'duplicate-id');
    expect(dup.map((f) => f.title)).toEqual(['Duplicate ID', 'Signature reference is ambiguous (duplicate ID)']);
    expect(dup[0]!.explanation).toBe('2 elements (Other, Assertion) have ID="_assertion1". IDs must be unique (SAML core §1.3.4); duplicates let an attacker make a verifier check one element while the application reads another.');
    expect(dup[0]!.references).toEqual(['SAML core §1.3.4', 'XML-DSig §4.3.3.2']);
    expect(dup[0]!.fix).toBe('Reject the message. A legitimate IdP never emits duplicate IDs.');
    expect(dup[1]!.explanation).toBe(`${WHERE}: Reference #_assertion1 is ambiguous: 2 elements have ID="_assertion1".`);
    // The signature still checks out with the key: its SignedInfo is authentic, its reference is not unique.
    expect(sig(m).reason).toMatch(/^SignedInfo is authentic \(signed by .*verify-details-idp.*\), but a reference does not resolve to a unique element: the signed content was changed\.$/);
    expect(m.trusted).toBe(false);
  });

  it('XPointer forms: the whole document and an ID', async () => {
    const byId = await inspect(signed.replace('URI="#_assertion1"', 'URI="#xpointer(id(\'_assertion1\'))"'));
    expect(sig(byId).references[0]!.resolvedTo).toEqual({ id: '_assertion1', localName: 'Assertion' });
    const whole = await inspect(signed.replace('URI="#_assertion1"', 'URI="#xpointer(/)"'));
    expect(sig(whole).references[0]!.resolvedTo).toEqual({ id: '_response1', localName: 'Response' });
    const empty = await inspect(signed.replace('URI="#_assertion1"', 'URI=""'));
    expect(sig(empty).references[0]!.resolvedTo).toEqual({ id: '_response1', localName: 'Response' });
  });
});

describe('the signature value and the keys', () => {
  it('valid with a bare certificate: the reason names the anchor and its scope', async () => {
    const m = await inspect(signed);
    expect(sig(m).verdict).toBe('valid');
    expect(sig(m).reason).toBe(`All 1 reference digest(s) match and the signature verifies with ${sig(m).key.anchor}, ${ANY_ISSUER_REASON}`);
    expect(sig(m).key.source).toBe('cert');
    expect(sig(m).references[0]!.digestValid).toBe(true);
    expect(sig(m).references[0]!.canonicalForm).toContain('<saml:Assertion');
    expect(sig(m).signedInfoCanonical).toMatch(/^<ds:SignedInfo xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/);
    expect(m.trusted).toBe(true);
    expect(xmlsecVerify(signed, idp.cert)).toBe(true);
  });

  it('the report of a valid signature, field by field (what the JSON report and the page show)', async () => {
    const m = await inspect(signed);
    const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;
    const s = sig(m);
    expect(s).toMatchObject({
      target: 'Assertion', targetId: '_assertion1', index: 1,
      signatureAlgorithm: URI.rsa('sha256'), canonicalization: URI.exc, verdict: 'valid',
      key: { source: 'cert', sha256Fingerprint: fingerprint(idp.certPem), subject: 'CN=verify-details-idp.samlscope.test', scope: 'any-issuer', bindings: [] },
      claimedSigner: { element: 'Assertion', roles: ['IDPSSODescriptor'] },
    });
    expect(s.references).toHaveLength(1);
    expect(s.references[0]).toMatchObject({ uri: '#_assertion1', digestAlgorithm: URI.sha256, digestValid: true, resolvedTo: { id: '_assertion1', localName: 'Assertion' } });
    expect(s.references[0]!.computedDigest).toBe(s.references[0]!.expectedDigest);
    expect(s.anchorDecisions).toEqual([expect.objectContaining({ accepted: true, code: null, scope: 'any-issuer' })]);
    // The certificate the signature carries, summarised where it was found.
    expect(s.keyInfoCertificates).toEqual([expect.objectContaining({ subject: 'CN=verify-details-idp.samlscope.test', sha256Fingerprint: fingerprint(idp.certPem), foundIn: 'KeyInfo of signature 1' })]);
    // The Response signature of `both` is the first in document order.
    expect((await inspect(both)).signatures.map((x) => [x.index, x.target, x.targetId])).toEqual([[1, 'Response', '_response1'], [2, 'Assertion', '_assertion1']]);
  });

  it('an unreadable certificate in KeyInfo is not listed, and no key is named when none verifies', async () => {
    const m = await inspect(signed.replace(/<ds:X509Certificate>[\s\S]*?<\/ds:X509Certificate>/, '<ds:X509Certificate>AAAA</ds:X509Certificate>'), [other.certPem]);
    expect(sig(m).keyInfoCertificates).toEqual([]);
    expect(sig(m).verdict).toBe('invalid');
    expect(sig(m).key).toEqual({ source: 'none', sha256Fingerprint: null, subject: null, anchor: null });
    expect(sig(m).anchorDecisions).toEqual([]);
    expect(sig(m).reason).toBe('The SignatureValue does not verify with any of the 1 trusted key(s).');
  });

  it('a signature on an element without ID, over the whole document: named without ID', async () => {
    const m = await inspect(signed.replace('URI="#_assertion1"', 'URI=""').replace(' ID="_assertion1"', ''));
    expect(sig(m)).toMatchObject({ target: 'Assertion', targetId: null });
    expect(sig(m).references[0]!.resolvedTo).toEqual({ id: '_response1', localName: 'Response' });
    // The digest covers the whole document as it is now: the removed ID changed it.
    expect(one(m, 'digest-mismatch').explanation).toMatch(/^Signature 1 \(on Assertion\), reference "": the digest of the canonicalized Response is /);
  });

  it('nothing trusted and a KeyInfo certificate of another key: invalid, naming both', async () => {
    const m = await inspect(signed.replace(certificateOf(signed), `<ds:X509Certificate>${certBase64(other)}</ds:X509Certificate>`), []);
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The SignatureValue does not verify with the trust you gave (none) nor with the certificate in KeyInfo.']);
    expect(one(m, 'signature-invalid').explanation).toMatch(/ Trusted keys: none\.$/);
    expect(ofCode(m, 'signature-no-trust-anchor')).toEqual([]);
  });

  it('a bare RSAKeyValue in KeyInfo that verifies: untrusted, named as such', async () => {
    const jwk = createPublicKey(idp.certPem).export({ format: 'jwk' });
    const b64 = (u: string) => Buffer.from(u, 'base64url').toString('base64');
    const keyValue = `<ds:KeyValue><ds:RSAKeyValue><ds:Modulus>${b64(jwk.n!)}</ds:Modulus><ds:Exponent>${b64(jwk.e!)}</ds:Exponent></ds:RSAKeyValue></ds:KeyValue>`;
    const m = await inspect(signed.replace(/<ds:X509Data>[\s\S]*?<\/ds:X509Data>/, keyValue), []);
    expect(sig(m).verdict).toBe('untrusted');
    expect(sig(m).key).toEqual({ source: 'keyinfo', sha256Fingerprint: null, subject: 'RSAKeyValue in KeyInfo', anchor: null });
    expect(sig(m).reason).toBe('Mathematically correct with the certificate embedded in KeyInfo, RSAKeyValue in KeyInfo (SHA-256 n/a); nothing trusted was given, and an embedded certificate proves nothing on its own.');
    // Another key's RSAKeyValue does not verify: invalid, as with a certificate (not "nothing to verify against").
    const otherJwk = createPublicKey(other.certPem).export({ format: 'jwk' });
    const wrong = await inspect(signed.replace(/<ds:X509Data>[\s\S]*?<\/ds:X509Data>/, keyValue.replace(b64(jwk.n!), b64(otherJwk.n!))), []);
    expect([wrong.signatures[0]!.verdict, wrong.signatures[0]!.reason]).toEqual(['invalid', 'The SignatureValue does not verify with the trust you gave (none) nor with the RSAKeyValue in KeyInfo.']);
  });

  it('SignatureValue that is not base64', async () => {
    const m = await inspect(signed.replace(/<ds:SignatureValue>[^<]*</, '<ds:SignatureValue>%%%<'));
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The SignatureValue is not valid base64.']);
    const f = one(m, 'signature-invalid');
    expect(f.title).toBe('Signature value does not verify');
    // The one Reference digested for the diagnosis matches: SignedInfo or the key is at fault.
    expect(f.explanation).toContain(`${WHERE}: The SignatureValue is not valid base64. The digests checked match, so SignedInfo itself was modified, or it was signed by a key you do not have. Trusted keys: `);
    expect(f.references).toEqual(['XML-DSig §3.2.2']);
    expect(f.fix).toContain('current one of this IdP');
  });

  it('another trusted key, and the certificate in KeyInfo not trusted: untrusted key', async () => {
    const m = await inspect(signed, [other.certPem]);
    expect(sig(m).verdict).toBe('untrusted');
    expect(sig(m).key.source).toBe('keyinfo');
    expect(sig(m).reason).toMatch(/^Signed by CN=verify-details-idp\.samlscope\.test \(SHA-256 [0-9A-F:]+, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\), which is not among your trusted keys \(.+: CN=verify-details-other\.samlscope\.test \(SHA-256 [0-9A-F:]+\)\)\.$/);
    const f = one(m, 'signature-untrusted-key');
    expect(f).toMatchObject({ severity: 'error', title: 'Signed with a key you do not trust', references: ['SAML metadata §2.4.1.1'] });
    expect(f.explanation).toMatch(/^Signature 1 \(on Assertion ID="_assertion1"\) verifies, but with the certificate embedded in the message: CN=verify-details-idp.*\. The trusted keys are: .*verify-details-other.*\. If the IdP rotated/);
    expect(f.fix).toContain('legitimate rollover');
    expect(m.trusted).toBe(false);
  });

  it('nothing trusted, a certificate in KeyInfo: checked only against it', async () => {
    const m = await inspect(signed, []);
    expect(sig(m).verdict).toBe('untrusted');
    expect(sig(m).reason).toMatch(/^Mathematically correct with the certificate embedded in KeyInfo, CN=verify-details-idp\.samlscope\.test \(SHA-256 [0-9A-F:]+, valid [-\d]+ to [-\d]+\); nothing trusted was given, and an embedded certificate proves nothing on its own\.$/);
    const f = ofCode(m, 'signature-no-trust-anchor').find((x) => x.title === 'Signature checked only against its own embedded certificate')!;
    expect(f.severity).toBe('info');
    expect(f.explanation).toMatch(/^Signature 1 \(on Assertion ID="_assertion1"\) verifies with the certificate inside the message \(CN=verify-details-idp.*\), but anyone can embed a certificate/);
    expect(f.references).toEqual(['SAML metadata §2.4.1.1']);
  });

  it('nothing trusted and no certificate: nothing to verify against', async () => {
    const m = await inspect(signed.replace(certificateOf(signed), ''), []);
    expect([sig(m).verdict, sig(m).reason]).toEqual(['untrusted', 'No key to verify with: nothing trusted was given and the signature carries no certificate.']);
    const f = ofCode(m, 'signature-no-trust-anchor').find((x) => x.title === 'Nothing to verify the signature against')!;
    expect(f).toMatchObject({ severity: 'info', explanation: `${WHERE} carries no certificate and no trusted metadata or certificate was given; its signature value cannot be checked.` });
    // Issue 14: the CLI names its flags, the page its trust field.
    expect(fixText(f, 'cli')).toContain('--metadata or --cert');
    expect(fixText(f, 'page')).toContain('Paste it into the trust field.');
    expect(fixText(f, 'page')).not.toContain('--');
    expect(ofCode(m, 'signature-invalid')).toEqual([]);
  });

  it('another trusted key and no certificate: does not verify, the trusted keys listed', async () => {
    const m = await inspect(signed.replace(certificateOf(signed), ''), [other.certPem]);
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The SignatureValue does not verify with any of the 1 trusted key(s).']);
    expect(one(m, 'signature-invalid').explanation).toMatch(/^Signature 1 \(on Assertion ID="_assertion1"\): The SignatureValue does not verify with any of the 1 trusted key\(s\)\. The digests checked match, so SignedInfo itself was modified, or it was signed by a key you do not have\. Trusted keys: .+: CN=verify-details-other\.samlscope\.test \(SHA-256 [0-9A-F:]+\)\.$/);
  });

  it('a SignedInfo no key verifies, with the certificate: both named', async () => {
    const m = await inspect(signed.replace('<ds:DigestValue>', '<ds:DigestValue> '), [other.certPem]);
    expect(sig(m).reason).toBe('The SignatureValue does not verify with any of the 1 trusted key(s) nor with the certificate in KeyInfo.');
  });

  it('the content changed: digests do not match, and SignedInfo is authentic', async () => {
    const m = await inspect(signed.replace('admins', 'admin5'));
    expect(sig(m).verdict).toBe('invalid');
    expect(sig(m).reason).toMatch(/^SignedInfo is authentic \(signed by CN=verify-details-idp\.samlscope\.test\), but a reference digest does not match: the signed content was changed\.$/);
    const f = one(m, 'digest-mismatch');
    const r = sig(m).references[0]!;
    expect(f).toMatchObject({ severity: 'error', title: 'Digest mismatch: the signed content was changed', references: ['XML-DSig §3.2.1'] });
    expect(f.explanation).toBe(`${WHERE}, reference #_assertion1: the digest of the canonicalized Assertion is ${r.computedDigest}, the signature expects ${r.expectedDigest}. The content changed after signing (edited, re-formatted or re-encoded) or is canonicalized differently.`);
    expect(f.fix).toContain('exactly as received');
    expect(r.digestValid).toBe(false);
    expect(m.trusted).toBe(false);
  });

  it('changed content and an unknown key: the digest diagnosis says the content was modified too', async () => {
    const m = await inspect(signed.replace('admins', 'admin5').replace(certificateOf(signed), ''), [other.certPem]);
    expect(one(m, 'signature-invalid').explanation).toContain('The SignatureValue does not verify with any of the 1 trusted key(s). Its digests do not match either: the content was modified. Trusted keys: ');
  });

  it('an unverified SignedInfo: only the first Reference is digested, the rest counted', async () => {
    const ref = /<ds:Reference [\s\S]*<\/ds:Reference>/.exec(signed)![0];
    const m = await inspect(signed.replace(ref, ref + ref.replace('#_assertion1', '#_response1') + ref).replace(certificateOf(signed), ''), [other.certPem]);
    expect(sig(m).references.map((r) => r.computedDigest !== null)).toEqual([true, false, false]);
    expect(sig(m).reason).toBe('The SignatureValue does not verify with any of the 1 trusted key(s). 2 Reference(s) were not digested: nothing in an unverified SignedInfo is worth the work.');
    // An unresolvable first Reference is not the one digested.
    const m2 = await inspect(signed.replace(ref, ref.replace('#_assertion1', '#_none') + ref).replace(certificateOf(signed), ''), [other.certPem]);
    expect(sig(m2).references.map((r) => r.computedDigest !== null)).toEqual([false, true]);
    expect(sig(m2).reason).toBe('The SignatureValue does not verify with any of the 1 trusted key(s).');
  });

  it('an expired signing certificate: a warning with both dates', async () => {
    const at = new Date('2040-01-01T00:00:00Z');
    const m = await inspect(signed, [idp.certPem], at);
    expect(sig(m).verdict).toBe('valid');
    const f = one(m, 'cert-expired');
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('Signing certificate expired');
    expect(f.explanation).toMatch(/^Signature 1 \(on Assertion ID="_assertion1"\) is signed with .+, whose certificate expired on \d{4}-\d\d-\d\dT[\d:.]+Z \(evaluated at 2040-01-01T00:00:00\.000Z\)\. Most SPs ignore/);
    expect(f.fix).toContain('Rotate the IdP signing certificate');
    expect(ofCode(await inspect(signed), 'cert-expired')).toEqual([]);
  });
});

describe('what the relying party consumes', () => {
  it('a signature whose reference is not its parent: wrapping, naming what it covers', async () => {
    // The assertion's signature moved into the Response: it sits in the Response but covers the assertion.
    const s = signatureOf(signed);
    const m = await inspect(signed.replace(s, '').replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${s}<samlp:Status>`));
    const f = ofCode(m, 'signature-wrapping').find((x) => x.title === 'Signature covers another element than its parent')!;
    expect(f.explanation).toBe('Signature 1 sits in Response ID="_response1" but its reference resolves to Assertion ID="_assertion1". An enveloped SAML signature must reference its own parent (SAML core §5.4.2); anything else is how XML signature wrapping smuggles unsigned content past a verifier.');
    expect(f.references).toEqual(['SAML core §5.4.2', 'On Breaking SAML (USENIX Security 2012)']);
    expect(f.fix).toContain('Reject the message.');
  });

  it('the consumed assertion unsigned beside a signed hidden one: the consumed content is unsigned', async () => {
    const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
    const forged = assertion.replace(signatureOf(signed), '').replace('ID="_assertion1"', 'ID="_forged"');
    const m = await inspect(signed.replace(assertion, `${forged}<samlp:Extensions>${assertion}</samlp:Extensions>`));
    expect(sig(m).verdict).toBe('valid');
    const f = ofCode(m, 'signature-wrapping').find((x) => x.title === 'The signed element is not the one a relying party reads')!;
    expect(f.explanation).toBe('A relying party consumes Assertion ID="_forged", but the signature(s) that check out cover Assertion ID="_assertion1". The consumed content is unsigned: this is the shape of an XML signature wrapping attack.');
    expect(f.references).toEqual(['On Breaking SAML (USENIX Security 2012)', 'SAML core §5.4.2']);
    const extra = one(m, 'multiple-assertions');
    expect(extra).toMatchObject({ severity: 'warning', title: 'Assertion in an unexpected place', explanation: 'Besides the assertion a relying party reads, the message contains 1 more inside Extensions. Hidden assertions are the raw material of signature wrapping.' });
    expect(m.trusted).toBe(false);
  });

  it('two direct assertions: an error; an assertion inside Advice: nothing', async () => {
    const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
    const m = await inspect(signed.replace(assertion, `${assertion}${assertion.replace(signatureOf(signed), '').replace('ID="_assertion1"', 'ID="_second"')}`));
    const f = one(m, 'multiple-assertions');
    expect(f).toMatchObject({ severity: 'error', title: 'More than one assertion', explanation: 'The Response holds 2 assertions. SAML allows it, but almost no SP expects it, and libraries differ on which one they read — a wrapping vector.', references: ['SAML profiles §4.1.4.2'] });
    const advised = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }).replace('<saml:Subject>', '<saml:Advice><saml:Assertion ID="_advice" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer></saml:Assertion></saml:Advice><saml:Subject>'), idp);
    const a = await inspect(advised);
    expect(ofCode(a, 'multiple-assertions')).toEqual([]);
    expect(a.trusted).toBe(true);
  });

  it('the Response signature decides when both are signed', async () => {
    const m = await inspect(both);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Response:valid', 'Assertion:valid']);
    expect(m.trusted).toBe(true);
    // A broken assertion signature inside a valid Response signature: still trusted (the IdP sent it so).
    expect(xmlsecVerify(both, idp.cert, 1)).toBe(true);
  });

  it('no signature at all: an error for a Response, info for other messages', async () => {
    const unsigned = signed.replace(signatureOf(signed), '');
    const f = one(await inspect(unsigned), 'signature-missing');
    expect(f).toMatchObject({ severity: 'error', title: 'No XML signature', references: ['SAML profiles §4.1.3.5'] });
    expect(f.explanation).toBe('Neither the Response nor its assertion is signed: anyone could have written it. SAML profiles §4.1.3.5 require the assertion (or the Response) to be signed for the POST binding.');
    // Issue 14: profile-neutral (the authentik profiles name their settings).
    expect(f.fix).toContain('Enable signing at the IdP');
    expect(f.fix).not.toContain('authentik');
    const request = `<samlp:AuthnRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_r1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://sp.example.com/</saml:Issuer></samlp:AuthnRequest>`;
    const r = one(await inspect(request), 'signature-missing');
    expect(r.severity).toBe('info');
    expect(r.explanation).toBe('This AuthnRequest carries no XML signature (with the Redirect binding the signature travels in the query string instead).');
    expect(r.fix).toBe('Sign it if the receiving party requires signed messages (metadata: WantAuthnRequestsSigned / AuthnRequestsSigned).');
    const md = one(await inspect('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/"/>'), 'signature-missing');
    expect([md.severity, md.explanation]).toEqual(['info', 'This EntityDescriptor carries no XML signature.']);
  });

  it('an unsigned Response with an encrypted assertion: info, how to decrypt', async () => {
    const xml = `<samlp:Response xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_r" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/</saml:Issuer><saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion></samlp:Response>`;
    const m = await inspect(xml);
    const f = one(m, 'assertion-encrypted');
    expect(f).toMatchObject({ severity: 'info', title: 'Encrypted assertion: its signature cannot be checked here', references: ['SAML core §2.3.4', 'XML Encryption'] });
    expect(fixText(f, 'cli')).toContain('--sp-key');
    expect(fixText(f, 'page')).toContain('"SP private key" field');
    expect(fixText(f, 'page')).not.toContain('--sp-key');
    expect(ofCode(m, 'signature-missing')).toEqual([]);
  });

  it('a comment or split text inside NameID or an attribute value: both readings shown, not trusted', async () => {
    const evil = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true, nameId: 'alice@example.com.evil.example' }), idp);
    const m = await inspect(evil.replace('alice@example.com.evil.example</saml:NameID>', 'alice@example.com<!---->.evil.example</saml:NameID>'));
    expect(sig(m).verdict).toBe('valid');
    const f = one(m, 'nameid-comment');
    expect(f).toMatchObject({ severity: 'error', title: 'Comment or split text inside NameID', references: ['CVE-2018-7340', 'CVE-2017-11427'] });
    expect(f.explanation).toBe('The value of NameID is split by 1 comment(s). Read whole it is "alice@example.com.evil.example"; read as its first text node it is "alice@example.com". The signature covers both readings (canonicalization drops comments), which is exactly the comment-injection attack (CVE-2017-11427/11428/11429, CVE-2018-7340).');
    expect(f.fix).toContain('full text content');
    expect(m.trusted).toBe(false);
    // Text split by CDATA (two text nodes, no comment) in an attribute value: same finding, other wording.
    const split = await inspect(signed.replace('>admins<', '>adm<![CDATA[ins]]><'));
    const g = one(split, 'nameid-comment');
    expect(g.title).toBe('Comment or split text inside AttributeValue');
    expect(g.explanation).toContain('The value of AttributeValue is split by several text nodes. Read whole it is "admins"; read as its first text node it is "adm".');
    expect(split.trusted).toBe(false);
  });
});

describe('keys bound to an entity and role (pasted metadata)', () => {
  it('valid: the reason says for which element the anchor was accepted', async () => {
    const m = await inspect(signedResponse(idp, { signResponse: true }), [entityDescriptor(IDP_A, { idp })]);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(m.signatures[0]!.reason).toMatch(/^All 1 reference digest\(s\) match and the signature verifies with .+, accepted for this Response: .+/);
    expect(m.signatures[0]!.reason).not.toContain(ANY_ISSUER_REASON);
  });

  it('another entity\'s key: the finding names the issuer', async () => {
    const m = await inspect(signedResponse(idp, { signResponse: true }), [entityDescriptor(IDP_B, { idp })]);
    const f = one(m, 'signature-key-wrong-entity');
    expect(f.title).toBe('Signed with another entity\'s key');
    expect(f.explanation).toContain('Any member of a federation holds its own key; accepting it for another entity\'s messages would let every member impersonate every other.');
    expect(f.fix).toBe(`Reject the message unless ${IDP_A} really uses this key; then its own metadata must list it.`);
    expect(f.references).toEqual(['SAML metadata §2.4.1.1', 'SAML profiles §4.1.4.3']);
    expect(m.signatures[0]!.reason).toMatch(/^Mathematically correct with a trusted key, but not one this Response's issuer may use: ./);
  });

  it('the issuer\'s key of another role: wrong role', async () => {
    const m = await inspect(signedResponse(idp, { signResponse: true }), [entityDescriptor(IDP_A, { sp: idp })]);
    const f = one(m, 'signature-key-wrong-role');
    expect(f.title).toBe('Signed with a key of the wrong role');
    expect(f.explanation).toContain('An SP\'s key must not vouch for Responses and assertions, nor an IdP\'s key for AuthnRequests');
    expect(f.fix).toContain('IdP metadata for Responses');
  });
});

describe('exact instants', () => {
  it('a certificate is expired after notAfter, not at it', async () => {
    const notAfter = new Date(new X509Certificate(idp.certPem).validTo);
    expect(ofCode(await inspect(signed, [idp.certPem], notAfter), 'cert-expired')).toEqual([]);
    expect(ofCode(await inspect(signed, [idp.certPem], new Date(notAfter.getTime() + 1000)), 'cert-expired')).toHaveLength(1);
  });

  it('the "digests match" diagnosis only when every reference resolved and matched', async () => {
    const unresolved = await inspect(signed.replace('URI="#_assertion1"', 'URI="#_nowhere"').replace(certificateOf(signed), ''), [other.certPem]);
    const f = ofCode(unresolved, 'signature-invalid').find((x) => x.title === 'Signature value does not verify')!;
    expect(f.explanation).not.toContain('digests');
    const noRef = await inspect(signed.replace(/<ds:Reference [\s\S]*<\/ds:Reference>/, '').replace(certificateOf(signed), ''), [other.certPem]);
    expect(ofCode(noRef, 'signature-invalid').find((x) => x.title === 'Signature value does not verify')!.explanation).not.toContain('digests');
  });
});

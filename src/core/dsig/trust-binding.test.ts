// CONTRACT §2 (last paragraph): a metadata key anchors only its own entity's messages, in the
// role that sends them; and the coverage gate (docs/verification.md). Every message is signed
// at test time by xmlsec1 with openssl-made keys, and each verdict's mathematics is checked
// against `xmlsec1 --verify` with the same key: samlscope may refuse to *trust* a signature
// xmlsec1 verifies, never disagree on whether it verifies.
import { readFileSync, existsSync } from 'node:fs';
import { sign as nodeSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import type { InspectedMessage, InspectReport } from '../types';
import { MAX_REFERENCES_PER_SIGNATURE, MAX_SIGNATURES_PER_DOCUMENT } from '../limits';
import { NS_A, NS_P, XMLSEC1, makeKey, responseTemplate, URI, xmlsecSign, type KeyPair } from './testing/xmlsec.testutil';
import { AT, FEDERATION, IDP_A, IDP_B, NS_MD, SP, aggregate, amplifiedResponse, entityDescriptor, issuerOnlySignedResponse, signedAuthnRequest, signedLogoutRequest, signedResponse, xmlsecVerifyWith } from './testing/federation.testutil';

const RESPONSE_IDS = [`${NS_P}:Response`, `${NS_A}:Assertion`];
let a: KeyPair, b: KeyPair, sp: KeyPair, shared: KeyPair, operator: KeyPair;

beforeAll(() => {
  // An oracle test must fail, not skip, when its oracle is missing.
  expect(existsSync(XMLSEC1), 'xmlsec1 is required').toBe(true);
  a = makeKey('idp-a', 'rsa2048');
  b = makeKey('idp-b', 'rsa2048');
  sp = makeKey('sp', 'rsa2048');
  shared = makeKey('shared', 'rsa2048');
  operator = makeKey('operator', 'rsa2048');
});

async function inspect(xml: string, trust: string[]): Promise<{ report: InspectReport; m: InspectedMessage; codes: string[] }> {
  const report = await inspectInput(xml, 'test', { trust, at: AT });
  expect(report.errors).toEqual([]);
  expect(report.trustErrors).toEqual([]);
  const m = report.messages[0]!;
  return { report, m, codes: m.findings.map((f) => f.code) };
}
const errorsOf = (m: InspectedMessage) => m.findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('federation aggregate with two IdPs', () => {
  const fed = () => aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })]);

  it('a Response from IdP A signed by IdP B\'s key is untrusted: signature-key-wrong-entity', async () => {
    const xml = signedResponse(b, { signAssertion: true });
    // The mathematics is sound: xmlsec1 verifies both signatures with B's certificate, not with A's.
    expect(xmlsecVerifyWith(xml, b.cert, RESPONSE_IDS, 1)).toBe(true);
    expect(xmlsecVerifyWith(xml, b.cert, RESPONSE_IDS, 2)).toBe(true);
    expect(xmlsecVerifyWith(xml, a.cert, RESPONSE_IDS, 1)).toBe(false);
    const { m, codes } = await inspect(xml, [fed()]);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['untrusted', 'untrusted']);
    expect(m.trusted).toBe(false);
    expect(codes).toContain('signature-key-wrong-entity');
    expect(codes).not.toContain('signature-untrusted-key');
    const s = m.signatures[0]!;
    // The reason names the anchor's entity and role, and the Issuer the message claims.
    expect(s.reason).toContain(IDP_B);
    expect(s.reason).toContain('IDPSSODescriptor');
    expect(s.reason).toContain(`claims Issuer ${IDP_A}`);
    expect(s.claimedSigner).toMatchObject({ issuer: IDP_A, roles: ['IDPSSODescriptor'] });
    expect(s.anchorDecisions).toEqual([expect.objectContaining({ accepted: false, code: 'signature-key-wrong-entity', bindings: [{ entityId: IDP_B, role: 'IDPSSODescriptor' }] })]);
  });

  it('the same Response signed by IdP A\'s key is valid and trusted', async () => {
    const xml = signedResponse(a, { signAssertion: true });
    expect(xmlsecVerifyWith(xml, a.cert, RESPONSE_IDS, 1)).toBe(true);
    const { m, codes } = await inspect(xml, [fed()]);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(m.trusted).toBe(true);
    expect(errorsOf(m)).toEqual([]);
    expect(codes).not.toContain('signature-key-wrong-entity');
    expect(m.signatures[0]!.key).toMatchObject({ source: 'metadata', scope: 'entity', bindings: [{ entityId: IDP_A, role: 'IDPSSODescriptor' }] });
  });

  it('every anchor of the aggregate knows its entity and role', async () => {
    const { report } = await inspect(signedResponse(a), [fed()]);
    expect(report.trustAnchors.map((x) => [x.scope, x.bindings])).toEqual([
      ['entity', [{ entityId: IDP_A, role: 'IDPSSODescriptor' }]],
      ['entity', [{ entityId: IDP_B, role: 'IDPSSODescriptor' }]],
    ]);
  });
});

describe('IdP and SP metadata pasted together', () => {
  const trust = () => [entityDescriptor(IDP_A, { idp: a }), entityDescriptor(SP, { sp })];

  it('a Response (issuer IdP A) signed with the SP key is untrusted: wrong entity', async () => {
    const xml = signedResponse(sp);
    expect(xmlsecVerifyWith(xml, sp.cert, RESPONSE_IDS)).toBe(true);
    const { m, codes } = await inspect(xml.replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>'), trust());
    expect(m.signatures[0]!.verdict).toBe('invalid'); // forged NameID: the Response digest breaks
    const clean = await inspect(xml, trust());
    expect(clean.m.signatures[0]!.verdict).toBe('untrusted');
    expect(clean.codes).toContain('signature-key-wrong-entity');
    expect(clean.m.trusted).toBe(false);
    expect(codes).not.toContain('signature-key-wrong-role');
  });

  it('a Response issued by the SP\'s own entityID and signed with its SP key: signature-key-wrong-role', async () => {
    // The attacker holds the SP key and claims the SP entity as issuer: right entity, wrong role.
    const xml = signedResponse(sp, { responseIssuer: SP, assertionIssuer: SP, signAssertion: true });
    expect(xmlsecVerifyWith(xml, sp.cert, RESPONSE_IDS, 1)).toBe(true);
    const { m, codes } = await inspect(xml, trust());
    expect(m.signatures.map((s) => s.verdict)).toEqual(['untrusted', 'untrusted']);
    expect(codes).toContain('signature-key-wrong-role');
    expect(m.trusted).toBe(false);
    expect(m.signatures[0]!.reason).toContain('SPSSODescriptor');
    expect(m.signatures[0]!.reason).toContain(`claims Issuer ${SP}`);
  });

  it('an AuthnRequest from the SP signed with its SP key is valid; with the IdP key it is the wrong entity', async () => {
    const good = signedAuthnRequest(SP, sp);
    expect(xmlsecVerifyWith(good, sp.cert, [`${NS_P}:AuthnRequest`])).toBe(true);
    expect((await inspect(good, trust())).m.signatures[0]!.verdict).toBe('valid');
    const bad = await inspect(signedAuthnRequest(SP, a), trust());
    expect(bad.m.signatures[0]!.verdict).toBe('untrusted');
    expect(bad.codes).toContain('signature-key-wrong-entity');
    expect(bad.m.trusted).toBe(false);
  });

  it('an entity with both roles: its IdP key does not sign its AuthnRequests (wrong role)', async () => {
    const both = entityDescriptor(IDP_A, { idp: a, sp });
    const { m, codes } = await inspect(signedAuthnRequest(IDP_A, a), [both]);
    expect(m.signatures[0]!.verdict).toBe('untrusted');
    expect(codes).toContain('signature-key-wrong-role');
  });

  it('Logout messages: decided by the issuing entity, either role', async () => {
    const fromSp = signedLogoutRequest(SP, sp);
    expect(xmlsecVerifyWith(fromSp, sp.cert, [`${NS_P}:LogoutRequest`])).toBe(true);
    expect((await inspect(fromSp, trust())).m.signatures[0]!.verdict).toBe('valid');
    expect((await inspect(signedLogoutRequest(IDP_A, a), trust())).m.signatures[0]!.verdict).toBe('valid');
    const forged = await inspect(signedLogoutRequest(IDP_A, sp), trust());
    expect(forged.m.signatures[0]!.verdict).toBe('untrusted');
    expect(forged.codes).toContain('signature-key-wrong-entity');
  });
});

describe('HTTP-Redirect query signatures', () => {
  /** SAML bindings §3.4.4.1: an AuthnRequest from `issuer`, its query signed with `key`. */
  const redirect = (issuer: string, key: KeyPair) => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_q1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="https://idp-a.example.org/idp/sso"><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;
    const wire = `SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}&SigAlg=${encodeURIComponent(URI.rsa('sha256'))}`;
    return `https://idp-a.example.org/idp/sso?${wire}&Signature=${encodeURIComponent(nodeSign('sha256', Buffer.from(wire), readFileSync(key.key, 'utf8')).toString('base64'))}`;
  };
  const trust = () => [entityDescriptor(IDP_A, { idp: a }), entityDescriptor(SP, { sp })];

  it('signed by the SP\'s key: valid; by the IdP\'s key: signature-key-wrong-entity', async () => {
    const good = await inspect(redirect(SP, sp), trust());
    expect(good.m.signatures.find((s) => s.target === 'query')?.verdict).toBe('valid');
    expect(good.m.trusted).toBe(true);
    const bad = await inspect(redirect(SP, a), trust());
    expect(bad.m.signatures.find((s) => s.target === 'query')?.verdict).toBe('untrusted');
    expect(bad.codes).toContain('signature-key-wrong-entity');
    expect(bad.m.trusted).toBe(false);
  });
});

describe('ugly parts of real federations', () => {
  it('the same certificate published by two entities: one anchor with both bindings, valid for each, not for a third', async () => {
    const fed = aggregate([entityDescriptor(IDP_A, { idp: shared }), entityDescriptor(IDP_B, { idp: shared })]);
    const fromA = await inspect(signedResponse(shared), [fed]);
    expect(fromA.report.trustAnchors).toHaveLength(1);
    expect(fromA.report.trustAnchors[0]!.bindings).toEqual([{ entityId: IDP_A, role: 'IDPSSODescriptor' }, { entityId: IDP_B, role: 'IDPSSODescriptor' }]);
    expect(fromA.m.signatures[0]!.verdict).toBe('valid');
    const fromB = await inspect(signedResponse(shared, { responseIssuer: IDP_B, assertionIssuer: IDP_B }), [fed]);
    expect(fromB.m.signatures[0]!.verdict).toBe('valid');
    const third = await inspect(signedResponse(shared, { responseIssuer: 'https://idp-c.example.org/idp', assertionIssuer: 'https://idp-c.example.org/idp' }), [fed]);
    expect(third.m.signatures[0]!.verdict).toBe('untrusted');
    expect(third.codes).toContain('signature-key-wrong-entity');
  });

  it('Issuer only on the assertion: the Response signature is judged against the assertion\'s Issuer', async () => {
    const fed = aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })]);
    const xml = signedResponse(a, { responseIssuer: null });
    expect(xml).not.toMatch(/<\/saml:Issuer>\s*<ds:Signature/); // the Response has no Issuer
    expect(xmlsecVerifyWith(xml, a.cert, RESPONSE_IDS)).toBe(true);
    const good = await inspect(xml, [fed]);
    expect(good.m.signatures[0]!.verdict).toBe('valid');
    expect(good.m.signatures[0]!.claimedSigner?.issuerFrom).toContain('assertion');
    expect(good.m.trusted).toBe(true);
    const bad = await inspect(signedResponse(b, { responseIssuer: null }), [fed]);
    expect(bad.m.signatures[0]!.verdict).toBe('untrusted');
    expect(bad.codes).toContain('signature-key-wrong-entity');
  });

  it('Response and assertion issued by different entities: each signature against its own element\'s Issuer', async () => {
    const fed = aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })]);
    // Assertion issued by B, signed with A's key (assertion only): wrong entity for the assertion.
    const xml = signedResponse(a, { responseIssuer: IDP_A, assertionIssuer: IDP_B, signResponse: false, signAssertion: true });
    expect(xmlsecVerifyWith(xml, a.cert, RESPONSE_IDS)).toBe(true);
    const { m, codes } = await inspect(xml, [fed]);
    expect(m.signatures[0]!.target).toBe('Assertion');
    expect(m.signatures[0]!.verdict).toBe('untrusted');
    expect(m.signatures[0]!.claimedSigner?.issuer).toBe(IDP_B);
    expect(codes).toContain('signature-key-wrong-entity');
    expect(m.trusted).toBe(false);
    // The Response (issuer A) signed by A; its assertion (issuer B) signed by B: both valid.
    const template = signedResponse(b, { responseIssuer: IDP_A, assertionIssuer: IDP_B, signResponse: false, signAssertion: true });
    const both = xmlsecSign(template.replace(/(<saml:Issuer>https:\/\/idp-a[^<]*<\/saml:Issuer>)/, `$1${responseSignatureTemplate()}`), a);
    const r = await inspect(both, [fed]);
    expect(r.m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Response:valid', 'Assertion:valid']);
    expect(r.m.trusted).toBe(true);
  });

  it('a federation operator\'s key anchors the aggregate\'s own signature, never member messages', async () => {
    const signedFed = aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })], operator);
    expect(xmlsecVerifyWith(signedFed, operator.cert, [`${NS_MD}:EntitiesDescriptor`])).toBe(true);
    // The aggregate inspected with itself as trust: its signature is valid (publisher key).
    const self = await inspect(signedFed, [signedFed]);
    expect(self.m.signatures[0]!.verdict).toBe('valid');
    expect(self.report.trustAnchors.find((x) => x.bindings.some((bd) => bd.role === 'metadata-publisher'))?.bindings).toEqual([{ entityId: FEDERATION, role: 'metadata-publisher' }]);
    // A Response from IdP A signed with the operator's key: not an IdP key of A.
    const forged = await inspect(signedResponse(operator), [signedFed]);
    expect(forged.m.signatures[0]!.verdict).toBe('untrusted');
    expect(forged.codes).toContain('signature-key-wrong-entity');
    expect(forged.m.trusted).toBe(false);
    // The aggregate signed with a member's key: a member key does not vouch for the aggregate.
    const memberSigned = aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })], a);
    const byMember = await inspect(memberSigned, [aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })])]);
    expect(byMember.m.signatures[0]!.verdict).toBe('untrusted');
    expect(byMember.codes).toContain('signature-key-wrong-entity');
    // Metadata signatures are checked against --cert anchors: the operator's certificate.
    const byCert = await inspect(signedFed, [operator.certPem]);
    expect(byCert.m.signatures[0]!.verdict).toBe('valid');
  });

  it('a bare certificate is trusted for any issuer, and the report says so', async () => {
    const { m, report } = await inspect(signedResponse(b), [b.certPem]);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(report.trustAnchors[0]).toMatchObject({ scope: 'any-issuer', bindings: [] });
    expect(m.signatures[0]!.key.scope).toBe('any-issuer');
    expect(m.signatures[0]!.reason).toContain('trusted for any issuer (a certificate given without metadata)');
  });

  it('a KeyInfo-only key stays signature-untrusted-key', async () => {
    const other = makeKey('stranger', 'rsa2048');
    const { m, codes } = await inspect(signedResponse(other), [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures[0]!.verdict).toBe('untrusted');
    expect(m.signatures[0]!.key.source).toBe('keyinfo');
    expect(codes).toContain('signature-untrusted-key');
    expect(codes).not.toContain('signature-key-wrong-entity');
  });
});

describe('coverage you can gate on', () => {
  it('a multi-Reference signature covering only the Issuers, NameID forged: valid maths, error, not trusted', async () => {
    const { signed, forged } = issuerOnlySignedResponse(a, 'admin@example.com');
    const ids = [...RESPONSE_IDS, `${NS_A}:Issuer`];
    expect(xmlsecVerifyWith(signed, a.cert, ids)).toBe(true);
    expect(xmlsecVerifyWith(forged, a.cert, ids)).toBe(true); // nothing it covers changed
    const { m } = await inspect(forged, [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures[0]!.references).toHaveLength(2);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(m.assertions[0]!.nameId?.value).toBe('admin@example.com');
    expect(m.trusted).toBe(false);
    expect(errorsOf(m)).toContain('signature-wrapping');
  });

  it('an unsigned consumed assertion beside a signed one: not trusted, errors', async () => {
    const signed = signedResponse(a, { signResponse: false, signAssertion: true });
    const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
    const forged = assertion.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('ID="_assertion1"', 'ID="_forged"').replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>');
    const { m } = await inspect(signed.replace(assertion, `${forged}${assertion}`), [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(m.trusted).toBe(false);
    expect(errorsOf(m)).toEqual(expect.arrayContaining(['signature-wrapping', 'multiple-assertions']));
  });

  it('a duplicate ID outside the signed element blocks trusted', async () => {
    const signed = signedResponse(a, { signResponse: false, signAssertion: true });
    // An element outside the signed assertion reuses the Response's own ID.
    const xml = signed.replace('<samlp:Status>', '<samlp:Extensions><x:Note xmlns:x="urn:example" ID="_response1"/></samlp:Extensions><samlp:Status>');
    const { m } = await inspect(xml, [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(m.trusted).toBe(false);
    expect(errorsOf(m)).toContain('duplicate-id');
  });

  it('no trust at all: untrusted, signature-no-trust-anchor stays info, and the gate is an error (docs/verification.md)', async () => {
    const { m } = await inspect(signedResponse(a), []);
    expect(m.signatures[0]!.verdict).toBe('untrusted');
    expect(m.trusted).toBe(false);
    expect(m.findings.find((f) => f.code === 'signature-no-trust-anchor')?.severity).toBe('info');
    expect(errorsOf(m)).toEqual(['assertion-unsigned']);
  });

  it('no trust at all: a signed AuthnRequest is not gated (SAML does not require it signed)', async () => {
    const { m } = await inspect(signedAuthnRequest(SP, sp), []);
    expect(m.trusted).toBe(false);
    expect(errorsOf(m)).toEqual([]);
  });
});

describe('signature policy: WantAssertionsSigned counts the consumed assertion\'s own signature only', () => {
  it('a signed second assertion does not make the consumed (first) one signed', async () => {
    const inner = signedResponse(a, { signResponse: false, signAssertion: true });
    const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(inner)![0];
    const unsignedCopy = assertion.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('ID="_assertion1"', 'ID="_assertion0"');
    // The Response signature (xmlsec1) covers both assertions, so nothing is wrapped or forged:
    // only the policy can notice that the consumed assertion has no signature of its own.
    const template = inner.replace(assertion, `${unsignedCopy}${assertion}`).replace(/(<saml:Issuer>https:\/\/idp-a[^<]*<\/saml:Issuer>)/, `$1${responseSignatureTemplate()}`);
    const xml = xmlsecSign(template, a);
    expect(xmlsecVerifyWith(xml, a.cert, RESPONSE_IDS, 1)).toBe(true);
    const spMetadata = entityDescriptor('https://sp.example.com/', { sp }).replace('<md:SPSSODescriptor ', '<md:SPSSODescriptor WantAssertionsSigned="true" ');
    const { m } = await inspect(xml, [entityDescriptor(IDP_A, { idp: a }), spMetadata]);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Response:valid', 'Assertion:valid']);
    const policy = m.findings.filter((f) => f.code === 'assertion-unsigned');
    expect(policy.map((f) => f.severity)).toEqual(['error']);
    expect(policy[0]!.explanation).toContain('WantAssertionsSigned');
  });
});

describe('signature limits (docs/limits.md)', () => {
  it('1,000 URI="" References in one xmlsec1-signed Signature: signature-limit-exceeded, never valid', async () => {
    const xml = amplifiedResponse(1000, 1000, a);
    expect(xmlsecVerifyWith(xml, a.cert, RESPONSE_IDS)).toBe(true); // the maths is fine
    const { m, codes } = await inspect(xml, [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures[0]!.verdict).toBe('unsupported');
    expect(m.signatures[0]!.references.every((r) => r.computedDigest === null)).toBe(true);
    expect(codes).toContain('signature-limit-exceeded');
    expect(m.trusted).toBe(false);
  });

  it(`${MAX_REFERENCES_PER_SIGNATURE} References are within the limit, ${MAX_REFERENCES_PER_SIGNATURE + 1} are not`, async () => {
    const trust = [entityDescriptor(IDP_A, { idp: a })];
    const atLimit = await inspect(amplifiedResponse(MAX_REFERENCES_PER_SIGNATURE, 10, a), trust);
    expect(atLimit.m.signatures[0]!.verdict).toBe('valid');
    expect(atLimit.m.trusted).toBe(true);
    const over = await inspect(amplifiedResponse(MAX_REFERENCES_PER_SIGNATURE + 1, 10, a), trust);
    expect(over.m.signatures[0]!.verdict).toBe('unsupported');
    expect(over.codes).toContain('signature-limit-exceeded');
  });

  it('an unsigned amplification with a known key digests nothing: the SignatureValue is checked first', async () => {
    const xml = amplifiedResponse(MAX_REFERENCES_PER_SIGNATURE, 10);
    const { m } = await inspect(xml, [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures[0]!.verdict).toBe('invalid');
    // At most one Reference is digested, for the diagnosis; the rest are not computed.
    expect(m.signatures[0]!.references.filter((r) => r.computedDigest !== null).length).toBeLessThanOrEqual(1);
  });

  it('a valid assertion signature beside a Signature over the Reference limit: error, not trusted', async () => {
    const signed = signedResponse(a, { signResponse: false, signAssertion: true });
    const hostile = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(amplifiedResponse(MAX_REFERENCES_PER_SIGNATURE + 1, 10))![0];
    const { m, codes } = await inspect(signed.replace('<samlp:Status>', `<samlp:Extensions>${hostile}</samlp:Extensions><samlp:Status>`), [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['unsupported', 'valid']);
    expect(codes).toContain('signature-limit-exceeded');
    expect(m.trusted).toBe(false);
  });

  it(`more than ${MAX_SIGNATURES_PER_DOCUMENT} Signatures in a document: the rest are not verified, not trusted`, async () => {
    const signed = signedResponse(a, { signResponse: false, signAssertion: true });
    const sig = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)![0];
    const xml = signed.replace('<samlp:Status>', `<samlp:Extensions>${sig.repeat(MAX_SIGNATURES_PER_DOCUMENT)}</samlp:Extensions><samlp:Status>`);
    const { m, codes } = await inspect(xml, [entityDescriptor(IDP_A, { idp: a })]);
    expect(m.signatures).toHaveLength(MAX_SIGNATURES_PER_DOCUMENT);
    expect(codes).toContain('signature-limit-exceeded');
    expect(m.trusted).toBe(false);
  });
});

function responseSignatureTemplate(): string {
  // The Response's enveloped signature template, cut from the shared template helper.
  const t = responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: true, signAssertion: false });
  return /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(t)![0];
}

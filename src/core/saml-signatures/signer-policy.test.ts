// SAML's signer policy (signer-policy.ts) as a user reads it: who a signed element claims as its
// signer (the JSON report's `claimedSigner`), why a trusted key was accepted (the reason of a
// `valid` verdict), and the finding when a trusted key belongs to another entity or role.
// Issue 12: mutation testing showed these texts and fields could change with every test green.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import type { Finding, InspectedMessage, InspectReport } from '../types';
import { NS_P, URI, makeKey, xmlsecSign, type KeyPair } from '../dsig/testing/xmlsec.testutil';
import { AT, FEDERATION, IDP_A, NS_MD, SP, aggregate, entityDescriptor, signedLogoutRequest, signedResponse } from '../dsig/testing/federation.testutil';

let idp: KeyPair;
let sp: KeyPair;

beforeAll(() => {
  idp = makeKey('signer-policy-idp', 'rsa2048');
  sp = makeKey('signer-policy-sp', 'rsa2048');
});

async function inspect(xml: string, trust: string[]): Promise<{ report: InspectReport; m: InspectedMessage }> {
  const report = await inspectInput(xml, 'signer-policy', { trust, at: AT });
  expect(report.errors).toEqual([]);
  expect(report.trustErrors).toEqual([]);
  return { report, m: report.messages[0]! };
}
const one = (m: InspectedMessage, code: string): Finding => {
  const f = m.findings.filter((x) => x.code === code);
  expect(f, `${code} in ${m.findings.map((x) => x.code).join(', ')}`).toHaveLength(1);
  return f[0]!;
};
/** The line of the pretty-printed XML a finding points at. */
const lineOf = (m: InspectedMessage, f: Finding) => m.prettyXml.split('\n')[f.location!.line - 1] ?? '';

/** An empty enveloped ds:Signature template over the element with ID `id` (xmlsec1 puts its certificate in KeyInfo). */
function signatureTemplateFor(id: string): string {
  return `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;
}

/** An EntityDescriptor with an ID and an empty signature template, signed by `key` (its own metadata). */
function signedEntityDescriptor(entityId: string, key: KeyPair): string {
  const unsigned = entityDescriptor(entityId, { idp: key }).replace(`entityID="${entityId}">`, `entityID="${entityId}" ID="_ed1">${signatureTemplateFor('_ed1')}`);
  return xmlsecSign(unsigned, key, [`${NS_MD}:EntityDescriptor`]);
}

describe('claimedSigner: the roles whose key may sign the element, as the report shows them', () => {
  it('a Response: the IdP role, the Issuer and where it was read', async () => {
    const { m } = await inspect(signedResponse(idp), [idp.certPem]);
    expect(m.signatures[0]!.claimedSigner).toEqual({ element: 'Response', issuer: IDP_A, issuerFrom: 'the Response\'s Issuer', roles: ['IDPSSODescriptor'] });
  });

  it('a LogoutRequest: either SSO role of its issuer', async () => {
    const { m } = await inspect(signedLogoutRequest(SP, sp), [sp.certPem]);
    expect(m.signatures[0]!.claimedSigner).toEqual({ element: 'LogoutRequest', issuer: SP, issuerFrom: 'the LogoutRequest\'s Issuer', roles: ['IDPSSODescriptor', 'SPSSODescriptor'] });
  });

  it('an EntityDescriptor: "any role of that entity" is not a role, so the report names the metadata publisher only', async () => {
    const { m } = await inspect(signedEntityDescriptor(IDP_A, idp), [idp.certPem]);
    expect(m.signatures[0]!.verdict).toBe('valid');
    expect(m.signatures[0]!.claimedSigner).toEqual({ element: 'EntityDescriptor', issuer: IDP_A, issuerFrom: 'its entityID', roles: ['metadata-publisher'] });
  });

  it('an EntitiesDescriptor: the metadata publisher, named by the aggregate\'s Name', async () => {
    const { m } = await inspect(aggregate([entityDescriptor(IDP_A, { idp })], sp), [sp.certPem]);
    expect(m.signatures[0]!.claimedSigner).toEqual({ element: 'EntitiesDescriptor', issuer: FEDERATION, issuerFrom: 'its Name', roles: ['metadata-publisher'] });
  });
});

describe('why a trusted key was accepted: the end of a valid verdict\'s reason', () => {
  it('a bare certificate: trusted for any issuer, said once', async () => {
    const { m } = await inspect(signedResponse(idp), [idp.certPem]);
    expect(m.signatures[0]!.reason).toBe('All 1 reference digest(s) match and the signature verifies with pasted certificate, trusted for any issuer (a certificate given without metadata)');
  });

  it('a metadata key: accepted for this element, with the binding that allows it', async () => {
    const { m, report } = await inspect(signedResponse(idp, { signAssertion: true }), [entityDescriptor(IDP_A, { idp })]);
    const anchor = report.trustAnchors[0]!.description;
    expect(m.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    for (const [i, element] of [[0, 'Response'], [1, 'Assertion']] as const) {
      const s = m.signatures[i]!;
      expect(s.anchorDecisions).toHaveLength(1);
      expect(s.reason).toBe(`All 1 reference digest(s) match and the signature verifies with ${anchor}, accepted for this ${element}: ${s.anchorDecisions![0]!.reason}`);
      expect(s.anchorDecisions![0]!.reason).toContain(`${IDP_A} as IdP (IDPSSODescriptor)`);
    }
  });
});

describe('a trusted key of another entity or role: untrusted, and the finding says which and what to do', () => {
  it('the issuer\'s SP key on its Response: wrong role, the whole text', async () => {
    const { m } = await inspect(signedResponse(sp, { responseIssuer: SP, assertionIssuer: SP }), [entityDescriptor(SP, { sp })]);
    expect(m.signatures[0]!.verdict).toBe('untrusted');
    const decision = m.signatures[0]!.anchorDecisions![0]!;
    expect(decision).toMatchObject({ accepted: false, code: 'signature-key-wrong-role' });
    const f = one(m, 'signature-key-wrong-role');
    expect(f).toMatchObject({
      severity: 'error',
      title: 'Signed with a key of the wrong role',
      explanation: `Signature 1 (on Response ID="_response1"): ${decision.reason} An SP's key must not vouch for Responses and assertions, nor an IdP's key for AuthnRequests: a relying party looks up the key of the role that sends the message.`,
      fix: 'Give the metadata of the issuer in the role that sends this message (IdP metadata for Responses, SP metadata for AuthnRequests), or reject the message.',
      references: ['SAML metadata §2.4.1.1', 'SAML profiles §4.1.4.3'],
    });
    expect(lineOf(m, f)).toContain('<ds:Signature');
  });

  it('another entity\'s key on a request that names no Issuer: wrong entity, the fix says "its issuer"', async () => {
    const noIssuer = xmlsecSign(`<samlp:AuthnRequest xmlns:samlp="${NS_P}" ID="_ar2" Version="2.0" IssueInstant="2030-01-01T00:00:00Z">${signatureTemplateFor('_ar2')}</samlp:AuthnRequest>`, idp, [`${NS_P}:AuthnRequest`]);
    const r = await inspect(noIssuer, [entityDescriptor(IDP_A, { idp })]);
    expect(r.m.signatures[0]!.verdict).toBe('untrusted');
    expect(r.m.signatures[0]!.claimedSigner).toMatchObject({ issuer: null, issuerFrom: 'the AuthnRequest has no Issuer' });
    const decision = r.m.signatures[0]!.anchorDecisions![0]!;
    const f = one(r.m, 'signature-key-wrong-entity');
    expect(f).toMatchObject({
      severity: 'error',
      title: 'Signed with another entity\'s key',
      explanation: `Signature 1 (on AuthnRequest ID="_ar2"): ${decision.reason} Any member of a federation holds its own key; accepting it for another entity's messages would let every member impersonate every other.`,
      fix: 'Reject the message unless its issuer really uses this key; then its own metadata must list it.',
      references: ['SAML metadata §2.4.1.1', 'SAML profiles §4.1.4.3'],
    });
    expect(lineOf(r.m, f)).toContain('<ds:Signature');
  });
});

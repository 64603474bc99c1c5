// Which signatures the policy counts: only one over the consumed assertion (or the Response
// itself), never a signature over some other element; when the policy applies at all.
import { describe, expect, test } from 'vitest';
import type { ProfileName } from '../profiles';
import type { MessageSummary, SignatureReport } from '../types';
import type { Expectations } from '../diagnosis/context';
import { signaturePolicyRule } from './signature-policy';
import { anchorName, assertion, context, fineExchange, response, ruleCodes, ruleMessage, runRule, signature, SP, spMetadata } from '../diagnosis/diagnosis.testutil';

function check(summary: MessageSummary, signatures: SignatureReport[], o: { profile?: ProfileName; wantAssertionsSigned?: boolean; spEntityId?: string; consumedAssertionIndex?: number | null; expectations?: Expectations } = {}) {
  const msg = ruleMessage(summary, { signatures, ...(o.consumedAssertionIndex !== undefined ? { consumedAssertionIndex: o.consumedAssertionIndex } : {}) });
  const sp = o.wantAssertionsSigned === undefined ? [] : [spMetadata({ wantAssertionsSigned: o.wantAssertionsSigned, entityId: o.spEntityId })];
  return runRule(signaturePolicyRule, context(msg, { profile: o.profile ?? 'scaleway', spMetadata: sp, ...(o.expectations ? { expectations: o.expectations } : {}) }));
}
const codes = (f: { code: string }[]) => f.map((x) => x.code);
const two = () => response({ assertions: [assertion({ id: '_a1' }), assertion({ id: '_a2' })] });

describe('a signature counts only for the element it covers', () => {
  test('an assertion signature over another assertion does not make the consumed one signed', () => {
    const found = check(two(), [signature('Response', '_r1'), signature('Assertion', '_a1')], { consumedAssertionIndex: 1 });
    expect(codes(found)).toEqual(['assertion-unsigned']);
    expect((found[0].node as Element).getAttribute('ID')).toBe('_a2');
  });
  test('the consumed assertion signed, another unsigned: fine', () => {
    expect(check(two(), [signature('Response', '_r1'), signature('Assertion', '_a2')], { consumedAssertionIndex: 1 })).toEqual([]);
  });
  test('a Response-target signature over another ID does not sign this Response', () => {
    expect(codes(check(response(), [signature('Response', '_elsewhere'), signature('Assertion', '_a1')]))).toEqual(['response-unsigned']);
  });
  test('a signature with no target ID (whole document) counts for its target kind', () => {
    expect(check(response(), [{ ...signature('Response', ''), targetId: null }, { ...signature('Assertion', ''), targetId: null }])).toEqual([]);
  });
  test('an Assertion signature does not stand in for the Response, nor the reverse', () => {
    expect(codes(check(response(), [signature('Assertion', '_r1')]))).toEqual(['assertion-unsigned', 'response-unsigned']);
    expect(codes(check(response(), [signature('Response', '_a1')]))).toEqual(['assertion-unsigned', 'response-unsigned']);
  });
  test('an encrypted assertion is not called unsigned: its signature is inside the ciphertext', () => {
    const enc = response({}, { encrypted: true });
    expect(codes(check(enc, [signature('Response', '_r1')]))).toEqual([]);
    expect(codes(check(response({}, { encrypted: true, decrypted: true }), [signature('Response', '_r1')]))).toEqual(['assertion-unsigned']);
  });
});

describe('when the policy applies', () => {
  test('only to Responses', () => {
    const logout: MessageSummary = { ...response(), kind: 'LogoutResponse' };
    expect(check(logout, [])).toEqual([]);
  });
  test('not to an error Response (no assertion is consumed)', () => {
    const failed = response({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester', subcode: null, message: null } });
    expect(check(failed, [])).toEqual([]);
  });
  test('to a Response without a Status or without a status code', () => {
    expect(codes(check(response({ status: null }), []))).toEqual(['assertion-unsigned', 'response-unsigned']);
    expect(codes(check(response({ status: { code: null, subcode: null, message: null } } as never), []))).toEqual(['assertion-unsigned', 'response-unsigned']);
  });
  test('not to a Response without assertions', () => {
    expect(check(response({ assertions: [] }), [])).toEqual([]);
  });
  test('the generic profile without SP metadata requires nothing', () => {
    expect(check(response(), [], { profile: 'generic' })).toEqual([]);
  });
  test('WantAssertionsSigned="true" requires the assertion signature, not the Response one', () => {
    expect(codes(check(response(), [], { profile: 'generic', wantAssertionsSigned: true }))).toEqual(['assertion-unsigned']);
    expect(check(response(), [], { profile: 'generic', wantAssertionsSigned: false })).toEqual([]);
  });
  test('WantAssertionsSigned of another SP than the expected one does not apply', () => {
    const expectations: Expectations = { spEntityId: { value: SP, source: 'explicit', detail: '--sp-entity-id' } };
    expect(check(response(), [], { profile: 'generic', wantAssertionsSigned: true, spEntityId: 'https://other-sp.example.com', expectations })).toEqual([]);
    expect(codes(check(response(), [], { profile: 'generic', wantAssertionsSigned: true, spEntityId: SP, expectations }))).toEqual(['assertion-unsigned']);
    // No expected SP entity ID: any SP metadata's WantAssertionsSigned applies.
    expect(codes(check(response(), [], { profile: 'generic', wantAssertionsSigned: true, spEntityId: 'https://other-sp.example.com', expectations: {} }))).toEqual(['assertion-unsigned']);
  });
});

describe('the rule as listed in the rule catalogue', () => {
  test('id, codes, severity, title and what it checks', () => {
    expect([signaturePolicyRule.id, signaturePolicyRule.codes, signaturePolicyRule.severity, signaturePolicyRule.title]).toEqual(['signature-policy', ['assertion-unsigned', 'response-unsigned'], 'error', 'Required signatures are present']);
    expect(signaturePolicyRule.checks).toContain('WantAssertionsSigned="true" requires an Assertion signature');
    // Issue 14: vendor documents are cited by title, never by a file name.
    expect(signaturePolicyRule.references).toEqual(['SAML profiles §4.1.3.5', 'SAML metadata §2.4.4', 'Configuring Scaleway SAML SSO with Authentik (Scaleway + authentik setup guide)']);
  });
});

describe('what the findings say', () => {
  test('Scaleway: both required, with the authentik settings to change', () => {
    const [a, r] = check(response(), []);
    expect([a.severity, a.title]).toEqual(['error', 'Assertion is not signed']);
    expect(a.explanation).toBe('The Assertion has no signature. Scaleway requires both the Response and the Assertion to be signed.');
    // Issue 14: the fix names the Scaleway console field the certificate was uploaded to.
    expect(a.fix).toBe('In the authentik SAML provider set `sign_assertion = true` (and keep `sign_response = true`), with `signing_kp` set to the certificate uploaded as "Signing certificate" in the Scaleway console identity provider.');
    expect(a.references).toEqual(['SAML profiles §4.1.3.5', 'SAML metadata §2.4.4', 'Configuring Scaleway SAML SSO with Authentik (Scaleway + authentik setup guide)']);
    expect([r.severity, r.title]).toEqual(['error', 'Response is not signed']);
    expect(r.explanation).toBe('The Response element has no signature. Scaleway requires both the Response and the Assertion to be signed.');
    expect(r.fix).toBe('In the authentik SAML provider set `sign_response = true` (and keep `sign_assertion = true`), with `signing_kp` set to the certificate uploaded as "Signing certificate" in the Scaleway console identity provider.');
    expect(r.references).toEqual(a.references);
    expect(anchorName(r.node)).toBe('samlp:Response');
  });
  test('WantAssertionsSigned: the SP metadata is the reason, the fix depends on the profile', () => {
    const find = (profile: ProfileName) => check(response(), [], { profile, wantAssertionsSigned: true })[0];
    expect(find('generic').explanation).toBe('The Assertion has no signature, but the SP metadata says WantAssertionsSigned="true": the SP rejects it.');
    expect(find('generic').fix).toBe('Enable assertion signing for this SP at the IdP.');
    expect(find('authentik-provider').fix).toBe('In the authentik SAML provider enable "Sign assertions" (`sign_assertion = true`) and pick a Signing Certificate (`signing_kp`).');
    expect(find('authentik-source').fix).toBe("Enable assertion signing at the external IdP for authentik's SP entry.");
  });
});

// From main (issue 12's planted bug: the policy counting any assertion's signature).
/** A Response with two assertions: _a1 (consumed, first) and _a2, and the given signatures. */
const twoAssertions = (signatures: ReturnType<typeof signature>[]) =>
  ruleMessage(response({ assertions: [assertion({ id: '_a1' }), assertion({ id: '_a2' })] }), { signatures, consumedAssertionIndex: 0 });
const codesOf = (msg: ReturnType<typeof ruleMessage>, o: Parameters<typeof context>[1]) => signaturePolicyRule.check(context(msg, o)).map((f) => f.code);

describe('signature policy and the consumed assertion', () => {
  const wantSigned = { spMetadata: [spMetadata({ wantAssertionsSigned: true })] };

  test('WantAssertionsSigned: a signature on the other assertion does not count for the consumed one', () => {
    expect(codesOf(twoAssertions([signature('Assertion', '_a2')]), wantSigned)).toEqual(['assertion-unsigned']);
  });
  test('WantAssertionsSigned: a signature on the consumed assertion counts', () => {
    expect(codesOf(twoAssertions([signature('Assertion', '_a1')]), wantSigned)).toEqual([]);
  });
  test('Scaleway: the other assertion\'s signature leaves the consumed one unsigned', () => {
    expect(codesOf(twoAssertions([signature('Response', '_r1'), signature('Assertion', '_a2')]), { profile: 'scaleway' })).toEqual(['assertion-unsigned']);
    expect(codesOf(twoAssertions([signature('Response', '_r1'), signature('Assertion', '_a1')]), { profile: 'scaleway' })).toEqual([]);
  });
  test('Scaleway: a signature on another Response does not count for this one', () => {
    expect(codesOf(twoAssertions([signature('Response', '_other'), signature('Assertion', '_a1')]), { profile: 'scaleway' })).toEqual(['response-unsigned']);
  });
});

// Moved from the former all-rules test file (rules.test.ts).
describe('signature policy', () => {
  test('Scaleway requires both Response and Assertion signed', () => {
    const res = ruleMessage(response(), { signatures: [] });
    const found = runRule(signaturePolicyRule, context(res, { profile: 'scaleway' }));
    expect(found.map((f) => f.code)).toEqual(['assertion-unsigned', 'response-unsigned']);
    expect(found[0].fix).toContain('sign_assertion = true');
    expect(found[1].fix).toContain('sign_response = true');
    expect(anchorName(found[0].node)).toBe('saml:Assertion');
  });
  test('WantAssertionsSigned in SP metadata', () => {
    const res = ruleMessage(response(), { signatures: [signature('Response', '_r1')] });
    expect(ruleCodes(signaturePolicyRule, context(res, { spMetadata: [spMetadata({ wantAssertionsSigned: true })] }))).toEqual(['assertion-unsigned']);
    expect(ruleCodes(signaturePolicyRule, context(res))).toEqual([]);
  });
  test('fine', () => expect(runRule(signaturePolicyRule, fineExchange('scaleway'))).toEqual([]));
});

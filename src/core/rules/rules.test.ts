import { describe, expect, test } from 'vitest';
import type { Rule, RuleContext } from './context';
import { acsNotInMetadataRule } from './acs-not-in-metadata';
import { audienceRule } from './audience';
import { bindingRule } from './binding';
import { destinationRule } from './destination';
import { inResponseToRule } from './in-response-to';
import { evaluateRules, RULE_CODES, RULES } from './index';
import { issuerRule } from './issuer';
import { metadataExpiredRule } from './metadata-expired';
import { nameIdEmailForUsernameRule } from './nameid-email-for-username';
import { nameIdFormatRule } from './nameid-format';
import { nameIdTransientRule } from './nameid-transient';
import { recipientRule } from './recipient';
import { signaturePolicyRule } from './signature-policy';
import { statusErrorRule } from './status-error';
import { timeValidityRule } from './time-validity';
import { unsolicitedResponseRule } from './unsolicited-response';
import { ACS, anchorName, authnRequest, context, IDP, idpMetadata, response, ruleMessage, signature, SP, spMetadata } from './test-support';

const codes = (rule: Rule, ctx: RuleContext) => rule.check(ctx).map((f) => f.code);
const one = (rule: Rule, ctx: RuleContext) => {
  const f = rule.check(ctx);
  expect(f).toHaveLength(1);
  return f[0];
};

/** A fine SP-initiated exchange: request + response, metadata on both sides. */
function fine(profile: RuleContext['profile'] = 'generic') {
  const req = ruleMessage(authnRequest());
  const res = ruleMessage(response());
  return context(res, { messages: [req, res], idpMetadata: [idpMetadata()], spMetadata: [spMetadata()], profile });
}

describe('registry', () => {
  test('every protocol/configuration code of CONTRACT §3 has a rule', () => {
    for (const c of ['issuer-mismatch', 'issuer-is-sp-entity-id', 'audience-mismatch', 'destination-mismatch', 'recipient-mismatch', 'in-response-to-mismatch', 'unsolicited-response', 'not-yet-valid', 'expired', 'status-error', 'nameid-format-mismatch', 'nameid-email-for-username', 'nameid-transient', 'binding-mismatch', 'acs-not-in-metadata', 'metadata-expired', 'assertion-unsigned', 'response-unsigned']) {
      expect(RULE_CODES).toContain(c);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
  test('a fine exchange yields no findings in any profile', () => {
    for (const p of ['generic', 'authentik-provider', 'authentik-source'] as const) expect(evaluateRules(fine(p))).toEqual([]);
    const req = ruleMessage(authnRequest());
    expect(evaluateRules(context(req, { messages: [req], idpMetadata: [idpMetadata()], spMetadata: [spMetadata()] }))).toEqual([]);
  });
  test('every finding has title, explanation, fix and references', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({ issuer: SP, destination: 'https://x/' }, { audiences: ['https://other/'], notOnOrAfter: '2024-05-01T11:00:00Z' }));
    const found = evaluateRules(ctx);
    expect(found.length).toBeGreaterThan(3);
    for (const f of found) {
      expect(f.title && f.explanation && f.fix).toBeTruthy();
      expect(f.references?.length).toBeGreaterThan(0);
    }
  });
  test('a throwing rule is reported, others still run', () => {
    const bad: Rule = { ...issuerRule, id: 'boom', check: () => { throw new Error('x'); } };
    expect(evaluateRules(fine(), [bad, statusErrorRule]).map((f) => f.code)).toEqual(['internal-rule-error']);
  });
});

describe('issuer', () => {
  test('Scaleway: IdP issuer set to the SP entity ID (000_bbefa757859ef489.txt)', () => {
    const scw = 'https://iam.scaleway.com/saml/abc-123';
    const res = ruleMessage(response({ issuer: scw, destination: 'https://api.scaleway.com/iam/v1/saml/abc-123/login', inResponseTo: null }, { issuer: scw, audiences: [scw], recipient: 'https://api.scaleway.com/iam/v1/saml/abc-123/login', inResponseTo: null, nameId: { value: 'jdoe', format: null } }));
    const ctx = context(res, { idpMetadata: [idpMetadata({ entityId: IDP })], profile: 'scaleway' });
    const found = issuerRule.check(ctx);
    expect(found.map((f) => f.code)).toEqual(['issuer-is-sp-entity-id', 'issuer-mismatch']);
    expect(found[0].fix).toContain('issuer = var.authentik_url');
    expect(found[1].explanation).toContain(IDP);
    expect(anchorName(found[0].node)).toBe('saml:Issuer');
  });
  test('issuer differs from IdP metadata only by trailing slash', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({ issuer: 'https://authentik.apps.example.com' }, { issuer: 'https://authentik.apps.example.com' }));
    const f = one(issuerRule, ctx);
    expect(f.code).toBe('issuer-mismatch');
    expect(f.explanation).toContain('trailing slash');
  });
  test('Response and Assertion Issuer differ (no metadata)', () => {
    const res = ruleMessage(response({ issuer: 'https://a/' }, { issuer: 'https://b/' }));
    expect(one(issuerRule, context(res))).toMatchObject({ code: 'issuer-mismatch', severity: 'warning' });
  });
  test('AuthnRequest issuer vs SP metadata', () => {
    const req = ruleMessage(authnRequest({ issuer: 'https://wrong-sp/' }));
    expect(codes(issuerRule, context(req, { spMetadata: [spMetadata()] }))).toEqual(['issuer-mismatch']);
    expect(codes(issuerRule, context(ruleMessage(authnRequest()), { spMetadata: [spMetadata()] }))).toEqual([]);
  });
  test('Issuer equal to the Audience without other evidence is a warning', () => {
    const res = ruleMessage(response({ issuer: 'urn:tenant' }, { issuer: 'urn:tenant', audiences: ['urn:tenant'] }));
    expect(one(issuerRule, context(res))).toMatchObject({ code: 'issuer-is-sp-entity-id', severity: 'warning' });
  });
  test('fine', () => expect(issuerRule.check(fine())).toEqual([]));
});

describe('audience', () => {
  test('audience is not the SP entity ID', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({}, { audiences: ['https://other.example.com/'] }));
    const f = one(audienceRule, ctx);
    expect(f.code).toBe('audience-mismatch');
    expect(f.explanation).toContain(SP);
    expect(anchorName(f.node)).toBe('saml:Audience');
  });
  test('no audience is a warning', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({}, { audiences: [] }));
    expect(one(audienceRule, ctx).severity).toBe('warning');
  });
  test('Scaleway profile derives the SP entity ID from the ACS URL', () => {
    const acs = 'https://api.scaleway.com/iam/v1/saml/p1/login';
    const res = ruleMessage(response({ destination: acs, inResponseTo: null }, { audiences: ['https://iam.scaleway.com/saml/p2'], recipient: acs, inResponseTo: null }));
    const f = one(audienceRule, context(res, { profile: 'scaleway' }));
    expect(f.explanation).toContain('https://iam.scaleway.com/saml/p1');
    expect(f.fix).toContain('audience = var.scaleway_saml_entity_id');
  });
  test('fine', () => expect(audienceRule.check(fine())).toEqual([]));
});

describe('destination', () => {
  test('Response Destination is not the ACS URL', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({ destination: 'https://sp.example.com/acs/' }));
    const f = one(destinationRule, ctx);
    expect(f.code).toBe('destination-mismatch');
    expect(f.explanation).toContain('trailing slash');
    expect(anchorName(f.node)).toBe('samlp:Response');
  });
  test('Response posted to another URL than its Destination (HAR)', () => {
    const res = ruleMessage(response(), { payload: { url: 'https://sp.example.com/saml/acs', method: 'POST' } });
    expect(codes(destinationRule, context(res))).toEqual(['destination-mismatch']);
  });
  test('AuthnRequest Destination is not an IdP SSO endpoint', () => {
    const req = ruleMessage(authnRequest({ destination: 'https://idp.example.com/sso' }));
    expect(codes(destinationRule, context(req, { idpMetadata: [idpMetadata()] }))).toEqual(['destination-mismatch']);
  });
  test('fine', () => {
    expect(destinationRule.check(fine())).toEqual([]);
    const res = ruleMessage(response(), { payload: { url: ACS, method: 'POST' } });
    expect(destinationRule.check(context(res))).toEqual([]);
  });
});

describe('recipient', () => {
  test('Recipient is not the ACS URL', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({}, { recipient: 'https://sp.example.com/other' }));
    const f = one(recipientRule, ctx);
    expect(f.code).toBe('recipient-mismatch');
    expect(anchorName(f.node)).toBe('saml:SubjectConfirmationData');
  });
  test('Recipient differs from Destination without any expectation', () => {
    const res = ruleMessage(response({}, { recipient: 'https://sp.example.com/other' }));
    expect(one(recipientRule, context(res))).toMatchObject({ code: 'recipient-mismatch', severity: 'warning' });
  });
  test('fine', () => expect(recipientRule.check(fine())).toEqual([]));
});

describe('in-response-to', () => {
  test('answers another request than the one in the input', () => {
    const req = ruleMessage(authnRequest({ id: '_reqB' }));
    const res = ruleMessage(response({ inResponseTo: '_reqA' }, { inResponseTo: '_reqA' }));
    const f = one(inResponseToRule, context(res, { messages: [req, res] }));
    expect(f.code).toBe('in-response-to-mismatch');
    expect(f.explanation).toContain('_reqB');
  });
  test('explicit request ID', () => {
    const res = ruleMessage(response());
    expect(codes(inResponseToRule, context(res, { expectations: { requestId: { value: '_other', source: 'explicit', detail: '--request-id' } } }))).toEqual(['in-response-to-mismatch']);
  });
  test('Response and SubjectConfirmationData disagree', () => {
    const res = ruleMessage(response({ inResponseTo: '_x' }, { inResponseTo: '_y' }));
    expect(codes(inResponseToRule, context(res))).toEqual(['in-response-to-mismatch']);
  });
  test('fine', () => expect(inResponseToRule.check(fine())).toEqual([]));
});

describe('unsolicited-response', () => {
  const unsolicited = () => ruleMessage(response({ inResponseTo: null }, { inResponseTo: null }));
  test('info in generic', () => expect(one(unsolicitedResponseRule, context(unsolicited())).severity).toBe('info'));
  test('authentik-source warns about "Allow IdP-initiated logins"', () => {
    const f = one(unsolicitedResponseRule, context(unsolicited(), { profile: 'authentik-source' }));
    expect(f.severity).toBe('warning');
    expect(f.explanation).toContain('Allow IdP-initiated logins');
    expect(f.explanation).toContain('without interaction');
  });
  test('warning when a request was sent', () => {
    const req = ruleMessage(authnRequest());
    const res = unsolicited();
    expect(one(unsolicitedResponseRule, context(res, { messages: [req, res] })).severity).toBe('warning');
  });
  test('fine', () => expect(unsolicitedResponseRule.check(fine())).toEqual([]));
});

describe('time validity', () => {
  test('expired: Conditions and SubjectConfirmationData NotOnOrAfter', () => {
    const ctx = fine();
    ctx.at = new Date('2024-05-01T13:00:00Z');
    const found = timeValidityRule.check(ctx);
    expect(found.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['expired', 'expired']);
    expect(found[0].explanation).toContain('2024-05-01T12:04:50Z');
    expect(found.map((f) => anchorName(f.node)).sort()).toEqual(['saml:Conditions', 'saml:SubjectConfirmationData']);
  });
  test('within skew is fine', () => {
    const ctx = fine();
    ctx.at = new Date('2024-05-01T12:06:00Z'); // 70 s after NotOnOrAfter, skew 180 s
    expect(timeValidityRule.check(ctx)).toEqual([]);
    ctx.skewSeconds = 30;
    expect(codes(timeValidityRule, ctx)).toEqual(['expired', 'expired']);
  });
  test('not yet valid: IssueInstant and NotBefore in the future', () => {
    const ctx = fine();
    ctx.at = new Date('2024-05-01T11:50:00Z');
    const found = timeValidityRule.check(ctx);
    expect(new Set(found.map((f) => f.code))).toEqual(new Set(['not-yet-valid']));
    // Conditions NotBefore is normative (error); a future IssueInstant only a warning.
    expect(found.find((f) => f.title.includes('NotBefore'))?.severity).toBe('error');
    expect(found.find((f) => f.title.includes('IssueInstant'))?.severity).toBe('warning');
  });
  test('SessionNotOnOrAfter past is a warning', () => {
    const ctx = fine();
    ctx.message = ruleMessage(response({}, { sessionNotOnOrAfter: '2024-05-01T11:00:00Z' }));
    const f = one(timeValidityRule, ctx);
    expect([f.code, f.severity]).toEqual(['expired', 'warning']);
  });
  test('fine', () => expect(timeValidityRule.check(fine())).toEqual([]));
});

describe('status-error', () => {
  test('Responder / RequestDenied explained, with authentik policy binding fix', () => {
    const res = ruleMessage(response({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subcode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', message: 'denied' }, assertions: [] }));
    const f = one(statusErrorRule, context(res, { profile: 'authentik-provider' }));
    expect(f.code).toBe('status-error');
    expect(f.explanation).toContain('RequestDenied');
    expect(f.explanation).toContain('"denied"');
    expect(f.fix).toContain('authentik_policy_binding');
    expect(anchorName(f.node)).toBe('samlp:StatusCode');
  });
  test('unknown top-level code', () => {
    const res = ruleMessage(response({ status: { code: 'urn:x:Oops', subcode: null, message: null }, assertions: [] }));
    expect(one(statusErrorRule, context(res)).explanation).toContain('not one of the SAML 2.0 top-level codes');
  });
  test('PartialLogout is a warning', () => {
    const res = ruleMessage(response({ kind: 'LogoutResponse', status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', subcode: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout', message: null }, assertions: [] }));
    expect(one(statusErrorRule, context(res)).severity).toBe('warning');
  });
  test('fine', () => expect(statusErrorRule.check(fine())).toEqual([]));
});

describe('nameid-format-mismatch', () => {
  test('requested emailAddress, got persistent; explains what authentik sends', () => {
    const req = ruleMessage(authnRequest({}, { nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }));
    const res = ruleMessage(response());
    const f = one(nameIdFormatRule, context(res, { messages: [req, res], profile: 'authentik-provider' }));
    expect(f.code).toBe('nameid-format-mismatch');
    expect(f.explanation).toContain("the user's email address");
    expect(anchorName(f.node)).toBe('saml:NameID');
  });
  test('SP metadata NameIDFormat does not list the received format', () => {
    const res = ruleMessage(response());
    const f = one(nameIdFormatRule, context(res, { spMetadata: [spMetadata({ nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'] })] }));
    expect(f.severity).toBe('warning');
  });
  test('unspecified request accepts anything; matching format is fine', () => {
    const req = ruleMessage(authnRequest({}, { nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' }));
    const res = ruleMessage(response());
    expect(nameIdFormatRule.check(context(res, { messages: [req, res] }))).toEqual([]);
    expect(nameIdFormatRule.check(fine())).toEqual([]);
  });
});

describe('nameid-email-for-username', () => {
  const emailRes = () => ruleMessage(response({}, { nameId: { value: 'user@example.com', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' } }));
  test('Scaleway: email NameID is an error with the name_id_mapping fix', () => {
    const f = one(nameIdEmailForUsernameRule, context(emailRes(), { profile: 'scaleway' }));
    expect(f.severity).toBe('error');
    expect(f.explanation).toContain('was not found inside the organization');
    expect(f.fix).toContain('name_id_mapping');
    expect(f.fix).toContain('IAM member');
  });
  test('generic: email as emailAddress is fine; as persistent is info', () => {
    expect(nameIdEmailForUsernameRule.check(context(emailRes()))).toEqual([]);
    const p = ruleMessage(response({}, { nameId: { value: 'user@example.com', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' } }));
    expect(one(nameIdEmailForUsernameRule, context(p)).severity).toBe('info');
  });
  test('Scaleway with a username is fine', () => expect(nameIdEmailForUsernameRule.check(fine('scaleway'))).toEqual([]));
});

describe('nameid-transient', () => {
  const transient = () => ruleMessage(response({}, { nameId: { value: '_abc', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' } }));
  test('info in generic, warning when a stable ID is needed, error in Scaleway', () => {
    expect(one(nameIdTransientRule, context(transient())).severity).toBe('info');
    const md = spMetadata({ nameIdFormats: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'] });
    expect(one(nameIdTransientRule, context(transient(), { spMetadata: [md] })).severity).toBe('warning');
    expect(one(nameIdTransientRule, context(transient(), { profile: 'authentik-source' })).severity).toBe('warning');
    expect(one(nameIdTransientRule, context(transient(), { profile: 'scaleway' })).severity).toBe('error');
    expect(one(nameIdTransientRule, context(transient(), { profile: 'authentik-source' })).fix).toContain('NameID Policy');
  });
  test('not flagged when the SP requested transient (generic), nor for persistent', () => {
    const req = ruleMessage(authnRequest({}, { nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }));
    const res = transient();
    expect(nameIdTransientRule.check(context(res, { messages: [req, res] }))).toEqual([]);
    expect(nameIdTransientRule.check(fine())).toEqual([]);
  });
});

describe('binding-mismatch', () => {
  test('AuthnRequest POSTed to authentik /sso/binding/redirect/ → 403 CSRF', () => {
    const url = 'https://authentik.apps.example.com/application/saml/scaleway-console/sso/binding/redirect/';
    const req = ruleMessage(authnRequest({ destination: url }), { payload: { url, method: 'POST' } });
    const f = one(bindingRule, context(req, { profile: 'scaleway' }));
    expect(f.code).toBe('binding-mismatch');
    expect(f.explanation).toContain('CSRF');
    expect(f.fix).toContain('/sso/binding/post/');
  });
  test('binding not offered by the IdP metadata at that location', () => {
    const loc = 'https://idp.example.com/sso';
    const req = ruleMessage(authnRequest({ destination: loc }), { binding: 'HTTP-POST' });
    expect(codes(bindingRule, context(req, { idpMetadata: [idpMetadata({ sso: [{ location: loc, binding: 'redirect' }] })] }))).toEqual(['binding-mismatch']);
  });
  test('Response delivered with HTTP-Redirect', () => {
    const res = ruleMessage(response(), { binding: 'HTTP-Redirect' });
    expect(one(bindingRule, context(res, { profile: 'scaleway' })).fix).toContain('sp_binding = "post"');
  });
  test('ACS in SP metadata only accepts Artifact', () => {
    const res = ruleMessage(response());
    const md = spMetadata({ acs: [{ location: ACS, binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact' }] });
    expect(codes(bindingRule, context(res, { spMetadata: [md] }))).toEqual(['binding-mismatch']);
  });
  test('fine', () => {
    expect(bindingRule.check(fine())).toEqual([]);
    const url = 'https://authentik.apps.example.com/application/saml/app/sso/binding/post/';
    const req = ruleMessage(authnRequest({ destination: url }), { payload: { url, method: 'POST' } });
    expect(bindingRule.check(context(req, { idpMetadata: [idpMetadata()] }))).toEqual([]);
  });
});

describe('acs-not-in-metadata', () => {
  test('requested ACS URL not in SP metadata', () => {
    const req = ruleMessage(authnRequest({}, { assertionConsumerServiceURL: 'https://sp.example.com/other-acs' }));
    const f = one(acsNotInMetadataRule, context(req, { spMetadata: [spMetadata()] }));
    expect(f.code).toBe('acs-not-in-metadata');
    expect(f.explanation).toContain(ACS);
  });
  test('requested index not in SP metadata', () => {
    const req = ruleMessage(authnRequest({}, { assertionConsumerServiceURL: null, assertionConsumerServiceIndex: '7' }));
    expect(codes(acsNotInMetadataRule, context(req, { spMetadata: [spMetadata()] }))).toEqual(['acs-not-in-metadata']);
  });
  test('fine (and silent without SP metadata)', () => {
    const req = ruleMessage(authnRequest());
    expect(acsNotInMetadataRule.check(context(req, { spMetadata: [spMetadata()] }))).toEqual([]);
    expect(acsNotInMetadataRule.check(context(ruleMessage(authnRequest({}, { assertionConsumerServiceURL: 'https://x/' }))))).toEqual([]);
  });
});

describe('metadata-expired', () => {
  const mdMessage = (validUntil: string) => {
    const md = idpMetadata({ validUntil });
    return ruleMessage({ kind: 'EntityDescriptor', rootName: 'urn:oasis:names:tc:SAML:2.0:metadata EntityDescriptor', id: null, issuer: null, destination: null, inResponseTo: null, issueInstant: null, version: null, status: null, assertions: [], metadata: md });
  };
  test('pasted metadata past validUntil is an error', () => {
    const f = one(metadataExpiredRule, context(mdMessage('2024-01-01T00:00:00Z')));
    expect([f.code, f.severity]).toEqual(['metadata-expired', 'error']);
    expect(anchorName(f.node)).toBe('md:EntityDescriptor');
  });
  test('trusted metadata past validUntil is a warning on messages', () => {
    const res = ruleMessage(response());
    expect(one(metadataExpiredRule, context(res, { idpMetadata: [idpMetadata({ validUntil: '2024-01-01T00:00:00Z' })] })).severity).toBe('warning');
  });
  test('fine', () => {
    expect(metadataExpiredRule.check(context(mdMessage('2030-01-01T00:00:00Z')))).toEqual([]);
    expect(metadataExpiredRule.check(fine())).toEqual([]);
  });
});

describe('signature policy', () => {
  test('Scaleway requires both Response and Assertion signed', () => {
    const res = ruleMessage(response(), { signatures: [] });
    const found = signaturePolicyRule.check(context(res, { profile: 'scaleway' }));
    expect(found.map((f) => f.code)).toEqual(['assertion-unsigned', 'response-unsigned']);
    expect(found[0].fix).toContain('sign_assertion = true');
    expect(found[1].fix).toContain('sign_response = true');
    expect(anchorName(found[0].node)).toBe('saml:Assertion');
  });
  test('WantAssertionsSigned in SP metadata', () => {
    const res = ruleMessage(response(), { signatures: [signature('Response', '_r1')] });
    expect(codes(signaturePolicyRule, context(res, { spMetadata: [spMetadata({ wantAssertionsSigned: true })] }))).toEqual(['assertion-unsigned']);
    expect(codes(signaturePolicyRule, context(res))).toEqual([]);
  });
  test('fine', () => expect(signaturePolicyRule.check(fine('scaleway'))).toEqual([]));
});

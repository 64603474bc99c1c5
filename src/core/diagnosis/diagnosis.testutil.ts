// Builders for rule tests: hand-made summaries plus a tiny XML rendering of them, parsed with
// @xmldom/xmldom, so findings can be checked for their anchor node. Used by *.test.ts only.
import { siteOf } from './site';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'vitest';
import type { AssertionSummary, Binding, CapturedPayload, MessageSummary, MetadataSummary, RawFinding, SignatureReport } from '../types';
import { wordFinding, type ProfileName } from '../profiles';
import type { Expectations, Rule, RuleContext, RuleMessage } from './context';
import { resolveExpectations } from './expectations';

export const AT = new Date('2024-05-01T12:00:00Z');
export const IDP = 'https://authentik.apps.example.com/';
export const SP = 'https://sp.example.com/metadata';
export const ACS = 'https://sp.example.com/acs';

export function assertion(o: Partial<AssertionSummary> = {}): AssertionSummary {
  return {
    id: '_a1', issuer: IDP, issueInstant: '2024-05-01T11:59:50Z',
    nameId: { value: 'jdoe', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' },
    audiences: [SP], recipient: ACS, inResponseTo: '_req1',
    subjectNotOnOrAfter: '2024-05-01T12:04:50Z', notBefore: '2024-05-01T11:59:20Z', notOnOrAfter: '2024-05-01T12:04:50Z',
    sessionNotOnOrAfter: '2024-05-02T12:00:00Z', authnInstant: '2024-05-01T11:59:40Z', authnContextClassRef: null,
    attributes: {}, attributeDetails: [], encrypted: false, ...o,
  };
}

export function response(o: Partial<MessageSummary> = {}, a: Partial<AssertionSummary> = {}): MessageSummary {
  return {
    kind: 'Response', rootName: 'urn:oasis:names:tc:SAML:2.0:protocol Response', id: '_r1', issuer: IDP, destination: ACS,
    inResponseTo: '_req1', issueInstant: '2024-05-01T11:59:50Z', version: '2.0',
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', subcode: null, message: null },
    assertions: [assertion(a)], ...o,
  };
}

export function authnRequest(o: Partial<MessageSummary> = {}, ar: Partial<NonNullable<MessageSummary['authnRequest']>> = {}): MessageSummary {
  return {
    kind: 'AuthnRequest', rootName: 'urn:oasis:names:tc:SAML:2.0:protocol AuthnRequest', id: '_req1', issuer: SP,
    destination: 'https://authentik.apps.example.com/application/saml/app/sso/binding/post/', inResponseTo: null,
    issueInstant: '2024-05-01T11:59:30Z', version: '2.0', status: null, assertions: [],
    authnRequest: { assertionConsumerServiceURL: ACS, assertionConsumerServiceIndex: null, protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', nameIdPolicyFormat: null, allowCreate: true, forceAuthn: null, isPassive: null, requestedAuthnContext: null, ...ar },
    ...o,
  };
}

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export function spMetadata(o: { entityId?: string; acs?: { location: string; binding?: string; index?: number }[]; nameIdFormats?: string[]; wantAssertionsSigned?: boolean; validUntil?: string | null } = {}): MetadataSummary {
  return {
    validUntil: o.validUntil ?? null,
    entities: [{
      entityId: o.entityId ?? SP, validUntil: null, cacheDuration: null,
      roles: [{
        role: 'SPSSODescriptor', protocolSupportEnumeration: 'urn:oasis:names:tc:SAML:2.0:protocol', wantAssertionsSigned: o.wantAssertionsSigned ?? null, authnRequestsSigned: null,
        singleSignOnServices: [], singleLogoutServices: [],
        assertionConsumerServices: (o.acs ?? [{ location: ACS }]).map((e, i) => ({ binding: e.binding ?? POST, location: e.location, index: e.index ?? i, isDefault: i === 0 })),
        nameIdFormats: o.nameIdFormats ?? [], keyDescriptors: [],
      }],
    }],
  };
}

export function idpMetadata(o: { entityId?: string; sso?: { location: string; binding?: 'post' | 'redirect' }[]; validUntil?: string | null } = {}): MetadataSummary {
  return {
    validUntil: o.validUntil ?? null,
    entities: [{
      entityId: o.entityId ?? IDP, validUntil: null, cacheDuration: null,
      roles: [{
        role: 'IDPSSODescriptor', protocolSupportEnumeration: 'urn:oasis:names:tc:SAML:2.0:protocol', wantAuthnRequestsSigned: false,
        singleSignOnServices: (o.sso ?? [{ location: 'https://authentik.apps.example.com/application/saml/app/sso/binding/post/', binding: 'post' }]).map((e) => ({ binding: e.binding === 'redirect' ? REDIRECT : POST, location: e.location })),
        singleLogoutServices: [], assertionConsumerServices: [], nameIdFormats: [], keyDescriptors: [],
      }],
    }],
  };
}

export function signature(target: 'Response' | 'Assertion', targetId: string): SignatureReport {
  return {
    target, targetId, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    references: [], verdict: 'valid', reason: 'test', key: { source: 'metadata', sha256Fingerprint: null }, signedInfoCanonical: null, index: 1, keyInfoCertificates: [],
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const attr = (name: string, v: string | null | undefined) => (v === null || v === undefined ? '' : ` ${name}="${esc(v)}"`);

/** A minimal XML rendering of a summary (enough elements for anchoring). */
export function xmlFor(s: MessageSummary): string {
  const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
  const issuer = s.issuer !== null ? `<saml:Issuer>${esc(s.issuer)}</saml:Issuer>` : '';
  if (s.kind === 'AuthnRequest') return `<samlp:AuthnRequest ${P}${attr('ID', s.id)}${attr('Destination', s.destination)}>${issuer}</samlp:AuthnRequest>`;
  if (s.kind === 'EntityDescriptor') return `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(s.metadata?.entities[0]?.entityId ?? '')}"/>`;
  const status = s.status ? `<samlp:Status><samlp:StatusCode${attr('Value', s.status.code)}>${s.status.subcode ? `<samlp:StatusCode${attr('Value', s.status.subcode)}/>` : ''}</samlp:StatusCode></samlp:Status>` : '';
  const assertions = s.assertions.map((a) =>
    `<saml:Assertion${attr('ID', a.id)}>${a.issuer !== null ? `<saml:Issuer>${esc(a.issuer)}</saml:Issuer>` : ''}<saml:Subject>${a.nameId ? `<saml:NameID${attr('Format', a.nameId.format)}>${esc(a.nameId.value)}</saml:NameID>` : ''}<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${attr('Recipient', a.recipient)}${attr('InResponseTo', a.inResponseTo)}${attr('NotOnOrAfter', a.subjectNotOnOrAfter)}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions${attr('NotBefore', a.notBefore)}${attr('NotOnOrAfter', a.notOnOrAfter)}>${a.audiences.length ? `<saml:AudienceRestriction>${a.audiences.map((x) => `<saml:Audience>${esc(x)}</saml:Audience>`).join('')}</saml:AudienceRestriction>` : ''}</saml:Conditions><saml:AuthnStatement${attr('AuthnInstant', a.authnInstant)}${attr('SessionNotOnOrAfter', a.sessionNotOnOrAfter)}/></saml:Assertion>`,
  ).join('');
  const root = s.kind === 'LogoutResponse' ? 'LogoutResponse' : 'Response';
  return `<samlp:${root} ${P}${attr('ID', s.id)}${attr('Destination', s.destination)}${attr('InResponseTo', s.inResponseTo)}>${issuer}${status}${assertions}</samlp:${root}>`;
}

export function ruleMessage(summary: MessageSummary, o: { binding?: Binding; payload?: Partial<CapturedPayload>; signatures?: SignatureReport[]; consumedAssertionIndex?: number | null; xml?: string } = {}): RuleMessage {
  const xml = o.xml ?? xmlFor(summary);
  const binding = o.binding === undefined ? 'HTTP-POST' : o.binding;
  return {
    summary,
    doc: new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document,
    binding,
    payload: { binding, parameter: summary.kind === 'AuthnRequest' ? 'SAMLRequest' : 'SAMLResponse', xml, encoding: [], notes: [], ...o.payload },
    signatures: o.signatures ?? (summary.kind === 'Response' ? [signature('Response', summary.id ?? ''), ...summary.assertions.map((a) => signature('Assertion', a.id ?? ''))] : []),
    trusted: true,
    consumedAssertionIndex: o.consumedAssertionIndex === undefined ? (summary.assertions.length ? 0 : null) : o.consumedAssertionIndex,
  };
}

export function context(message: RuleMessage, o: { messages?: RuleMessage[]; idpMetadata?: MetadataSummary[]; spMetadata?: MetadataSummary[]; expectations?: Expectations; at?: Date; skewSeconds?: number; profile?: ProfileName } = {}): RuleContext {
  const messages = o.messages ?? [message];
  const idp = o.idpMetadata ?? [];
  const sp = o.spMetadata ?? [];
  const profile = o.profile ?? 'generic';
  return {
    message, messages, idpMetadata: idp, spMetadata: sp,
    expectations: o.expectations ?? resolveExpectations({ profile }, messages, idp, sp, message),
    at: o.at ?? AT, skewSeconds: o.skewSeconds ?? 180, profile, siteOf,
  };
}

/** The element name a finding is anchored to ("saml:Issuer"), for assertions in tests. */
export function anchorName(node: Node | null | undefined): string | null {
  return node && node.nodeType === 1 ? (node as Element).nodeName : null;
}

/**
 * A rule's findings as the pipeline words them: the active profile's wording (profiles/<name>.ts)
 * applied, as inspect.ts applies it to every finding.
 */
export function runRule(rule: Rule, ctx: RuleContext): RawFinding[] {
  return rule.check(ctx).map((f) => wordFinding(ctx.profile, f));
}

export const ruleCodes = (rule: Rule, ctx: RuleContext): string[] => runRule(rule, ctx).map((f) => f.code);

/** The one finding a rule gives (fails the test otherwise). */
export function onlyFinding(rule: Rule, ctx: RuleContext): RawFinding {
  const f = runRule(rule, ctx);
  expect(f).toHaveLength(1);
  return f[0];
}

/** A fine SP-initiated exchange: request + response, metadata on both sides. */
export function fineExchange(profile: ProfileName = 'generic'): RuleContext {
  const req = ruleMessage(authnRequest());
  const res = ruleMessage(response());
  return context(res, { messages: [req, res], idpMetadata: [idpMetadata()], spMetadata: [spMetadata()], profile });
}

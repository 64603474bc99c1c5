// Building the SP's protocol messages (AuthnRequest, LogoutRequest) as XML text, and reading
// an (edited) AuthnRequest back into settings terms with the core summarizer.
import { summarizeMessage } from '../saml/summarize';
import { fail, ok, type InputError, type Result } from '../types';
import { parseXmlSafely } from '../xml/parse';
import { BINDING_URIS, bindingNameOf, type AuthnContextComparison, type MockSpSettings, type ProtocolBindingName } from './settings';

const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** XML text and attribute escaping (XML 1.0 §2.4, §3.3.3: also tab/CR/LF in attributes so they survive normalisation). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"'\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);
}

/**
 * A fresh message ID: SAML core §1.3.4 wants at least 128 bits of randomness; 160 bits here
 * (XML-DSig references it as an xs:ID, an NCName, so it must not start with a digit: "_" first).
 */
export function newMessageId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(20));
  return `_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** xs:dateTime in UTC without fractional seconds (SAML core §1.3.3); some IdPs reject milliseconds. */
export function samlInstant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface BuildOptions {
  /** Fixed ID (tests, or repeating a request); must be an NCName. Default: newMessageId(). */
  id?: string;
  now?: Date;
}

export interface BuiltMessage {
  id: string;
  issueInstant: string;
  xml: string;
}

const bool = (name: string, v: boolean) => (v ? ` ${name}="true"` : '');

/**
 * SAML core §3.4.1 AuthnRequest. Child order follows the schema (§3.2.1, §3.4.1): Issuer,
 * (Signature, added by sign.ts), NameIDPolicy, RequestedAuthnContext. Unsigned and compact:
 * signing inserts the Signature after Issuer.
 */
export function buildAuthnRequest(settings: MockSpSettings, options: BuildOptions = {}): BuiltMessage {
  const id = options.id ?? newMessageId();
  const issueInstant = samlInstant(options.now ?? new Date());
  let attrs = ` ID="${escapeXml(id)}" Version="2.0" IssueInstant="${issueInstant}"`;
  if (settings.destination) attrs += ` Destination="${escapeXml(settings.destination)}"`;
  attrs += bool('ForceAuthn', settings.forceAuthn) + bool('IsPassive', settings.isPassive);
  if (settings.useAcsIndex) {
    // §3.4.1: the index excludes AssertionConsumerServiceURL and ProtocolBinding.
    attrs += ` AssertionConsumerServiceIndex="${settings.acsIndex}"`;
  } else {
    if (settings.protocolBinding) attrs += ` ProtocolBinding="${BINDING_URIS[settings.protocolBinding]}"`;
    if (settings.acsUrl) attrs += ` AssertionConsumerServiceURL="${escapeXml(settings.acsUrl)}"`;
  }
  let body = `<saml:Issuer>${escapeXml(settings.spEntityId)}</saml:Issuer>`;
  if (settings.nameIdPolicyFormat !== null || settings.allowCreate !== null) {
    let p = '';
    if (settings.nameIdPolicyFormat !== null) p += ` Format="${escapeXml(settings.nameIdPolicyFormat)}"`;
    if (settings.allowCreate !== null) p += ` AllowCreate="${settings.allowCreate}"`;
    body += `<samlp:NameIDPolicy${p}/>`;
  }
  const rac = settings.requestedAuthnContext;
  if (rac) {
    body += `<samlp:RequestedAuthnContext Comparison="${rac.comparison}">${rac.classRefs
      .filter((c) => c.trim())
      .map((c) => `<saml:AuthnContextClassRef>${escapeXml(c.trim())}</saml:AuthnContextClassRef>`)
      .join('')}</samlp:RequestedAuthnContext>`;
  }
  const xml = `<samlp:AuthnRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}"${attrs}>${body}</samlp:AuthnRequest>`;
  return { id, issueInstant, xml };
}

export interface LogoutRequestInput {
  /** The NameID of the session to end, as the IdP sent it (SAML core §3.7.1 requires it). */
  nameId: { value: string; format?: string | null; nameQualifier?: string | null; spNameQualifier?: string | null };
  /** SessionIndex values from the AuthnStatement of the assertion. */
  sessionIndexes?: string[];
  /** e.g. urn:oasis:names:tc:SAML:2.0:logout:user */
  reason?: string | null;
  notOnOrAfter?: Date | null;
}

/** SAML core §3.7.1 LogoutRequest for SP-initiated logout, sent to settings.sloUrl. */
export function buildLogoutRequest(settings: MockSpSettings, input: LogoutRequestInput, options: BuildOptions = {}): BuiltMessage {
  const id = options.id ?? newMessageId();
  const issueInstant = samlInstant(options.now ?? new Date());
  let attrs = ` ID="${escapeXml(id)}" Version="2.0" IssueInstant="${issueInstant}"`;
  if (settings.sloUrl) attrs += ` Destination="${escapeXml(settings.sloUrl)}"`;
  if (input.reason) attrs += ` Reason="${escapeXml(input.reason)}"`;
  if (input.notOnOrAfter) attrs += ` NotOnOrAfter="${samlInstant(input.notOnOrAfter)}"`;
  const n = input.nameId;
  let nameAttrs = '';
  if (n.nameQualifier) nameAttrs += ` NameQualifier="${escapeXml(n.nameQualifier)}"`;
  if (n.spNameQualifier) nameAttrs += ` SPNameQualifier="${escapeXml(n.spNameQualifier)}"`;
  if (n.format) nameAttrs += ` Format="${escapeXml(n.format)}"`;
  const body =
    `<saml:Issuer>${escapeXml(settings.spEntityId)}</saml:Issuer>` +
    `<saml:NameID${nameAttrs}>${escapeXml(n.value)}</saml:NameID>` +
    (input.sessionIndexes ?? []).map((s) => `<samlp:SessionIndex>${escapeXml(s)}</samlp:SessionIndex>`).join('');
  const xml = `<samlp:LogoutRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}"${attrs}>${body}</samlp:LogoutRequest>`;
  return { id, issueInstant, xml };
}

/** The settings-relevant content of an AuthnRequest (for the editor view and round-trip checks). */
export interface AuthnRequestFields {
  id: string | null;
  issueInstant: string | null;
  issuer: string | null;
  destination: string | null;
  acsUrl: string | null;
  acsIndex: number | null;
  protocolBinding: ProtocolBindingName | string | null;
  nameIdPolicyFormat: string | null;
  allowCreate: boolean | null;
  forceAuthn: boolean;
  isPassive: boolean;
  requestedAuthnContext: { classRefs: string[]; comparison: AuthnContextComparison | string } | null;
  signed: boolean;
}

/**
 * Read an AuthnRequest (built here or edited by the user) back through the core summarizer.
 * Errors are the core's input errors; a well-formed non-AuthnRequest is `input-unrecognized`.
 */
export function parseAuthnRequestFields(xml: string): Result<AuthnRequestFields, InputError> {
  const doc = parseXmlSafely(xml);
  if (!doc.ok) return doc;
  const summary = summarizeMessage(doc.value);
  const a = summary.authnRequest;
  if (summary.kind !== 'AuthnRequest' || !a) return fail({ code: 'input-unrecognized', message: `Not an AuthnRequest: the root element is ${summary.rootName}.` });
  const root = doc.value.documentElement!;
  let signed = false;
  for (let c = root.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === 'Signature' && (c as Element).namespaceURI === 'http://www.w3.org/2000/09/xmldsig#') signed = true;
  const index = a.assertionConsumerServiceIndex;
  return ok({
    id: summary.id,
    issueInstant: summary.issueInstant,
    issuer: summary.issuer,
    destination: summary.destination,
    acsUrl: a.assertionConsumerServiceURL,
    acsIndex: index === null || !/^\d+$/.test(index) ? null : Number(index),
    protocolBinding: a.protocolBinding === null ? null : (bindingNameOf(a.protocolBinding) ?? a.protocolBinding),
    nameIdPolicyFormat: a.nameIdPolicyFormat,
    allowCreate: a.allowCreate,
    forceAuthn: a.forceAuthn === true,
    isPassive: a.isPassive === true,
    // SAML core §3.3.2.2.1: Comparison defaults to "exact".
    requestedAuthnContext: a.requestedAuthnContext ? { classRefs: a.requestedAuthnContext.classRefs, comparison: a.requestedAuthnContext.comparison ?? 'exact' } : null,
    signed,
  });
}

/** The fields a request built from `settings` must carry (the other side of the round trip). */
export function expectedAuthnRequestFields(settings: MockSpSettings): Omit<AuthnRequestFields, 'id' | 'issueInstant' | 'signed'> {
  const nameIdPolicy = settings.nameIdPolicyFormat !== null || settings.allowCreate !== null;
  return {
    issuer: settings.spEntityId,
    destination: settings.destination || null,
    acsUrl: settings.useAcsIndex || !settings.acsUrl ? null : settings.acsUrl,
    acsIndex: settings.useAcsIndex ? settings.acsIndex : null,
    protocolBinding: settings.useAcsIndex ? null : settings.protocolBinding,
    nameIdPolicyFormat: nameIdPolicy ? settings.nameIdPolicyFormat : null,
    allowCreate: nameIdPolicy ? settings.allowCreate : null,
    forceAuthn: settings.forceAuthn,
    isPassive: settings.isPassive,
    requestedAuthnContext: settings.requestedAuthnContext
      ? { classRefs: settings.requestedAuthnContext.classRefs.filter((c) => c.trim()).map((c) => c.trim()), comparison: settings.requestedAuthnContext.comparison }
      : null,
  };
}


// The unsigned SAML 2.0 Response of the mock IdP (SAML core §3.3.3 Response, §2.3.3 Assertion),
// as text. Signing (./issue.ts) and encryption (./encrypt.ts) work on the parsed result. Every
// value the user typed is escaped; element order follows the schema, because SPs that validate
// against saml-schema-protocol-2.0.xsd (samlify with xmllint, Shibboleth) reject any other order.
import { escapeXml, newMessageId, samlInstant } from '../mocksp/authnRequest';
import { NS } from '../xml/dom';

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
export const ATTRNAME_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
export const ATTRNAME_BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';

export interface IdpAttribute {
  name: string;
  friendlyName?: string | null;
  /** Default: `uri` when the name looks like one, else `basic` (SAML core §8.2). */
  nameFormat?: string | null;
  values: string[];
}

/** Everything that goes into one Response, already resolved (no defaults left to apply). */
export interface ResponseFields {
  responseId: string;
  assertionId: string;
  /** <samlp:Response IssueInstant>, the assertion's IssueInstant and AuthnInstant. */
  issueInstant: Date;
  /** Response and Assertion <saml:Issuer> (SAML profiles §4.1.4.2: the IdP's entity ID). */
  issuer: string;
  /** <samlp:Response Destination>: the ACS URL the Response is sent to (SAML bindings §3.5.5.2). */
  destination: string;
  /** <SubjectConfirmationData Recipient> (SAML profiles §4.1.4.2: the ACS URL). */
  recipient: string;
  /** Response and SubjectConfirmationData InResponseTo; null for IdP-initiated (unsolicited) login. */
  inResponseTo: string | null;
  /** <AudienceRestriction><Audience>: the SP's entity ID. */
  audience: string;
  nameId: { value: string; format: string; spNameQualifier?: string | null };
  /** Conditions NotBefore / NotOnOrAfter and SubjectConfirmationData NotOnOrAfter. */
  notBefore: Date;
  notOnOrAfter: Date;
  /** AuthnStatement SessionNotOnOrAfter and SessionIndex (SLO needs the index: SAML profiles §4.4.3.1). */
  sessionNotOnOrAfter: Date;
  sessionIndex: string;
  authnContextClassRef: string;
  attributes: IdpAttribute[];
  status: { code: string; subcode?: string | null; message?: string | null };
  /** Omit the assertion (an error Response carries none: SAML profiles §4.1.4.2). */
  withAssertion: boolean;
}

function nameFormatOf(a: IdpAttribute): string {
  if (a.nameFormat) return a.nameFormat;
  return /^[a-z][a-z0-9+.-]*:/i.test(a.name) ? ATTRNAME_URI : ATTRNAME_BASIC;
}

export function newResponseIds(): { responseId: string; assertionId: string; sessionIndex: string } {
  return { responseId: newMessageId(), assertionId: newMessageId(), sessionIndex: newMessageId() };
}

function attributeXml(a: IdpAttribute): string {
  const friendly = a.friendlyName ? ` FriendlyName="${escapeXml(a.friendlyName)}"` : '';
  // xsi:type xs:string: SAML core §2.7.3.1.1 lets the value be typed; some SPs (Shibboleth's
  // decoders, samlify) read typed and untyped values alike, and xs:string is the common choice.
  const values = a.values.map((v) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(v)}</saml:AttributeValue>`).join('');
  return `<saml:Attribute Name="${escapeXml(a.name)}" NameFormat="${escapeXml(nameFormatOf(a))}"${friendly}>${values}</saml:Attribute>`;
}

/** The <saml:Assertion> element alone (namespace declarations on it, so it stands on its own when encrypted). */
export function assertionXml(f: ResponseFields): string {
  const at = samlInstant(f.issueInstant);
  const irt = f.inResponseTo !== null ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  const spnq = f.nameId.spNameQualifier ? ` SPNameQualifier="${escapeXml(f.nameId.spNameQualifier)}"` : '';
  const attrs = f.attributes.length ? `<saml:AttributeStatement>${f.attributes.map(attributeXml).join('')}</saml:AttributeStatement>` : '';
  return (
    `<saml:Assertion xmlns:saml="${NS.assertion}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${escapeXml(f.assertionId)}" Version="2.0" IssueInstant="${at}">` +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${escapeXml(f.nameId.format)}"${spnq}>${escapeXml(f.nameId.value)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="${BEARER}"><saml:SubjectConfirmationData${irt} NotOnOrAfter="${samlInstant(f.notOnOrAfter)}" Recipient="${escapeXml(f.recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${samlInstant(f.notBefore)}" NotOnOrAfter="${samlInstant(f.notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${escapeXml(f.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${at}" SessionIndex="${escapeXml(f.sessionIndex)}" SessionNotOnOrAfter="${samlInstant(f.sessionNotOnOrAfter)}"><saml:AuthnContext><saml:AuthnContextClassRef>${escapeXml(f.authnContextClassRef)}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    attrs +
    `</saml:Assertion>`
  );
}

/** The whole <samlp:Response>, unsigned. */
export function responseXml(f: ResponseFields): string {
  const irt = f.inResponseTo !== null ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  const sub = f.status.subcode ? `<samlp:StatusCode Value="${escapeXml(f.status.subcode)}"/>` : '';
  const msg = f.status.message ? `<samlp:StatusMessage>${escapeXml(f.status.message)}</samlp:StatusMessage>` : '';
  return (
    `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${escapeXml(f.responseId)}" Version="2.0" IssueInstant="${samlInstant(f.issueInstant)}" Destination="${escapeXml(f.destination)}"${irt}>` +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(f.status.code)}">${sub}</samlp:StatusCode>${msg}</samlp:Status>` +
    (f.withAssertion ? assertionXml(f) : '') +
    `</samlp:Response>`
  );
}

// Signature templates for the benchmark documents. xmlsec1 --sign fills in DigestValue,
// SignatureValue and the X509Certificate, so these functions only lay out realistic XML.
// Everything is deterministic (derived from indexes), so two runs sign the same content.

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  mdui: 'urn:oasis:names:tc:SAML:metadata:ui',
  mdrpi: 'urn:oasis:names:tc:SAML:metadata:rpi',
  shibmd: 'urn:mace:shibboleth:metadata:1.0',
} as const;

/** xmlsec1 `--id-attr:ID <ns>:<name>` values for the two documents' signed roots. */
export const ID_ATTR = {
  response: `${NS.protocol}:Response`,
  entities: `${NS.metadata}:EntitiesDescriptor`,
} as const;

/**
 * The signature SAML deployments use today (SAML core §5.4: enveloped, exclusive C14N,
 * single same-document reference to the parent's ID), RSA-SHA256 with SHA-256 digests.
 * `X509Data` is left empty: xmlsec1 writes the certificate given with --privkey-pem key,cert.
 */
export function signatureTemplate(referenceId: string, indent = ''): string {
  const i = (n: number) => `\n${indent}${'  '.repeat(n)}`;
  return (
    `<ds:Signature xmlns:ds="${NS.dsig}">` +
    `${i(1)}<ds:SignedInfo>` +
    `${i(2)}<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
    `${i(2)}<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>` +
    `${i(2)}<ds:Reference URI="#${referenceId}">` +
    `${i(3)}<ds:Transforms>` +
    `${i(4)}<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>` +
    `${i(4)}<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
    `${i(3)}</ds:Transforms>` +
    `${i(3)}<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>` +
    `${i(3)}<ds:DigestValue></ds:DigestValue>` +
    `${i(2)}</ds:Reference>` +
    `${i(1)}</ds:SignedInfo>` +
    `${i(1)}<ds:SignatureValue></ds:SignatureValue>` +
    `${i(1)}<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>` +
    `${i(0)}</ds:Signature>`
  );
}

export interface ResponseFixture {
  xml: string;
  responseId: string;
  issuer: string;
  audience: string;
  acsUrl: string;
  /** Time inside the assertion's validity window. */
  at: Date;
}

const ATTRIBUTES: Array<[name: string, friendly: string, values: string[]]> = [
  ['urn:oid:0.9.2342.19200300.100.1.1', 'uid', ['jdoe']],
  ['urn:oid:0.9.2342.19200300.100.1.3', 'mail', ['jane.doe@example.com']],
  ['urn:oid:2.16.840.1.113730.3.1.241', 'displayName', ['Jane Doe']],
  ['http://schemas.xmlsoap.org/claims/Group', 'groups', ['engineering', 'vpn-users']],
];

/**
 * A typical IdP Response (about 5 KB once signed): Issuer, Status, one Assertion with Subject,
 * Conditions, AuthnStatement and a few attributes; the signature on the Response, after its
 * Issuer (SAML core §3.2.2 schema order).
 */
export function responseTemplate(): ResponseFixture {
  const issuer = 'https://idp.example.com/saml/metadata';
  const audience = 'https://sp.example.net/saml/metadata';
  const acsUrl = 'https://sp.example.net/saml/acs';
  const responseId = '_resp8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f';
  const assertionId = '_assert0f1e2d3c4b5a69788796a5b4c3d2e1f0';
  const requestId = '_req5f4e3d2c1b0a99887766554433221100';
  const issued = '2025-03-01T10:00:00Z';
  const until = '2025-03-01T10:05:00Z';
  const attributes = ATTRIBUTES.map(
    ([name, friendly, values]) =>
      `\n      <saml:Attribute Name="${name}" FriendlyName="${friendly}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
      values.map((v) => `\n        <saml:AttributeValue xsi:type="xs:string">${v}</saml:AttributeValue>`).join('') +
      `\n      </saml:Attribute>`,
  ).join('');
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${responseId}" Version="2.0" IssueInstant="${issued}" Destination="${acsUrl}" InResponseTo="${requestId}">\n` +
    `  <saml:Issuer>${issuer}</saml:Issuer>\n  ` +
    signatureTemplate(responseId, '  ') +
    `\n  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>\n` +
    `  <saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="${assertionId}" Version="2.0" IssueInstant="${issued}">\n` +
    `    <saml:Issuer>${issuer}</saml:Issuer>\n` +
    `    <saml:Subject>\n` +
    `      <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" NameQualifier="${issuer}" SPNameQualifier="${audience}">a1b2c3d4-e5f6-4789-8abc-def012345678</saml:NameID>\n` +
    `      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\n` +
    `        <saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${acsUrl}" InResponseTo="${requestId}"/>\n` +
    `      </saml:SubjectConfirmation>\n` +
    `    </saml:Subject>\n` +
    `    <saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}">\n` +
    `      <saml:AudienceRestriction><saml:Audience>${audience}</saml:Audience></saml:AudienceRestriction>\n` +
    `    </saml:Conditions>\n` +
    `    <saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="_session6a7b8c9d0e1f2a3b4c5d" SessionNotOnOrAfter="2025-03-01T18:00:00Z">\n` +
    `      <saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>\n` +
    `    </saml:AuthnStatement>\n` +
    `    <saml:AttributeStatement>${attributes}\n    </saml:AttributeStatement>\n` +
    `  </saml:Assertion>\n` +
    `</samlp:Response>\n`;
  return { xml, responseId, issuer, audience, acsUrl, at: new Date('2025-03-01T10:01:00Z') };
}

export interface AggregateFixture {
  xml: string;
  aggregateId: string;
  entityCount: number;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Base64 DER, wrapped at 64 columns as metadata publishers usually do. */
function wrapBase64(der: string, indent: string): string {
  return der.replace(/\s+/g, '').replace(/.{1,64}/g, (line) => `\n${indent}${line}`) + `\n${indent.slice(2)}`;
}

function keyDescriptor(use: 'signing' | 'encryption', der: string): string {
  const body = wrapBase64(der, '              ');
  return (
    `\n      <md:KeyDescriptor use="${use}">` +
    `\n        <ds:KeyInfo>` +
    `\n          <ds:X509Data>` +
    `\n            <ds:X509Certificate>${body}</ds:X509Certificate>` +
    `\n          </ds:X509Data>` +
    `\n        </ds:KeyInfo>` +
    (use === 'encryption' ? `\n        <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>` : '') +
    `\n      </md:KeyDescriptor>`
  );
}

/**
 * One identity provider as federations (InCommon, eduGAIN) publish them: registration info,
 * scope and UI info, a signing and an encryption certificate, SSO/SLO endpoints for three
 * bindings, NameID formats, Organization and two ContactPersons. About 4 KB.
 */
export function entityDescriptor(n: number, certificates: readonly string[]): string {
  const host = `idp${n}.campus${n % 97}.example.edu`;
  const entityId = `https://${host}/idp/shibboleth`;
  const org = `Example University ${n}`;
  const signing = certificates[n % certificates.length]!;
  const encryption = certificates[(n + 1) % certificates.length]!;
  const endpoint = (el: string, binding: string, path: string) =>
    `\n      <md:${el} Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="https://${host}/idp/profile/SAML2/${path}"/>`;
  return (
    `\n  <md:EntityDescriptor entityID="${entityId}">` +
    `\n    <md:Extensions>` +
    `\n      <mdrpi:RegistrationInfo registrationAuthority="https://federation.example.org" registrationInstant="2019-0${(n % 9) + 1}-15T08:00:00Z">` +
    `\n        <mdrpi:RegistrationPolicy xml:lang="en">https://federation.example.org/policy/v${(n % 3) + 1}</mdrpi:RegistrationPolicy>` +
    `\n      </mdrpi:RegistrationInfo>` +
    `\n    </md:Extensions>` +
    `\n    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="${n % 5 === 0}">` +
    `\n      <md:Extensions>` +
    `\n        <shibmd:Scope regexp="false">campus${n}.example.edu</shibmd:Scope>` +
    `\n        <mdui:UIInfo>` +
    `\n          <mdui:DisplayName xml:lang="en">${escapeXml(org)}</mdui:DisplayName>` +
    `\n          <mdui:Description xml:lang="en">Single sign-on for students &amp; staff of ${escapeXml(org)}.</mdui:Description>` +
    `\n          <mdui:InformationURL xml:lang="en">https://www.campus${n}.example.edu/it/sso</mdui:InformationURL>` +
    `\n          <mdui:PrivacyStatementURL xml:lang="en">https://www.campus${n}.example.edu/privacy</mdui:PrivacyStatementURL>` +
    `\n          <mdui:Logo height="80" width="80">https://www.campus${n}.example.edu/logo.png</mdui:Logo>` +
    `\n        </mdui:UIInfo>` +
    `\n      </md:Extensions>` +
    keyDescriptor('signing', signing) +
    keyDescriptor('encryption', encryption) +
    endpoint('SingleLogoutService', 'HTTP-Redirect', 'Redirect/SLO') +
    endpoint('SingleLogoutService', 'HTTP-POST', 'POST/SLO') +
    `\n      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>` +
    `\n      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>` +
    endpoint('SingleSignOnService', 'HTTP-Redirect', 'Redirect/SSO') +
    endpoint('SingleSignOnService', 'HTTP-POST', 'POST/SSO') +
    endpoint('SingleSignOnService', 'HTTP-POST-SimpleSign', 'POST-SimpleSign/SSO') +
    `\n    </md:IDPSSODescriptor>` +
    `\n    <md:Organization>` +
    `\n      <md:OrganizationName xml:lang="en">${escapeXml(org)}</md:OrganizationName>` +
    `\n      <md:OrganizationDisplayName xml:lang="en">${escapeXml(org)}</md:OrganizationDisplayName>` +
    `\n      <md:OrganizationURL xml:lang="en">https://www.campus${n}.example.edu/</md:OrganizationURL>` +
    `\n    </md:Organization>` +
    `\n    <md:ContactPerson contactType="technical">` +
    `\n      <md:GivenName>IT Services</md:GivenName>` +
    `\n      <md:EmailAddress>mailto:sso-admin@campus${n}.example.edu</md:EmailAddress>` +
    `\n    </md:ContactPerson>` +
    `\n    <md:ContactPerson contactType="support">` +
    `\n      <md:GivenName>Help Desk</md:GivenName>` +
    `\n      <md:EmailAddress>mailto:helpdesk@campus${n}.example.edu</md:EmailAddress>` +
    `\n    </md:ContactPerson>` +
    `\n  </md:EntityDescriptor>`
  );
}

/**
 * A federation aggregate of at least `targetBytes` (UTF-16 code units, ASCII here, so bytes):
 * namespaces declared once on the root as real aggregates do, which makes exclusive C14N
 * re-declare them on every entity's apex element. The signature is the root's first child
 * (SAML metadata §2.3.1 schema order: Signature, Extensions, then the entities).
 */
export function aggregateTemplate(targetBytes: number, certificates: readonly string[]): AggregateFixture {
  if (certificates.length === 0) throw new Error('aggregateTemplate needs at least one certificate');
  const aggregateId = '_agg20250301T000000Z';
  const head =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<md:EntitiesDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}" xmlns:mdui="${NS.mdui}" xmlns:mdrpi="${NS.mdrpi}" xmlns:shibmd="${NS.shibmd}"` +
    ` ID="${aggregateId}" Name="https://federation.example.org/metadata/idps" validUntil="2099-01-01T00:00:00Z" cacheDuration="PT6H">\n  ` +
    signatureTemplate(aggregateId, '  ') +
    `\n  <md:Extensions>` +
    `\n    <mdrpi:PublicationInfo publisher="https://federation.example.org" creationInstant="2025-03-01T00:00:00Z" publicationId="bench-1"/>` +
    `\n  </md:Extensions>`;
  const tail = `\n</md:EntitiesDescriptor>\n`;
  const parts: string[] = [head];
  let size = head.length + tail.length + 2000; // room for what xmlsec1 fills in
  let n = 0;
  while (size < targetBytes) {
    const entity = entityDescriptor(n++, certificates);
    parts.push(entity);
    size += entity.length;
  }
  parts.push(tail);
  return { xml: parts.join(''), aggregateId, entityCount: n };
}

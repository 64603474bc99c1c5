// DEV ONLY: a hand-made InspectReport used while the core is being written, by unit tests of
// UI helpers and by `window.__samlscope.loadFixture()` in `npm start` (guarded by
// import.meta.env.DEV, so production builds drop it). Not a real message: signatures here are
// invented values.
import type { CapturedPayload, InspectReport, InspectedMessage } from '../../../../core/types';

const responseXml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_resp1" Version="2.0" IssueInstant="2024-05-01T10:00:00Z" Destination="https://sp.example.com/acs" InResponseTo="_req1">
  <saml:Issuer>https://idp.example.com/metadata</saml:Issuer>
  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
    <ds:SignedInfo>
      <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
      <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
      <ds:Reference URI="#_resp1">
        <ds:DigestValue>abc=</ds:DigestValue>
      </ds:Reference>
    </ds:SignedInfo>
  </ds:Signature>
  <samlp:Status>
    <samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>
  </samlp:Status>
  <saml:Assertion ID="_assert1" Version="2.0" IssueInstant="2024-05-01T10:00:00Z">
    <saml:Issuer>https://idp.example.com/metadata</saml:Issuer>
    <saml:Subject>
      <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">jürgen@example.com</saml:NameID>
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
        <saml:SubjectConfirmationData NotOnOrAfter="2024-05-01T10:05:00Z" Recipient="https://sp.example.com/acs" InResponseTo="_req1"/>
      </saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotBefore="2024-05-01T09:59:30Z" NotOnOrAfter="2024-05-01T10:05:00Z">
      <saml:AudienceRestriction>
        <saml:Audience>https://sp.example.com</saml:Audience>
      </saml:AudienceRestriction>
    </saml:Conditions>
    <saml:AuthnStatement AuthnInstant="2024-05-01T09:59:58Z" SessionNotOnOrAfter="2024-05-01T18:00:00Z"/>
    <saml:AttributeStatement>
      <saml:Attribute Name="groups">
        <saml:AttributeValue>admins</saml:AttributeValue>
        <saml:AttributeValue>Développeurs</saml:AttributeValue>
      </saml:Attribute>
      <saml:Attribute Name="http://schemas.goauthentik.io/2021/02/saml/username">
        <saml:AttributeValue>jurgen</saml:AttributeValue>
      </saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>`;

const payload: CapturedPayload = {
  binding: 'HTTP-POST',
  parameter: 'SAMLResponse',
  xml: responseXml,
  relayState: 'xyz',
  url: 'https://sp.example.com/acs',
  method: 'POST',
  time: '2024-05-01T10:00:01Z',
  encoding: ['base64'],
  notes: [],
};

const cert = {
  subject: 'CN=idp.example.com',
  issuer: 'CN=idp.example.com',
  notBefore: '2023-01-01T00:00:00Z',
  notAfter: '2026-01-01T00:00:00Z',
  serialNumber: '01',
  publicKeyAlgorithm: 'RSASSA-PKCS1-v1_5 2048',
  sha1Fingerprint: '12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78',
  sha256Fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  der: 'MIIB',
  foundIn: 'KeyInfo of Signature 1',
};

const response: InspectedMessage = {
  kind: 'Response',
  rootName: 'urn:oasis:names:tc:SAML:2.0:protocol Response',
  id: '_resp1',
  issuer: 'https://idp.example.com/metadata',
  destination: 'https://sp.example.com/acs',
  inResponseTo: '_req1',
  issueInstant: '2024-05-01T10:00:00Z',
  version: '2.0',
  status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', subcode: null, message: null },
  assertions: [
    {
      id: '_assert1',
      issuer: 'https://idp.example.com/metadata',
      issueInstant: '2024-05-01T10:00:00Z',
      nameId: { value: 'jürgen@example.com', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
      audiences: ['https://sp.example.com'],
      recipient: 'https://sp.example.com/acs',
      inResponseTo: '_req1',
      subjectNotOnOrAfter: '2024-05-01T10:05:00Z',
      notBefore: '2024-05-01T09:59:30Z',
      notOnOrAfter: '2024-05-01T10:05:00Z',
      sessionNotOnOrAfter: '2024-05-01T18:00:00Z',
      authnInstant: '2024-05-01T09:59:58Z',
      authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      attributes: { groups: ['admins', 'Développeurs'], 'http://schemas.goauthentik.io/2021/02/saml/username': ['jurgen'] },
      attributeDetails: [
        { name: 'groups', friendlyName: null, nameFormat: null, values: ['admins', 'Développeurs'] },
        { name: 'http://schemas.goauthentik.io/2021/02/saml/username', friendlyName: 'username', nameFormat: null, values: ['jurgen'] },
      ],
      encrypted: false,
    },
  ],
  binding: 'HTTP-POST',
  payload,
  prettyXml: responseXml,
  certificates: [cert],
  signatures: [
    {
      target: 'Response',
      targetId: '_resp1',
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      references: [
        {
          uri: '#_resp1',
          digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
          digestValid: false,
          transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
          expectedDigest: 'abc=',
          computedDigest: 'xyz=',
          resolvedTo: { id: '_resp1', localName: 'Response' },
          canonicalForm: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_resp1">…</samlp:Response>',
        },
      ],
      verdict: 'invalid',
      reason: 'The digest of reference #_resp1 does not match: the signed content was changed after signing.',
      key: { source: 'metadata', sha256Fingerprint: cert.sha256Fingerprint, subject: cert.subject, anchor: 'signing key 1 of https://idp.example.com/metadata (metadata)' },
      signedInfoCanonical: '<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">…</ds:SignedInfo>',
      index: 1,
      keyInfoCertificates: [cert],
    },
  ],
  trusted: false,
  findings: [
    {
      code: 'digest-mismatch',
      severity: 'error',
      title: 'Digest mismatch in the Response signature',
      explanation: 'The content covered by reference #_resp1 hashes to a different value than the one that was signed.',
      fix: 'Do not modify the message after the IdP signed it (proxies, re-serialisation, pretty-printing).',
      location: { line: 7, column: 7 },
    },
    {
      code: 'nameid-email-for-username',
      severity: 'warning',
      title: 'NameID is an email address',
      explanation: 'Scaleway expects the username as NameID.',
      fix: 'Set name_id_mapping to the username property mapping.',
      location: { line: 20, column: 7 },
    },
  ],
  authentikProperties: { groups: ['admins', 'Développeurs'], 'http://schemas.goauthentik.io/2021/02/saml/username': 'jurgen' },
};

const requestXml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_req1" Version="2.0" IssueInstant="2024-05-01T09:59:50Z" Destination="https://idp.example.com/sso" AssertionConsumerServiceURL="https://sp.example.com/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">
  <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://sp.example.com</saml:Issuer>
  <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" AllowCreate="true"/>
</samlp:AuthnRequest>`;

const request: InspectedMessage = {
  kind: 'AuthnRequest',
  rootName: 'urn:oasis:names:tc:SAML:2.0:protocol AuthnRequest',
  id: '_req1',
  issuer: 'https://sp.example.com',
  destination: 'https://idp.example.com/sso',
  inResponseTo: null,
  issueInstant: '2024-05-01T09:59:50Z',
  version: '2.0',
  status: null,
  assertions: [],
  authnRequest: {
    assertionConsumerServiceURL: 'https://sp.example.com/acs',
    assertionConsumerServiceIndex: null,
    protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    allowCreate: true,
    forceAuthn: null,
    isPassive: null,
    requestedAuthnContext: null,
  },
  binding: 'HTTP-Redirect',
  payload: { ...payload, binding: 'HTTP-Redirect', parameter: 'SAMLRequest', xml: requestXml, method: 'GET', url: 'https://idp.example.com/sso?SAMLRequest=…', time: '2024-05-01T09:59:50Z', encoding: ['URL', 'base64', 'raw DEFLATE'] },
  prettyXml: requestXml,
  certificates: [],
  signatures: [],
  trusted: false,
  findings: [],
  authentikProperties: {},
};

export const fixtureReport: InspectReport = {
  source: 'fixture.har',
  detected: 'har',
  errors: [],
  messages: [response, request],
  trustAnchors: [
    {
      certificateDer: 'MIIB',
      spkiDer: 'MIIB',
      sha256Fingerprint: cert.sha256Fingerprint,
      subject: cert.subject,
      source: 'metadata',
      description: 'signing key 1 of https://idp.example.com/metadata (IDPSSODescriptor, metadata)',
      scope: 'entity',
      bindings: [{ entityId: 'https://idp.example.com/metadata', role: 'IDPSSODescriptor' }],
    },
  ],
  trustErrors: [],
  evaluatedAt: '2024-05-01T10:01:00Z',
};

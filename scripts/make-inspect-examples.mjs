#!/usr/bin/env node
// Regenerates the inspect page's examples menu (src/ui/features/inspect/examples/): real SAML
// messages this project makes itself, signed and checked with xmlsec1 (the independent oracle),
// one for each failure documented in the seed (Scaleway + authentik: the 403 CSRF of a POST to
// the Redirect endpoint, "response Issuer does not match the IDP metadata", "The user … was not
// found inside the organization"), plus a valid round trip, a tampered message, a signature
// wrapping attack and a message signed by a key nobody trusts.
//
// Keys: a fresh RSA-2048 key pair for the example IdP (authentik) and one for "another IdP" are
// made with openssl on every run and thrown away; only their self-signed certificates are
// committed (inside the trust metadata), so nobody can sign new messages that these examples trust.
// Every signature is made by `xmlsec1 --sign` from a template and checked by `xmlsec1 --verify`
// before it is written; the tampered and wrapped messages are checked to fail / pass as intended.
//
// Run: node scripts/make-inspect-examples.mjs   (needs openssl and xmlsec1 on PATH)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../src/ui/features/inspect/examples');
const tmp = mkdtempSync(path.join(tmpdir(), 'samlscope-examples-'));
const t = (name) => path.join(tmp, name);

const IDP = 'https://authentik.apps.example.com/';
const SLUG = 'scaleway-console';
const SSO_POST = `https://authentik.apps.example.com/application/saml/${SLUG}/sso/binding/post/`;
const SSO_REDIRECT = `https://authentik.apps.example.com/application/saml/${SLUG}/sso/binding/redirect/`;
const SCW_ID = '8f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const SP = `https://iam.scaleway.com/saml/${SCW_ID}`;
const ACS = `https://api.scaleway.com/iam/v1/saml/${SCW_ID}/login`;
const REQ_ID = '_3c5f0e0b9a7d4e21b6a1f0c2d9e8b7a6';
// The instant each example is evaluated at: a minute after the IdP answered, so no example expires.
const AT = '2026-03-02T09:15:00Z';
const ISSUE = '2026-03-02T09:14:00Z';
const NOT_BEFORE = '2026-03-02T09:13:00Z';
const NOT_AFTER = '2026-03-02T09:19:00Z';
const SESSION_END = '2026-03-03T09:14:00Z';

const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion';

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

function makeKey(name, cn) {
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650', '-keyout', t(`${name}.key`), '-out', t(`${name}.crt`), '-subj', `/CN=${cn}`]);
  return readFileSync(t(`${name}.crt`), 'utf8');
}

const certBody = (pem) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/** A signature template (RSA-SHA256, exclusive c14n, enveloped) for xmlsec1 to fill in. */
const sigTemplate = (id) =>
  `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
  `<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#${id}"><ds:Transforms>` +
  `<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>` +
  `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>` +
  `<ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate></ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;

function assertionXml({ id, issuer = IDP, nameId, nameIdFormat, signed }) {
  return (
    `<saml:Assertion xmlns:saml="${NS_A}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${id}" Version="2.0" IssueInstant="${ISSUE}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>${signed ? sigTemplate(id) : ''}` +
    `<saml:Subject><saml:NameID Format="${nameIdFormat}">${nameId}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${REQ_ID}" NotOnOrAfter="${NOT_AFTER}" Recipient="${ACS}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${NOT_BEFORE}" NotOnOrAfter="${NOT_AFTER}"><saml:AudienceRestriction><saml:Audience>${SP}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${ISSUE}" SessionIndex="${id.replace('_', '_s')}" SessionNotOnOrAfter="${SESSION_END}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>` +
    attr('http://schemas.goauthentik.io/2021/02/saml/username', 'jdoe') +
    attr('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'jdoe@example.com') +
    attr('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'Jane Doe') +
    attr('http://schemas.xmlsoap.org/claims/Group', 'scaleway-users') +
    `</saml:AttributeStatement></saml:Assertion>`
  );
}

function attr(name, value) {
  return `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue xsi:type="xs:string">${value}</saml:AttributeValue></saml:Attribute>`;
}

function responseXml({ id, issuer = IDP, signed, assertion }) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<samlp:Response xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${id}" Version="2.0" IssueInstant="${ISSUE}" Destination="${ACS}" InResponseTo="${REQ_ID}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>${signed ? sigTemplate(id) : ''}` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>\n`
  );
}

const ID_ATTRS = ['--id-attr:ID', `${NS_P}:Response`, '--id-attr:ID', `${NS_A}:Assertion`];

function sign(xml, key, file) {
  writeFileSync(t(`${file}.tpl.xml`), xml);
  run('xmlsec1', ['--sign', '--privkey-pem', `${t(`${key}.key`)},${t(`${key}.crt`)}`, ...ID_ATTRS, '--output', t(`${file}.signed.xml`), t(`${file}.tpl.xml`)]);
  return readFileSync(t(`${file}.signed.xml`), 'utf8');
}

/** xmlsec1 verdict on the signature inside `element` (Response or Assertion): true when it verifies with `key`'s certificate. */
function xmlsecVerifies(xml, key, element) {
  const file = t(`verify-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    run('xmlsec1', ['--verify', '--pubkey-cert-pem', t(`${key}.crt`), ...ID_ATTRS, '--node-xpath', `//*[local-name()='${element}']/*[local-name()='Signature']`, file]);
    return true;
  } catch {
    return false;
  }
}

function expectXmlsec(xml, key, element, want, what) {
  const got = xmlsecVerifies(xml, key, element);
  if (got !== want) throw new Error(`${what}: xmlsec1 says the ${element} signature ${got ? 'verifies' : 'does not verify'}, expected the opposite`);
}

/** Response and Assertion both signed, as Scaleway requires (sign_assertion = true, sign_response = true). */
function signedBoth(name, { issuer = IDP, nameId = 'jdoe', nameIdFormat = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified', key = 'idp' } = {}) {
  const aId = `_a${name.replace(/[^a-z0-9]/g, '')}0001`;
  const rId = `_r${name.replace(/[^a-z0-9]/g, '')}0001`;
  const signedAssertion = sign(assertionXml({ id: aId, issuer, nameId, nameIdFormat, signed: true }), key, `${name}-assertion`).replace(/^<\?xml[^>]*>\s*/, '');
  const xml = sign(responseXml({ id: rId, issuer, signed: true, assertion: signedAssertion.trim() }), key, `${name}-response`);
  expectXmlsec(xml, key, 'Response', true, name);
  expectXmlsec(xml, key, 'Assertion', true, name);
  return { xml, aId, rId };
}

function metadataXml(entityId, certPem) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">\n` +
    `  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">\n` +
    `    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(certPem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n` +
    `    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>\n` +
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${SSO_REDIRECT}"/>\n` +
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SSO_POST}"/>\n` +
    `  </md:IDPSSODescriptor>\n</md:EntityDescriptor>\n`
  );
}

function harOf(entries) {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'samlscope examples (scripts/make-inspect-examples.mjs)', version: '1' }, pages: [], entries } }, null, 2) + '\n';
}

function harEntry({ time, method, url, postText, status, statusText, mimeType = 'text/html', body = '', location = '' }) {
  return {
    startedDateTime: time,
    time: 42,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Origin', value: 'https://console.scaleway.com' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: postText ? postText.length : 0,
      ...(postText ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: postText } } : {}),
    },
    response: {
      status,
      statusText,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: `${mimeType}; charset=utf-8` }, ...(location ? [{ name: 'Location', value: location }] : [])],
      cookies: [],
      content: { size: body.length, mimeType, text: body },
      redirectURL: location,
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { send: 1, wait: 40, receive: 1 },
  };
}

// ---- keys and trust ----
const idpCert = makeKey('idp', 'authentik.apps.example.com (samlscope example IdP)');
const otherCert = makeKey('other', 'another IdP (samlscope example, not trusted)');
void otherCert;
const metadata = metadataXml(IDP, idpCert);

// ---- the examples ----
const files = {};

// A valid answer: what the seed's configuration sends once all three problems are fixed.
const valid = signedBoth('valid');
files['valid-response.xml'] = valid.xml;

// Tampered: the valid Response with the NameID changed after signing (jdoe → admin).
const tampered = valid.xml.replace('>jdoe</saml:NameID>', '>admin</saml:NameID>');
if (tampered === valid.xml) throw new Error('tampering did not change the message');
expectXmlsec(tampered, 'idp', 'Assertion', false, 'tampered');
expectXmlsec(tampered, 'idp', 'Response', false, 'tampered');
files['tampered-response.xml'] = tampered;

// Signature wrapping (XSW, Somorovsky et al. 2012, "On Breaking SAML"): an IdP that signs only the
// Assertion; the attacker puts a forged, unsigned Assertion (NameID admin) first and keeps the
// genuine signed one after it, hoping the SP verifies one and consumes the other.
{
  const aId = '_awrapped0001';
  const genuine = sign(assertionXml({ id: aId, nameId: 'jdoe', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified', signed: true }), 'idp', 'wrap-assertion').replace(/^<\?xml[^>]*>\s*/, '').trim();
  expectXmlsec(genuine, 'idp', 'Assertion', true, 'wrapping (genuine assertion)');
  const forged = assertionXml({ id: '_aforged0001', nameId: 'admin', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified', signed: false });
  const xml = responseXml({ id: '_rwrapped0001', signed: false, assertion: forged + genuine });
  expectXmlsec(xml, 'idp', 'Assertion', true, 'wrapping (the genuine signature still verifies)');
  files['wrapping-response.xml'] = xml;
}

// Seed failure 2: issuer = var.scaleway_saml_entity_id — authentik sends Scaleway's own entity ID as Issuer.
files['scaleway-issuer-response.xml'] = signedBoth('issuer', { issuer: SP }).xml;

// Seed failure 3: name_id_mapping = email — the NameID is an email, Scaleway looks up usernames.
files['scaleway-user-not-found-response.xml'] = signedBoth('email', { nameId: 'jdoe@example.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }).xml;

// Untrusted key: a well-formed, correctly signed Response from a key that is not in the trusted metadata.
files['untrusted-key-response.xml'] = signedBoth('untrusted', { key: 'other' }).xml;

// Seed failure 1: Scaleway POSTs its AuthnRequest to authentik's HTTP-Redirect endpoint; Django answers 403 CSRF.
{
  const request =
    `<samlp:AuthnRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${REQ_ID}" Version="2.0" IssueInstant="2026-03-02T09:13:58Z" ` +
    `Destination="${SSO_REDIRECT}" AssertionConsumerServiceURL="${ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
    `<saml:Issuer>${SP}</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/></samlp:AuthnRequest>`;
  const body = `SAMLRequest=${encodeURIComponent(Buffer.from(request, 'utf8').toString('base64'))}&RelayState=${encodeURIComponent('https://console.scaleway.com/')}`;
  // Django's CSRF failure page (django/views/csrf.py, DEBUG off), as authentik serves it.
  const csrfPage =
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta http-equiv="content-type" content="text/html; charset=utf-8">\n  <meta name="robots" content="NONE,NOARCHIVE">\n  <title>403 Forbidden</title>\n</head>\n<body>\n' +
    '  <div id="summary">\n    <h1>Forbidden <span>(403)</span></h1>\n    <p>CSRF verification failed. Request aborted.</p>\n\n\n' +
    '    <p>You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.</p>\n' +
    '    <p>If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests.</p>\n  </div>\n</body>\n</html>\n';
  files['authentik-csrf-403.har'] = harOf([harEntry({ time: '2026-03-02T09:13:58.120Z', method: 'POST', url: SSO_REDIRECT, postText: body, status: 403, statusText: 'Forbidden', body: csrfPage })]);
}

// A valid round trip as a capture: the AuthnRequest POSTed to the POST endpoint (200, login page)
// and the signed Response POSTed to Scaleway's ACS (302 to the console).
{
  const request =
    `<samlp:AuthnRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${REQ_ID}" Version="2.0" IssueInstant="2026-03-02T09:13:58Z" ` +
    `Destination="${SSO_POST}" AssertionConsumerServiceURL="${ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
    `<saml:Issuer>${SP}</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/></samlp:AuthnRequest>`;
  const reqBody = `SAMLRequest=${encodeURIComponent(Buffer.from(request, 'utf8').toString('base64'))}&RelayState=${encodeURIComponent('https://console.scaleway.com/')}`;
  const resBody = `SAMLResponse=${encodeURIComponent(Buffer.from(valid.xml, 'utf8').toString('base64'))}&RelayState=${encodeURIComponent('https://console.scaleway.com/')}`;
  files['round-trip.har'] = harOf([
    harEntry({ time: '2026-03-02T09:13:58.120Z', method: 'POST', url: SSO_POST, postText: reqBody, status: 302, statusText: 'Found', location: '/if/flow/default-provider-authorization-implicit-consent/', body: '' }),
    harEntry({ time: '2026-03-02T09:14:00.480Z', method: 'POST', url: ACS, postText: resBody, status: 303, statusText: 'See Other', location: 'https://console.scaleway.com/', body: '' }),
  ]);
}

files['idp-metadata.xml'] = metadata;

for (const [name, text] of Object.entries(files)) writeFileSync(path.join(out, name), text);
rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${Object.keys(files).length} files to ${path.relative(process.cwd(), out)} (evaluation instant ${AT})`);

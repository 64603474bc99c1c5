// Test-only (Node APIs allowed): metadata, aggregates and messages of a small federation, signed
// at test time by xmlsec1 with keys openssl makes at test time (testing/xmlsec.testutil.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracleCached } from '../../testing/oracle-cache.testutil';
import { DSIG, NS_A, NS_P, URI, XMLSEC1, responseTemplate, xmlsecSign, type KeyPair } from './xmlsec.testutil';

export const NS_MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const IDP_A = 'https://idp-a.example.org/idp';
export const IDP_B = 'https://idp-b.example.org/idp';
export const SP = 'https://sp.example.com/';
export const FEDERATION = 'urn:example:federation';
export const AT = new Date('2030-01-01T00:01:00Z');

const dir = mkdtempSync(join(tmpdir(), 'samlscope-federation-'));
let counter = 0;

/** A file holding `text`, for the CLI and for xmlsec1. */
export function writeTemp(name: string, text: string): string {
  const file = join(dir, `${counter++}-${name}`);
  writeFileSync(file, text);
  return file;
}

export const certBase64 = (k: KeyPair) => k.certPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

/** An EntityDescriptor with one signing key per role given. */
export function entityDescriptor(entityId: string, roles: { idp?: KeyPair; sp?: KeyPair }): string {
  const key = (k: KeyPair) => `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBase64(k)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const idp = roles.idp ? `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${key(roles.idp)}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${entityId}/sso"/></md:IDPSSODescriptor>` : '';
  const sp = roles.sp ? `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${key(roles.sp)}<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/acs" index="0"/></md:SPSSODescriptor>` : '';
  return `<md:EntityDescriptor xmlns:md="${NS_MD}" xmlns:ds="${DSIG}" entityID="${entityId}">${idp}${sp}</md:EntityDescriptor>`;
}

const metadataSignatureTemplate = (id: string) => `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;

/** A federation aggregate of the given EntityDescriptors, signed by `operator` when given. */
export function aggregate(members: string[], operator?: KeyPair): string {
  const inner = members.map((m) => m.replace(/ xmlns:md="[^"]*" xmlns:ds="[^"]*"/, '')).join('');
  const xml = `<md:EntitiesDescriptor xmlns:md="${NS_MD}" xmlns:ds="${DSIG}" ID="_fed1" Name="${FEDERATION}">${operator ? metadataSignatureTemplate('_fed1') : ''}${inner}</md:EntitiesDescriptor>`;
  return operator ? xmlsecSign(xml, operator, [`${NS_MD}:EntitiesDescriptor`]) : xml;
}

export interface ResponseOptions {
  /** The Response's Issuer; null removes it. */
  responseIssuer?: string | null;
  assertionIssuer?: string;
  signResponse?: boolean;
  signAssertion?: boolean;
}

/** An xmlsec1-signed Response (one assertion) with the issuers asked for, signed by `key`. */
export function signedResponse(key: KeyPair, o: ResponseOptions = {}): string {
  const template = responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: o.signResponse ?? true, signAssertion: o.signAssertion ?? false });
  const responseIssuer = o.responseIssuer === undefined ? IDP_A : o.responseIssuer;
  const assertionIssuer = o.assertionIssuer ?? IDP_A;
  // The template's first Issuer is the Response's, the second the assertion's.
  let n = 0;
  const withIssuers = template.replace(/<saml:Issuer >https:\/\/idp\.example\.com\/<\/saml:Issuer>|<saml:Issuer>https:\/\/idp\.example\.com\/<\/saml:Issuer>/g, () => {
    n++;
    if (n === 1) return responseIssuer === null ? '' : `<saml:Issuer>${responseIssuer}</saml:Issuer>`;
    return `<saml:Issuer>${assertionIssuer}</saml:Issuer>`;
  });
  if (n !== 2) throw new Error(`expected two Issuers in the template, found ${n}`);
  return xmlsecSign(withIssuers, key);
}

const dsRef = (uri: string) => `<ds:Reference URI="${uri}"><ds:Transforms><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue></ds:DigestValue></ds:Reference>`;

/**
 * A Response whose signature sits in the Response but whose References (several) cover only the
 * two Issuer elements, signed by xmlsec1; then the NameID is forged. The signature stays
 * mathematically valid: nothing it covers changed.
 */
export function issuerOnlySignedResponse(key: KeyPair, forgedNameId: string): { signed: string; forged: string } {
  const template = responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: false });
  let n = 0;
  const withIds = template.replace(/<saml:Issuer ?>https:\/\/idp\.example\.com\/<\/saml:Issuer>/g, () => `<saml:Issuer ID="_issuer${++n}">${IDP_A}</saml:Issuer>`);
  const signature = `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/>${dsRef('#_issuer1')}${dsRef('#_issuer2')}</ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;
  const withSignature = withIds.replace('</saml:Issuer>', `</saml:Issuer>${signature}`);
  const signed = xmlsecSign(withSignature, key, [`${NS_P}:Response`, `${NS_A}:Assertion`, `${NS_A}:Issuer`]);
  return { signed, forged: signed.replace('alice@example.com</saml:NameID>', `${forgedNameId}</saml:NameID>`) };
}

/**
 * One Signature on the Response with `count` References `URI=""` (the whole document), the
 * work-amplification shape; `padding` bytes of attribute values make the document large.
 * Signed by xmlsec1 when `key` is given (then it is mathematically valid), else left unsigned.
 */
export function amplifiedResponse(count: number, padding: number, key?: KeyPair): string {
  const template = responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: false })
    .replace(/https:\/\/idp\.example\.com\//g, IDP_A)
    .replace('<saml:AttributeStatement>', `<saml:AttributeStatement><saml:Attribute Name="padding"><saml:AttributeValue>${'x'.repeat(padding)}</saml:AttributeValue></saml:Attribute>`);
  const ref = `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue>${key ? '' : 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='}</ds:DigestValue></ds:Reference>`;
  const signature = `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/>${ref.repeat(count)}</ds:SignedInfo><ds:SignatureValue>${key ? '' : 'AAAA'}</ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;
  const xml = template.replace('</saml:Issuer>', `</saml:Issuer>${signature}`);
  return key ? xmlsecSign(xml, key) : xml;
}

/** A LogoutRequest issued by `issuer`, signed by `key`. */
export function signedLogoutRequest(issuer: string, key: KeyPair): string {
  const xml = `<samlp:LogoutRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_lr1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="https://idp-a.example.org/idp/slo"><saml:Issuer>${issuer}</saml:Issuer>${metadataSignatureTemplate('_lr1')}<saml:NameID>alice@example.com</saml:NameID></samlp:LogoutRequest>`;
  return xmlsecSign(xml, key, [`${NS_P}:LogoutRequest`]);
}

/** An AuthnRequest issued by `issuer`, signed by `key`. */
export function signedAuthnRequest(issuer: string, key: KeyPair): string {
  const xml = `<samlp:AuthnRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="_ar1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="https://idp-a.example.org/idp/sso" AssertionConsumerServiceURL="https://sp.example.com/acs"><saml:Issuer>${issuer}</saml:Issuer>${metadataSignatureTemplate('_ar1')}</samlp:AuthnRequest>`;
  return xmlsecSign(xml, key, [`${NS_P}:AuthnRequest`]);
}

/** xmlsec1's verdict for the N-th signature with the given certificate, any ID attributes. */
export function xmlsecVerifyWith(xml: string, certFile: string, idAttrs: string[], nth = 1): boolean {
  // Mutation runs reuse the verdict for the same inputs (oracle-cache.testutil.ts).
  return oracleCached('xmlsec1-verify-with', [xml, readFileSync(certFile, 'utf8'), idAttrs, nth], () => xmlsecVerifyWithNow(xml, certFile, idAttrs, nth));
}

function xmlsecVerifyWithNow(xml: string, certFile: string, idAttrs: string[], nth: number): boolean {
  const file = writeTemp('verify.xml', xml);
  const r = spawnSync(XMLSEC1, ['--verify', '--enabled-key-data', 'key-name', '--pubkey-cert-pem', certFile, ...idAttrs.flatMap((a) => ['--id-attr:ID', a]), '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='${DSIG}'])[${nth}]`, file]);
  return r.status === 0;
}

// The mock IdP's metadata (SAML metadata §2.4.3 IDPSSODescriptor), for the SP to import: entity
// ID, signing certificate, SSO and SLO endpoints for both bindings, NameID formats. Signed on
// request with the IdP's own key (SAML metadata §3: an enveloped signature on the
// EntityDescriptor, which then needs an ID).
import { encodeBase64 } from '../encoding/base64';
import { escapeXml, newMessageId, samlInstant } from '../mocksp/authnRequest';
import type { SpSigningKey } from '../mocksp/keys';
import { serializeXml, signElementEnveloped, type SignError } from '../mocksp/sign';
import { BINDING_URIS, NAMEID_FORMATS, type SpSignatureAlgorithm } from '../mocksp/settings';
import { fail, ok, type Result } from '../types';
import { parseCertificate } from '../x509/certificate';
import { parseXmlForEditing } from '../xml/parseForEditing';
import { defaultAlgorithmFor } from './issue';

export interface IdpIdentity {
  entityId: string;
  /** SingleSignOnService location, both bindings (the mock IdP reads either). */
  ssoUrl: string;
  /** SingleLogoutService location, both bindings. */
  sloUrl: string;
  /** Tell SPs to sign their AuthnRequests (SAML metadata §2.4.3 WantAuthnRequestsSigned). */
  wantAuthnRequestsSigned: boolean;
}

export interface IdpMetadataOptions {
  /** PEM or base64 DER: KeyDescriptor use="signing". */
  certificate: string;
  /** Sign the EntityDescriptor with this key. */
  signWith?: SpSigningKey | null;
  signatureAlgorithm?: SpSignatureAlgorithm;
  validUntil?: Date | null;
  nameIdFormats?: string[];
}

export const DEFAULT_IDP_NAMEID_FORMATS = [NAMEID_FORMATS.unspecified, NAMEID_FORMATS.emailAddress, NAMEID_FORMATS.persistent, NAMEID_FORMATS.transient];

export async function exportIdpMetadata(idp: IdpIdentity, o: IdpMetadataOptions): Promise<Result<string, SignError | { code: 'certificate-invalid'; message: string }>> {
  const cert = parseCertificate(o.certificate);
  if (!cert.ok) return fail({ code: 'certificate-invalid', message: `The IdP certificate does not parse: ${cert.message}` });
  const body = encodeBase64(cert.der).replace(/.{1,76}/g, '$&\n').trimEnd();
  const endpoints = (element: string, url: string) =>
    (['HTTP-Redirect', 'HTTP-POST'] as const).map((b) => `    <md:${element} Binding="${BINDING_URIS[b]}" Location="${escapeXml(url)}"/>\n`).join('');
  const formats = (o.nameIdFormats ?? DEFAULT_IDP_NAMEID_FORMATS).map((f) => `    <md:NameIDFormat>${escapeXml(f)}</md:NameIDFormat>\n`).join('');
  const id = o.signWith ? ` ID="${newMessageId()}"` : '';
  const validUntil = o.validUntil ? ` validUntil="${samlInstant(o.validUntil)}"` : '';
  const xml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(idp.entityId)}"${id}${validUntil}>
  <md:IDPSSODescriptor WantAuthnRequestsSigned="${idp.wantAuthnRequestsSigned}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data>
          <ds:X509Certificate>${body}</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
${endpoints('SingleLogoutService', idp.sloUrl)}${formats}${endpoints('SingleSignOnService', idp.ssoUrl)}  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
  if (!o.signWith) return ok(xml);
  const doc = parseXmlForEditing(xml);
  if (!doc.ok) return fail({ code: 'not-xml', message: `Bug: the metadata does not parse: ${doc.error.message}` });
  const s = await signElementEnveloped(doc.value.documentElement!, o.signWith, o.signatureAlgorithm ?? defaultAlgorithmFor(o.signWith.privateKey));
  if (!s.ok) return s;
  return ok(`${serializeXml(doc.value)}\n`);
}

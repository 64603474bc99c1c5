// SP metadata for the mock SP (SAML metadata §2.4.4 SPSSODescriptor), to upload to the IdP.
import { parseCertificate } from '../x509/certificate';
import { escapeXml } from './authnRequest';
import { BINDING_URIS, type MockSpSettings } from './settings';

export interface SpMetadataOptions {
  /** PEM or base64 DER; becomes KeyDescriptor use="signing". */
  signingCertPem?: string | null;
  /** PEM or base64 DER; becomes KeyDescriptor use="encryption" (the IdP encrypts assertions to it). */
  encryptionCertPem?: string | null;
  /** SPSSODescriptor WantAssertionsSigned (SAML metadata §2.4.4). */
  wantAssertionsSigned: boolean;
  /** SPSSODescriptor AuthnRequestsSigned: tells the IdP to expect (and require) signed requests. */
  authnRequestsSigned: boolean;
  /** Optional validUntil (SAML metadata §2.3.2). */
  validUntil?: Date | null;
  /** Extra NameIDFormat values besides settings.nameIdPolicyFormat. */
  nameIdFormats?: string[];
}

function certBody(text: string): string | null {
  const p = parseCertificate(text);
  if (!p.ok) return null;
  // Re-encode from the parsed DER so whatever was pasted (PEM, wrapped base64) ends up clean.
  let bin = '';
  for (const b of p.der) bin += String.fromCharCode(b);
  return btoa(bin).replace(/.{1,76}/g, '$&\n').trimEnd();
}

function keyDescriptor(use: 'signing' | 'encryption', body: string): string {
  const indented = body.split('\n').join('\n            ');
  return `    <md:KeyDescriptor use="${use}">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data>
          <ds:X509Certificate>
            ${indented}
          </ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
`;
}

/**
 * An EntityDescriptor with one SPSSODescriptor, children in schema order (SAML metadata §2.4.1,
 * §2.4.2, §2.4.4): KeyDescriptor*, SingleLogoutService*, NameIDFormat*, AssertionConsumerService+.
 * The ACS is listed under settings.acsIndex with isDefault, so requests that carry only
 * AssertionConsumerServiceIndex resolve to it. Certificates that do not parse are left out.
 */
export function exportSpMetadata(settings: MockSpSettings, options: SpMetadataOptions): string {
  let kds = '';
  const signing = options.signingCertPem ? certBody(options.signingCertPem) : null;
  const encryption = options.encryptionCertPem ? certBody(options.encryptionCertPem) : null;
  if (signing) kds += keyDescriptor('signing', signing);
  if (encryption) kds += keyDescriptor('encryption', encryption);
  let slo = '';
  if (settings.spSloUrl) {
    for (const b of ['HTTP-Redirect', 'HTTP-POST'] as const) {
      slo += `    <md:SingleLogoutService Binding="${BINDING_URIS[b]}" Location="${escapeXml(settings.spSloUrl)}"/>\n`;
    }
  }
  const formats = [...new Set([settings.nameIdPolicyFormat, ...(options.nameIdFormats ?? [])].filter((f): f is string => !!f))];
  const nameIdFormats = formats.map((f) => `    <md:NameIDFormat>${escapeXml(f)}</md:NameIDFormat>\n`).join('');
  const acsIndex = Number.isInteger(settings.acsIndex) && settings.acsIndex >= 0 ? settings.acsIndex : 0;
  const acs = `    <md:AssertionConsumerService Binding="${BINDING_URIS[settings.acsBinding]}" Location="${escapeXml(settings.acsUrl)}" index="${acsIndex}" isDefault="true"/>\n`;
  const validUntil = options.validUntil ? ` validUntil="${options.validUntil.toISOString().replace(/\.\d{3}Z$/, 'Z')}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(settings.spEntityId)}"${validUntil}>
  <md:SPSSODescriptor AuthnRequestsSigned="${options.authnRequestsSigned}" WantAssertionsSigned="${options.wantAssertionsSigned}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${kds}${slo}${nameIdFormats}${acs}  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
}

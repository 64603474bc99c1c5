// How a Response leaves the mock IdP: the XML, its base64 (the SAMLResponse value of the HTTP-POST
// binding, SAML bindings §3.5.4: base64 of the XML, not deflated), or an auto-submitting HTML form
// that POSTs it to the ACS.
import { encodeBase64 } from '../encoding/base64';
import { autoSubmitFormHtml } from '../mocksp/send';

export type OutputFormat = 'xml' | 'base64' | 'form';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['xml', 'base64', 'form'];

export function samlResponseValue(xml: string): string {
  return encodeBase64(new TextEncoder().encode(xml));
}

/** The POST fields: SAMLResponse and, when given, RelayState (returned unchanged, SAML bindings §3.5.3). */
export function postFields(xml: string, relayState?: string | null, parameter: 'SAMLResponse' | 'SAMLRequest' = 'SAMLResponse'): Record<string, string> {
  const fields: Record<string, string> = { [parameter]: samlResponseValue(xml) };
  if (relayState) fields.RelayState = relayState;
  return fields;
}

export function formatResponse(xml: string, format: OutputFormat, acsUrl: string, relayState?: string | null): string {
  if (format === 'xml') return xml.endsWith('\n') ? xml : `${xml}\n`;
  if (format === 'base64') return `${samlResponseValue(xml)}\n`;
  return autoSubmitFormHtml(acsUrl, postFields(xml, relayState), 'Sending the SAML Response');
}

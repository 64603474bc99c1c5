// Namespaces of the SAML metadata extensions the tools read, beside ../xml/dom's NS.
export const MDNS = {
  /** SAML V2.0 Metadata Extensions for Registration and Publication Information v1.0. */
  mdrpi: 'urn:oasis:names:tc:SAML:metadata:rpi',
  /** SAML V2.0 Metadata Extensions for Login and Discovery User Interface v1.0. */
  mdui: 'urn:oasis:names:tc:SAML:metadata:ui',
  /** SAML V2.0 Metadata Extension for Entity Attributes v1.0. */
  mdattr: 'urn:oasis:names:tc:SAML:metadata:attribute',
  /** Shibboleth metadata extensions (Scope, KeyAuthority). */
  shibmd: 'urn:mace:shibboleth:metadata:1.0',
  /** SAML V2.0 Metadata Profile for Algorithm Support v1.0. */
  alg: 'urn:oasis:names:tc:SAML:metadata:algsupport',
} as const;

/** SAML bindings §3 plus the profiles' later bindings: every Binding URI an endpoint may name. */
export const KNOWN_BINDINGS = new Set([
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
  'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
  'urn:oasis:names:tc:SAML:2.0:bindings:PAOS',
  'urn:oasis:names:tc:SAML:2.0:bindings:URI',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST-SimpleSign',
  // SAML V2.0 Holder-of-Key Web Browser SSO Profile; ECP 2.0 and the discovery protocol.
  'urn:oasis:names:tc:SAML:2.0:bindings:holder-of-key',
  'urn:oasis:names:tc:SAML:profiles:SSO:idp-discovery-protocol',
  'urn:oasis:names:tc:SAML:profiles:holder-of-key:SSO:browser',
  'urn:oasis:names:tc:SAML:2.0:bindings:reverse-soap',
  // SAML 1.1 bindings and profiles, still published by Shibboleth IdPs beside SAML 2.0.
  'urn:oasis:names:tc:SAML:1.0:bindings:SOAP-binding',
  'urn:oasis:names:tc:SAML:1.0:profiles:browser-post',
  'urn:oasis:names:tc:SAML:1.0:profiles:artifact-01',
  'urn:mace:shibboleth:1.0:profiles:AuthnRequest',
  'urn:mace:shibboleth:2.0:profiles:AuthnRequest',
]);

export const BINDING = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  artifact: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
  soap: 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
  simpleSign: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST-SimpleSign',
} as const;

export function shortBinding(uri: string): string {
  const m = /bindings:([\w-]+)$/.exec(uri);
  return m ? m[1]! : uri;
}

// The vendor documents the profiles and rules were written from, named by their titles. They are
// not in this repository (docs/rules.md "Sources"); findings cite them by title so that the
// page and the JSON report point a reader at a document they can search for — never at a file.
export const SOURCES = {
  scalewayAuthentik: 'Configuring Scaleway SAML SSO with Authentik (Scaleway + authentik setup guide)',
  authentikSamlSource: 'authentik docs: SAML source',
  authentikSamlProvider: 'authentik docs: SAML Provider',
  exoscaleSso: 'Exoscale docs: Single Sign-On Authentication (OIDC)',
} as const;

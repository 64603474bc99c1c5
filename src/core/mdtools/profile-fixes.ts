// The wording of fixes in the products' own words, for the two products the project's profiles
// know (src/core/profiles/: authentik as IdP or SP, Scaleway IAM as SP). Kept here while
// src/core/profiles/ is split into one file per profile; each entry names the screen or field
// the user edits. A profile is recognised from the metadata itself, as the inspect profiles
// recognise it from a message (docs/metadata.md, "Profiles").
import type { MdEntity } from './model';

export type MdProfileName = 'generic' | 'authentik' | 'scaleway';

/** authentik publishes its SSO endpoints under /application/saml/<slug>/sso/binding/… and its SP (source) ACS under /source/saml/<slug>/acs/. */
const AUTHENTIK = /\/application\/saml\/[^/]+\/sso\/binding\/|\/source\/saml\/[^/]+\/acs\/?/;
/** Scaleway IAM's SP: entity ID https://iam.scaleway.com/saml/<id>, ACS https://api.scaleway.com/iam/v1/saml/<id>/login. */
const SCALEWAY = /^https:\/\/(iam\.scaleway\.com\/saml\/|api\.scaleway\.com\/iam\/v1\/saml\/)/;

export function detectMdProfile(entity: MdEntity): MdProfileName {
  if (SCALEWAY.test(entity.entityID)) return 'scaleway';
  for (const r of entity.summary.roles) {
    for (const e of [...r.singleSignOnServices, ...r.assertionConsumerServices]) {
      if (SCALEWAY.test(e.location)) return 'scaleway';
      if (AUTHENTIK.test(e.location)) return 'authentik';
    }
  }
  return 'generic';
}

/** Fix texts by code and product; the generic fix is used where a product has none. */
const FIXES: Partial<Record<string, Partial<Record<Exclude<MdProfileName, 'generic'>, string>>>> = {
  'md-cert-expired': {
    authentik: 'In authentik: System → Certificates → Generate a new certificate-key pair; open Applications → Providers → this SAML provider and set it as "Signing Certificate"; then give every SP the metadata again (the provider\'s "Download" metadata button, /api/v3/providers/saml/<id>/metadata/?download).',
    scaleway: 'Scaleway signs nothing with this certificate that an IdP checks by default; if your IdP verifies Scaleway\'s requests, download Scaleway\'s SP metadata again from the organization\'s SAML settings in the Scaleway console and re-import it into the IdP (in authentik: the provider\'s "Verification Certificate").',
  },
  'md-cert-expiring': {
    authentik: 'In authentik: System → Certificates → Generate a new pair now; publish it first (plan on the Rollover tab), then switch the SAML provider\'s "Signing Certificate" to it and re-send the metadata to every SP (Scaleway: upload the new IdP certificate in the organization\'s SAML configuration).',
    scaleway: 'Scaleway IAM\'s SP certificate is managed by Scaleway: download the SP metadata again from the Scaleway console when it changes and update the IdP (in authentik: the provider\'s "Verification Certificate").',
  },
  'md-key-too-small': {
    authentik: 'In authentik: System → Certificates → Generate, with a 2048-bit or larger RSA key (or ECDSA P-256), and select it as the SAML provider\'s "Signing Certificate".',
  },
  'md-weak-signature': {
    authentik: 'In authentik: Applications → Providers → this SAML provider → Advanced protocol settings: set "Signature algorithm" to RSA-SHA256 and "Digest algorithm" to SHA256.',
  },
  'md-no-signing-key': {
    authentik: 'In authentik: Applications → Providers → this SAML provider: choose a "Signing Certificate" (System → Certificates lists them) and download the metadata again; without it authentik signs nothing and Scaleway refuses the Response.',
  },
  'md-http-endpoint': {
    authentik: 'authentik builds its endpoints from the URL it is reached by: serve authentik over HTTPS (set the reverse proxy\'s X-Forwarded-Proto, or AUTHENTIK_LISTEN__TRUSTED_PROXY_CIDRS) and download the metadata again.',
  },
  'md-no-contact': {
    authentik: 'authentik\'s generated metadata has no ContactPerson; a federation requires one: add it when you register the entity (the federation\'s registration form), or publish edited metadata.',
  },
};

export function fixIn(profile: MdProfileName, code: string, generic: string): string {
  if (profile === 'generic') return generic;
  return FIXES[code]?.[profile] ?? generic;
}

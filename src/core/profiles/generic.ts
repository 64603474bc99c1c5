// Generic SAML 2.0 Web Browser SSO: the default. It recognises nothing (any message may be
// generic), expects only what the specifications require, and keeps every rule's
// profile-neutral wording — no product is named in its fixes.
import { defineProfile } from './profile';

declare module '../types' {
  interface ProfileNames {
    'generic': true;
  }
}

export const genericProfile = defineProfile({
  name: 'generic',
  title: 'Generic SAML 2.0 Web Browser SSO',
  roles: { idp: 'the identity provider', sp: 'the service provider' },
  requirements: [
    'Issuer of the Response and of the Assertion is the IdP entity ID (SAML profiles §4.1.4.2).',
    'The Assertion carries an AudienceRestriction containing the SP entity ID (SAML profiles §4.1.4.2).',
    'SubjectConfirmationData Recipient is the ACS URL and InResponseTo answers the AuthnRequest (SAML profiles §4.1.4.3).',
    'A signed Response delivered by POST carries a Destination equal to the ACS URL (SAML bindings §3.5.5.2).',
    'The Response is never delivered with HTTP-Redirect (SAML profiles §4.1.2).',
    'Time conditions hold at the evaluation instant, within the allowed clock skew (SAML core §2.5.1.2).',
  ],
  source: null,
  detection: 'Default when nothing more specific is recognised.',
  expects: {},
  wording: {},
});

// authentik as SAML source (SP) of an external IdP — the authentik docs "SAML source": ACS
// /source/saml/<slug>/acs/, NameID as the source connection identifier, IdP-initiated logins off
// by default. Fixes name the fields of the authentik SAML source form and ask for the IdP-side
// change in the IdP's terms (ACS / reply URL, audience).
import { SOURCES } from '../diagnosis/sources';
import { defineProfile } from './profile';

declare module '../types' {
  interface ProfileNames {
    'authentik-source': true;
  }
}

const AUTHENTIK_SOURCE_ACS = /\/source\/saml\/[^/?#]+\/acs\/?/i;
export const isAuthentikSourceAcs = (url: string | null | undefined): boolean => !!url && AUTHENTIK_SOURCE_ACS.test(url);

const q = (v: string | undefined) => (v ? `"${v}"` : '');

export const authentikSourceProfile = defineProfile({
  name: 'authentik-source',
  title: 'authentik as SAML source (SP)',
  roles: { idp: 'the external identity provider', sp: 'authentik' },
  requirements: [
    'ACS URL is `https://<authentik>/source/saml/<source-slug>/acs/`; Entity ID is the source\'s Issuer/Entity ID field.',
    'Binding Type must be one the IdP offers for its SSO URL (use the SSO URL for that binding from the IdP metadata).',
    'Allow IdP-initiated logins is off by default: unsolicited responses are not verified against a request and can log a user in without interaction.',
    'The NameID is the source connection identifier: it must be stable (NameID Policy persistent, email or Windows), a transient or random value creates a new user per login.',
    'Attributes become the `properties` dictionary keyed by each Attribute Name; a single value is unwrapped, several are kept as a list.',
  ],
  source: SOURCES.authentikSamlSource,
  /** Short verbatim quotes of the source document the requirements rest on (shown on the profile page). */
  quotes: [
    'Allow IdP-initiated logins | False | Whether to allow the IdP to log users into authentik without any interaction. Activating this can be a security risk because this request is not verified, and could be used by an attacker to authenticate a user without interaction.',
    'NameID Policy | Persistent | Depending on what the IdP sends as persistent ID, some IdPs use the username or email address while others use a random string or hashed value.',
    'https://authentik.company/source/saml/<source-slug>/acs/',
  ],
  detection: 'An ACS URL / Destination containing `/source/saml/<slug>/acs/`.',
  priority: 10,
  recognises: (c) => c.kind === 'url' && isAuthentikSourceAcs(c.value),
  expects: { stableNameId: 'warning', unsolicitedResponse: 'warning' },
  wording: {
    'issuer-mismatch/authn-request': { fix: (v) => `In the authentik SAML source, set "Issuer/Entity ID" to ${q(v.expected)} — or register ${q(v.issuer)} at the IdP.` },
    'issuer-is-sp-entity-id': { fix: (v) => `The external IdP sends authentik's own entity ID ${q(v.issuer)} as Issuer: set the IdP's issuer/entity ID to its own value (the entityID of its metadata).` },
    'issuer-mismatch/response': { fix: (v) => `Re-import the IdP metadata in the authentik source, or fix the IdP's issuer to ${q(v.expected)}${v.issuer ? ` (it sends ${q(v.issuer)})` : ''}.` },
    'audience-mismatch': { fix: (v) => `At the external IdP, set the SP entity ID / audience to the authentik source's "Issuer/Entity ID" ${q(v.sp)}.` },
    'destination-mismatch/response': { fix: (v) => `At the external IdP set the ACS / reply URL to the authentik source ACS ${q(v.acs)} (https://<authentik>/source/saml/<source-slug>/acs/).` },
    'recipient-mismatch': { fix: (v) => `At the external IdP set the ACS / reply URL to the authentik source ACS ${q(v.acs)}.` },
    'destination-mismatch/authn-request-sso': { fix: 'In the authentik SAML source, set "SSO URL" to the IdP metadata SingleSignOnService location for the chosen "Binding Type".' },
    'binding-mismatch/idp-endpoint': { fix: (v) => `In the authentik SAML source set "Binding Type" to ${v.listed ?? ''}, or set "SSO URL" to the IdP's ${v.used ?? ''} location.` },
    'acs-not-in-metadata': { fix: 'Re-import authentik\'s current source metadata at the IdP (the ACS is https://<authentik>/source/saml/<source-slug>/acs/).' },
    'metadata-expired': { fix: 'Download fresh IdP metadata and re-import it into the authentik SAML source.' },
    'in-response-to-mismatch/request': { fix: 'Start the login from authentik again in the same browser; authentik keeps the request ID in the session (SameSite cookies and a shared session store across authentik workers matter).' },
    'not-yet-valid/clock': { fix: 'Synchronise the clocks of authentik and the IdP with NTP.' },
    'expired/clock': { fix: 'Synchronise the clocks of authentik and the IdP with NTP.' },
    'nameid-format-mismatch': { fix: (v) => `In the authentik SAML source set "NameID Policy" to a format the IdP actually sends (its metadata NameIDFormat list), or configure the IdP to send ${v.wantName ?? ''}.` },
    'nameid-email-for-username/persistent': { fix: 'authentik links the source connection by NameID: prefer an immutable identifier from the IdP for the "NameID Policy".' },
    'nameid-transient': {
      note: 'The authentik source uses the NameID as the source connection identifier, so every login creates a new connection (and possibly a new user with a random username).',
      fix: 'In the authentik SAML source set "NameID Policy" to Persistent, Email address or Windows (the docs suggest Email address or Windows if the persistent ID is a random string).',
    },
    'unsolicited-response': {
      title: 'IdP-initiated response: authentik source refuses it by default',
      explanation: 'The Response has no InResponseTo, so it does not answer an AuthnRequest from authentik: it is IdP-initiated. The authentik SAML source only accepts it when "Allow IdP-initiated logins" is enabled — and authentik warns this is a security risk: such a response is not verified against any request, so an attacker can use it to log a user in without interaction (login CSRF).',
      fix: 'Prefer starting the login at authentik (SP-initiated): leave "Allow IdP-initiated logins" off in the authentik SAML source and point the IdP tile/link at authentik instead. Enable the option only if IdP-initiated login is truly required and the risk is accepted.',
    },
    // The coverage gate's assertion-unsigned (no trusted signature at all) is not the policy's: its own words, or none.
    'assertion-unsigned/untrusted': {},
    'assertion-unsigned/no-trust': {},
    'assertion-unsigned': { fix: 'Enable assertion signing at the external IdP for authentik\'s SP entry.' },
    'query-signature-missing/unsigned': { fix: 'If the IdP requires signed requests, pick a "Signing keypair" in the authentik SAML source (its metadata then says AuthnRequestsSigned="true").' },
    'status-error/InvalidNameIDPolicy': { fix: 'In the authentik SAML source pick a "NameID Policy" listed in the IdP metadata NameIDFormat elements.' },
  },
});

// authentik as SAML provider (IdP) for any SP — the authentik docs "SAML Provider": SSO endpoints
// per binding, metadata download, default NameID per requested format. Fixes name the fields of
// the authentik admin interface (Applications > Providers > SAML provider).
import { SOURCES } from '../diagnosis/sources';
import { defineProfile } from './profile';

declare module '../types' {
  interface ProfileNames {
    'authentik-provider': true;
  }
}

const AUTHENTIK_PROVIDER_URL = /\/application\/saml\/[^/?#]+\/sso\/binding\/(redirect|post|init)\/?/i;

/** authentik provider SSO endpoint kind of a URL (authentik docs: SAML Provider), or null. */
export function authentikProviderEndpoint(url: string | null | undefined): 'redirect' | 'post' | 'init' | null {
  if (!url) return null;
  const m = AUTHENTIK_PROVIDER_URL.exec(url);
  return m ? (m[1].toLowerCase() as 'redirect' | 'post' | 'init') : null;
}

const q = (v: string | undefined) => (v ? `"${v}"` : '');
const metadataDownload = '/api/v3/providers/saml/<provider uid>/metadata/?download';

export const authentikProviderProfile = defineProfile({
  name: 'authentik-provider',
  title: 'authentik as SAML provider (IdP)',
  roles: { idp: 'authentik', sp: 'the service provider' },
  requirements: [
    'SSO endpoints: `/application/saml/<slug>/sso/binding/redirect/` (GET, HTTP-Redirect), `/application/saml/<slug>/sso/binding/post/` (POST, CSRF-exempt), IdP-initiated `/application/saml/<slug>/sso/binding/init/`.',
    `Metadata download: \`${metadataDownload}\`.`,
    'Default NameID by requested format: emailAddress → email; persistent → hashed user ID; X509SubjectName → distinguishedName (else persistent); WindowsDomainQualifiedName → UPN (else persistent); transient → session based. A NameID property mapping overrides this.',
  ],
  source: SOURCES.authentikSamlProvider,
  /** Short verbatim quotes of the source document the requirements rest on (shown on the profile page). */
  quotes: [
    'SSO (Redirect binding) | /application/saml/<application slug>/sso/binding/redirect/ — SSO (POST binding) | /application/saml/<application slug>/sso/binding/post/ — IdP-initiated login | /application/saml/<application slug>/sso/binding/init/',
    'When the request asks for urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress, the NameID will be set to the user\'s email address.',
    'When the request asks for urn:oasis:names:tc:SAML:2.0:nameid-format:persistent, the NameID will be set to the hashed user ID.',
  ],
  detection: 'A URL containing `/application/saml/<slug>/sso/binding/(redirect|post|init)/`.',
  recognises: (c) => c.kind === 'url' && authentikProviderEndpoint(c.value) !== null,
  expects: {},
  wording: {
    'issuer-mismatch/authn-request': { fix: (v) => `In the authentik SAML provider set "Audience" to the SP's entity ID ${q(v.issuer)}, or change the SP's entity ID to ${q(v.expected)}.` },
    'issuer-is-sp-entity-id': { fix: (v) => `In the authentik SAML provider set "Issuer" to authentik's own entity ID${v.idp ? ` ${q(v.idp)}` : ' (the authentik URL)'} instead of ${q(v.issuer)}; the SP's entity ID belongs in "Audience".` },
    'issuer-mismatch/response': { fix: (v) => `Set "Issuer" of the authentik SAML provider to ${q(v.expected)}${v.issuer ? ` (it sends ${q(v.issuer)})` : ''}, or re-import authentik's metadata at the SP.` },
    'audience-mismatch': { fix: (v) => `In the authentik SAML provider set "Audience" to the SP entity ID ${q(v.sp)}.` },
    'destination-mismatch/response': { fix: (v) => `In the authentik SAML provider set "ACS URL" to ${q(v.acs)}.` },
    'recipient-mismatch': { fix: (v) => `In the authentik SAML provider set "ACS URL" to ${q(v.acs)}.` },
    'binding-mismatch/response-redirect': { fix: 'In the authentik SAML provider set Service Provider Binding to Post (`sp_binding = "post"`).' },
    'binding-mismatch/acs-endpoint': { fix: (v) => `In the authentik SAML provider set Service Provider Binding (\`sp_binding\`) to ${v.listed ?? 'the binding the SP metadata lists'}.` },
    'acs-not-in-metadata': { fix: 'In the authentik SAML provider set "ACS URL" to the URL the SP requests, or fix the SP.' },
    'metadata-expired': { fix: `Download the current metadata from authentik (${metadataDownload}) and re-import it at the SP.` },
    'nameid-format-mismatch': {
      note: (v) => (v.authentikSends ? `For a requested ${v.wantName} format, authentik (without a NameID property mapping) sends ${v.authentikSends}.` : ''),
      fix: (v) => `In the authentik SAML provider, clear "NameID Property Mapping" to get the default for the requested format (${v.wantName ?? v.want ?? ''}), or pick a mapping producing that format.${v.authentikSends ? ` For a requested ${v.wantName} format, authentik (without a NameID property mapping) sends ${v.authentikSends}.` : ''}`,
    },
    'nameid-email-for-username/persistent': { fix: 'In the authentik SAML provider choose a "NameID Property Mapping" matching what the SP uses to find users (username, hashed user ID, or email with the emailAddress format).' },
    'nameid-transient': { fix: 'Set a "NameID Property Mapping" in the authentik provider (username or email), or have the SP request the persistent format (authentik then sends the hashed user ID).' },
    'unsolicited-response': { fix: 'IdP-initiated logins from authentik use /application/saml/<slug>/sso/binding/init/; make sure the SP accepts unsolicited responses, or start the login at the SP.' },
    'assertion-unsigned': { fix: 'In the authentik SAML provider enable "Sign assertions" (`sign_assertion = true`) and pick a Signing Certificate (`signing_kp`).' },
    // The coverage gate's assertion-unsigned (no trusted signature at all) is not the policy's: its own words, or none.
    'assertion-unsigned/untrusted': { fix: 'Reject the message. If it is genuine, authentik must sign it with the provider\'s "Signing Certificate" ("Sign assertions" / "Sign responses"), and the SP must trust that certificate.' },
    'assertion-unsigned/no-trust': {},
    'signature-missing/response': { fix: 'In the authentik SAML provider pick a "Signing Certificate" and enable "Sign assertions" and "Sign responses".' },
    'weak-algorithm/signature': { fix: 'In the authentik SAML provider set "Signature algorithm" to RSA-SHA256 and "Digest algorithm" to SHA256.' },
    'signature-untrusted-key': { fix: `If authentik's signing certificate was rotated, download the provider's current metadata (${metadataDownload}) and update the certificate the SP trusts; otherwise reject the message.` },
    'cert-expired': { fix: 'Create a new certificate-key pair in authentik (System > Certificates), select it as the provider\'s "Signing Certificate", and give the SP the new metadata.' },
    'assertion-encrypted': { fix: 'To have something checkable without the SP key, enable "Sign responses" in the authentik SAML provider as well.' },
    'status-error/RequestDenied': { fix: 'Check the authentik application\'s policy bindings (`authentik_policy_binding`): the user must be allowed to access the application.' },
    'status-error/AuthnFailed': { fix: 'Check the authentik event log for this user: the authorization flow or a policy binding denied them.' },
  },
});

// Scaleway IAM as SP with authentik as IdP, configured with Terraform on the authentik side and in
// the Scaleway console (IAM > Identity Providers) on the other — the guide "Configuring Scaleway
// SAML SSO with Authentik" and its three documented failures (403 CSRF, Issuer, user not found).
// Fixes name the Terraform attributes of `authentik_provider_saml` and the console fields.
import { SOURCES } from '../diagnosis/sources';
import { defineProfile, type WordingValues } from './profile';

declare module '../types' {
  interface ProfileNames {
    'scaleway': true;
  }
}

const SCALEWAY_SP_ENTITY_ID = /^https:\/\/iam\.scaleway\.com\/saml\/([^/?#]+)\/?$/i;
const SCALEWAY_ACS = /^https:\/\/api\.scaleway\.com\/iam\/v1\/saml\/([^/?#]+)\/login\/?$/i;

/** The provider id inside a Scaleway SP entity ID or ACS URL, or null. */
export function scalewayProviderId(url: string | null | undefined): string | null {
  if (!url) return null;
  const v = url.trim();
  return SCALEWAY_SP_ENTITY_ID.exec(v)?.[1] ?? SCALEWAY_ACS.exec(v)?.[1] ?? null;
}
export const scalewaySpEntityId = (providerId: string): string => `https://iam.scaleway.com/saml/${providerId}`;
export const scalewayAcsUrl = (providerId: string): string => `https://api.scaleway.com/iam/v1/saml/${providerId}/login`;
export const isScalewaySpEntityId = (v: string | null | undefined): boolean => !!v && SCALEWAY_SP_ENTITY_ID.test(v.trim());
export const isScalewayAcsUrl = (v: string | null | undefined): boolean => !!v && SCALEWAY_ACS.test(v.trim());

const q = (v: string | undefined) => (v ? `"${v}"` : '');
/** " (currently "…")" when the message shows the value. */
const now = (v: string | undefined) => (v ? ` (the message has ${q(v)})` : '');
const clock = 'Synchronise the clock of the authentik host with NTP (Scaleway\'s clock is authoritative).';
const signing = 'with `signing_kp` set to the certificate uploaded as "Signing certificate" in the Scaleway console identity provider.';
const usernameMapping = 'set `name_id_mapping = data.authentik_property_mapping_provider_saml.username.id` (managed mapping goauthentik.io/providers/saml/username)';
const acsFix = (v: WordingValues) => `In the authentik SAML provider set \`acs_url = var.scaleway_saml_acs_url\`, the ACS URL the Scaleway console shows for the identity provider: ${q(v.acs)}.`;
const ssoUrlFix = (v: WordingValues) =>
  `In the Scaleway console identity provider (IAM > Identity Providers) set "SSO URL" to ${v.postUrl ? q(v.postUrl) : 'the authentik POST binding URL https://<authentik>/application/saml/<slug>/sso/binding/post/'}; no CSRF_TRUSTED_ORIGINS change is needed. Keep \`sp_binding = "post"\` in the authentik provider.`;

export const scalewayProfile = defineProfile({
  name: 'scaleway',
  title: 'Scaleway IAM (SP) with authentik (IdP)',
  roles: { idp: 'authentik', sp: 'Scaleway' },
  requirements: [
    'The SSO URL configured in the Scaleway console is the authentik POST binding URL `/application/saml/<slug>/sso/binding/post/` — Scaleway POSTs its AuthnRequest and the redirect endpoint answers 403 CSRF.',
    'The Response is delivered with HTTP-POST (`sp_binding = "post"`).',
    'Both the Response and the Assertion are signed (`sign_response = true`, `sign_assertion = true`).',
    'The Issuer is the IdP entity ID — the authentik URL (`issuer = var.authentik_url`), never the Scaleway entity ID.',
    'Audience is the Scaleway SP entity ID `https://iam.scaleway.com/saml/<provider-id>`; ACS is `https://api.scaleway.com/iam/v1/saml/<provider-id>/login`.',
    'The NameID is the Scaleway username (`name_id_mapping` = the authentik username mapping), and the user exists as an IAM member of the organization (no SCIM: pre-provision users).',
    'Access to the application is restricted with `authentik_policy_binding` to the intended group.',
  ],
  source: SOURCES.scalewayAuthentik,
  /** Short verbatim quotes of the source document the requirements rest on (shown on the profile page). */
  quotes: [
    'issuer: Must be set to your Authentik instance URL (var.authentik_url), not the Scaleway entity ID. This is what Scaleway expects as the <Issuer> element in the SAML response.',
    'sp_binding = "post": Scaleway expects the SAML response to be delivered via HTTP POST.',
    'sign_assertion = true and sign_response = true: Scaleway requires both the assertion and the response to be signed.',
    'If the SSO URL points to the redirect binding (/sso/binding/redirect/), Django’s CSRF protection blocks it because the redirect binding is designed for GET requests. The POST binding endpoint (/sso/binding/post/) is CSRF-exempt in Authentik, bypassing CSRF validation for this view.',
    'Switch the name_id_mapping from the email property mapping to the username property mapping. This sends the username as the NameID, which matches the Scaleway username directly. Also ensure the user is added as an IAM member (not just the organization owner) in the Scaleway organization.',
  ],
  detection: 'Audience `https://iam.scaleway.com/saml/<id>` or Destination/ACS `https://api.scaleway.com/iam/v1/saml/<id>/login`.',
  priority: 20,
  recognises: (c) => (c.kind === 'entity-id' ? isScalewaySpEntityId(c.value) : isScalewayAcsUrl(c.value)),
  spEntityId: { matches: isScalewaySpEntityId, description: 'the Scaleway SP entity ID pattern https://iam.scaleway.com/saml/<provider-id>' },
  deriveExpectations(values) {
    const id = values.map((v) => scalewayProviderId(v)).find((x) => x !== null) ?? null;
    return id ? { spEntityId: scalewaySpEntityId(id), acsUrl: scalewayAcsUrl(id), detail: `Scaleway profile (provider ${id})` } : null;
  },
  expects: { signedResponseAndAssertion: true, nameIdIsUsername: true, stableNameId: 'error', unsolicitedResponse: 'warning' },
  wording: {
    'issuer-is-sp-entity-id': {
      note: 'Scaleway says "response Issuer does not match the IDP metadata (expected …)".',
      fix: (v) =>
        `In the authentik SAML provider set \`issuer = var.authentik_url\` — the authentik URL${v.idp ? ` ${q(v.idp)}` : ''}, which is the "Entity ID" entered in the Scaleway console identity provider. The message's Issuer ${q(v.issuer)} is Scaleway's own entity ID (\`var.scaleway_saml_entity_id\`), which belongs in \`audience\`.`,
    },
    'issuer-mismatch/response': {
      fix: (v) => `Set the authentik provider \`issuer\` to exactly the "Entity ID" entered in the Scaleway console identity provider (${q(v.expected)}), normally \`var.authentik_url\` including the trailing slash${now(v.issuer)}.`,
    },
    'issuer-mismatch/response-vs-assertion': { fix: 'Set the authentik provider `issuer = var.authentik_url`; authentik uses it for both Issuers.' },
    'audience-mismatch': {
      fix: (v) => `In the authentik SAML provider set \`audience = var.scaleway_saml_entity_id\`, the "Entity ID" Scaleway shows for the identity provider: ${q(v.sp)}${now(v.audience)}.`,
    },
    'destination-mismatch/response': { fix: acsFix },
    'recipient-mismatch': { fix: acsFix },
    'destination-mismatch/authn-request-sso': { fix: ssoUrlFix },
    'binding-mismatch/csrf': { fix: ssoUrlFix },
    'binding-mismatch/response-redirect': { fix: 'Set `sp_binding = "post"` in the authentik SAML provider: Scaleway expects the Response by HTTP POST.' },
    'not-yet-valid/clock': { fix: clock },
    'expired/clock': { fix: clock },
    'nameid-format-mismatch': {
      note: (v) => (v.authentikSends ? `For a requested ${v.wantName} format, authentik (without a NameID property mapping) sends ${v.authentikSends}.` : ''),
      fix: `In the authentik SAML provider ${usernameMapping}, so the NameID is the Scaleway username.`,
    },
    'nameid-email-for-username/username-expected': {
      title: 'NameID is an email address, Scaleway expects the username',
      explanation: (v) => `The NameID is ${q(v.nameId)}, an email address. Scaleway matches the NameID against the usernames of the IAM members of the organization and answers "The user ${v.nameId ?? ''} was not found inside the organization" — even when a member with that email exists.`,
      fix: `In the authentik SAML provider ${usernameMapping} instead of the email mapping. Also make sure the user exists as an IAM member of the Scaleway organization with that username (no SCIM: users must be pre-provisioned; the organization owner alone is not enough).`,
    },
    'nameid-transient': {
      note: 'Scaleway matches the NameID against usernames and will not find the user.',
      fix: `In the authentik SAML provider ${usernameMapping}.`,
    },
    'unsolicited-response': { fix: 'Start the login from the Scaleway console (SP-initiated) rather than from the authentik application tile, or make sure Scaleway accepts IdP-initiated logins.' },
    'assertion-unsigned': {
      note: 'Scaleway requires both the Response and the Assertion to be signed.',
      fix: `In the authentik SAML provider set \`sign_assertion = true\` (and keep \`sign_response = true\`), ${signing}`,
    },
    'response-unsigned': {
      note: 'Scaleway requires both the Response and the Assertion to be signed.',
      fix: `In the authentik SAML provider set \`sign_response = true\` (and keep \`sign_assertion = true\`), ${signing}`,
    },
    // The coverage gate's assertion-unsigned (no trusted signature at all) is not the policy's: its own words, or none.
    'assertion-unsigned/untrusted': { fix: 'Reject the message. If it is genuine, authentik must sign it with the provider\'s `signing_kp`, and that certificate must be the "Signing certificate" uploaded in the Scaleway console identity provider.' },
    'assertion-unsigned/no-trust': {},
    'signature-missing/response': { fix: `In the authentik SAML provider set \`sign_response = true\` and \`sign_assertion = true\`, ${signing}` },
    'weak-algorithm/signature': { fix: 'In the authentik SAML provider set `signature_algorithm` to RSA-SHA256 ("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256") and `digest_algorithm` to SHA-256 ("http://www.w3.org/2001/04/xmlenc#sha256").' },
    'signature-untrusted-key': { fix: 'If authentik\'s signing certificate was rotated, download it from the provider\'s metadata (/api/v3/providers/saml/<provider uid>/metadata/?download) and upload it as "Signing certificate" in the Scaleway console identity provider; otherwise reject the message.' },
    'cert-expired': { fix: 'Create a new certificate-key pair in authentik, set it as the provider\'s `signing_kp`, and upload the new certificate as "Signing certificate" in the Scaleway console identity provider.' },
    'status-error/RequestDenied': { fix: 'Check that the user is a member of the group bound to the Scaleway application with `authentik_policy_binding` (e.g. `scaleway-users`).' },
    'status-error/UnsupportedBinding': { fix: 'Set `sp_binding = "post"` in the authentik SAML provider.' },
  },
});

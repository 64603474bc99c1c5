// Provider profiles: what a given SP/IdP pairing requires, taken from the project's seed
// documents (vendor pages; not in this repository, cited by file name and title). A profile changes the severity of some rules and the wording of every fix.
import type { CapturedPayload, MessageSummary } from '../types';

export type ProfileName = 'generic' | 'scaleway' | 'authentik-provider' | 'authentik-source';

export interface ProfileDefinition {
  name: ProfileName;
  title: string;
  /** Who is the IdP and who is the SP in this profile. */
  roles: { idp: string; sp: string };
  /** Requirements in prose, shown on the profile page. */
  requirements: string[];
  /** Seed document the requirements come from (its file name), or null. */
  sourceDocument: string | null;
  /** How the profile is recognised in a message, in prose. */
  detection: string;
}

export const PROFILES: readonly ProfileDefinition[] = [
  {
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
    sourceDocument: null,
    detection: 'Default when nothing more specific is recognised.',
  },
  {
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
    sourceDocument: '000_bbefa757859ef489.txt',
    detection: 'Audience `https://iam.scaleway.com/saml/<id>` or Destination/ACS `https://api.scaleway.com/iam/v1/saml/<id>/login`.',
  },
  {
    name: 'authentik-provider',
    title: 'authentik as SAML provider (IdP)',
    roles: { idp: 'authentik', sp: 'the service provider' },
    requirements: [
      'SSO endpoints: `/application/saml/<slug>/sso/binding/redirect/` (GET, HTTP-Redirect), `/application/saml/<slug>/sso/binding/post/` (POST, CSRF-exempt), IdP-initiated `/application/saml/<slug>/sso/binding/init/`.',
      'Metadata download: `/api/v3/providers/saml/<provider uid>/metadata/?download`.',
      'Default NameID by requested format: emailAddress → email; persistent → hashed user ID; X509SubjectName → distinguishedName (else persistent); WindowsDomainQualifiedName → UPN (else persistent); transient → session based. A NameID property mapping overrides this.',
    ],
    sourceDocument: '003_32bc8d65e57764cd.txt',
    detection: 'A URL containing `/application/saml/<slug>/sso/binding/(redirect|post|init)/`.',
  },
  {
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
    sourceDocument: '001_2b1aa7e2892a19c8.txt',
    detection: 'An ACS URL / Destination containing `/source/saml/<slug>/acs/`.',
  },
];

export function profileByName(name: ProfileName): ProfileDefinition {
  return PROFILES.find((p) => p.name === name) ?? PROFILES[0];
}

const SCALEWAY_AUDIENCE = /^https:\/\/iam\.scaleway\.com\/saml\/[^/?#]+\/?$/i;
const SCALEWAY_ACS = /^https:\/\/api\.scaleway\.com\/iam\/v1\/saml\/[^/?#]+\/login\/?$/i;
const AUTHENTIK_PROVIDER_URL = /\/application\/saml\/[^/?#]+\/sso\/binding\/(redirect|post|init)\/?/i;
const AUTHENTIK_SOURCE_ACS = /\/source\/saml\/[^/?#]+\/acs\/?/i;

/** The provider id inside a Scaleway SP entity ID or ACS URL (000_bbefa757859ef489.txt). */
export function scalewayProviderId(url: string | null | undefined): string | null {
  if (!url) return null;
  const a = /^https:\/\/iam\.scaleway\.com\/saml\/([^/?#]+)\/?$/i.exec(url.trim());
  if (a) return a[1];
  const b = /^https:\/\/api\.scaleway\.com\/iam\/v1\/saml\/([^/?#]+)\/login\/?$/i.exec(url.trim());
  return b ? b[1] : null;
}
export const scalewaySpEntityId = (providerId: string): string => `https://iam.scaleway.com/saml/${providerId}`;
export const scalewayAcsUrl = (providerId: string): string => `https://api.scaleway.com/iam/v1/saml/${providerId}/login`;
export const isScalewaySpEntityId = (v: string | null | undefined): boolean => !!v && SCALEWAY_AUDIENCE.test(v.trim());
export const isScalewayAcsUrl = (v: string | null | undefined): boolean => !!v && SCALEWAY_ACS.test(v.trim());

/** authentik provider SSO endpoint kind of a URL (003_32bc8d65e57764cd.txt), or null. */
export function authentikProviderEndpoint(url: string | null | undefined): 'redirect' | 'post' | 'init' | null {
  if (!url) return null;
  const m = AUTHENTIK_PROVIDER_URL.exec(url);
  return m ? (m[1].toLowerCase() as 'redirect' | 'post' | 'init') : null;
}
export const isAuthentikSourceAcs = (url: string | null | undefined): boolean => !!url && AUTHENTIK_SOURCE_ACS.test(url);

/** The minimal view of a message profile detection needs. */
export interface ProfileDetectionInput {
  summary: MessageSummary;
  payload?: Pick<CapturedPayload, 'url'>;
}

/**
 * Recognise the profile from the messages themselves. Scaleway wins over authentik (a Scaleway
 * setup uses authentik as IdP, so both patterns can appear and the Scaleway rules are stricter).
 */
export function detectProfile(messages: readonly ProfileDetectionInput[]): ProfileName {
  const urls: string[] = [];
  const audiences: string[] = [];
  for (const m of messages) {
    const s = m.summary;
    if (m.payload?.url) urls.push(m.payload.url);
    if (s.destination) urls.push(s.destination);
    if (s.issuer) audiences.push(s.issuer);
    if (s.authnRequest?.assertionConsumerServiceURL) urls.push(s.authnRequest.assertionConsumerServiceURL);
    for (const a of s.assertions) {
      audiences.push(...a.audiences);
      if (a.recipient) urls.push(a.recipient);
    }
    for (const e of s.metadata?.entities ?? []) {
      audiences.push(e.entityId);
      for (const r of e.roles) {
        for (const ep of [...r.singleSignOnServices, ...r.assertionConsumerServices]) urls.push(ep.location);
      }
    }
  }
  if (audiences.some(isScalewaySpEntityId) || urls.some(isScalewayAcsUrl)) return 'scaleway';
  if (urls.some(isAuthentikSourceAcs)) return 'authentik-source';
  if (urls.some((u) => authentikProviderEndpoint(u) !== null)) return 'authentik-provider';
  return 'generic';
}

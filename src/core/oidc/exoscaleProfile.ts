// The Exoscale SSO profile: what Exoscale, as an OpenID Connect relying party, expects from the
// identity provider and from its own settings. Everything here comes from the seed document
// 002_be8525c84e06a101.txt ("Single Sign-On Authentication", not in this repository), in the spirit of
// the SAML profiles in ../profiles/ (kept apart: OIDC has no SAML message to detect).
import { SOURCES } from '../diagnosis/sources';

/** The vendor document, by title: the page never shows a file name. */
export const EXOSCALE_SEED = SOURCES.exoscaleSso;

/** The portal's own words for its settings (IAM > SSO), used verbatim in every fix. */
export const EXOSCALE_FIELDS = {
  clientId: 'OIDC Client ID',
  issuerUrl: 'OIDC Issuer URL',
  clientSecret: 'OIDC Client Secret',
  additionalClaims: 'OIDC Additional Claims',
  celExpression: 'Common Expression Language Authorization Expression',
} as const;

export const EXOSCALE_SETTINGS_PLACE = 'the Exoscale portal, IAM > SSO (OWNER role required)';

/**
 * Scopes Exoscale always requests; the seed calls them "the standard claims which are always part
 * of the ID token payload". Their claims are defined in OpenID Connect Core 1.0 §5.4.
 */
export const EXOSCALE_ALWAYS_REQUESTED = ['openid', 'profile', 'email'] as const;

/** Claims an ID token carries by definition (OIDC Core §2) and those of the profile/email scopes (§5.4). */
export const ID_TOKEN_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'sid'] as const;
export const PROFILE_SCOPE_CLAIMS = [
  'name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture',
  'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at',
] as const;
export const EMAIL_SCOPE_CLAIMS = ['email', 'email_verified'] as const;

/** True when the claim comes with openid/profile/email and never needs "OIDC Additional Claims". */
export function isStandardRequestedClaim(name: string): boolean {
  return (
    (ID_TOKEN_CLAIMS as readonly string[]).includes(name) ||
    (PROFILE_SCOPE_CLAIMS as readonly string[]).includes(name) ||
    (EMAIL_SCOPE_CLAIMS as readonly string[]).includes(name)
  );
}

/** The redirect URI to register ("authorize") at the OIDC provider. */
export const exoscaleRedirectUri = (org: string): string => `https://portal.exoscale.com/sso-authenticate/${org}`;
/** The SSO login page users open. */
export const exoscaleLoginUrl = (org: string): string => `https://portal.exoscale.com/sso-login/${org}`;
export const EXOSCALE_REDIRECT_PATTERN = 'https://portal.exoscale.com/sso-authenticate/<sso-org-name>';
export const EXOSCALE_LOGIN_PATTERN = 'https://portal.exoscale.com/sso-login/<sso-org-name>';

export interface ExoscalePortalUrl {
  kind: 'sso-authenticate' | 'sso-login';
  org: string;
}

/** Recognise Exoscale's redirect or login URL and the SSO organization name in it. */
export function parseExoscalePortalUrl(url: string | null | undefined): ExoscalePortalUrl | null {
  if (!url) return null;
  const m = /^https:\/\/portal\.exoscale\.com\/(sso-authenticate|sso-login)\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(url.trim());
  if (!m) return null;
  return { kind: m[1].toLowerCase() as ExoscalePortalUrl['kind'], org: decodeURIComponentSafe(m[2]) };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** RFC 9562 §4 (formerly RFC 4122 §3) textual UUID: 8-4-4-4-12 hexadecimal digits. */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface OidcProfileDefinition {
  name: 'exoscale-oidc';
  title: string;
  roles: { op: string; rp: string };
  requirements: string[];
  sourceDocument: string;
  detection: string;
}

export const EXOSCALE_OIDC_PROFILE: OidcProfileDefinition = {
  name: 'exoscale-oidc',
  title: 'Exoscale SSO (OpenID Connect relying party)',
  roles: { op: 'your OpenID Connect provider', rp: 'Exoscale (portal.exoscale.com)' },
  requirements: [
    `Settings in ${EXOSCALE_SETTINGS_PLACE}: "${EXOSCALE_FIELDS.clientId}", "${EXOSCALE_FIELDS.issuerUrl}" and "${EXOSCALE_FIELDS.clientSecret}" of the client registered at the provider. SSO needs the Starter support plan or higher.`,
    `The redirect URI authorized at the provider is ${EXOSCALE_REDIRECT_PATTERN}; users log in at ${EXOSCALE_LOGIN_PATTERN}.`,
    'The ID token is a signed JWT whose "iss" equals the OIDC Issuer URL exactly and whose "aud" contains the OIDC Client ID (OpenID Connect Core 1.0 §3.1.3.7).',
    `Exoscale always requests openid, profile and email; any other claim the authorization expression reads must be listed, space separated, in "${EXOSCALE_FIELDS.additionalClaims}".`,
    `The "${EXOSCALE_FIELDS.celExpression}" is evaluated at login time against the ID token payload (claims are top-level variables) and must return the UUID of an existing IAM role; any other value (false, a role name, an unknown UUID) denies access.`,
    'The role of an SSO user is re-evaluated and updated at every login with the expression\'s return value.',
    'Each SSO user is a new, unique user of the organization with a UUID username and the TECH role; removing it from the organization is not enough: block the user at the provider too, or the next login recreates it.',
  ],
  sourceDocument: EXOSCALE_SEED,
  detection: 'A redirect URI https://portal.exoscale.com/sso-authenticate/<sso-org-name> in an authorization request, or the settings typed on the OIDC page.',
};

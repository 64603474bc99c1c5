// What the person configured in the Exoscale portal (IAM > SSO), as typed on the OIDC page.
// Names follow the portal's fields (seed 002_be8525c84e06a101.txt).

export interface ExoscaleOidcSettings {
  /** "OIDC Client ID" */
  clientId?: string;
  /** "OIDC Issuer URL" */
  issuerUrl?: string;
  /** "OIDC Client Secret" — used only to verify HS* signatures; never leaves the page. */
  clientSecret?: string;
  /** "OIDC Additional Claims": claim names, space separated. */
  additionalClaims?: string;
  /** "Common Expression Language Authorization Expression" */
  celExpression?: string;
  /** <sso-org-name> of https://portal.exoscale.com/sso-authenticate/<sso-org-name> */
  orgName?: string;
  /** The nonce of the authorization request, when known (OIDC Core §3.1.3.7 step 11). */
  nonce?: string;
}

export interface EvaluationOptions {
  /** The instant exp/iat/nbf are evaluated at. */
  at: Date;
  /** Allowed clock skew, seconds. */
  skewSeconds: number;
}

export { DEFAULT_SKEW_SECONDS } from '../settings/defaults';

/** "OIDC Additional Claims" split as the portal reads it: space separated names. */
export function additionalClaimNames(field: string | undefined): string[] {
  return (field ?? '').split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== '');
}

// Findings of the OIDC inspection. Same shape as the SAML findings (code, severity, title,
// explanation, fix) plus the references a demanding reader wants: the spec section or the
// seed document each check comes from. Codes are stable identifiers, listed in docs/oidc.md.

export type OidcSeverity = 'error' | 'warning' | 'info';

export interface OidcFinding {
  code: string;
  severity: OidcSeverity;
  title: string;
  explanation: string;
  /** What to change, in the words of the Exoscale portal (IAM > SSO) or of the provider. */
  fix: string;
  /** Spec sections or source documents, e.g. "OpenID Connect Core 1.0 §3.1.3.7 step 2". */
  references: string[];
}

/** Decoding/parsing problems are values with a code, never exceptions (STYLE: errors are values). */
export interface OidcError {
  code: string;
  message: string;
}

export const SEVERITY_ORDER: Record<OidcSeverity, number> = { error: 0, warning: 1, info: 2 };

export function finding(
  code: string,
  severity: OidcSeverity,
  title: string,
  explanation: string,
  fix: string,
  references: string[],
): OidcFinding {
  return { code, severity, title, explanation, fix, references };
}

export function sortFindings(findings: OidcFinding[]): OidcFinding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export const SEED_EXOSCALE = 'Exoscale SSO documentation (seed 002_be8525c84e06a101.txt)';
export const OIDC_CORE = 'OpenID Connect Core 1.0';

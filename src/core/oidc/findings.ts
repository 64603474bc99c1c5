// Findings of the OIDC inspection: the same Finding and Severity as the SAML findings (code,
// severity, title, explanation, fix, references), so the page, the CLI and the JSON report
// treat both alike. A token has no XML, so `location` is null. Codes are stable identifiers,
// listed in docs/oidc.md.
import { SOURCES } from '../diagnosis/sources';
import { sortBySeverity, type Severity } from '../findings/severity';
import type { FindingText } from '../types';

/** Decoding/parsing problems are values with a code, never exceptions (STYLE: errors are values). */
export interface OidcError {
  code: string;
  message: string;
}

/** @param fix What to change, in the words of the Exoscale portal (IAM > SSO) or of the provider. */
export function finding(code: string, severity: Severity, title: string, explanation: string, fix: string, references: string[]): FindingText {
  return { code, severity, title, explanation, fix, references };
}

/** Worst first, in the order the checks found them. */
export function sortFindings(findings: FindingText[]): FindingText[] {
  return sortBySeverity(findings);
}

export const SEED_EXOSCALE = SOURCES.exoscaleSso;
export const OIDC_CORE = 'OpenID Connect Core 1.0';

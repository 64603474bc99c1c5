// The severity every finding carries — SAML and OIDC alike (CONTRACT §2 `findings[].severity`).
// A leaf module: the profiles, the rules, the OIDC checks and types.ts all read it from here.

export type Severity = 'error' | 'warning' | 'info';

/** Worst first: the order findings are listed in everywhere. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** A stable sort, worst first (equal severities keep the order their checks produced them in). */
export function sortBySeverity<T extends { severity: Severity }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

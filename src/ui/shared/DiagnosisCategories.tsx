// Finding categories and severity icons shared by the findings list, the rules page and the
// symptom search. Categories follow the order a person debugs a failed login in: can the
// message be trusted, who sent it, who is it for, who is the user, how did it travel, when,
// and what did the IdP say.
import type { Severity } from '../../core/types';

export type CategoryId = 'signature' | 'issuer' | 'audience' | 'nameid' | 'binding' | 'time' | 'status' | 'metadata' | 'other';

export const CATEGORIES: readonly { id: CategoryId; title: string }[] = [
  { id: 'status', title: 'Status' },
  { id: 'signature', title: 'Signature & trust' },
  { id: 'issuer', title: 'Issuer' },
  { id: 'audience', title: 'Audience, recipient & destination' },
  { id: 'nameid', title: 'NameID' },
  { id: 'binding', title: 'Binding' },
  { id: 'time', title: 'Time' },
  { id: 'metadata', title: 'Metadata' },
  { id: 'other', title: 'Other' },
];

const BY_CODE: Record<string, CategoryId> = {
  'issuer-mismatch': 'issuer',
  'issuer-is-sp-entity-id': 'issuer',
  'audience-mismatch': 'audience',
  'destination-mismatch': 'audience',
  'recipient-mismatch': 'audience',
  'in-response-to-mismatch': 'audience',
  'unsolicited-response': 'audience',
  'nameid-format-mismatch': 'nameid',
  'nameid-email-for-username': 'nameid',
  'nameid-transient': 'nameid',
  'binding-mismatch': 'binding',
  // How the message travelled: text no browser could have sent (rules/input-text.ts).
  'input-lone-surrogate': 'binding',
  'not-yet-valid': 'time',
  expired: 'time',
  'status-error': 'status',
  'metadata-expired': 'metadata',
  'acs-not-in-metadata': 'metadata',
  // CONTRACT §3 "signatures and trust" (the verifier's codes and the signature policy rule)
  'duplicate-id': 'signature',
  'multiple-assertions': 'signature',
  'nameid-comment': 'signature',
  'weak-algorithm': 'signature',
  'unsupported-algorithm': 'signature',
  'assertion-unsigned': 'signature',
  'response-unsigned': 'signature',
  'cert-expired': 'signature',
  'digest-mismatch': 'signature',
};

export function categoryOf(code: string): CategoryId {
  if (BY_CODE[code]) return BY_CODE[code];
  if (code.startsWith('signature-') || code.startsWith('query-signature-')) return 'signature';
  return 'other';
}

export function categoryTitle(id: CategoryId): string {
  return CATEGORIES.find((c) => c.id === id)?.title ?? 'Other';
}

const ICONS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** A glyph plus an accessible name, so the severity is not carried by colour alone. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-icon sev-${severity}`} role="img" aria-label={severity} title={severity}>
      {ICONS[severity]}
    </span>
  );
}

/** A finding's explanation and fix, as SAML and OIDC findings show them. */
export function FindingExplanation({ explanation, fix }: { explanation: string; fix?: string | null }) {
  return (
    <>
      <p className="finding-explanation">{explanation}</p>
      {fix && (
        <p className="finding-fix">
          <strong>Fix: </strong>
          {fix}
        </p>
      )}
    </>
  );
}

/** "2 errors 1 warning" pills after a findings heading (SAML and OIDC findings alike). */
export function SeverityCounts({ findings }: { findings: ReadonlyArray<{ severity: Severity }> }) {
  return (
    <span className="counts">
      {(['error', 'warning', 'info'] as const).map((s) => {
        const n = findings.filter((f) => f.severity === s).length;
        return n === 0 ? null : (
          <span key={s} className={`pill sev-${s}`}>
            {n} {s}
            {n > 1 ? 's' : ''}
          </span>
        );
      })}
    </span>
  );
}

/** The project's source documents (vendor pages, not in this repository): not served by the app, named by file and title. */
export const SEED_DOCUMENTS: Record<string, string> = {
  '000_bbefa757859ef489.txt': 'Configuring Scaleway SAML SSO with Authentik',
  '001_2b1aa7e2892a19c8.txt': 'authentik docs: SAML source',
  '002_be8525c84e06a101.txt': 'Exoscale: Single Sign-On Authentication (OIDC)',
  '003_32bc8d65e57764cd.txt': 'authentik docs: SAML Provider',
};

/** "000_….txt" → "000_….txt (Configuring Scaleway SAML SSO with Authentik)"; spec sections unchanged. */
export function describeReference(ref: string): string {
  const file = Object.keys(SEED_DOCUMENTS).find((f) => ref.includes(f));
  return file && !ref.includes(SEED_DOCUMENTS[file]) ? `${ref} (${SEED_DOCUMENTS[file]})` : ref;
}

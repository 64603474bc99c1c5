// Finding categories, severity icons and a finding's head shared by the findings list, the rules page and the
// symptom search.
import type { ReactNode } from 'react';
import type { Severity } from '../../core/types';

// Categories are declared by each rule (core/rules/<rule>.ts `category`) and, for the verifier's
// codes, in core/diagnosis/categories.ts: the page only asks.
// The leaf module: the diagnosis barrel brings the rule registry (categoryOf reads it), which the
// page's first screen does not load; each finding carries its category (set by inspect, in the worker).
export { CATEGORIES, categoryTitle, type CategoryId } from '../../core/diagnosis/categories';

const ICONS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** A glyph plus an accessible name, so the severity is not carried by colour alone. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-icon sev-${severity}`} role="img" aria-label={severity} title={severity}>
      {ICONS[severity]}
    </span>
  );
}

/** A finding's first line — severity, title, code — as SAML, OIDC and metadata findings show it; `children` follow on the line. */
export function FindingHead({ finding, children }: { finding: { severity: Severity; title: string; code: string }; children?: ReactNode }) {
  return (
    <div className="finding-head">
      <SeverityIcon severity={finding.severity} />
      <span className={`pill sev-${finding.severity}`}>{finding.severity}</span>
      <strong className="finding-title">{finding.title}</strong>
      <code className="finding-code">{finding.code}</code>
      {children}
    </div>
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

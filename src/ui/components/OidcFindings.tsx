import type { OidcFinding } from '../../core/oidc';
import { SeverityIcon } from './DiagnosisCategories';

/** OIDC findings, worst first; each carries data-finding-code like the SAML findings (CONTRACT §4). */
export function OidcFindings({ findings }: { findings: OidcFinding[] }) {
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  return (
    <section className="panel findings" aria-labelledby="oidc-findings-heading">
      <h2 id="oidc-findings-heading">
        Findings{' '}
        <span className="counts">
          {counts.filter(([, n]) => n > 0).map(([s, n]) => (
            <span key={s} className={`pill sev-${s}`}>
              {n} {s}
              {n > 1 ? 's' : ''}
            </span>
          ))}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f, i) => (
            <li key={`${f.code}-${i}`} className={`finding sev-${f.severity}`} data-finding-code={f.code} data-severity={f.severity}>
              <div className="finding-head">
                <SeverityIcon severity={f.severity} />
                <span className={`pill sev-${f.severity}`}>{f.severity}</span>
                <strong className="finding-title">{f.title}</strong>
                <code className="finding-code">{f.code}</code>
              </div>
              <p className="finding-explanation">{f.explanation}</p>
              {f.fix && (
                <p className="finding-fix">
                  <strong>Fix: </strong>
                  {f.fix}
                </p>
              )}
              {f.references.length > 0 && <p className="finding-references small muted">References: {f.references.join(' · ')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

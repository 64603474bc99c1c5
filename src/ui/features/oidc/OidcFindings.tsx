import { fixText } from '../../../core/findings/fix';
import type { FindingText } from '../../../core/types';
import { FindingExplanation, FindingHead, SeverityCounts } from '../../shared/DiagnosisCategories';

/** OIDC findings, worst first; each carries data-finding-code like the SAML findings (CONTRACT §4). */
export function OidcFindings({ findings }: { findings: FindingText[] }) {
  return (
    <section className="panel findings" aria-labelledby="oidc-findings-heading">
      <h2 id="oidc-findings-heading">
        Findings{' '}
        <SeverityCounts findings={findings} />
      </h2>
      {findings.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f, i) => (
            <li key={`${f.code}-${i}`} className={`finding sev-${f.severity}`} data-finding-code={f.code} data-severity={f.severity}>
              <FindingHead finding={f} />
              <FindingExplanation explanation={f.explanation} fix={fixText(f, 'page')} />
              {f.references && f.references.length > 0 && <p className="finding-references small muted">References: {f.references.join(' · ')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

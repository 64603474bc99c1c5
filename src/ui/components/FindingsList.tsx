import type { Finding } from '../../core/types';

const order = { error: 0, warning: 1, info: 2 } as const;

/** Findings, worst first. Each carries data-finding-code (CONTRACT §4); clicking one with a
 * location reveals it in the XML view. */
export function FindingsList({ findings, onReveal }: { findings: Finding[]; onReveal: (f: Finding) => void }) {
  if (findings.length === 0) {
    return (
      <section className="panel findings" aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <p className="muted">No findings for this message.</p>
      </section>
    );
  }
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  return (
    <section className="panel findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">
        Findings{' '}
        <span className="counts">
          {counts
            .filter(([, n]) => n > 0)
            .map(([s, n]) => (
              <span key={s} className={`pill sev-${s}`}>
                {n} {s}
                {n > 1 ? 's' : ''}
              </span>
            ))}
        </span>
      </h2>
      <ul className="finding-list">
        {sorted.map((f, i) => (
          <li
            key={`${f.code}-${i}`}
            className={`finding sev-${f.severity} ${f.location ? 'has-location' : ''}`}
            data-finding-code={f.code}
            data-severity={f.severity}
            // Mouse users click anywhere on the finding; keyboard users have the button below.
            onClick={f.location ? () => onReveal(f) : undefined}
          >
            <div className="finding-head">
              <span className={`pill sev-${f.severity}`}>{f.severity}</span>
              <strong className="finding-title">{f.title}</strong>
              <code className="finding-code">{f.code}</code>
              {f.location && (
                <button
                  type="button"
                  className="link-button"
                  onClick={(e) => {
                    e.stopPropagation();
                    onReveal(f);
                  }}
                >
                  Show line {f.location.line}
                </button>
              )}
            </div>
            <p className="finding-explanation">{f.explanation}</p>
            {f.fix && (
              <p className="finding-fix">
                <strong>Fix: </strong>
                {f.fix}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

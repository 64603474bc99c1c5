// What the page says about a state it did not compute itself: opened from a link, a share file
// or the local history (evaluated at the recorded instant), redacted by the sharer (verdicts
// "reported by the sharer"), or a link that could not be opened (typed ShareError).
import type { ReportedVerdicts, ShareError, ShareRedaction } from '../../core/share';
import type { Finding } from '../../core/types';
import { redactedNoteOf } from '../share/artifacts';
import { FindingsList } from './FindingsList';

export type SharedOrigin = 'link' | 'file' | 'history';

const ORIGIN_LABEL: Record<SharedOrigin, string> = {
  link: 'Opened from a shared link',
  file: 'Opened from a share file',
  history: 'Opened from your local history',
};

export function ShareOpenedNotice({ origin, at, atStillRecorded, redaction }: { origin: SharedOrigin; at: string; atStillRecorded: boolean; redaction?: ShareRedaction }) {
  const where = origin === 'link' ? 'the link' : origin === 'file' ? 'the file' : 'the history entry';
  return (
    <div className="share-opened notice" role="note" data-share-origin={origin} data-share-at={at}>
      <strong>{ORIGIN_LABEL[origin]}.</strong>{' '}
      {atStillRecorded ? (
        <>
          Evaluated at the instant recorded in {where}: <time dateTime={at}>{at}</time>. Time conditions (NotBefore, NotOnOrAfter) are judged as
          the sharer saw them, not against your clock; choose “Now” under “Expectations, evaluation time and profile” to re-evaluate.
        </>
      ) : (
        <>The instant recorded in {where} was {at}; this view now uses another evaluation time.</>
      )}
      {redaction && (
        <>
          {' '}
          <span className="pill">redacted</span>
        </>
      )}
    </div>
  );
}

export function ShareLinkError({ error, origin, onDismiss }: { error: ShareError; origin: 'link' | 'file'; onDismiss: () => void }) {
  return (
    <div role="alert" className="input-error share-link-error" data-share-error={error.code}>
      <strong>{origin === 'link' ? 'This share link could not be opened' : 'This share file could not be opened'}</strong> (<code>{error.code}</code>
      {error.path ? (
        <>
          {' '}
          at <code>{error.path}</code>
        </>
      ) : null}
      ): {error.message}{' '}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * A redacted state's verdicts, as computed by the sharer before masking. They carry the
 * CONTRACT §4 attributes (data-signature-verdict, data-finding-code) plus data-reported so
 * that they are never mistaken for a re-check. The redacted copy's own findings are context.
 */
export function ShareReportedVerdicts({
  redaction,
  verdicts,
  copyFindings,
  onReveal,
}: {
  redaction: ShareRedaction;
  verdicts: ReportedVerdicts | undefined;
  copyFindings: Finding[];
  onReveal: (f: Finding) => void;
}) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return (
    <section className="panel reported-verdicts" aria-labelledby="reported-heading" data-reported="sharer">
      <h2 id="reported-heading">Verdicts reported by the sharer</h2>
      <p className="small">
        {redactedNoteOf(redaction.fields, redaction.maskedCount ?? 0)} They cannot be re-checked here, and the redacted copy’s own signature
        results (broken by the masking itself) are not shown.
      </p>
      {!verdicts ? (
        <p className="muted">The sharer’s report has no entry for this message.</p>
      ) : (
        <>
          <p>
            Trusted (reported by the sharer):{' '}
            <span className={`pill ${verdicts.trusted ? 'trusted' : 'sev-error'}`} data-reported-trusted={String(verdicts.trusted)}>
              {verdicts.trusted ? 'yes' : 'no'}
            </span>
          </p>
          <h3>Signatures (reported by the sharer)</h3>
          {verdicts.signatures.length === 0 ? (
            <p className="muted">No signatures.</p>
          ) : (
            <ul className="reported-signatures">
              {verdicts.signatures.map((s, i) => (
                <li key={i} className={`signature verdict-${s.verdict}`} data-signature-verdict={s.verdict} data-reported="sharer">
                  <span className={`pill verdict-${s.verdict}`}>{s.verdict}</span> <strong>{s.target}</strong>
                  {s.targetId ? <code> {s.targetId}</code> : null} <span className="muted small">reported by the sharer</span>
                  <div className="small">{s.reason}</div>
                </li>
              ))}
            </ul>
          )}
          <h3>Findings (reported by the sharer)</h3>
          {verdicts.findings.length === 0 ? (
            <p className="muted">No findings.</p>
          ) : (
            <ul className="finding-list">
              {[...verdicts.findings]
                .sort((a, b) => order[a.severity] - order[b.severity])
                .map((f, i) => (
                  <li key={i} className={`finding sev-${f.severity}`} data-finding-code={f.code} data-severity={f.severity} data-reported="sharer">
                    <div className="finding-head">
                      <span className={`pill sev-${f.severity}`}>{f.severity}</span>
                      <strong className="finding-title">{f.title}</strong>
                      <code className="finding-code">{f.code}</code>
                    </div>
                  </li>
                ))}
            </ul>
          )}
          <p className="small muted">Explanations and fixes are not carried in a redacted link: they quote the very values that were masked.</p>
        </>
      )}
      <details className="redacted-copy-findings">
        <summary>Findings of the redacted copy (context only)</summary>
        <FindingsList findings={copyFindings} onReveal={onReveal} />
      </details>
    </section>
  );
}

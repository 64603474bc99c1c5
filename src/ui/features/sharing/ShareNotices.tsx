// What the page says about a state it did not compute itself: opened from a link, a share file
// or the local history (evaluated at the recorded instant), the sharer's claims and where they
// disagree with this page's own inspection, or a link that could not be opened (typed ShareError).
// A flow the extension's panel handed over (captureHandover.ts) is named as such.
import type { ClaimDisagreement, ReportedVerdicts, ShareError, ShareRedaction } from '../../../core/share';
import { redactedNoteOf } from './redaction';

export type SharedOrigin = 'link' | 'file' | 'history' | 'capture';

const ORIGIN_LABEL: Record<SharedOrigin, string> = {
  link: 'Opened from a shared link',
  file: 'Opened from a share file',
  history: 'Opened from your local history',
  capture: 'Opened from samlscope capture — recorded in this browser',
};

const WHERE: Record<SharedOrigin, string> = { link: 'the link', file: 'the file', history: 'the history entry', capture: 'the capture' };

function labelOf(origin: SharedOrigin, exchanges: number | null | undefined): string {
  if (origin !== 'capture' || exchanges == null) return ORIGIN_LABEL[origin];
  return `${ORIGIN_LABEL[origin]}, ${exchanges} exchange${exchanges === 1 ? '' : 's'}`;
}

export function ShareOpenedNotice({
  origin,
  at,
  atStillRecorded,
  redaction,
  exchanges,
}: {
  origin: SharedOrigin;
  at: string;
  atStillRecorded: boolean;
  redaction?: ShareRedaction;
  /** For a capture: how many exchanges the recorded flow holds. */
  exchanges?: number | null;
}) {
  const where = WHERE[origin];
  return (
    <div className="share-opened notice" role="note" data-share-origin={origin} data-share-at={at}>
      <strong>{labelOf(origin, exchanges)}.</strong>{' '}
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
 * Disagreements between the sharer's claim and this page's own inspection (core/share/claims.ts),
 * shown above the findings. Any disagreement masking cannot explain means the link's claim is
 * wrong: an alert. Differences masking explains are listed too, as a note, since such a claim
 * can be neither confirmed nor refuted here.
 */
export function ClaimDisagreements({ disagreements }: { disagreements: ClaimDisagreement[] }) {
  const wrong = disagreements.filter((d) => !d.explainedByMasking);
  const explained = disagreements.filter((d) => d.explainedByMasking);
  return (
    <>
      {wrong.length > 0 && (
        <section role="alert" className="panel claim-disagreements" data-claim-disagreements={wrong.length} aria-labelledby="claim-disagreements-heading">
          <h2 id="claim-disagreements-heading">
            The link’s claims are contradicted: {wrong.length} disagreement{wrong.length === 1 ? '' : 's'} with what samlscope computes here
          </h2>
          <p className="small">
            Whoever made this link wrote these claims; samlscope re-inspected what the link carries and does not agree. Rely on the findings and
            signatures computed here, never on the claims.
          </p>
          <ul>
            {wrong.map((d, i) => (
              <li key={i} data-disagreement={d.kind} data-disagreement-code={d.code}>
                {d.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {explained.length > 0 && (
        <div className="notice claim-masked-differences small" role="note" data-claim-masked-differences={explained.length}>
          <strong>
            {explained.length} difference{explained.length === 1 ? '' : 's'} between the sharer’s claims and this page follow from the redaction
          </strong>{' '}
          (masked values change signed content, and masked certificates leave no key): the claims they concern cannot be checked here.
          <ul>
            {explained.map((d, i) => (
              <li key={i} data-masked-difference={d.kind} data-disagreement-code={d.code}>
                {d.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/**
 * What the sharer claims their inspection found (a redacted state's `reportedVerdicts`). Claims,
 * never verdicts: no CONTRACT §4 attribute (data-signature-verdict, data-finding-code,
 * data-verdict), no trusted/valid colours; the page's own findings and signatures are shown
 * above this, always.
 */
export function SharerClaims({ redaction, claim }: { redaction: ShareRedaction; claim: ReportedVerdicts | undefined }) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return (
    <section className="panel sharer-claims" aria-labelledby="claims-heading" data-claims="sharer">
      <h2 id="claims-heading">What the sharer claims (not verified)</h2>
      <p className="small">
        {redactedNoteOf(redaction.fields, redaction.maskedCount ?? 0)} A link can say anything: these are the sharer’s words, shown for
        comparison. The findings and signatures above are samlscope’s own, computed in this browser from what the link carries.
      </p>
      {!claim ? (
        <p className="muted">The link claims nothing about this message.</p>
      ) : (
        <>
          <p>
            Claimed trusted: <span className="pill claim" data-claimed-trusted={String(claim.trusted)}>claimed: {claim.trusted ? 'yes' : 'no'}</span>
          </p>
          <h3>Claimed signatures</h3>
          {claim.signatures.length === 0 ? (
            <p className="muted">None claimed.</p>
          ) : (
            <ul className="claimed-signatures">
              {claim.signatures.map((s, i) => (
                <li key={i} className="claim" data-claimed-verdict={s.verdict}>
                  <span className="pill claim">claimed: {s.verdict}</span> <strong>{s.target}</strong>
                  {s.targetId ? <code> {s.targetId}</code> : null}
                  <div className="small">{s.reason}</div>
                </li>
              ))}
            </ul>
          )}
          <h3>Claimed findings</h3>
          {claim.findings.length === 0 ? (
            <p className="muted">None claimed.</p>
          ) : (
            <ul className="claimed-findings">
              {[...claim.findings]
                .sort((a, b) => order[a.severity] - order[b.severity])
                .map((f, i) => (
                  <li key={i} className="claim" data-claimed-finding-code={f.code} data-claimed-severity={f.severity}>
                    <span className="pill claim">claimed: {f.severity}</span> <strong>{f.title}</strong> <code className="finding-code">{f.code}</code>
                  </li>
                ))}
            </ul>
          )}
          <p className="small muted">Explanations and fixes are not carried in a redacted link: they quote the very values that were masked.</p>
        </>
      )}
    </section>
  );
}

// The answer first (issue 14 item 2): the message's overall standing in its own colour and words,
// why, and its worst findings with a jump to their node in the XML — beside the input, in the
// viewport at 1440x900 after a paste (CONTRACT §4 `data-verdict`). A digest mismatch reads
// "Tampered or corrupted", never like a message that is merely unsigned.
import type { Finding, InspectedMessage } from '../../../core/types';
import { SeverityIcon } from '../../shared/DiagnosisCategories';
import { trustExplanation } from './trustExplanation';
import { findingsWorstFirst, httpAnswerOf, overallVerdictOf, VERDICT_WORDS, type OverallVerdict } from './reportView';

const ICON: Record<OverallVerdict, string> = { trusted: '✓', untrusted: '!', invalid: '✕', unsigned: '○', error: '✕' };
const SHOWN_REASONS = 4;

export function VerdictCard({
  message,
  step,
  anchorCount,
  onReveal,
}: {
  message: InspectedMessage;
  /** Position in a capture: "step 2 of 3". */
  step: { index: number; count: number } | null;
  anchorCount: number;
  onReveal: (f: Finding) => void;
}) {
  const verdict = overallVerdictOf(message);
  const words = VERDICT_WORDS[verdict];
  const why =
    verdict === 'error'
      ? `${words.meaning} ${message.error?.message ?? ''}`
      : verdict === 'untrusted' || (verdict === 'unsigned' && anchorCount === 0 && message.kind !== 'AuthnRequest')
        ? trustExplanation(message, anchorCount)
        : verdict === 'unsigned' && message.kind === 'AuthnRequest'
          ? `${words.meaning} Usual for an AuthnRequest, unless the IdP requires signed requests.`
          : words.meaning;
  const reasons = findingsWorstFirst(message.findings).filter((f) => f.severity !== 'info');
  const errors = reasons.filter((f) => f.severity === 'error').length;
  const warnings = reasons.length - errors;
  const answer = httpAnswerOf(message);
  const answerLine = answer && answer.carriedIn === 'request' && answer.status >= 400 ? firstMeaningfulLine(answer.bodyText, answer.status) : null;

  return (
    <section className={`verdict-card verdict-${verdict}`} data-verdict={verdict} aria-labelledby="verdict-heading">
      <p className="verdict-kicker small">
        {message.kind}
        {message.binding ? ` · ${message.binding}` : ''}
        {step ? ` · step ${step.index + 1} of ${step.count}` : ''}
      </p>
      <h2 id="verdict-heading" className="verdict-label">
        <span className="verdict-icon" aria-hidden="true">
          {ICON[verdict]}
        </span>{' '}
        {words.label}
      </h2>
      <p className="verdict-why">{why}</p>
      {answer && answer.carriedIn === 'request' && answer.status >= 400 && (
        <p className="verdict-http" data-verdict-http-status={answer.status}>
          The server answered <strong>HTTP {answer.status}{answer.statusText ? ` ${answer.statusText}` : ''}</strong>
          {answerLine ? <>: “{answerLine}”</> : null}
        </p>
      )}
      {reasons.length > 0 ? (
        <>
          <p className="verdict-counts small">
            {errors > 0 && `${errors} error${errors === 1 ? '' : 's'}`}
            {errors > 0 && warnings > 0 && ' · '}
            {warnings > 0 && `${warnings} warning${warnings === 1 ? '' : 's'}`}
            {' — worst first:'}
          </p>
          <ol className="verdict-reasons">
            {reasons.slice(0, SHOWN_REASONS).map((f, i) => (
              <li key={`${f.code}-${i}`} data-verdict-reason={f.code} className={`sev-${f.severity}`}>
                <SeverityIcon severity={f.severity} /> <span className="verdict-reason-title">{f.title}</span>{' '}
                {f.location && (
                  <button type="button" className="link-button" onClick={() => onReveal(f)}>
                    Show in XML (line {f.location.line})
                  </button>
                )}
              </li>
            ))}
          </ol>
          {reasons.length > SHOWN_REASONS && <p className="small muted">and {reasons.length - SHOWN_REASONS} more in Findings below.</p>}
        </>
      ) : (
        <p className="verdict-counts small">No errors or warnings{message.findings.length > 0 ? ` (${message.findings.length} note${message.findings.length === 1 ? '' : 's'} below)` : ''}.</p>
      )}
    </section>
  );
}

/** The line of an error page that says what went wrong ("CSRF verification failed. Request aborted."), not its title. */
function firstMeaningfulLine(text: string | undefined, status: number): string | null {
  if (!text) return null;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const isTitle = (l: string) => l.length < 40 && (l.includes(String(status)) || /^(forbidden|bad request|not found|error|unauthorized)\b/i.test(l));
  const line = lines.find((l) => !isTitle(l)) ?? lines[0];
  return line ? (line.length > 200 ? `${line.slice(0, 200)}…` : line) : null;
}

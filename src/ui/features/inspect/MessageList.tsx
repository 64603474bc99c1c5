import { SeverityIcon } from '../../shared/DiagnosisCategories';
import { MoreItems, useSliceLimit } from '../../shared/incremental';
import type { MessageOverview, ShownMessage } from '../../worker/reportOverview';
import { pairCaptureMessages, partnersOf } from './pairs';
import { StepCookies } from './StepCookies';
import { findingsWorstFirst, httpAnswerOf, offsetFromFirst, overallVerdictOf, statusSeverity, VERDICT_WORDS } from './reportView';

/**
 * The capture timeline of a HAR / SAML-tracer capture (SAML-tracer's request list): every message
 * in time order — even a capture of one — with what the server answered each exchange, requests
 * paired with their responses (ID ↔ InResponseTo); selecting one shows it, and the core already
 * checks it against the other messages of the capture (its pair included).
 */
export function MessageList({ messages, selected, onSelect }: { messages: readonly MessageOverview[]; selected: number; onSelect: (i: number) => void }) {
  const pairs = pairCaptureMessages(messages);
  const partnersOfSelected = partnersOf(pairs, selected);
  // A capture holds up to 500 messages (CAPTURE_MAX_PAYLOADS): rendered in slices, the selected one always.
  const { limit, more } = useSliceLimit(messages.length, messages);
  const rows = messages.slice(0, Math.max(limit, selected + 1));
  return (
    <section className="panel message-list" aria-labelledby="messages-heading">
      <h2 id="messages-heading">
        Capture: {messages.length} step{messages.length === 1 ? '' : 's'}
      </h2>
      {pairs.length > 0 && (
        <p className="hint small">
          Requests are paired with their responses by ID ↔ InResponseTo; inspecting one checks it against the other.
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Request</th>
              <th scope="col">HTTP</th>
              <th scope="col">Message</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m, i) => (
              <tr
                key={i}
                className={i === selected ? 'selected' : partnersOfSelected.includes(i) ? 'paired' : undefined}
                data-message-index={i}
                data-kind={m.kind}
                data-paired-with={partnersOf(pairs, i).join(' ') || undefined}
              >
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(i)} aria-current={i === selected ? 'true' : undefined} aria-label={`Show message ${i + 1}: ${m.kind}`}>
                    {i + 1}
                  </button>
                </td>
                <td data-label="Time" className="nowrap">
                  {m.payload.time ? <time dateTime={m.payload.time} title={m.payload.time}>{offsetFromFirst(messages, i) ?? m.payload.time}</time> : <span className="muted">—</span>}
                </td>
                <td className="request-cell" data-label="Request">
                  <span className="method">{m.payload.method ?? '—'}</span>{' '}
                  <span className="url-cell" title={m.payload.url}>
                    {m.payload.url ?? '—'}
                  </span>
                  {m.payload.urlChars !== undefined && <span className="muted small"> ({m.payload.urlChars.toLocaleString('en')} characters)</span>}
                </td>
                <td data-label="HTTP" className="nowrap">
                  <HttpStatus message={m} />
                </td>
                <td data-label="Message">
                  <button type="button" className="link-button" onClick={() => onSelect(i)} tabIndex={-1}>
                    {m.error ? <span className="pill sev-error">{m.error.code}</span> : m.kind}
                  </button>{' '}
                  <WorstFinding message={m} />
                  {partnersOf(pairs, i).length > 0 && (
                    <span className="pair-cell">
                      {partnersOf(pairs, i).map((p) => (
                        <button
                          key={p}
                          type="button"
                          className="link-button"
                          onClick={() => onSelect(p)}
                          aria-label={`Go to paired ${messages[p]!.kind} (message ${p + 1}) of message ${i + 1}`}
                        >
                          ↔ #{p + 1} {messages[p]!.kind}
                        </button>
                      ))}
                    </span>
                  )}
                </td>
                <td data-label="Verdict" data-step-verdict={overallVerdictOf(m)}>
                  {VERDICT_WORDS[overallVerdictOf(m)].label}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreItems shown={rows.length} total={messages.length} noun="messages" onMore={more} />
    </section>
  );
}

function HttpStatus({ message }: { message: ShownMessage }) {
  const answer = httpAnswerOf(message);
  if (!answer) return <span className="muted">—</span>;
  return (
    <span className={`pill http-status http-${statusSeverity(answer.status)}`} data-http-status={answer.status} title={answer.carriedIn === 'request' ? 'What the server answered this request' : 'The response that carried this message'}>
      {answer.status}
      {answer.statusText ? ` ${answer.statusText}` : ''}
    </span>
  );
}

function WorstFinding({ message }: { message: ShownMessage }) {
  const worst = findingsWorstFirst(message.findings)[0];
  if (!worst || worst.severity === 'info') return null;
  return (
    <span className="worst-finding">
      <SeverityIcon severity={worst.severity} /> <code>{worst.code}</code>
    </span>
  );
}

/**
 * One step of a capture in detail: the HTTP exchange the selected message travelled in and what
 * the server answered (the status, a redirect's target, the body as text — authentik's 403 "CSRF
 * verification failed" page). Each kind of evidence is its own <section>, so evidence the core
 * learns to read from captures later (cookies, clock skew between steps) is added beside these.
 */
export function CaptureStep({ message, index, count }: { message: ShownMessage; index: number; count: number }) {
  const answer = httpAnswerOf(message);
  return (
    <section className="panel capture-step" aria-labelledby="capture-step-heading" data-step-index={index}>
      <h2 id="capture-step-heading">
        Step {index + 1} of {count}: {message.payload.method ?? 'captured'} {message.kind}
      </h2>
      <dl className="kv small">
        <dt>Request</dt>
        <dd className="break-anywhere">
          {message.payload.method ?? '—'} {message.payload.url ?? '—'}
        </dd>
        {message.payload.time && (
          <>
            <dt>Time</dt>
            <dd>
              <time dateTime={message.payload.time}>{message.payload.time}</time>
            </dd>
          </>
        )}
      </dl>
      <section className="step-evidence step-http" aria-label="HTTP answer" data-http-status={answer?.status}>
        <h3>{answer?.carriedIn === 'response' ? 'The response that carried it' : 'What the server answered'}</h3>
        {answer ? (
          <>
            <p>
              <span className={`pill http-status http-${statusSeverity(answer.status)}`}>
                HTTP {answer.status}
                {answer.statusText ? ` ${answer.statusText}` : ''}
              </span>
              {answer.location && (
                <>
                  {' '}
                  → <span className="break-anywhere">{answer.location}</span>
                </>
              )}
            </p>
            {answer.bodyText ? (
              <details open={answer.status >= 400}>
                <summary>Response body{answer.mimeType ? ` (${answer.mimeType}, as text)` : ' (as text)'}</summary>
                <pre className="response-body" data-response-body="true" tabIndex={0} aria-label="Response body">
                  {answer.bodyText}
                </pre>
              </details>
            ) : (
              <p className="small muted">No response body was recorded.</p>
            )}
          </>
        ) : (
          <p className="small muted">The capture recorded no answer for this exchange (blocked, cancelled, or a SAML-tracer export without statuses).</p>
        )}
      </section>
      <StepCookies message={message} answer={answer} />
    </section>
  );
}

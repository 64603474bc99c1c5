import { MoreItems, useSliceLimit } from '../../shared/incremental';
import type { MessageOverview } from '../../worker/reportOverview';
import { pairCaptureMessages, partnersOf } from './pairs';

/**
 * The capture timeline of a HAR / SAML-tracer capture: every message in time order, requests
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
      <h2 id="messages-heading">{messages.length} messages</h2>
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
              <th scope="col">Method</th>
              <th scope="col">URL</th>
              <th scope="col">Kind</th>
              <th scope="col">Pair</th>
              <th scope="col">Trusted</th>
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
                <td>{m.payload.time ? <time dateTime={m.payload.time}>{m.payload.time}</time> : <span className="muted">—</span>}</td>
                <td>{m.payload.method ?? '—'}</td>
                <td className="url-cell" title={m.payload.url}>
                  {m.payload.url ?? '—'}
                  {m.payload.urlChars !== undefined && <span className="muted small"> ({m.payload.urlChars.toLocaleString('en')} characters)</span>}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(i)} tabIndex={-1}>
                    {m.error ? <span className="pill sev-error">{m.error.code}</span> : m.kind}
                  </button>
                  {m.findings.some((f) => f.severity === 'error') && <span className="pill sev-error small"> errors</span>}
                </td>
                <td className="pair-cell">
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
                </td>
                <td>{m.trusted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreItems shown={rows.length} total={messages.length} noun="messages" onMore={more} />
    </section>
  );
}

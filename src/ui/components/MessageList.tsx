import type { InspectedMessage } from '../../core/types';

/** The messages of a HAR / SAML-tracer capture, in time order; selecting one shows it. */
export function MessageList({ messages, selected, onSelect }: { messages: InspectedMessage[]; selected: number; onSelect: (i: number) => void }) {
  return (
    <section className="panel message-list" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{messages.length} messages</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">URL</th>
              <th scope="col">Kind</th>
              <th scope="col">Trusted</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m, i) => (
              <tr key={i} className={i === selected ? 'selected' : undefined} data-message-index={i} data-kind={m.kind}>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(i)} aria-current={i === selected ? 'true' : undefined} aria-label={`Show message ${i + 1}: ${m.kind}`}>
                    {i + 1}
                  </button>
                </td>
                <td>{m.payload.time ? <time dateTime={m.payload.time}>{m.payload.time}</time> : <span className="muted">—</span>}</td>
                <td>{m.payload.method ?? '—'}</td>
                <td className="url-cell" title={m.payload.url}>
                  {m.payload.url ?? '—'}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(i)} tabIndex={-1}>
                    {m.error ? <span className="pill sev-error">{m.error.code}</span> : m.kind}
                  </button>
                  {m.findings.some((f) => f.severity === 'error') && <span className="pill sev-error small"> errors</span>}
                </td>
                <td>{m.trusted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

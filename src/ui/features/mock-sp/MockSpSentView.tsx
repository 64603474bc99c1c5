// What was put on the wire: the Redirect URL and its parameters, or the POST form fields, the
// XML as sent, and the same request as a curl command.
import type { PreparedSend } from '../../../core/mocksp';
import { CopyableValue, CopyButton } from '../../shared/CopyButton';

export function MockSpSentView({ sent, curl, kind }: { sent: PreparedSend; curl: string; kind: string }) {
  const params: [string, string | undefined][] =
    sent.binding === 'HTTP-Redirect'
      ? [
          ['SAMLRequest', sent.parameters.SAMLRequest],
          ['RelayState', sent.parameters.RelayState],
          ['SigAlg', sent.parameters.SigAlg],
          ['Signature', sent.parameters.Signature],
        ]
      : [
          ['SAMLRequest', sent.fields.SAMLRequest],
          ['RelayState', sent.fields.RelayState],
        ];
  return (
    <section className="panel mock-sp-sent" aria-labelledby="sent-heading" data-sent-binding={sent.binding} data-sent-kind={kind}>
      <h2 id="sent-heading">
        Sent: {kind} by {sent.binding}
      </h2>
      <dl className="fields">
        {sent.binding === 'HTTP-Redirect' ? (
          <div className="field" data-field="url">
            <dt>URL</dt>
            <dd>
              <CopyableValue value={sent.url} label="request URL" className="wrap" />
            </dd>
          </div>
        ) : (
          <div className="field" data-field="action">
            <dt>Form action (POST)</dt>
            <dd>
              <CopyableValue value={sent.action} label="form action" />
            </dd>
          </div>
        )}
        {params
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => (
            <div className="field" key={k} data-field={`param-${k}`}>
              <dt>{k}</dt>
              <dd>
                <CopyableValue value={v} label={k} className="wrap" />
              </dd>
            </div>
          ))}
      </dl>
      {sent.notes.length > 0 && (
        <ul className="small">
          {sent.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <h3>
        Decoded XML <CopyButton value={sent.xml} label="sent XML" />
      </h3>
      <pre className="export-text" tabIndex={0} role="region" aria-label="Sent XML" data-sent="xml">
        {sent.xml}
      </pre>
      <h3>
        curl <CopyButton value={curl} label="curl command" />
      </h3>
      <pre className="export-text" tabIndex={0} role="region" aria-label="curl command" data-sent="curl">
        {curl}
      </pre>
    </section>
  );
}

// The request an SP sent to the mock IdP (or one pasted here): decoded, inspected, and its
// signature — enveloped (HTTP-POST) or over the query (HTTP-Redirect) — verified with the
// existing core against the SP metadata pasted on this page.
import type { RequestFacts } from '../../../core/idp';
import type { InspectedMessage } from '../../../core/types';
import type { Incoming } from './incoming';

const VIA: Record<Incoming['via'], string> = {
  route: 'HTTP-Redirect, read from this page\'s query',
  sw: 'HTTP-POST, captured by the service worker',
  server: 'HTTP-POST, captured by the server',
  unknown: 'captured',
  pasted: 'pasted',
};

export function RequestPanel(props: {
  incoming: Incoming | null;
  facts: RequestFacts | null;
  factsError: string | null;
  message: InspectedMessage | null;
  hasSpMetadata: boolean;
  pasted: string;
  onPaste: (text: string) => void;
  onDismiss: () => void;
}) {
  const { incoming, facts, message } = props;
  const verdictOf = (m: InspectedMessage) => {
    if (!m.signatures.length) return 'unsigned';
    if (m.signatures.every((s) => s.verdict === 'valid')) return 'trusted';
    if (m.signatures.some((s) => s.verdict === 'invalid')) return 'invalid';
    return 'untrusted';
  };
  return (
    <section className="panel mock-idp-request" aria-labelledby="idp-request-heading" data-request-kind={facts?.kind ?? 'none'}>
      <h2 id="idp-request-heading">Request from the SP</h2>
      {!incoming ? (
        <p className="muted">
          No request received. Point the SP at the SSO URL above (HTTP-Redirect or HTTP-POST), paste a request below, or answer without one (IdP-initiated login).
        </p>
      ) : (
        <>
          <p className="small">
            Received at <code>{incoming.path}</code> ({VIA[incoming.via]}).{' '}
            <button type="button" className="link-button" onClick={props.onDismiss}>
              Forget this request
            </button>
          </p>
          {props.factsError && (
            <p role="alert" className="problem-error">
              {props.factsError}
            </p>
          )}
          {facts && (
            <dl className="fields">
              <div className="field">
                <dt>Kind</dt>
                <dd data-request-field="kind">{facts.kind}</dd>
              </div>
              <div className="field">
                <dt>ID (InResponseTo of the answer)</dt>
                <dd data-request-field="id">
                  <code>{facts.id}</code>
                </dd>
              </div>
              <div className="field">
                <dt>Issuer</dt>
                <dd data-request-field="issuer">{facts.issuer ?? '—'}</dd>
              </div>
              {facts.kind === 'AuthnRequest' ? (
                <div className="field">
                  <dt>AssertionConsumerServiceURL</dt>
                  <dd data-request-field="acs">{facts.acsUrl ?? (facts.acsIndex ? `index ${facts.acsIndex}` : '— (the metadata default)')}</dd>
                </div>
              ) : (
                <div className="field">
                  <dt>NameID / SessionIndex</dt>
                  <dd data-request-field="nameid">
                    {facts.nameId ?? '—'} / {facts.sessionIndexes.join(', ') || '—'}
                  </dd>
                </div>
              )}
              <div className="field">
                <dt>RelayState</dt>
                <dd data-request-field="relay-state">{facts.relayState ?? '—'}</dd>
              </div>
            </dl>
          )}
          {message && (
            <div className="request-verification" data-request-verdict={verdictOf(message)}>
              <h3>Signature</h3>
              {message.signatures.length === 0 ? (
                <p>Not signed{props.hasSpMetadata ? '' : ' (and no SP metadata pasted to verify with)'}.</p>
              ) : (
                <ul className="plain-list">
                  {message.signatures.map((s) => (
                    <li key={s.index} data-signature-verdict={s.verdict}>
                      <span className={`verdict-badge verdict-${s.verdict}`}>{s.verdict}</span> signature over {s.target}
                      {s.reason ? <span className="small muted"> — {s.reason}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
              {!props.hasSpMetadata && message.signatures.length > 0 && <p className="small muted">Paste the SP metadata to verify against its signing key.</p>}
              {message.findings.length > 0 && (
                <>
                  <h3>Findings</h3>
                  <ul className="plain-list">
                    {message.findings.map((f, i) => (
                      <li key={i} data-finding-code={f.code} className={`problem-${f.severity}`}>
                        <code>{f.code}</code> {f.title}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </>
      )}
      <details>
        <summary>Paste a request</summary>
        <label>
          AuthnRequest or LogoutRequest (Redirect URL, POST body, base64 or XML)
          <textarea className="metadata-input" value={props.pasted} onChange={(e) => props.onPaste(e.target.value)} spellCheck={false} />
        </label>
      </details>
    </section>
  );
}

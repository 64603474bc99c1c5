// Extra context under some findings: the status code table entries for `status-error`
// (SAML core §3.2.2.2) and, for NameID findings, what authentik sends for each requested
// format (authentik docs: SAML Provider).
import { NAMEID_FORMATS, canonicalNameIdFormat, explainNameIdFormat } from '../../../core/diagnosis/nameid-formats';
import { explainStatusCode } from '../../../core/diagnosis/status-codes';
import { SOURCES } from '../../../core/diagnosis/sources';
import type { Finding, InspectedMessage } from '../../../core/types';

export function hasFindingDetails(f: Finding): boolean {
  return f.code === 'status-error' || f.code.startsWith('nameid-') && f.code !== 'nameid-comment';
}

export function FindingDetails({ finding, message, messages }: { finding: Finding; message?: InspectedMessage; messages?: readonly RequestSource[] }) {
  if (!message) return null;
  if (finding.code === 'status-error') return <StatusCodeDetail message={message} />;
  if (hasFindingDetails(finding)) return <NameIdFormatsDetail message={message} messages={messages ?? []} />;
  return null;
}

function StatusCodeDetail({ message }: { message: InspectedMessage }) {
  const codes = [message.status?.code, message.status?.subcode].filter((c): c is string => !!c);
  if (codes.length === 0) return null;
  return (
    <table className="finding-detail status-detail">
      <caption>Status code{codes.length > 1 ? 's' : ''} in this message (SAML core §3.2.2.2)</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Level</th>
          <th scope="col">Meaning</th>
          <th scope="col">Usual cause</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((uri) => {
          const e = explainStatusCode(uri);
          return (
            <tr key={uri} data-status-code={e?.name ?? uri}>
              <th scope="row">
                <code>{e?.name ?? uri}</code>
              </th>
              <td>{e ? (e.level === 'top' ? 'top-level' : 'second-level') : '—'}</td>
              <td>{e?.meaning ?? 'Not a SAML 2.0 status code: the IdP defined its own.'}</td>
              <td>{e?.likelyCause ?? 'See the IdP documentation and the StatusMessage.'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The NameIDPolicy Format of the AuthnRequest this message answers, when it is in the same input. */
/** What the NameID detail reads of the other messages (full messages or their overviews). */
export type RequestSource = Pick<InspectedMessage, 'kind' | 'id' | 'authnRequest'>;

function requestedFormat(message: InspectedMessage, messages: readonly RequestSource[]): string | null {
  const req = messages.find((m) => m.kind === 'AuthnRequest' && m.id && m.id === message.inResponseTo) ?? (message.kind === 'AuthnRequest' ? message : null);
  return req?.authnRequest?.nameIdPolicyFormat ?? null;
}

function NameIdFormatsDetail({ message, messages }: { message: InspectedMessage; messages: readonly RequestSource[] }) {
  const sent = message.assertions.find((a) => a.nameId)?.nameId?.format ?? null;
  const requested = requestedFormat(message, messages);
  const sentUri = sent ? canonicalNameIdFormat(sent) : null;
  const requestedUri = requested ? canonicalNameIdFormat(requested) : null;
  return (
    <table className="finding-detail nameid-detail">
      <caption>
        What authentik sends as NameID for each requested format, without a NameID property mapping ({SOURCES.authentikSamlProvider})
        {sent && !explainNameIdFormat(sent) ? ` — this message uses a non-standard format ${sent}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Requested format</th>
          <th scope="col">authentik sends</th>
          <th scope="col">Stable</th>
          <th scope="col">In this exchange</th>
        </tr>
      </thead>
      <tbody>
        {NAMEID_FORMATS.filter((f) => f.authentikSends !== null || f.uri === sentUri || f.uri === requestedUri).map((f) => {
          const marks = [f.uri === requestedUri ? 'requested' : null, f.uri === sentUri ? 'sent' : null].filter(Boolean).join(', ');
          return (
            <tr key={f.uri} className={marks ? 'current' : undefined} data-nameid-format={f.name}>
              <th scope="row" title={f.uri}>
                {f.name} <span className="muted small">({f.specSection})</span>
              </th>
              <td>{f.authentikSends ?? 'not documented'}</td>
              <td>{f.stable ? 'yes' : 'no'}</td>
              <td>{marks}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

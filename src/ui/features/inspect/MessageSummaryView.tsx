import { useState, type ReactNode } from 'react';
import type { AssertionSummary, EntitySummary, InspectedMessage, MetadataSummary, RoleDescriptorSummary } from '../../../core/types';
import { MetadataEntityTable } from './MetadataEntityTable';
import { RemoteEntityDetail } from './entityDetail';
import { entityTableOf, type EntityTableView } from '../../worker/shownText';
import { CopyButton, CopyableValue, Fields } from '../../shared/CopyButton';
import { MoreItems, useSliceLimit } from '../../shared/incremental';
import { CertificateList } from './SignaturesPanel';
import { Timeline } from './Timeline';
import { overallVerdictOf } from './reportView';
import { trustExplanation } from './trustExplanation';

const bool = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 'true' : 'false');

export function TrustedBadge({ message, anchorCount }: { message: InspectedMessage; anchorCount: number }) {
  return (
    <div className={`trusted-badge ${message.trusted ? 'is-trusted' : 'not-trusted'} verdict-${overallVerdictOf(message)}`} data-trusted={message.trusted ? 'true' : 'false'}>
      <span className="trusted-label">{message.trusted ? 'Trusted' : 'Not trusted'}</span>
      <span className="trusted-why">{trustExplanation(message, anchorCount)}</span>
    </div>
  );
}

/** The five-second read: what it is, who sent it where, about which request, with what status. */
export function SummaryPanel({ message }: { message: InspectedMessage }) {
  const p = message.payload;
  return (
      <section className="panel summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <Fields
          rows={[
            { label: 'Kind', value: message.kind, testId: 'kind' },
            { label: 'Binding', value: message.binding ?? 'none (raw)', testId: 'binding' },
            { label: 'Issuer', value: message.issuer, testId: 'issuer' },
            { label: 'Destination', value: message.destination, testId: 'destination' },
            { label: 'ID', value: message.id, testId: 'id' },
            { label: 'InResponseTo', value: message.inResponseTo, testId: 'inResponseTo' },
            { label: 'IssueInstant', value: message.issueInstant, testId: 'issueInstant' },
            ...(message.status
              ? [
                  { label: 'Status', value: message.status.code, testId: 'status' },
                  ...(message.status.subcode ? [{ label: 'Status subcode', value: message.status.subcode }] : []),
                  ...(message.status.message ? [{ label: 'Status message', value: message.status.message }] : []),
                ]
              : []),
            ...(p.relayState !== undefined ? [{ label: 'RelayState', value: p.relayState }] : []),
            ...(p.redirect?.sigAlg ? [{ label: 'Query SigAlg', value: p.redirect.sigAlg }] : []),
            { label: 'Encoding', value: p.encoding.join(' + ') || null },
          ]}
        />
        {p.notes.length > 0 && (
          <ul className="notes small">
            {p.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </section>
  );
}

/** Everything else: assertions, time conditions, attributes, request fields, metadata, certificates. */
export function MessageDetails({ message, at, skewSeconds }: { message: InspectedMessage; at: Date; skewSeconds: number }) {
  return (
    <>
      {message.assertions.map((a, i) => (
        <AssertionView key={i} assertion={a} index={i} count={message.assertions.length} />
      ))}

      {(message.assertions.length > 0 || message.issueInstant || message.metadata) && (
        <section className="panel">
          <Timeline message={message} at={at} skewSeconds={skewSeconds} />
        </section>
      )}

      {message.assertions.length > 0 && (
        <section className="panel" aria-labelledby="authentik-heading">
          <h2 id="authentik-heading">authentik properties</h2>
          <p className="small muted">
            The <code>properties</code> dictionary an authentik SAML source builds from the consumed assertion: keyed by each
            Attribute's Name, single values unwrapped, several kept as a list.
          </p>
          <JsonBlock value={message.authentikProperties} label="authentik properties" />
        </section>
      )}

      {message.authnRequest && (
        <section className="panel" aria-labelledby="authn-heading">
          <h2 id="authn-heading">AuthnRequest</h2>
          <Fields
            rows={[
              { label: 'AssertionConsumerServiceURL', value: message.authnRequest.assertionConsumerServiceURL },
              { label: 'AssertionConsumerServiceIndex', value: message.authnRequest.assertionConsumerServiceIndex },
              { label: 'ProtocolBinding', value: message.authnRequest.protocolBinding },
              { label: 'NameIDPolicy Format', value: message.authnRequest.nameIdPolicyFormat },
              { label: 'AllowCreate', value: bool(message.authnRequest.allowCreate) },
              { label: 'ForceAuthn', value: bool(message.authnRequest.forceAuthn) },
              { label: 'IsPassive', value: bool(message.authnRequest.isPassive) },
              ...(message.authnRequest.requestedAuthnContext
                ? [
                    { label: 'RequestedAuthnContext comparison', value: message.authnRequest.requestedAuthnContext.comparison },
                    { label: 'RequestedAuthnContext class refs', value: message.authnRequest.requestedAuthnContext.classRefs.join(', ') },
                  ]
                : []),
            ]}
          />
        </section>
      )}

      {message.logoutRequest && (
        <section className="panel" aria-labelledby="logout-heading">
          <h2 id="logout-heading">LogoutRequest</h2>
          <Fields
            rows={[
              { label: 'NameID', value: message.logoutRequest.nameId?.value },
              { label: 'NameID Format', value: message.logoutRequest.nameId?.format },
              { label: 'SessionIndex', value: message.logoutRequest.sessionIndexes.join(', ') },
              { label: 'Reason', value: message.logoutRequest.reason },
              { label: 'NotOnOrAfter', value: message.logoutRequest.notOnOrAfter },
            ]}
          />
        </section>
      )}

      {message.metadata && <MetadataView metadata={message.metadata} table={entityTableOf(message)} at={at} />}

      {message.certificates.length > 0 && (
        <section className="panel" aria-labelledby="certs-heading">
          <h2 id="certs-heading">Certificates ({message.certificates.length})</h2>
          <CertificateList certificates={message.certificates} limit={10} />
        </section>
      )}
    </>
  );
}

function AssertionView({ assertion: a, index, count }: { assertion: AssertionSummary; index: number; count: number }) {
  const headingId = `assertion-${index}-heading`;
  // Attributes render in slices: a message may carry thousands (each row is several elements).
  const { limit, more } = useSliceLimit(a.attributeDetails.length, a);
  return (
    <section className="panel assertion" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Assertion{count > 1 ? ` ${index + 1} of ${count}` : ''} {a.encrypted && !a.decrypted && <span className="pill sev-warning">encrypted</span>}
        {a.decrypted && <span className="pill sev-info" data-assertion-decrypted="true">decrypted</span>}
      </h2>
      {a.encrypted && !a.decrypted && <p className="small">This assertion is encrypted (EncryptedAssertion); its contents cannot be shown without the SP's private key.</p>}
      {a.decrypted && <p className="small">Received encrypted (EncryptedAssertion) and decrypted here with the SP key you gave.</p>}
      <Fields
        rows={[
          { label: 'Assertion ID', value: a.id },
          { label: 'Assertion issuer', value: a.issuer },
          { label: 'NameID', value: a.nameId?.value, testId: 'nameId' },
          { label: 'NameID Format', value: a.nameId?.format, testId: 'nameIdFormat' },
          ...(a.nameId?.spNameQualifier ? [{ label: 'SPNameQualifier', value: a.nameId.spNameQualifier }] : []),
          { label: 'Audiences', value: a.audiences.join(', ') || null, testId: 'audiences' },
          { label: 'Recipient', value: a.recipient, testId: 'recipient' },
          { label: 'Subject InResponseTo', value: a.inResponseTo },
          { label: 'AuthnContextClassRef', value: a.authnContextClassRef },
        ]}
      />
      {a.attributeDetails.length > 0 && (
        <>
          <h3>Attributes</h3>
          <div className="table-scroll">
            <table className="data-table attributes">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">FriendlyName</th>
                  <th scope="col">Values</th>
                </tr>
              </thead>
              <tbody>
                {a.attributeDetails.slice(0, limit).map((attr, i) => (
                  <tr key={i} data-attribute-name={attr.name}>
                    <th scope="row">
                      <CopyableValue value={attr.name} label={`attribute name ${attr.name}`} />
                      {attr.nameFormat && <div className="muted small" title={attr.nameFormat}>{attr.nameFormat.split(':').pop()}</div>}
                    </th>
                    <td>{attr.friendlyName ?? <span className="muted">—</span>}</td>
                    <td>
                      <ul className="values">
                        {attr.values.map((v, j) => (
                          <li key={j}>
                            <CopyableValue value={v} label={`value ${j + 1} of ${attr.name}`} />
                          </li>
                        ))}
                        {attr.values.length === 0 && <li className="muted">(no value)</li>}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MoreItems shown={limit} total={a.attributeDetails.length} noun="attributes" onMore={more} />
        </>
      )}
    </section>
  );
}

/** Above this many characters the JSON is shown cut, whole behind a button (a copy is always whole). */
const JSON_BLOCK_SHOWN_CHARS = 20_000;

function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, 2);
  // 10,000 attributes make ~600 KB of JSON: laid out at once it blocked the page for a second.
  const [whole, setWhole] = useState(false);
  const cut = !whole && text.length > JSON_BLOCK_SHOWN_CHARS;
  return (
    <div className="json-block">
      <CopyButton value={text} label={label} />
      <pre tabIndex={0}>{cut ? `${text.slice(0, JSON_BLOCK_SHOWN_CHARS)}\n…` : text}</pre>
      {cut && (
        <p className="show-more small" data-show-more="json">
          <span className="muted">
            {JSON_BLOCK_SHOWN_CHARS.toLocaleString('en')} of {text.length.toLocaleString('en')} characters shown.
          </span>{' '}
          <button type="button" onClick={() => setWhole(true)}>
            Show all
          </button>
        </p>
      )}
    </div>
  );
}

function MetadataView({ metadata, table, at }: { metadata: MetadataSummary; table: EntityTableView | undefined; at: Date }) {
  const o = metadata.overview;
  // More than one entity: the page holds the table's columns, the worker each entity (shownText.ts).
  const entityCount = table?.count ?? metadata.entities.length;
  const entityDetail = (e: EntitySummary) => (
    <div className="entity">
      <Fields
        rows={[
          { label: 'entityID', value: e.entityId },
          { label: 'validUntil', value: e.validUntil },
          { label: 'cacheDuration', value: e.cacheDuration },
        ]}
      />
      {e.roles.map((r, j) => (
        <RoleView key={j} role={r} />
      ))}
    </div>
  );
  return (
    <section className="panel metadata" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">Metadata</h2>
      <Fields
        rows={[
          { label: 'validUntil', value: metadata.validUntil },
          { label: 'Entities', value: `${entityCount.toLocaleString('en-US')}${o && Object.keys(o.roles).length ? ` (${Object.entries(o.roles).map(([r, n]) => `${n.toLocaleString('en-US')} ${r}`).join(', ')})` : ''}` },
          ...(o ? [{ label: 'Certificates', value: `${o.keys.certificates.toLocaleString('en-US')}: ${o.keys.expired} expired, ${o.keys.expiringWithin30Days} expiring within 30 days${o.keys.unreadable ? `, ${o.keys.unreadable} unreadable` : ''}` }] : []),
          ...(o?.keys.earliestNotAfter ? [{ label: 'First key expiry', value: `${o.keys.earliestNotAfter.notAfter} (${o.keys.earliestNotAfter.entityId})` }] : []),
        ]}
      />
      {table ? (
        // Keyed by run: a new input's table starts closed, so no row of the old one stays open.
        <MetadataEntityTable key={table.runId} table={table} at={at} renderDetail={(i) => <RemoteEntityDetail table={table} entity={i} render={entityDetail} />} />
      ) : (
        metadata.entities.map((e, i) => (
          <details key={i} className="entity" open>
            <summary>
              <code>{e.entityId}</code> <span className="muted small">{e.roles.map((r) => r.role).join(', ')}</span>
            </summary>
            {entityDetail(e)}
          </details>
        ))
      )}
    </section>
  );
}

function RoleView({ role }: { role: RoleDescriptorSummary }) {
  const endpoints = [
    ...role.singleSignOnServices.map((ep) => ({ kind: 'SingleSignOnService', ep })),
    ...role.singleLogoutServices.map((ep) => ({ kind: 'SingleLogoutService', ep })),
    ...role.assertionConsumerServices.map((ep) => ({ kind: 'AssertionConsumerService', ep })),
  ];
  return (
    <div className="role">
      <h3>{role.role}</h3>
      <Fields
        rows={[
          { label: 'protocolSupportEnumeration', value: role.protocolSupportEnumeration },
          ...(role.wantAuthnRequestsSigned !== undefined ? [{ label: 'WantAuthnRequestsSigned', value: bool(role.wantAuthnRequestsSigned) }] : []),
          ...(role.authnRequestsSigned !== undefined ? [{ label: 'AuthnRequestsSigned', value: bool(role.authnRequestsSigned) }] : []),
          ...(role.wantAssertionsSigned !== undefined ? [{ label: 'WantAssertionsSigned', value: bool(role.wantAssertionsSigned) }] : []),
          { label: 'NameIDFormats', value: role.nameIdFormats.join(', ') || null },
        ]}
      />
      {endpoints.length > 0 && (
        <div className="table-scroll">
          <table className="data-table endpoints">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Binding</th>
                <th scope="col">Location</th>
                <th scope="col">Index</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map(({ kind, ep }, i) => (
                <tr key={i}>
                  <th scope="row">{kind}</th>
                  <td title={ep.binding}>{ep.binding.split(':').pop()}</td>
                  <td>
                    <CopyableValue value={ep.location} label={`${kind} location`} />
                    {ep.responseLocation && <div className="small muted">response: {ep.responseLocation}</div>}
                  </td>
                  <td>
                    {ep.index ?? ''}
                    {ep.isDefault ? ' (default)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {role.keyDescriptors.length > 0 && (
        <ul className="small">
          {role.keyDescriptors.map((k, i) => (
            <li key={i}>
              KeyDescriptor {k.use ? `use="${k.use}"` : '(no use: signing and encryption)'}: {k.certificates.length} certificate
              {k.certificates.length === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Big metadata aggregates hold thousands of entities: render a slice of them, the next ones as they scroll into view. */
export function ShowMore<T>({ items, initial, noun, render }: { items: T[]; initial: number; noun: string; render: (item: T, index: number) => ReactNode }) {
  const { limit, more } = useSliceLimit(items.length, items, initial);
  return (
    <>
      {items.slice(0, limit).map((item, i) => render(item, i))}
      <MoreItems shown={limit} total={items.length} noun={noun} onMore={more} />
    </>
  );
}

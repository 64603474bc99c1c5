import type { ClaimValidation, DecodedToken } from '../../../core/oidc';

const STATUS_CLASS = { pass: 'state-ok', fail: 'sev-error', warn: 'sev-warning', skip: 'sev-info' } as const;

/** Claim checks of OIDC Core §3.1.3.7, one row per claim, each with data-claim-check / data-status. */
export function OidcClaimsPanel({ claims }: { claims: ClaimValidation }) {
  return (
    <section className="panel" aria-labelledby="oidc-claims-heading">
      <h2 id="oidc-claims-heading">Claim checks</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Claim checks table">
        <table className="data-table oidc-claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {claims.checks.map((c) => (
              <tr key={c.claim} data-claim-check={c.claim} data-status={c.status}>
                <th scope="row">
                  <code>{c.claim}</code>
                </th>
                <td>
                  <span className={`pill ${STATUS_CLASS[c.status]}`}>{c.status}</span>
                </td>
                <td>{c.detail}</td>
                <td className="small muted">{c.reference}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Header and payload, pretty-printed, with the NumericDate claims shown as dates. */
export function OidcTokenView({ token }: { token: DecodedToken }) {
  return (
    <section className="panel" aria-labelledby="oidc-token-heading">
      <h2 id="oidc-token-heading">Decoded ID token</h2>
      <div className="oidc-token-parts">
        {token.headerPretty !== null && (
          <div className="json-block">
            <h3>Header</h3>
            <pre data-oidc-part="header" tabIndex={0} aria-label="Token header">{token.headerPretty}</pre>
          </div>
        )}
        <div className="json-block">
          <h3>Payload (claims)</h3>
          <pre data-oidc-part="payload" tabIndex={0} aria-label="Token payload">{token.payloadPretty}</pre>
        </div>
      </div>
      {Object.keys(token.times).length > 0 && (
        <dl className="fields">
          {Object.entries(token.times).map(([claim, iso]) => (
            <div className="field" key={claim}>
              <dt>{claim}</dt>
              <dd>
                <time dateTime={iso}>{iso}</time>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

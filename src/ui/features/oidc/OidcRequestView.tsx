import type { AuthorizationRequestSummary, AuthorizationResponseSummary } from '../../../core/oidc';

function Row({ name, value }: { name: string; value: string | null }) {
  return (
    <div className="field" data-field={name}>
      <dt>{name}</dt>
      <dd>{value === null ? <span className="muted">absent</span> : <code>{value}</code>}</dd>
    </div>
  );
}

/** The authorization request the browser sends to the provider (OIDC Core §3.1.2.1). */
export function OidcRequestView({ request }: { request: AuthorizationRequestSummary }) {
  return (
    <section className="panel" aria-labelledby="oidc-request-heading" data-oidc-kind="authorization-request">
      <h2 id="oidc-request-heading">Authorization request</h2>
      <dl className="fields">
        <Row name="endpoint" value={request.endpoint} />
        <Row name="client_id" value={request.clientId} />
        <Row name="redirect_uri" value={request.redirectUri} />
        <Row name="SSO organization" value={request.orgName} />
        <Row name="scope" value={request.scopes.join(' ') || null} />
        <Row name="response_type" value={request.responseType} />
        <Row name="response_mode" value={request.responseMode} />
        <Row name="state" value={request.state} />
        <Row name="nonce" value={request.nonce} />
        <Row name="code_challenge_method (PKCE)" value={request.codeChallenge !== null ? request.codeChallengeMethod ?? 'plain' : null} />
        <Row name="prompt" value={request.prompt} />
      </dl>
    </section>
  );
}

/** An authorization response delivered to Exoscale's redirect URI (OIDC Core §3.1.2.5/§3.1.2.6). */
export function OidcResponseView({ response }: { response: AuthorizationResponseSummary }) {
  return (
    <section className="panel" aria-labelledby="oidc-response-heading" data-oidc-kind={`authorization-${response.kind}-response`}>
      <h2 id="oidc-response-heading">Authorization {response.kind === 'error' ? 'error ' : ''}response</h2>
      <dl className="fields">
        <Row name="delivered to" value={response.redirectTarget} />
        <Row name="SSO organization" value={response.orgName} />
        {response.kind === 'error' ? (
          <>
            <Row name="error" value={response.error} />
            <Row name="error_description" value={response.errorDescription} />
          </>
        ) : (
          <Row name="code" value={response.code} />
        )}
        <Row name="state" value={response.state} />
      </dl>
    </section>
  );
}

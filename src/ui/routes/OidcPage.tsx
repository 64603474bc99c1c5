// The OIDC page (route /oidc): Exoscale SSO with OpenID Connect (seed 002_be8525c84e06a101.txt).
// Thin over the core: every fact shown comes from inspectOidc()'s OidcReport, computed in the
// inspection worker (src/ui/worker/) under its watchdog. The token, the keys
// and the client secret live only in React state; the shareable settings ride in the URL search.
import { useCallback, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { EvaluationTimeFields } from '../shared/EvaluationTimeFields';
import { useWorkerRun } from '../worker/useWorkerRun';
import { RunErrorNotice, RunProgress } from '../shared/RunProgress';
import { DEFAULT_SKEW_SECONDS, EXOSCALE_OIDC_PROFILE, type OidcReport } from '../../core/oidc';
import { OidcCelPanel } from '../components/OidcCelPanel';
import { OidcClaimsPanel, OidcTokenView } from '../components/OidcClaimsPanel';
import { OidcFindings } from '../components/OidcFindings';
import { OidcRequestView, OidcResponseView } from '../components/OidcRequestView';
import { OidcSettingsForm } from '../components/OidcSettingsForm';
import { KeyLine, OidcSignaturePanel } from '../components/OidcSignaturePanel';
import type { OidcSearch } from '../oidcSearch';

const TYPING_DEBOUNCE_MS = 150;

const DETECTED_LABEL: Record<NonNullable<OidcReport['detected']>, string> = {
  'id-token': 'ID token',
  'claims-json': 'decoded ID token payload (no signature)',
  'authorization-request': 'authorization request URL',
  'authorization-code-response': 'authorization response (code)',
  'authorization-error-response': 'authorization error response',
  'exoscale-login-url': 'Exoscale SSO login URL',
};

export function OidcPage() {
  const search = useSearch({ from: '/oidc' }) as OidcSearch;
  const navigate = useNavigate({ from: '/oidc' });
  const [input, setInput] = useState('');
  const [keysText, setKeysText] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [nonce, setNonce] = useState('');

  const setSearch = useCallback(
    (patch: Partial<OidcSearch>) => {
      void navigate({
        search: (prev: OidcSearch) => {
          const next: Record<string, unknown> = { ...prev, ...patch };
          for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
          return next as OidcSearch;
        },
        replace: true,
      });
    },
    [navigate],
  );

  const check = useWorkerRun(
    'oidc',
    () => ({
      input,
      options: {
        settings: { clientId: search.client, issuerUrl: search.iss, clientSecret: clientSecret || undefined, additionalClaims: search.claims, celExpression: search.cel, orgName: search.org, nonce: nonce || undefined },
        keysText,
        at: search.at ? new Date(search.at) : new Date(),
        skewSeconds: search.skew ?? DEFAULT_SKEW_SECONDS,
      },
    }),
    () => TYPING_DEBOUNCE_MS,
    [input, keysText, clientSecret, nonce, search.client, search.iss, search.claims, search.cel, search.org, search.at, search.skew],
  );

  const report: OidcReport | null = check.result;
  const { pending } = check;
  const hasInput = input.trim() !== '';
  return (
    <div className="oidc">
      <div className="inputs">
        <section className="panel input-panel" aria-labelledby="oidc-input-heading">
          <div className="panel-head">
            <h1 id="oidc-input-heading">Inspect an OIDC login (Exoscale SSO)</h1>
            <div className="panel-actions">
              <button type="button" onClick={() => setInput('')} disabled={!hasInput}>
                Clear
              </button>
            </div>
          </div>
          <p className="hint small">
            Paste an ID token (eyJ…, with or without "Bearer "), a token endpoint response {'{"id_token": …}'}, the URL the provider redirected to
            (id_token, code or error), or the authorization request URL the browser sent to the provider.
          </p>
          <textarea
            className="trust-input oidc-token-input"
            aria-label="ID token or OIDC URL"
            value={input}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder="eyJhbGciOiJSUzI1NiIsImtpZCI6…"
            onChange={(e) => setInput(e.target.value)}
          />
        </section>
        <section className="panel trust-panel" aria-labelledby="oidc-keys-heading">
          <h2 id="oidc-keys-heading">Provider keys</h2>
          <p className="hint small">
            The provider's JWKS (open &lt;OIDC Issuer URL&gt;/.well-known/openid-configuration and follow <code>jwks_uri</code>), a single JWK, or PEM
            certificates / public keys. Only what you paste is trusted; samlscope fetches nothing.
          </p>
          <textarea
            className="trust-input"
            aria-label="Trusted JWKS or certificate"
            value={keysText}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder='{"keys": [{"kty": "RSA", "kid": "…", "n": "…", "e": "AQAB"}]}'
            onChange={(e) => setKeysText(e.target.value)}
          />
          {report && report.keys.keys.length > 0 && (
            <details className="oidc-keys-list">
              <summary className="small">
                {report.keys.keys.length} trusted key{report.keys.keys.length === 1 ? '' : 's'}
              </summary>
              {report.keys.keys.map((k, i) => (
                <KeyLine key={i} keyInfo={k} label={`Key ${i + 1}`} />
              ))}
            </details>
          )}
        </section>
      </div>

      <OidcSettingsForm search={search} onChange={setSearch} clientSecret={clientSecret} onClientSecret={setClientSecret} nonce={nonce} onNonce={setNonce} />

      <details className="panel options" open={search.at !== undefined || search.skew !== undefined || undefined}>
        <summary>Evaluation time and clock skew</summary>
        <div className="options-grid">
          <EvaluationTimeFields idPrefix="oidc" at={search.at} skew={search.skew} defaultSkew={DEFAULT_SKEW_SECONDS} onChange={setSearch} />
        </div>
      </details>

      <p className="status small muted" role="status" aria-live="polite">
        {pending ? 'Checking…' : report?.detected ? `Detected: ${DETECTED_LABEL[report.detected]}. Evaluated at ${report.evaluatedAt}.` : ''}
      </p>

      <RunProgress activity={check} what="Checking" />
      <RunErrorNotice error={check.error} onRetry={check.retry} />

      {report && report.errors.length > 0 && (
        <div role="alert" className="input-error">
          {report.errors.map((e, i) => (
            <p key={i}>
              <code className="finding-code">{e.code}</code> {e.message}
            </p>
          ))}
        </div>
      )}
      {report && report.notes.length > 0 && (
        <ul className="oidc-notes small muted">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}

      {report && (
        <div className="oidc-results" data-oidc-trusted={String(report.trusted)}>
          {report.signature && <OidcSignaturePanel signature={report.signature} />}
          {report.cel && <OidcCelPanel cel={report.cel} />}
          {report.claims && <OidcClaimsPanel claims={report.claims} />}
          {report.authorizationRequest && <OidcRequestView request={report.authorizationRequest} />}
          {report.authorizationResponse && <OidcResponseView response={report.authorizationResponse} />}
          {report.exoscaleLogin && (
            <section className="panel" data-oidc-kind="exoscale-login-url">
              <h2>Exoscale SSO login URL</h2>
              <p>
                Organization <code>{report.exoscaleLogin.org}</code>. Users start here; the provider must redirect back to{' '}
                <code>https://portal.exoscale.com/sso-authenticate/{report.exoscaleLogin.org}</code>.
              </p>
            </section>
          )}
          {(report.findings.length > 0 || hasInput) && <OidcFindings findings={report.findings} />}
          {report.token && <OidcTokenView token={report.token} />}
        </div>
      )}

      <details className="panel">
        <summary>{EXOSCALE_OIDC_PROFILE.title}: what Exoscale expects</summary>
        <ul>
          {EXOSCALE_OIDC_PROFILE.requirements.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
        <p className="small muted">Source: {EXOSCALE_OIDC_PROFILE.sourceDocument}. Details of each check: docs/oidc.md.</p>
      </details>
    </div>
  );
}

// The OIDC page (route /oidc): Exoscale SSO with OpenID Connect (seed 002_be8525c84e06a101.txt).
// Thin over the core: every fact shown comes from inspectOidc()'s OidcReport, computed in the
// inspection worker (src/ui/worker/) under its watchdog. The token, the keys
// and the client secret live only in React state; the shareable settings ride in the URL search.
// Paste left, answer right (issue 14: the decoded token beside the input, as on jwt.io); a share
// link and exports like the inspect page's (OidcSharePanel, docs/oidc.md "Sharing").
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { EvaluationTimeFields } from '../../shared/EvaluationTimeFields';
import { useWorkerRun, useWorkerTask } from '../../worker/useWorkerRun';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import { DEFAULT_SKEW_SECONDS, EXOSCALE_OIDC_PROFILE, type ExoscaleOidcSettings, type OidcReport } from '../../../core/oidc';
import { decodeOidcShareFragment, type OidcShareState } from '../../../core/share/oidc';
import { OidcCelPanel } from './OidcCelPanel';
import { OidcClaimsPanel, OidcTokenView } from './OidcClaimsPanel';
import { OidcFindings } from './OidcFindings';
import { OidcRequestView, OidcResponseView } from './OidcRequestView';
import { OidcSettingsForm } from './OidcSettingsForm';
import { KeyLine, OidcSignaturePanel } from './OidcSignaturePanel';
import type { OidcSearch } from './oidcSearch';
import { oidcSearchToSettings, oidcSettingsToSearch } from '../../../core/settings';
import { OidcSharePanel } from './OidcSharePanel';
import { OidcSharerClaims } from './OidcSharerClaims';
import './oidc.css';

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
  // A shared link (`#share=o1.…`), opened once on load: what it restored, or why it could not.
  const [opened, setOpened] = useState<{ state: OidcShareState } | { error: string } | null>(null);
  const openedRef = useRef(false);

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

  useEffect(() => {
    if (openedRef.current) return;
    openedRef.current = true;
    const m = /(?:^#|&)share=([^&]*)/.exec(window.location.hash);
    if (!m) return;
    // The token leaves the address bar (and the history entry) once read.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    const r = decodeOidcShareFragment(m[1]!);
    if (!r.ok) {
      setOpened({ error: `${r.error.code}: ${r.error.message}` });
      return;
    }
    const st = r.value;
    setInput(st.input);
    setKeysText(st.keys);
    setNonce(st.settings.nonce ?? '');
    void navigate({
      search: oidcSettingsToSearch(st.settings, st.at, st.skewSeconds),
      replace: true,
    });
    setOpened({ state: st });
  }, [navigate]);

  const check = useWorkerRun(
    'oidc',
    () => ({
      input,
      options: {
        settings: oidcSearchToSettings(search, { clientSecret, nonce }),
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
  const settings: ExoscaleOidcSettings = useMemo(
    () => oidcSearchToSettings(search, { clientSecret, nonce }),
    [search.client, search.iss, search.claims, search.cel, search.org, clientSecret, nonce],
  );
  const shareCtx = useMemo(() => (report && hasInput && !pending ? { input, keys: keysText, settings, report } : null), [report, hasInput, pending, input, keysText, settings]);
  // The Share panel re-inspects a masked copy for its exports: in the worker, like every check.
  const task = useWorkerTask();
  const reinspect = useCallback(
    async (text: string, keys: string, s: ExoscaleOidcSettings, at: string) => {
      const o = await task.run('oidc', { input: text, options: { settings: s, keysText: keys, at: new Date(at), skewSeconds: search.skew ?? DEFAULT_SKEW_SECONDS } });
      if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
      return o.value;
    },
    [task, search.skew],
  );
  const openedState = opened && 'state' in opened ? opened.state : null;

  return (
    <div className="oidc">
      <div className="oidc-layout">
        <div className="oidc-input-column">
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

          <OidcSettingsForm search={search} onChange={setSearch} clientSecret={clientSecret} onClientSecret={setClientSecret} nonce={nonce} onNonce={setNonce} />

          <details className="panel options" open={search.at !== undefined || search.skew !== undefined || undefined}>
            <summary>Evaluation time and clock skew</summary>
            <div className="options-grid">
              <EvaluationTimeFields idPrefix="oidc" at={search.at} skew={search.skew} defaultSkew={DEFAULT_SKEW_SECONDS} onChange={setSearch} />
            </div>
          </details>

          <details className="panel">
            <summary>{EXOSCALE_OIDC_PROFILE.title}: what Exoscale expects</summary>
            <ul>
              {EXOSCALE_OIDC_PROFILE.requirements.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            <p className="small muted">Source: {EXOSCALE_OIDC_PROFILE.sourceDocument}.</p>
          </details>
        </div>

        <div className="oidc-result-column">
          {opened && 'error' in opened && (
            <p role="alert" className="input-error" data-share-error>
              This link could not be opened ({opened.error}).
            </p>
          )}
          {openedState && (
            <p className="share-opened small" data-share-opened={openedState.redacted ? 'redacted' : 'full'}>
              Opened from a shared link: evaluated at {openedState.at} as recorded in the link{openedState.redacted ? '; the sharer masked some values (see below)' : ''}.
              The verdicts shown are this browser's own.
            </p>
          )}
          <p className="status small muted" role="status" aria-live="polite">
            {pending ? 'Checking…' : report?.detected ? `Detected: ${DETECTED_LABEL[report.detected]}. Evaluated at ${report.evaluatedAt}.` : ''}
          </p>

          <RunProgress activity={check} what="Checking" />
          <RunErrorNotice error={check.error} onRetry={check.retry} />

          {!hasInput && !pending && (
            <section className="panel oidc-empty" aria-labelledby="oidc-empty-heading">
              <h2 id="oidc-empty-heading">The answer appears here</h2>
              <p className="small">
                Paste a token or URL: the signature verdict, the decoded token, the findings, the claim checks and Exoscale's authorization outcome show
                here, side by side with what you pasted.
              </p>
            </section>
          )}

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
              {report.token && <OidcTokenView token={report.token} />}
              {openedState?.redacted && <OidcSharerClaims reported={openedState.redacted.reported} report={report} fields={openedState.redacted.fields} />}
              {(report.findings.length > 0 || hasInput) && <OidcFindings findings={report.findings} />}
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
            </div>
          )}
          <OidcSharePanel ctx={shareCtx} reinspect={reinspect} />
        </div>
      </div>
    </div>
  );
}

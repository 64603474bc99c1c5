import { EXOSCALE_FIELDS, EXOSCALE_LOGIN_PATTERN, exoscaleLoginUrl, exoscaleRedirectUri, EXOSCALE_REDIRECT_PATTERN } from '../../../core/oidc';
import type { OidcSearch } from './oidcSearch';
import { CopyableValue } from '../../shared/CopyButton';

/** The settings of Exoscale's IAM > SSO page, labelled with the portal's own field names. */
export function OidcSettingsForm({
  search,
  onChange,
  clientSecret,
  onClientSecret,
  nonce,
  onNonce,
}: {
  search: OidcSearch;
  onChange: (patch: Partial<OidcSearch>) => void;
  clientSecret: string;
  onClientSecret: (v: string) => void;
  nonce: string;
  onNonce: (v: string) => void;
}) {
  const org = search.org?.trim();
  return (
    <section className="panel oidc-settings" aria-labelledby="oidc-settings-heading">
      <h2 id="oidc-settings-heading">Exoscale settings (IAM &gt; SSO)</h2>
      <div className="options-grid">
        <Text id="oidc-client-id" label={EXOSCALE_FIELDS.clientId} value={search.client} onChange={(v) => onChange({ client: v })} />
        <Text id="oidc-issuer" label={EXOSCALE_FIELDS.issuerUrl} value={search.iss} onChange={(v) => onChange({ iss: v })} placeholder="https://idp.example.com/realms/acme" />
        <div className="option">
          <label htmlFor="oidc-secret">{EXOSCALE_FIELDS.clientSecret} (optional, for HS256/384/512)</label>
          <input id="oidc-secret" type="password" autoComplete="off" spellCheck={false} value={clientSecret} onChange={(e) => onClientSecret(e.target.value)} />
          <span className="small muted">Stays in this page: never in the URL, a link or the history.</span>
        </div>
        <Text id="oidc-claims" label={EXOSCALE_FIELDS.additionalClaims} value={search.claims} onChange={(v) => onChange({ claims: v })} placeholder="groups (space separated)" />
        <Text id="oidc-org" label="SSO organization name" value={search.org} onChange={(v) => onChange({ org: v })} placeholder="<sso-org-name>" />
        <div className="option">
          <label htmlFor="oidc-nonce">Expected nonce (optional)</label>
          <input id="oidc-nonce" type="text" autoComplete="off" spellCheck={false} value={nonce} onChange={(e) => onNonce(e.target.value)} />
        </div>
        <div className="option oidc-cel-option">
          <label htmlFor="oidc-cel">{EXOSCALE_FIELDS.celExpression}</label>
          <textarea
            id="oidc-cel"
            className="trust-input oidc-cel-input"
            rows={3}
            spellCheck={false}
            value={search.cel ?? ''}
            placeholder="email.endsWith('@example.com') ? '<IAM role UUID>' : false"
            onChange={(e) => onChange({ cel: e.target.value || undefined })}
          />
        </div>
      </div>
      <p className="small">
        Redirect URI to authorize at the provider: {org ? <CopyableValue value={exoscaleRedirectUri(org)} label="redirect URI" /> : <code>{EXOSCALE_REDIRECT_PATTERN}</code>} · Login URL:{' '}
        {org ? <CopyableValue value={exoscaleLoginUrl(org)} label="login URL" /> : <code>{EXOSCALE_LOGIN_PATTERN}</code>}
      </p>
    </section>
  );
}

function Text({ id, label, value, onChange, placeholder }: { id: string; label: string; value: string | undefined; onChange: (v: string | undefined) => void; placeholder?: string }) {
  return (
    <div className="option">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" spellCheck={false} autoComplete="off" value={value ?? ''} placeholder={placeholder} onChange={(e) => onChange(e.target.value || undefined)} />
    </div>
  );
}

import type { SignatureCheck, TrustedKey } from '../../../core/oidc';
import { CopyableValue } from '../../shared/CopyButton';

const VERDICT_LABEL: Record<SignatureCheck['verdict'], string> = {
  valid: 'valid',
  invalid: 'invalid',
  untrusted: 'untrusted',
  'no-trust-anchor': 'no trust anchor',
  unsupported: 'unsupported',
};

/** The signature verdict (data-oidc-verdict) with the reason and every key tried. */
export function OidcSignaturePanel({ signature }: { signature: SignatureCheck }) {
  const cls = signature.verdict === 'valid' ? 'verdict-valid' : signature.verdict === 'invalid' ? 'verdict-invalid' : 'verdict-untrusted';
  return (
    <section className="panel" aria-labelledby="oidc-signature-heading">
      <h2 id="oidc-signature-heading">Signature</h2>
      <div className={`signature ${cls}`} data-oidc-verdict={signature.verdict}>
        <div className="signature-head">
          <h3>
            {signature.alg ?? 'no alg'}
            {signature.kid !== null && <span className="muted"> · kid {signature.kid}</span>}
          </h3>
          <span className={`verdict-badge ${cls}`}>{VERDICT_LABEL[signature.verdict]}</span>
        </div>
        <p className="verdict-reason">{signature.reason}</p>
        {signature.verdict !== 'valid' && (
          <p className="small" data-oidc-not-trusted>
            <strong>Not authenticated.</strong> Only a signature that verifies with a key you pasted makes the token trusted; the claims and the authorization
            outcome below are what the token says, not what the provider said.
          </p>
        )}
        {signature.key && <KeyLine keyInfo={signature.key} label="Verified with" />}
        {signature.attempts.length > 0 && (
          <details>
            <summary className="small">
              {signature.attempts.length} key{signature.attempts.length === 1 ? '' : 's'} tried
            </summary>
            <ul className="oidc-attempts small">
              {signature.attempts.map((a, i) => (
                <li key={i} data-attempt-result={a.result}>
                  <strong>{a.result}</strong> — {a.key.description}
                  {a.key.source.startsWith('header') ? ' (from the token header, never trusted)' : ''}
                  {a.note ? `: ${a.note}` : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}

export function KeyLine({ keyInfo, label }: { keyInfo: TrustedKey; label: string }) {
  return (
    <dl className="fields oidc-key">
      <div className="field">
        <dt>{label}</dt>
        <dd>{keyInfo.description}</dd>
      </div>
      <div className="field">
        <dt>JWK thumbprint (RFC 7638)</dt>
        <dd>
          <CopyableValue value={keyInfo.thumbprint} label="JWK thumbprint" />
        </dd>
      </div>
      {keyInfo.certificate && (
        <div className="field">
          <dt>Certificate</dt>
          <dd>
            {keyInfo.certificate.subject}, valid {keyInfo.certificate.notBefore.slice(0, 10)} → {keyInfo.certificate.notAfter.slice(0, 10)}
          </dd>
        </div>
      )}
    </dl>
  );
}

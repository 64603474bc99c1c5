// The mock IdP's identity: entity ID, SSO and SLO URLs at this app's origin, the signing key
// (generated here or imported as PEM, kept in IndexedDB) and the metadata to give the SP.
import { useEffect, useState } from 'react';
import { exportIdpMetadata, generateIdpKeyPair, importIdpKeyPair, type SpKeyPair } from '../../../core/idp';
import { CopyableValue, CopyButton } from '../../shared/CopyButton';
import { CheckField, TextField } from '../mock-sp/MockSpFields';
import { downloadText } from '../../shared/download';
import { idpEndpoints } from './endpoints';
import type { MockIdpSettings } from './storage';

export function IdentityPanel(props: { settings: MockIdpSettings; onChange: (p: Partial<MockIdpSettings>) => void; keyPair: SpKeyPair | null; onKeyPair: (k: SpKeyPair | null) => void }) {
  const { settings, onChange, keyPair } = props;
  const origin = window.location.origin;
  const { ssoUrl, sloUrl } = idpEndpoints(origin);
  const [keyPem, setKeyPem] = useState('');
  const [certPem, setCertPem] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [metadata, setMetadata] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (!keyPair) {
      setMetadata(null);
      return;
    }
    void exportIdpMetadata(
      { entityId: settings.entityId, ssoUrl, sloUrl, wantAuthnRequestsSigned: settings.wantAuthnRequestsSigned },
      { certificate: keyPair.certificatePem, signWith: settings.signMetadata ? keyPair : null },
    ).then((r) => {
      if (live) setMetadata(r.ok ? r.value : null);
      if (live && !r.ok) setError(`${r.error.code}: ${r.error.message}`);
    });
    return () => {
      live = false;
    };
  }, [keyPair, settings.entityId, settings.signMetadata, settings.wantAuthnRequestsSigned, ssoUrl, sloUrl]);

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onKeyPair(await generateIdpKeyPair('RSA-2048', 'samlscope mock IdP'));
    } catch (e) {
      setError(`Key generation failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const importPem = async () => {
    setBusy(true);
    setError(null);
    const r = await importIdpKeyPair(keyPem, certPem);
    setBusy(false);
    if (!r.ok) {
      setError(`${r.error.code}: ${r.error.message}`);
      return;
    }
    setKeyPem('');
    setCertPem('');
    props.onKeyPair(r.value);
  };

  return (
    <section className="panel mock-idp-identity" aria-labelledby="idp-identity-heading">
      <h2 id="idp-identity-heading">IdP identity</h2>
      <TextField label="IdP entity ID (Issuer)" value={settings.entityId} onChange={(v) => onChange({ entityId: v })} />
      <p className="small">
        SSO URL (HTTP-Redirect and HTTP-POST): <CopyableValue value={ssoUrl} label="SSO URL" />
        <br />
        SLO URL: <CopyableValue value={sloUrl} label="SLO URL" />
      </p>
      {keyPair ? (
        <div className="key-info" data-idp-key={keyPair.keyType}>
          <p>
            <strong>{keyPair.description}</strong>, certificate <code>{keyPair.subject}</code>, valid until {keyPair.notAfter}. Kept in this browser (IndexedDB) as a non-extractable key.
          </p>
          <p className="small">
            SHA-256: <CopyableValue value={keyPair.sha256Fingerprint} label="SHA-256 fingerprint of the IdP certificate" />
          </p>
          <div className="panel-actions">
            <span className="small">
              certificate <CopyButton value={keyPair.certificatePem} label="IdP certificate (PEM)" />
            </span>
            <button type="button" onClick={() => props.onKeyPair(null)}>
              Remove IdP key
            </button>
          </div>
        </div>
      ) : (
        <div className="import-key">
          <p className="muted">No signing key yet: generate one here (RSA 2048, self-signed) or import yours.</p>
          <div className="panel-actions">
            <button type="button" onClick={() => void generate()} disabled={busy}>
              Generate IdP key
            </button>
          </div>
          <label>
            Private key (PEM)
            <textarea value={keyPem} onChange={(e) => setKeyPem(e.target.value)} spellCheck={false} />
          </label>
          <label>
            Certificate (PEM)
            <textarea value={certPem} onChange={(e) => setCertPem(e.target.value)} spellCheck={false} />
          </label>
          <div className="panel-actions">
            <button type="button" onClick={() => void importPem()} disabled={busy || !keyPem.trim() || !certPem.trim()}>
              Import IdP key
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="problem-error">
          {error}
        </p>
      )}
      <CheckField label="Ask SPs to sign their requests (WantAuthnRequestsSigned)" checked={settings.wantAuthnRequestsSigned} onChange={(v) => onChange({ wantAuthnRequestsSigned: v })} />
      <CheckField label="Sign the metadata" checked={settings.signMetadata} onChange={(v) => onChange({ signMetadata: v })} />
      {metadata && (
        <details className="idp-metadata-export">
          <summary>IdP metadata</summary>
          <pre className="export-text" tabIndex={0} role="region" aria-label="IdP metadata XML" data-export="idp-metadata">
            {metadata}
          </pre>
          <div className="panel-actions">
            <CopyButton value={metadata} label="IdP metadata" />
            <button type="button" onClick={() => downloadText('mock-idp-metadata.xml', metadata, 'application/samlmetadata+xml')}>
              Download IdP metadata
            </button>
          </div>
        </details>
      )}
    </section>
  );
}

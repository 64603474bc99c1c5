// The SP signing key: generated in the browser (WebCrypto + @peculiar/x509) or imported as PEM,
// kept in IndexedDB as a non-extractable CryptoKey (src/ui/mocksp/storage.ts), removable.
import { useId, useState } from 'react';
import { ECDSA_COMPATIBILITY, generateSpKeyPair, importSpKeyPair, SP_SIGNATURE_ALGORITHMS, type MockSpSettings, type SpKeyKind, type SpKeyPair, type SpSignatureAlgorithm } from '../../../core/mocksp';
import { downloadText } from '../../shared/download';
import { CopyableValue, CopyButton } from '../../shared/CopyButton';
import { CheckField, SelectField } from './MockSpFields';

export function MockSpKeyPanel(props: {
  keyPair: SpKeyPair | null;
  onKeyPair: (pair: SpKeyPair | null) => void;
  settings: MockSpSettings;
  onChange: (patch: Partial<MockSpSettings>) => void;
}) {
  const { keyPair, settings, onChange } = props;
  const [kind, setKind] = useState<SpKeyKind>('RSA-2048');
  const [keyPem, setKeyPem] = useState('');
  const [certPem, setCertPem] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Off by default: the private key then exists only as a non-extractable CryptoKey. On, a PEM copy
  // is kept too, so the inspect page can decrypt assertions the IdP encrypts to this SP.
  const [keepPem, setKeepPem] = useState(false);
  const keyId = useId();
  const certId = useId();

  const adopt = (pair: SpKeyPair) => {
    props.onKeyPair(pair);
    // A new key is for signing: turn signing on with it (issue 14). A key signs with its own
    // algorithms only (RSA keys are bound to one hash in WebCrypto).
    onChange({ sign: true, ...(pair.signatureAlgorithms.includes(settings.signatureAlgorithm) ? {} : { signatureAlgorithm: pair.signatureAlgorithms[0] }) });
  };

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      adopt(await generateSpKeyPair(kind, 'samlscope mock SP', { exportPrivateKey: keepPem }));
    } catch (e) {
      setError(`Key generation failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const importPem = async () => {
    setBusy(true);
    setError(null);
    const r = await importSpKeyPair(keyPem, certPem, { exportPrivateKey: keepPem });
    setBusy(false);
    if (!r.ok) {
      setError(`${r.error.code}: ${r.error.message}`);
      return;
    }
    setKeyPem('');
    setCertPem('');
    adopt(r.value);
  };

  const algorithms = (keyPair?.signatureAlgorithms ?? (Object.keys(SP_SIGNATURE_ALGORITHMS) as SpSignatureAlgorithm[])).map((a) => ({ value: a, label: a }));

  return (
    <section className="panel mock-sp-key" aria-labelledby="key-heading">
      <h2 id="key-heading">Signing key</h2>
      {keyPair ? (
        <div className="key-info" data-key-type={keyPair.keyType}>
          <p>
            <strong>{keyPair.description}</strong>, certificate <code>{keyPair.subject}</code>, valid until {keyPair.notAfter}. Stored in this browser
            (IndexedDB) as a non-extractable key
            {keyPair.privateKeyPkcs8Pem
              ? keyPair.keyType === 'RSA'
                ? ', with a PEM copy to decrypt assertions encrypted to this SP ("Use the mock SP\'s key" on the inspect page); the SP metadata offers the certificate for encryption.'
                : ', with a PEM copy (EC keys cannot decrypt XML Encryption key transport; use RSA for that).'
              : '.'}
          </p>
          {keyPair.keyType === 'EC' && <EcdsaNote />}
          <p className="small">
            SHA-256: <CopyableValue value={keyPair.sha256Fingerprint} label="SHA-256 fingerprint of the SP certificate" />
          </p>
          <div className="panel-actions">
            <span className="small">
              certificate <CopyButton value={keyPair.certificatePem} label="SP certificate (PEM)" />
            </span>
            <button type="button" onClick={() => downloadText('samlscope-sp.crt', keyPair.certificatePem, 'application/x-pem-file')}>
              Download certificate
            </button>
            <button type="button" onClick={() => props.onKeyPair(null)}>
              Remove key
            </button>
          </div>
          <pre className="cert-pem small" tabIndex={0} role="region" aria-label="SP certificate PEM">
            {keyPair.certificatePem}
          </pre>
        </div>
      ) : (
        <>
          <p className="small muted">No key: requests are sent unsigned. Generate a key pair or import one to sign them.</p>
          <CheckField
            label="Also keep the private key as PEM (to decrypt encrypted assertions)"
            checked={keepPem}
            onChange={setKeepPem}
            hint="RSA only. The PEM stays in this browser (IndexedDB) and lets the inspect page decrypt what the IdP encrypts to this SP; leave off for a signing-only key."
          />
          <div className="option-row">
            <SelectField<SpKeyKind>
              label="Key type"
              value={kind}
              options={[
                { value: 'RSA-2048', label: 'RSA 2048-bit' },
                { value: 'EC-P256', label: 'EC P-256' },
              ]}
              onChange={setKind}
            />
            <button type="button" onClick={() => void generate()} disabled={busy}>
              Generate key pair
            </button>
          </div>
          {kind === 'EC-P256' && <EcdsaNote />}
          <details className="import-key">
            <summary>Import a PEM key and certificate</summary>
            <div className="option">
              <label htmlFor={keyId}>Private key (PEM)</label>
              <textarea id={keyId} spellCheck={false} value={keyPem} onChange={(e) => setKeyPem(e.target.value)} placeholder="-----BEGIN PRIVATE KEY-----" />
            </div>
            <div className="option">
              <label htmlFor={certId}>Certificate (PEM)</label>
              <textarea id={certId} spellCheck={false} value={certPem} onChange={(e) => setCertPem(e.target.value)} placeholder="-----BEGIN CERTIFICATE-----" />
            </div>
            <button type="button" onClick={() => void importPem()} disabled={busy || !keyPem.trim() || !certPem.trim()}>
              Import key
            </button>
          </details>
        </>
      )}
      {error && (
        <p className="input-error small" role="alert">
          {error}
        </p>
      )}
      <div className="options-grid">
        <CheckField
          label="Sign requests"
          checked={settings.sign}
          onChange={(v) => onChange({ sign: v })}
          hint={settings.sign && !keyPair ? 'Generate or import a key first.' : 'Redirect: query signature (SigAlg + Signature); POST: enveloped XML signature.'}
        />
        <SelectField<SpSignatureAlgorithm> label="Signature algorithm" value={settings.signatureAlgorithm} options={algorithms} onChange={(v) => onChange({ signatureAlgorithm: v })} />
      </div>
    </section>
  );
}

/** ECDSA requests are refused by several deployed IdPs (ECDSA_COMPATIBILITY): said where EC is chosen. */
function EcdsaNote() {
  return (
    <p className="compat-note small" data-compat-note="ecdsa">
      <strong>Compatibility:</strong> {ECDSA_COMPATIBILITY.note}
    </p>
  );
}

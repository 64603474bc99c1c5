// The trust input (CONTRACT §4 "Trusted metadata or certificate"), the trust files dropped or
// chosen, what became a trust anchor, and the SP private key that decrypts (kept in the page only).
import type { InspectRunView } from '../../worker/protocol';
import type { ReportView } from '../../worker/reportOverview';
import { MoreItems, useSliceLimit } from '../../shared/incremental';
import { CopyableValue } from '../../shared/CopyButton';
import { AnchorScope } from './AnchorScope';
import { ErrorList } from './ErrorList';

export interface TrustFile {
  name: string;
  text: string;
}

export function TrustPanel({
  dropActive,
  trustText,
  onTrustText,
  files,
  onAddFile,
  onRemoveFile,
  report,
  run,
  spKey,
}: {
  dropActive: boolean;
  trustText: string;
  onTrustText: (text: string) => void;
  files: TrustFile[];
  onAddFile: (name: string, text: string) => void;
  onRemoveFile: (name: string) => void;
  report: ReportView | null;
  run: InspectRunView | null;
  spKey: { keyText: string; setKeyText: (t: string) => void; note: string | null; useMockSpKey: () => Promise<void>; forget: () => void };
}) {
  return (
    <section className={`panel trust-panel ${dropActive ? 'drop-active' : ''}`} data-drop-target="trust" aria-labelledby="trust-heading">
      <div className="panel-head">
        <h2 id="trust-heading">Trust</h2>
        <div className="panel-actions">
          <label className="button file-button">
            Add file…
            <input
              type="file"
              multiple
              className="visually-hidden"
              accept=".xml,.pem,.crt,.cer,.txt,application/xml,text/*"
              onChange={(e) => {
                for (const f of Array.from(e.target.files ?? [])) void f.text().then((t) => onAddFile(f.name, t));
                e.target.value = '';
              }}
            />
          </label>
        </div>
      </div>
      <p className="hint small">IdP (or SP) metadata, or signing certificates (PEM, base64 DER, or an X509Certificate element). Only what you put here is trusted.</p>
      <textarea
        className="trust-input"
        aria-label="Trusted metadata or certificate"
        value={trustText}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder="Paste metadata XML or certificates, or drop files here"
        onChange={(e) => onTrustText(e.target.value)}
      />
      {files.length > 0 && (
        <ul className="trust-files">
          {files.map((f) => (
            <li key={f.name}>
              <span>{f.name}</span>
              <button type="button" aria-label={`Remove trust file ${f.name}`} onClick={() => onRemoveFile(f.name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {report && <TrustSummary report={report} run={run} />}
      {/* Open by itself when a message holds something only the SP key can read. */}
      <details className="sp-key" open={spKey.keyText !== '' || needsKey(report) || undefined}>
        <summary className="small">
          <strong>SP private key</strong> (decrypts EncryptedAssertion; stays in this page)
        </summary>
        <textarea
          id="sp-key-input"
          className="trust-input sp-key-input"
          aria-label="SP private key"
          value={spKey.keyText}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          data-secret="true"
          placeholder="-----BEGIN PRIVATE KEY----- (PKCS#8) or -----BEGIN RSA PRIVATE KEY----- (PKCS#1)"
          onChange={(e) => spKey.setKeyText(e.target.value)}
        />
        <div className="option-row small">
          <button type="button" onClick={() => void spKey.useMockSpKey()}>
            Use the mock SP's key
          </button>
          <button type="button" onClick={spKey.forget} disabled={!spKey.keyText}>
            Forget key
          </button>
          {spKey.note && <span className="muted">{spKey.note}</span>}
        </div>
        {report?.decryptionKeyErrors && report.decryptionKeyErrors.length > 0 && (
          <ul className="input-error small" data-sp-key-errors="true">
            {report.decryptionKeyErrors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        )}
        {report?.decryptionKeys && report.decryptionKeys.length > 0 && (
          <ul className="anchor-list small">
            {report.decryptionKeys.map((k) => (
              <li key={k.index}>{k.label}</li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}

function needsKey(report: ReportView | null): boolean {
  return !!report?.messages.some((m) => m.assertions.some((a) => a.encrypted) || m.decryptionOutcome !== undefined);
}

function TrustSummary({ report, run }: { report: ReportView; run: InspectRunView | null }) {
  const masked = run?.maskedTrustCertificates ?? 0;
  // A federation aggregate as trust holds thousands of anchors: rendered in slices.
  const { limit, more } = useSliceLimit(report.trustAnchors.length, report.trustAnchors, 20);
  if (report.trustAnchors.length === 0 && report.trustErrors.length === 0 && masked === 0) return null;
  return (
    <div className="trust-summary">
      <ErrorList errors={report.trustErrors} context="Trust input" />
      {masked > 0 && (
        <div className="notice small" role="note" data-masked-certificates={masked}>
          <strong>
            {masked} certificate{masked === 1 ? ' was' : 's were'} masked by the sharer
          </strong>{' '}
          (a redacted share): a mask is not a certificate, so {masked === 1 ? 'it anchors' : 'they anchor'} no trust here and signatures are checked
          without {masked === 1 ? 'it' : 'them'}.
          {run && run.maskedTrustErrors.length > 0 && (
            <ul className="muted">
              {run.maskedTrustErrors.map((e, i) => (
                <li key={i}>
                  <code>{e.code}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {report.trustAnchors.length > 0 && (
        <>
          <h3>
            {report.trustAnchors.length} trust anchor{report.trustAnchors.length === 1 ? '' : 's'}
          </h3>
          <ul className="anchor-list">
            {report.trustAnchors.slice(0, limit).map((a, i) => (
              <li key={i} className="anchor" data-anchor-source={a.source}>
                <div>{a.description}</div>
                <AnchorScope anchor={a} />
                {a.subject && (
                  <div className="small">
                    Subject: <CopyableValue value={a.subject} label={`subject of trust anchor ${i + 1}`} />
                  </div>
                )}
                {a.sha256Fingerprint && (
                  <div className="small">
                    SHA-256: <CopyableValue value={a.sha256Fingerprint} label={`SHA-256 of trust anchor ${i + 1}`} />
                  </div>
                )}
              </li>
            ))}
          </ul>
          <MoreItems shown={limit} total={report.trustAnchors.length} noun="trust anchors" onMore={more} />
        </>
      )}
    </div>
  );
}

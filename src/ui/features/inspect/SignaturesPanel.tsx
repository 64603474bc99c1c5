import { useState, type ReactNode } from 'react';
import type { CertificateSummary, InspectedMessage, SignatureReport } from '../../../core/types';
import { CopyButton, Fields } from '../../shared/CopyButton';
import { SignerDecisions } from './AnchorScope';

const verdictText: Record<string, string> = {
  valid: 'valid',
  invalid: 'invalid',
  untrusted: 'untrusted key',
  unsupported: 'unsupported',
};

const keySourceText: Record<string, string> = {
  metadata: 'a signing key from the trusted metadata',
  cert: 'a trusted certificate you pasted',
  keyinfo: "the certificate in the signature's own KeyInfo (never trusted by itself)",
  none: 'no key could be used',
};

/** The last path segment of an algorithm URI, e.g. "rsa-sha256", for reading at a glance. */
export function shortAlgorithm(uri: string): string {
  const trimmed = uri.replace(/#$/, ''); // "…/xml-exc-c14n#" names the algorithm by its path
  const hash = trimmed.lastIndexOf('#');
  const path = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).split('/').pop() ?? '';
  const fragment = hash >= 0 ? trimmed.slice(hash + 1) : '';
  // "#WithComments" only makes sense next to the canonicalization it modifies.
  const short = fragment === 'WithComments' ? `${path}#WithComments` : fragment || path;
  return short || uri;
}

export function SignaturesPanel({
  message,
  onShowCovered,
}: {
  message: InspectedMessage;
  onShowCovered: (sig: SignatureReport) => void;
}) {
  const signatures = message.signatures;
  return (
    <section className="panel signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">Signatures</h2>
      {signatures.length === 0 ? (
        <p className="muted">No signature in this message{message.payload.redirect ? ' or its query string' : ''}.</p>
      ) : (
        signatures.map((sig, i) => (
          <SignatureCard
            key={i}
            sig={sig}
            // An assertion received encrypted: its own signature was checked on the decrypted plaintext.
            afterDecryption={sig.target === 'Assertion' && message.assertions.some((a) => a.decrypted && a.id === sig.targetId)}
            onShowCovered={() => onShowCovered(sig)}
          />
        ))
      )}
    </section>
  );
}

function SignatureCard({ sig, afterDecryption, onShowCovered }: { sig: SignatureReport; afterDecryption: boolean; onShowCovered: () => void }) {
  const headingId = `sig-${sig.index}-heading`;
  return (
    <article className={`signature verdict-${sig.verdict}`} data-signature-verdict={sig.verdict} aria-labelledby={headingId}>
      <header className="signature-head">
        <h3 id={headingId}>
          Signature {sig.index} over {sig.target}
          {sig.targetId ? (
            <>
              {' '}
              <code>{sig.targetId}</code>
            </>
          ) : null}
        </h3>
        <span className={`verdict-badge verdict-${sig.verdict}`}>{verdictText[sig.verdict] ?? sig.verdict}</span>
        {afterDecryption && (
          <span className="pill" data-after-decryption="true" title="This assertion arrived encrypted: its signature was verified on the decrypted assertion (SAML core §6.2: signed, then encrypted).">
            after decryption
          </span>
        )}
        {sig.target !== 'query' && sig.targetId && (
          <button type="button" onClick={onShowCovered}>
            Show covered
          </button>
        )}
      </header>
      <p className="verdict-reason">{sig.reason}</p>
      <Fields
        rows={[
          { label: 'Target', value: sig.target },
          { label: 'Target ID', value: sig.targetId },
          { label: 'Signature algorithm', value: sig.signatureAlgorithm, hint: sig.signatureAlgorithm ? `(${shortAlgorithm(sig.signatureAlgorithm)})` : undefined },
          { label: 'Canonicalization', value: sig.canonicalization, hint: sig.canonicalization ? `(${shortAlgorithm(sig.canonicalization)})` : undefined },
        ]}
      />
      <h4>Key</h4>
      <p className="small">Verified with {keySourceText[sig.key.source] ?? sig.key.source}.</p>
      <Fields
        rows={[
          { label: 'Key source', value: sig.key.source },
          { label: 'Key subject', value: sig.key.subject ?? null },
          { label: 'Key SHA-256', value: sig.key.sha256Fingerprint },
          { label: 'Matched trust anchor', value: sig.key.anchor ?? null },
        ]}
      />
      <SignerDecisions sig={sig} />
      {sig.references.length > 0 && <h4>References</h4>}
      {sig.references.map((ref, j) => (
        <div key={j} className={`reference ${ref.digestValid ? 'digest-ok' : 'digest-mismatch'}`} data-digest-valid={ref.digestValid ? 'true' : 'false'}>
          <p>
            <strong>Reference {j + 1}</strong> <code>{ref.uri === '' ? '"" (whole document)' : ref.uri}</code>{' '}
            {ref.resolvedTo ? (
              <span className="muted small">
                → {ref.resolvedTo.localName} <code>{ref.resolvedTo.id}</code>
              </span>
            ) : null}{' '}
            {ref.digestValid ? <span className="pill state-ok">digest ok</span> : <span className="pill state-expired digest-mismatch-label">digest mismatch</span>}
          </p>
          <Fields
            rows={[
              { label: 'Digest algorithm', value: ref.digestAlgorithm, hint: `(${shortAlgorithm(ref.digestAlgorithm)})` },
              { label: 'Expected digest (DigestValue)', value: ref.expectedDigest },
              { label: 'Computed digest', value: ref.computedDigest },
            ]}
          />
          {ref.transforms.length > 0 && (
            <p className="small">
              Transforms: {ref.transforms.map((t, k) => <code key={k} title={t}>{shortAlgorithm(t)}</code>).reduce<ReactNode[]>((acc, el, k) => (k ? [...acc, ', ', el] : [el]), [])}
            </p>
          )}
          {ref.canonicalForm !== null && <CanonicalView title={`Canonical form digested for reference ${j + 1}`} text={ref.canonicalForm} />}
        </div>
      ))}
      {sig.signedInfoCanonical !== null && <CanonicalView title="Canonicalized SignedInfo (the octets that were signed)" text={sig.signedInfoCanonical} />}
      {sig.keyInfoCertificates.length > 0 && (
        <>
          <h4>Certificates in KeyInfo</h4>
          <CertificateList certificates={sig.keyInfoCertificates} />
        </>
      )}
    </article>
  );
}

/**
 * A canonical form can be as large as the document (2.3 MB for a signed 10,000-attribute
 * Response): its text enters the page only while it is open, so a closed one costs no layout.
 */
function CanonicalView({ title, text }: { title: string; text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="canonical" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title} <span className="muted small">({new TextEncoder().encode(text).length} bytes)</span>
      </summary>
      {open && (
        <div className="canonical-body">
          <CopyButton value={text} label={title} />
          <pre tabIndex={0}>{text}</pre>
        </div>
      )}
    </details>
  );
}

export function CertificateList({ certificates, limit }: { certificates: CertificateSummary[]; limit?: number }) {
  const now = Date.now();
  const [shown, setShown] = useState(limit ?? certificates.length);
  return (
    <>
    <ul className="cert-list">
      {certificates.slice(0, shown).map((c, i) => {
        const expired = Date.parse(c.notAfter) < now;
        return (
          <li key={i} className="cert">
            <p className="small muted">{c.foundIn}</p>
            <Fields
              rows={[
                { label: 'Subject', value: c.subject },
                { label: 'Issuer', value: c.issuer },
                { label: 'Valid from', value: c.notBefore },
                { label: 'Valid until', value: c.notAfter, hint: expired ? '(expired)' : undefined },
                { label: 'Serial number', value: c.serialNumber },
                { label: 'Public key', value: c.publicKeyAlgorithm },
                { label: 'SHA-1 fingerprint', value: c.sha1Fingerprint },
                { label: 'SHA-256 fingerprint', value: c.sha256Fingerprint },
              ]}
            />
            <p className="small">
              PEM <CopyButton value={toPem(c.der)} label={`certificate ${c.subject} as PEM`} />
            </p>
          </li>
        );
      })}
    </ul>
    {certificates.length > shown && (
      <button type="button" onClick={() => setShown(certificates.length)}>
        Show all {certificates.length} certificates
      </button>
    )}
    </>
  );
}

function toPem(derBase64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${(derBase64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

// Exports for configuring the IdP: SP metadata (SAML metadata §2.4.4) and the authentik Terraform.
import { useMemo, useState } from 'react';
import { authentikNameIdFor, exportAuthentikTerraform, exportSpMetadata, type MockSpSettings, type SpKeyPair } from '../../../core/mocksp';
import { downloadText } from '../../shared/download';
import { CopyButton } from '../../shared/CopyButton';
import { CheckField, TextField } from './MockSpFields';

export function MockSpExports({ settings, keyPair }: { settings: MockSpSettings; keyPair: SpKeyPair | null }) {
  const [wantAssertionsSigned, setWantAssertionsSigned] = useState(true);
  const [slug, setSlug] = useState('samlscope-mock-sp');
  const signing = settings.sign && !!keyPair;
  const metadata = useMemo(
    () =>
      exportSpMetadata(settings, {
        signingCertPem: keyPair?.certificatePem ?? null,
        // Offered for encryption only when this SP can decrypt: an RSA key kept as PEM.
        encryptionCertPem: keyPair && keyPair.keyType === 'RSA' && keyPair.privateKeyPkcs8Pem ? keyPair.certificatePem : null,
        wantAssertionsSigned,
        authnRequestsSigned: signing,
      }),
    [settings, keyPair, wantAssertionsSigned, signing],
  );
  const terraform = useMemo(
    () => exportAuthentikTerraform(settings, { slug: slug.trim() || undefined, spSigningCertPem: signing ? keyPair!.certificatePem : null }),
    [settings, slug, signing, keyPair],
  );
  const nameId = authentikNameIdFor(settings.nameIdPolicyFormat);
  return (
    <section className="panel mock-sp-exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Configure the IdP</h2>
      <details open>
        <summary>SP metadata</summary>
        <div className="options-grid">
          <CheckField label="WantAssertionsSigned" checked={wantAssertionsSigned} onChange={setWantAssertionsSigned} />
          <p className="small muted">AuthnRequestsSigned is {String(signing)} (follows “Sign requests” and the key).</p>
        </div>
        <div className="panel-actions">
          <span className="small">
            copy <CopyButton value={metadata} label="SP metadata" />
          </span>
          <button type="button" onClick={() => downloadText('samlscope-sp-metadata.xml', metadata, 'application/samlmetadata+xml')}>
            Download SP metadata
          </button>
        </div>
        <pre className="export-text" tabIndex={0} role="region" aria-label="SP metadata XML" data-export="sp-metadata">
          {metadata}
        </pre>
      </details>
      <details>
        <summary>authentik Terraform</summary>
        <TextField label="authentik application slug" value={slug} onChange={setSlug} />
        <p className={`small${nameId.unsupported ? ' problem-warning' : ''}`} data-nameid-mapping={nameId.mapping ?? 'none'}>
          NameID for the NameIDPolicy format {settings.nameIdPolicyFormat ? <code>{settings.nameIdPolicyFormat}</code> : '(omitted)'}: {nameId.why}.
        </p>
        <div className="panel-actions">
          <span className="small">
            copy <CopyButton value={terraform} label="authentik Terraform" />
          </span>
          <button type="button" onClick={() => downloadText('samlscope-mock-sp.tf', terraform)}>
            Download Terraform
          </button>
        </div>
        <pre className="export-text" tabIndex={0} role="region" aria-label="authentik Terraform" data-export="terraform">
          {terraform}
        </pre>
      </details>
    </section>
  );
}

// XML Encryption (docs/decryption.md): what was decrypted, how, with which SP key, and the
// decrypted XML. Everything comes from the InspectReport; the key itself never reaches here.
import formatXml from 'xml-formatter';
import type { DecryptionTrace, InspectedMessage } from '../../../core/types';
import { CopyButton, Fields } from '../../shared/CopyButton';
import { shortAlgorithm } from './SignaturesPanel';

export type DecryptionState = 'ok' | 'failed' | 'no-key';

/** The panel's state, or null when the message holds nothing encrypted. */
export function decryptionStateOf(message: InspectedMessage): DecryptionState | null {
  if (message.decryption) return message.decryption.outcome === 'failed' ? 'failed' : message.decryption.outcome === 'partial' ? 'failed' : 'ok';
  const encrypted = message.assertions.some((a) => a.encrypted) || /<(?:[\w.-]+:)?Encrypted(?:ID|Attribute|Assertion)\b/.test(message.payload.xml);
  return encrypted ? 'no-key' : null;
}

function pretty(xml: string): string {
  try {
    return formatXml(xml, { indentation: '  ', collapseContent: true, lineSeparator: '\n', throwOnFailure: true });
  } catch {
    return xml;
  }
}

function TraceView({ trace: t, index }: { trace: DecryptionTrace; index: number }) {
  return (
    <div className="decryption-item" data-decryption-item={t.outcome}>
      <h3>
        {t.element} {t.outcome === 'ok' ? <span className="pill sev-info">decrypted</span> : <span className="pill sev-error">not decrypted</span>}
      </h3>
      {t.error && (
        <p className="decryption-error" role="alert" data-decryption-error={t.error.code}>
          <strong>{t.error.code}</strong>: {t.error.message}
        </p>
      )}
      <Fields
        rows={[
          { label: 'Block cipher', value: t.blockCipher ? shortAlgorithm(t.blockCipher) : null },
          { label: 'Key transport', value: t.keyTransport ? shortAlgorithm(t.keyTransport) : null },
          { label: 'OAEP digest / MGF1', value: t.oaepDigest ? `${t.oaepDigest} / ${t.oaepMgf ?? ''}` : null },
          { label: 'EncryptedKey found', value: t.encryptedKeyFoundBy },
          { label: 'Encrypted for', value: t.recipientCertificates.map((r) => `${r.subject ?? '?'} (SHA-256 ${r.sha256Fingerprint})${r.matchingKey ? ` = SP key ${r.matchingKey}` : ' — none of your keys'}`).join('; ') || null },
          { label: 'Decrypted with', value: t.key ? `${t.key.label}${t.rsaImplementation ? `, RSA via ${t.rsaImplementation}` : ''}` : null, testId: `decryption-key-${index}` },
        ]}
      />
      {t.attempts.length > 0 && (
        <details className="small">
          <summary>Keys tried ({t.attempts.length})</summary>
          <ul>
            {t.attempts.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </details>
      )}
      {t.decryptedXml !== null && (
        <div className="decrypted-xml-block">
          <div className="panel-head">
            <h4>Decrypted {t.element.replace(/^Encrypted/, '') || 'content'}</h4>
            <CopyButton value={t.decryptedXml} label={`decrypted ${t.element}`} />
          </div>
          <pre className="decrypted-xml" aria-label={`Decrypted XML of ${t.element}`} tabIndex={0}>
            {pretty(t.decryptedXml)}
          </pre>
        </div>
      )}
    </div>
  );
}

export function DecryptionPanel({ message }: { message: InspectedMessage }) {
  const state = decryptionStateOf(message);
  if (!state) return null;
  return (
    <section className="panel decryption" aria-labelledby="decryption-heading" data-decryption={state}>
      <h2 id="decryption-heading">Decryption</h2>
      {state === 'no-key' ? (
        <p className="small">
          This message holds encrypted content (XML Encryption). Paste the SP's private key in <em>SP private key</em> next to the trust field to
          decrypt it here, check the assertion's own signature and run the rules on it. The key stays in this page: it is not put in links, history or exports.
        </p>
      ) : (
        <>
          <p className="small">
            {state === 'ok'
              ? 'Decrypted in this page with the SP key you gave. The summary, the signatures and the findings describe the decrypted message; a Response signature is verified on the message as received (it covers the encrypted form).'
              : 'Not everything could be decrypted: an SP holding these keys would reject this message.'}
          </p>
          {message.decryption!.items.map((t, i) => (
            <TraceView key={i} trace={t} index={i} />
          ))}
        </>
      )}
    </section>
  );
}

// Every corpus message that ships its SP key (test/corpus/README.md, `decryption_key`):
// decrypted here exactly when xmlsec1 decrypted it, and each signature — the inner ones after
// decryption — gets xmlsec1's recorded result.
import { describe, expect, it } from 'vitest';
import { corpusManifest, readCorpus, trustOf, type CorpusEntry } from '../corpus/corpus.testutil';
import { inspectInput } from '../inspect';

interface XmlsecResult {
  decrypted?: boolean;
  signatures: { signed_element: string; element_id: string; result: 'OK' | 'FAIL'; after_decryption?: boolean }[];
}

const withKeys = corpusManifest().filter((e) => e.decryption_key) as (CorpusEntry & { xmlsec1_result?: XmlsecResult })[];

describe('corpus messages with an SP key, against xmlsec1 --decrypt', () => {
  it('has encrypted corpus messages', () => expect(withKeys.length).toBeGreaterThan(25));
  for (const e of withKeys) {
    it(e.file, async () => {
      expect.hasAssertions();
      const r = await inspectInput(readCorpus(e.file), e.file, { trust: trustOf(e), ...(e.at_time ? { at: new Date(e.at_time) } : {}), decryptionKeys: [readCorpus(e.decryption_key!)] });
      const m = r.messages[0]!;
      const x = e.xmlsec1_result!;
      if (!m.decryption) {
        // node-saml's LogoutRequest puts <EncryptedID> in no namespace: not a SAML EncryptedID.
        expect(e.file).toBe('nodesaml__logout_request_with_encrypted_name_id.xml');
        return;
      }
      expect(m.decryption.items[0]!.outcome).toBe(x.decrypted ? 'ok' : 'failed');
      for (const s of x.signatures) {
        const ours = m.signatures.find((g) => g.target === s.signed_element && g.targetId === s.element_id);
        expect(ours?.verdict, `${s.signed_element} ${s.element_id}`).toBe(s.result === 'OK' ? 'valid' : 'invalid');
      }
      expect(m.signatures.filter((g) => g.target !== 'query')).toHaveLength(x.signatures.length);
    });
  }
});

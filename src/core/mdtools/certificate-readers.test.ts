// The metadata tools' two certificate readers — x509/der.ts first, @peculiar/x509 when it
// declines — on every certificate of the corpus metadata and on openssl-made RSA 1024/2048, SHA-1
// and EC P-256 certificates: the same facts, or null from the first (then the second reads it).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64Lenient } from '../encoding/base64';
import { readCertificateFast, readCertificateWithPeculiar } from './model';
import { makeCert } from './testing/fixtures.testutil';

const corpus = join(__dirname, '../../../test/corpus');
const certs = new Set<string>();
for (const f of readdirSync(corpus).filter((x) => x.endsWith('.xml'))) {
  for (const m of readFileSync(join(corpus, f), 'utf8').matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)) certs.add(m[1]!.replace(/\s+/g, ''));
}
for (const o of [{ bits: 1024 }, {}, { sha1: true }, { ec: true }]) certs.add(makeCert(o).b64);

describe('readCertificateFast', () => {
  it('reads every corpus and openssl certificate as @peculiar/x509 does', () => {
    expect(certs.size).toBeGreaterThanOrEqual(20);
    let compared = 0;
    for (const b64 of certs) {
      const der = decodeBase64Lenient(b64);
      if (!der.ok) continue;
      const slow = readCertificateWithPeculiar(der.value.bytes);
      if (!slow.facts) continue;
      const fast = readCertificateFast(der.value.bytes);
      // One corpus certificate (ruby-saml's ADFS response) is base64 of PEM text, not DER:
      // @peculiar/x509 reads it, this reader declines and readCertificate falls back.
      if (der.value.bytes[0] !== 0x30) {
        expect(fast).toBeNull();
        continue;
      }
      expect(fast, slow.facts.subject).not.toBeNull();
      // @peculiar/x509 does not name MD5 (md5WithRSAEncryption); this reader does, so that it is flagged.
      const expected = slow.facts.signatureHash === null && fast?.signatureHash === 'MD5' ? { ...slow.facts, signatureHash: 'MD5' } : slow.facts;
      expect(fast).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  });
  it('returns null for bytes that are not a certificate', () => {
    expect(readCertificateFast(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toBeNull();
    expect(readCertificateFast(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toBeNull();
    expect(readCertificateFast(new Uint8Array(0))).toBeNull();
  });
});

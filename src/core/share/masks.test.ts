import { describe, expect, it } from 'vitest';
import { containsMask, withoutMaskedCertificates } from './masks';

describe('withoutMaskedCertificates', () => {
  it('leaves out masked PEM blocks, bare masks and masked X509Certificate elements, and counts them', () => {
    const r = withoutMaskedCertificates([
      '-----BEGIN CERTIFICATE-----\nREDACTED0A1B2C3D\n-----END CERTIFICATE-----',
      'REDACTED00000000',
      '<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n REDACTEDABCDEF01 \n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    ]);
    expect(r.maskedCertificates).toBe(3);
    expect(r.trust).toEqual([
      '<md:KeyDescriptor><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    ]);
  });

  it('keeps everything else as it is', () => {
    const trust = ['<X509Certificate>REDACTEDxyz</X509Certificate>', 'redacted-0123abcd'];
    expect(withoutMaskedCertificates(trust)).toEqual({ trust, maskedCertificates: 0 });
  });

  it('recognizes every mask shape', () => {
    expect(containsMask('<NameID>redacted-0123abcd</NameID>')).toBe(true);
    expect(containsMask('user-0123abcd@redacted.invalid')).toBe(true);
    expect(containsMask('<ds:DigestValue>REDACTED0123ABCD</ds:DigestValue>')).toBe(true);
    expect(containsMask('<NameID>alice@example.com</NameID>')).toBe(false);
  });
});

// Recognizing the masks redact.ts writes (Redactor.prepare: `REDACTED` + 8 hex for base64 values,
// `redacted-` + 8 hex for text, `user-` + 8 hex + `@redacted.invalid` for e-mails; RFC 2606
// reserves .invalid). A recipient opening a redacted link must see "masked by the sharer", not
// "input-bad-base64 … Not an X.509 certificate": a mask is a deliberate absence, not a damaged input.

/** A base64-shaped mask: what a certificate, a signature or a digest value becomes. */
export const BASE64_MASK = /REDACTED[0-9A-F]{8}/;
const ANY_MASK = /REDACTED[0-9A-F]{8}|redacted-[0-9a-f]{8}|user-[0-9a-f]{8}@redacted\.invalid/;

/** True when a message (or any text) carries at least one mask: its signed content was changed. */
export function containsMask(text: string): boolean {
  return ANY_MASK.test(text);
}

// XML-DSig §4.5.4 X509Certificate (any prefix), and a PEM block (RFC 7468 §2), whose whole content is a mask.
const MASKED_X509_ELEMENT = /<((?:[A-Za-z_][\w.-]*:)?)X509Certificate\b[^>]*>\s*REDACTED[0-9A-F]{8}\s*<\/\1X509Certificate\s*>/g;
const MASKED_PEM = /-----BEGIN CERTIFICATE-----\s*REDACTED[0-9A-F]{8}\s*-----END CERTIFICATE-----/g;
const BARE_MASK = /^\s*REDACTED[0-9A-F]{8}\s*$/;

export interface UnmaskedTrust {
  /** The trust entries without their masked certificates (entries left empty are dropped). */
  trust: string[];
  /** How many certificates were masks. */
  maskedCertificates: number;
}

/**
 * Leave masked certificates out of the trust. Removing a certificate can only remove a trust
 * anchor, never add one, so a hostile link gains nothing from it; what is left is checked as
 * usual. A metadata KeyDescriptor left without a certificate anchors nothing, as before.
 */
export function withoutMaskedCertificates(trust: readonly string[]): UnmaskedTrust {
  let maskedCertificates = 0;
  const out: string[] = [];
  for (const entry of trust) {
    if (BARE_MASK.test(entry)) {
      maskedCertificates++;
      continue;
    }
    const count = () => {
      maskedCertificates++;
      return '';
    };
    const stripped = entry.replace(MASKED_X509_ELEMENT, count).replace(MASKED_PEM, count);
    if (stripped !== entry && stripped.trim() === '') continue;
    out.push(stripped);
  }
  return { trust: out, maskedCertificates };
}

// The gate (docs/verification.md, "Coverage you can gate on"): a Response whose consumed content
// is not covered by a `valid` signature always carries an error finding, so `samlscope inspect`
// exits 1 — whatever the number and shape of the References, and whether or not trust was given
// (without trust nothing is authenticated: CONTRACT §2 `trusted` is false). Any other message
// that carries a signature gets the same gate once trust was given. The verifier's own findings
// (signature-invalid, signature-wrapping, signature-key-wrong-entity…) usually say why already;
// this finding is the net for every shape they do not name.
import type { MessageKind, RawFinding } from '../types';
import { GIVE_TRUST } from '../findings/fix';

export function uncoveredContentFinding(kind: MessageKind, trusted: boolean, trustGiven: boolean, signed: boolean, findings: RawFinding[]): RawFinding | null {
  if (trusted) return null;
  // SAML allows unsigned AuthnRequests and Logout messages (profiles §4.1.4.1: signing is the
  // SP's and IdP's agreement, WantAuthnRequestsSigned); only a Response must be signed. A signed
  // one is gated when there was something to check it against.
  if (kind !== 'Response' && !(signed && trustGiven)) return null;
  if (findings.some((f) => f.severity === 'error')) return null;
  // An unsigned Response around an EncryptedAssertion nobody could decrypt here: the assertion's
  // own signature is inside the ciphertext, unknowable without the SP key. `assertion-encrypted`
  // (info) says so; calling it unsigned would be a guess.
  if (findings.some((f) => f.code === 'assertion-encrypted')) return null;
  if (kind === 'Response') {
    return {
      code: 'assertion-unsigned', severity: 'error', title: 'No trusted signature covers the assertion',
      explanation: trustGiven
        ? 'No signature that is valid with a trusted key of the issuer covers the assertion a relying party would consume (nor the Response around it). What the report shows of it (issuer, NameID, attributes, conditions) is not authenticated.'
        : 'Nothing trusted was given (no IdP metadata, no certificate), so no signature can vouch for the assertion a relying party would consume: what the report shows of it (issuer, NameID, attributes, conditions) is not authenticated. A relying party would reject it; the signatures\' own verdicts say whether they are at least mathematically sound.',
      fix: trustGiven
        ? 'Reject the message. If it is genuine, the IdP must sign the assertion or the Response with a key its metadata publishes.'
        : 'Give the IdP metadata (or its signing certificate) as trusted material to authenticate the message.',
      fixParts: trustGiven ? { variant: 'untrusted' } : { variant: 'no-trust', surface: GIVE_TRUST },
      references: ['SAML profiles §4.1.3.5', 'SAML core §5.4.2'], node: null,
    };
  }
  return {
    code: 'signature-wrapping', severity: 'error', title: `No trusted signature covers the ${kind}`,
    explanation: `The ${kind} carries a signature, but none that is valid with a trusted key of its issuer covers the element a receiver reads.`,
    fix: 'Reject the message, or give the metadata of the entity that issued it.',
    references: ['SAML core §5.4.2'], node: null,
  };
}

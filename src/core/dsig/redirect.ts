// STUB — owned by the signature helper; replace.
import type { RawFinding, RedirectSignatureParts, SignatureReport, TrustAnchor } from '../types';
export async function verifyRedirectSignature(_parts: RedirectSignatureParts, _anchors: TrustAnchor[]): Promise<{ signature: SignatureReport | null; findings: RawFinding[] }> {
  return { signature: null, findings: [] };
}

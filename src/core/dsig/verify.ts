// STUB — owned by the signature helper; replace.
import type { RawFinding, SignatureReport, TrustAnchor } from '../types';
export interface DocumentVerification { signatures: SignatureReport[]; findings: RawFinding[]; trusted: boolean }
export async function verifyDocumentSignatures(_doc: Document, _anchors: TrustAnchor[], _at?: Date): Promise<DocumentVerification> {
  return { signatures: [], findings: [], trusted: false };
}

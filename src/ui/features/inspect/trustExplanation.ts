// Why a message is (not) trusted, in words: for the verdict card (first screen) and the trusted
// badge of the message's details (loaded with them).
import type { InspectedMessage } from '../../../core/types';

/** Why the message is (not) trusted, in one sentence (CONTRACT §2 `trusted`). */
export function trustExplanation(message: InspectedMessage, anchorCount: number): string {
  if (message.trusted) {
    return 'What this page shows for this message (issuer, NameID, attributes, conditions) is covered by a valid signature from a key you trust.';
  }
  const sigs = message.signatures;
  if (sigs.length === 0) return 'Nothing in this message is signed, so none of it can be trusted.';
  if (anchorCount === 0) {
    return 'No trust anchor: paste the IdP metadata or signing certificate in the trust field to check the signatures against it.';
  }
  if (sigs.some((s) => s.verdict === 'invalid')) {
    return 'A signature or digest does not match what it signs: the content was changed after signing, or damaged on the way; see Signatures below.';
  }
  const valid = sigs.filter((s) => s.verdict === 'valid');
  const rejected = sigs.flatMap((s) => s.anchorDecisions ?? []).find((d) => !d.accepted);
  if (valid.length === 0 && rejected) {
    return `Signed with a trusted key, but of ${rejected.code === 'signature-key-wrong-role' ? 'the wrong role' : 'another entity'} than the issuer this message claims (${rejected.code}); see Signatures below.`;
  }
  if (valid.length === 0) {
    const verdicts = [...new Set(sigs.map((s) => s.verdict))].join(', ');
    return `No signature is valid with a trusted key (${verdicts}); see Signatures below.`;
  }
  return 'A valid signature exists, but it does not cover what a relying party would consume (see the findings, e.g. signature-wrapping or an unsigned assertion).';
}

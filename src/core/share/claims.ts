// A shared state's `redacted.reportedVerdicts` are what the *sharer* says their inspection
// found. Anyone can write a link, so these are claims: the recipient's page inspects whatever
// the link carries and compares (CONTRACT §2: "a verdict recorded by the sharer is shown as the
// sharer's claim"). This module lists every way the claim and the recomputation disagree.
import type { InspectedMessage, Severity } from '../types';
import { containsMask } from './masks';
import type { ReportedVerdicts } from './state';

/**
 * Codes that masking alone produces on an honest copy: a masked NameID, attribute, signature or
 * digest value breaks the digest or the signature value (XML-DSig §3.2.1 reference and
 * signature validation), a masked certificate leaves no key to verify with, and redaction
 * drops a Redirect query signature (it signs the original octets, SAML bindings §3.4.4.1).
 */
const MASKING_PRODUCES: ReadonlySet<string> = new Set([
  'digest-mismatch',
  'signature-invalid',
  'signature-untrusted-key',
  'signature-no-trust-anchor',
  'query-signature-invalid',
  'query-signature-missing',
  // Nothing trusted covers the assertion once its certificate or signed content is masked.
  'assertion-unsigned',
]);

export type ClaimDisagreementKind = 'trusted' | 'signature' | 'signature-count' | 'finding-not-claimed' | 'finding-not-found';

export interface ClaimDisagreement {
  kind: ClaimDisagreementKind;
  /** One sentence naming the claim and what this page computed. */
  message: string;
  /** The finding code concerned (finding kinds only). */
  code?: string;
  /**
   * True when the masking itself can explain it (the message carries masks and the difference
   * is one masking produces). Such a claim cannot be confirmed or refuted here; every other
   * disagreement means the link's claim is wrong.
   */
  explainedByMasking: boolean;
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Compare the sharer's claim about one message with this page's inspection of it. Only
 * differences that matter to a relying party are listed: trusted, each signature's verdict, and
 * error/warning findings present on one side only.
 */
export function compareClaim(claim: ReportedVerdicts, message: InspectedMessage, options: { trustMasked?: boolean } = {}): ClaimDisagreement[] {
  const masked = containsMask(message.payload.xml) || !!options.trustMasked;
  const out: ClaimDisagreement[] = [];
  if (claim.trusted !== message.trusted) {
    out.push({
      kind: 'trusted',
      message: `The sharer claims the message is ${claim.trusted ? 'trusted' : 'not trusted'}; samlscope computes here that it is ${message.trusted ? 'trusted' : 'not trusted'}.`,
      // Masking can only break trust, never create it.
      explainedByMasking: masked && claim.trusted && !message.trusted,
    });
  }
  if (claim.signatures.length !== message.signatures.length) {
    out.push({
      kind: 'signature-count',
      message: `The sharer claims ${claim.signatures.length} signature${claim.signatures.length === 1 ? '' : 's'}; samlscope finds ${message.signatures.length} in the message.`,
      explainedByMasking: false,
    });
  }
  claim.signatures.forEach((c, i) => {
    const mine = message.signatures.find((s) => s.target === c.target && s.targetId === c.targetId) ?? message.signatures[i];
    if (!mine || mine.verdict === c.verdict) return;
    out.push({
      kind: 'signature',
      message: `Signature of the ${c.target}${c.targetId ? ` ${c.targetId}` : ''}: the sharer claims "${c.verdict}"; samlscope computes "${mine.verdict}" (${mine.reason}).`,
      explainedByMasking: masked && c.verdict === 'valid' && mine.verdict !== 'valid',
    });
  });
  const claimed = new Set(claim.findings.map((f) => f.code));
  const found = new Set(message.findings.map((f) => f.code));
  const notClaimed = message.findings.filter((f, i, all) => f.severity !== 'info' && !claimed.has(f.code) && all.findIndex((g) => g.code === f.code) === i);
  for (const f of [...notClaimed].sort((a, b) => order[a.severity] - order[b.severity])) {
    out.push({
      kind: 'finding-not-claimed',
      code: f.code,
      message: `samlscope finds ${f.severity === 'error' ? 'an error' : 'a warning'} the sharer's claim leaves out: ${f.code} (${f.title}).`,
      explainedByMasking: masked && MASKING_PRODUCES.has(f.code),
    });
  }
  for (const f of claim.findings) {
    if (f.severity === 'info' || found.has(f.code)) continue;
    out.push({
      kind: 'finding-not-found',
      code: f.code,
      message: `The sharer claims ${f.severity === 'error' ? 'an error' : 'a warning'} samlscope does not find here: ${f.code} (${f.title}).`,
      // A masked value can hide what a rule needed (an e-mail-shaped NameID, an attribute).
      explainedByMasking: masked,
    });
  }
  return out;
}

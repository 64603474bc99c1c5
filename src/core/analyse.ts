import { evaluateRules, resolveExpectations, type RuleContext, type RuleMessage } from './diagnosis';
import type { ParsedMessage } from './parsed-message';
import { detectProfile } from './profiles';
import type { InspectOptions, InspectReport, MetadataSummary } from './types';
import type { TrustMaterial } from './trust/anchors';
import { DEFAULT_SKEW_SECONDS } from './settings/defaults';
import { siteOf } from './diagnosis/site';

export { DEFAULT_SKEW_SECONDS };

const hasRole = (m: MetadataSummary, role: string) => m.entities.some((e) => e.roles.some((r) => r.role === role));

/**
 * Diagnosis: run the rule registry over every parsed message, with expectations filled from
 * the options, the pasted metadata and the other messages of the same input (a HAR holds the
 * AuthnRequest a Response answers). Findings are appended to each message's raw findings.
 */
export function analyseMessages(parsed: ParsedMessage[], trust: TrustMaterial, options: InspectOptions, at: Date, report: InspectReport): void {
  // Metadata pasted as the message itself also tells what to expect of the others.
  const inputMetadata = parsed.map((p) => p.message.metadata).filter((m): m is MetadataSummary => !!m);
  const allMetadata = [...trust.metadata, ...inputMetadata];
  const idpMetadata = allMetadata.filter((m) => hasRole(m, 'IDPSSODescriptor'));
  const spMetadata = allMetadata.filter((m) => hasRole(m, 'SPSSODescriptor'));
  const ruleMessages: RuleMessage[] = parsed.map((p) => ({
    summary: p.message,
    doc: p.doc,
    binding: p.message.binding,
    payload: p.message.payload,
    signatures: p.message.signatures,
    trusted: p.message.trusted,
    consumedAssertionIndex: p.consumedAssertionIndex,
  }));
  const profile = options.profile ?? detectProfile(ruleMessages);
  report.profile = { name: profile, detected: !options.profile };
  const skewSeconds = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  report.skewSeconds = skewSeconds;
  ruleMessages.forEach((message, i) => {
    const expectations = resolveExpectations({ ...options, profile }, ruleMessages, idpMetadata, spMetadata, message);
    const ctx: RuleContext = { message, messages: ruleMessages, idpMetadata, spMetadata, expectations, at, skewSeconds, profile, siteOf };
    const p = parsed[i]!;
    p.raw.push(...evaluateRules(ctx));
    p.message.expectations = expectations;
  });
}

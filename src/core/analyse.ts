import { evaluateRules, resolveExpectations, type RuleContext, type RuleMessage } from './diagnosis';
import type { ParsedMessage } from './parsed-message';
import { detectProfile } from './profiles';
import type { InspectOptions, InspectReport, MetadataSummary } from './types';
import type { TrustMaterial } from './trust/anchors';
import { DEFAULT_SKEW_SECONDS } from './settings/defaults';

export { DEFAULT_SKEW_SECONDS };

const hasRole = (m: MetadataSummary, role: string) => m.entities.some((e) => e.roles.some((r) => r.role === role));

/**
 * Diagnosis: run the rule registry over every parsed message, with expectations filled from
 * the options, the pasted metadata and the other messages of the same input (a HAR holds the
 * AuthnRequest a Response answers). Findings are appended to each message's raw findings.
 */
export async function analyseMessages(parsed: ParsedMessage[], trust: TrustMaterial, options: InspectOptions, at: Date, report: InspectReport): Promise<void> {
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
  const siteOf = await siteOfWhenNeeded(ruleMessages);
  ruleMessages.forEach((message, i) => {
    const expectations = resolveExpectations({ ...options, profile }, ruleMessages, idpMetadata, spMetadata, message);
    const ctx: RuleContext = { message, messages: ruleMessages, idpMetadata, spMetadata, expectations, at, skewSeconds, profile, siteOf };
    const p = parsed[i]!;
    p.raw.push(...evaluateRules(ctx));
    p.message.expectations = expectations;
  });
}

/**
 * Sites are compared only on messages read from a capture (HAR, SAML-tracer), and the Public
 * Suffix List behind siteOf (tldts, 186 kB of JavaScript) is loaded only then: a CLI `inspect`
 * of a single message does not compile it (issue 15, docs/performance.md "CLI start").
 */
async function siteOfWhenNeeded(messages: readonly RuleMessage[]): Promise<RuleContext['siteOf']> {
  if (messages.some((m) => m.payload.capture)) return (await import('./diagnosis/site')).siteOf;
  return (url) => {
    throw new Error(`bug: siteOf(${url}) on a message without capture evidence`);
  };
}

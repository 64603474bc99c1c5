import { fixText, type Surface } from './findings/fix';
import { withoutWhitespace } from './encoding/whitespace';
import type { EntitySummary, InspectReport, InspectedMessage } from './types';

export interface ContractOptions {
  /**
   * An aggregate's (EntitiesDescriptor's) per-entity summaries; default true. The CLI leaves
   * them out unless `--entities` is given: for a 10 MB aggregate they were 9.9 MB of a 14.8 MB
   * report, and the overview (counts, keys, expiry) answers what a whole aggregate is asked.
   */
  entities?: boolean;
}

/** An entity as the report prints it: each certificate's base64 on one line. */
function printedEntity(e: EntitySummary): EntitySummary {
  return { ...e, roles: e.roles.map((r) => ({ ...r, keyDescriptors: r.keyDescriptors.map((k) => ({ ...k, certificates: k.certificates.map(withoutWhitespace) })) })) };
}

/** `metadata`: validUntil, the overview, and the entities unless an aggregate's were not asked for. */
function contractMetadata(m: InspectedMessage, options: ContractOptions) {
  const meta = m.metadata!;
  const listed = options.entities !== false || m.kind !== 'EntitiesDescriptor';
  return { validUntil: meta.validUntil, ...(meta.overview ? { overview: meta.overview } : {}), ...(listed ? { entities: meta.entities.map(printedEntity) } : {}) };
}

/**
 * The CONTRACT §2 JSON report. `fix` is one plain string, worded for the surface that writes
 * the report: the CLI's may name its flags, the page's export names the page's fields. Contract fields first; extra fields (reasons, digests, the
 * signed octets, certificates, notes) are additions the contract allows. Reference canonical
 * forms stay out: they can be megabytes and are shown in the UI trace instead.
 */
export function toContractMessage(m: InspectedMessage, surface: Surface = 'cli', options: ContractOptions = {}) {
  return {
    kind: m.kind,
    binding: m.binding,
    id: m.id,
    issuer: m.issuer,
    destination: m.destination,
    inResponseTo: m.inResponseTo,
    issueInstant: m.issueInstant,
    ...(m.status ? { status: m.status } : {}),
    assertions: m.assertions.map((a) => ({
      id: a.id,
      issuer: a.issuer,
      nameId: a.nameId ? { value: a.nameId.value, format: a.nameId.format } : null,
      audiences: a.audiences,
      recipient: a.recipient,
      notBefore: a.notBefore,
      notOnOrAfter: a.notOnOrAfter,
      attributes: a.attributes,
      encrypted: a.encrypted,
      ...(a.decrypted ? { decrypted: true } : {}),
      inResponseTo: a.inResponseTo,
      subjectNotOnOrAfter: a.subjectNotOnOrAfter,
      sessionNotOnOrAfter: a.sessionNotOnOrAfter,
    })),
    signatures: m.signatures.map((s) => ({
      target: s.target,
      targetId: s.targetId,
      signatureAlgorithm: s.signatureAlgorithm,
      canonicalization: s.canonicalization,
      references: s.references.map((r) => ({ uri: r.uri, digestAlgorithm: r.digestAlgorithm, digestValid: r.digestValid, expectedDigest: r.expectedDigest, computedDigest: r.computedDigest, transforms: r.transforms })),
      verdict: s.verdict,
      reason: s.reason,
      key: s.key,
      // CONTRACT §2: which entity and role the signed element claims, and why each trusted key
      // that verifies it was or was not accepted for that Issuer.
      ...(s.claimedSigner ? { claimedSigner: s.claimedSigner } : {}),
      ...(s.anchorDecisions ? { anchorDecisions: s.anchorDecisions } : {}),
      keyInfoCertificates: s.keyInfoCertificates.map((c) => ({ subject: c.subject, sha256Fingerprint: c.sha256Fingerprint, notBefore: c.notBefore, notAfter: c.notAfter })),
    })),
    trusted: m.trusted,
    findings: m.findings.map((f) => ({ code: f.code, severity: f.severity, title: f.title, explanation: f.explanation, fix: fixText(f, surface), location: f.location, ...(f.references ? { references: f.references } : {}), ...(f.evidence ? { evidence: f.evidence } : {}) })),
    ...(m.error ? { error: m.error } : {}),
    // Present only when SP keys were given and the message holds encrypted content. The keys
    // themselves never appear: only their public identification (SPKI SHA-256).
    ...(m.decryption ? { decryption: { outcome: m.decryption.outcome, items: m.decryption.items.map((t) => ({ ...t, attempts: [...t.attempts], recipientCertificates: t.recipientCertificates.map((r) => ({ ...r })) })) } } : {}),
    ...(m.authnRequest ? { authnRequest: m.authnRequest } : {}),
    ...(m.logoutRequest ? { logoutRequest: m.logoutRequest } : {}),
    ...(m.metadata ? { metadata: contractMetadata(m, options) } : {}),
    certificates: m.certificates.map((c) => ({ subject: c.subject, issuer: c.issuer, notBefore: c.notBefore, notAfter: c.notAfter, sha1Fingerprint: c.sha1Fingerprint, sha256Fingerprint: c.sha256Fingerprint, foundIn: c.foundIn })),
    ...(m.expectations ? { expectations: m.expectations } : {}),
    capture: { url: m.payload.url ?? null, method: m.payload.method ?? null, time: m.payload.time ?? null, relayState: m.payload.relayState ?? null, encoding: m.payload.encoding, notes: m.payload.notes, ...(m.payload.httpResponse ? { httpResponse: m.payload.httpResponse } : {}) },
  };
}

export function toContractReport(r: InspectReport, surface: Surface = 'cli', options: ContractOptions = {}) {
  return {
    source: r.source,
    detected: r.detected,
    errors: r.errors.map((e) => ({ code: e.code, message: e.message, ...(e.line ? { line: e.line } : {}), ...(e.column ? { column: e.column } : {}), ...(e.limit ? { limit: e.limit } : {}) })),
    messages: r.messages.map((m) => toContractMessage(m, surface, options)),
    trustAnchors: r.trustAnchors.map((a) => ({ source: a.source, description: a.description, subject: a.subject, sha256Fingerprint: a.sha256Fingerprint, scope: a.scope, bindings: a.bindings })),
    trustErrors: r.trustErrors,
    evaluatedAt: r.evaluatedAt,
    ...(r.profile ? { profile: r.profile } : {}),
    ...(r.skewSeconds !== undefined ? { skewSeconds: r.skewSeconds } : {}),
    ...(r.decryptionKeys ? { decryptionKeys: r.decryptionKeys, decryptionKeyErrors: r.decryptionKeyErrors ?? [] } : {}),
  };
}

/** CONTRACT §1 exit status: 2 undecodable input, 1 any error finding, else 0. */
export function exitStatusOf(reports: InspectReport[]): 0 | 1 | 2 {
  if (reports.some((r) => r.messages.length === 0 && r.errors.length > 0)) return 2;
  if (reports.some((r) => r.errors.length > 0 || r.messages.some((m) => m.error || m.findings.some((f) => f.severity === 'error')))) return 1;
  return 0;
}

import { decodeInput } from './binding/detect';
import { verifyRedirectSignature } from './dsig/redirect';
import { verifyDocumentSignatures } from './dsig/verify';
import { authentikPropertiesOf, samlRootOf, summarizeMessage } from './saml/summarize';
import type { CapturedPayload, CertificateSummary, Finding, InspectedMessage, InspectOptions, InspectReport, MessageSummary, RawFinding } from './types';
import { parseCertificate, summarizeCertificate } from './x509/certificate';
import { parseTrustInputs, type TrustMaterial } from './x509/trust';
import { NS, descendants } from './xml/dom';
import { parseXmlSafely } from './xml/parse';
import { prettyPrintXml } from './xml/pretty';
import { analyseMessages } from './analyse';

export { DEFAULT_SKEW_SECONDS } from './analyse';

/** Certificates a message carries: KeyInfo of its signatures, KeyDescriptors of metadata. */
async function certificatesIn(doc: Document, summary: MessageSummary): Promise<CertificateSummary[]> {
  const out: CertificateSummary[] = [];
  const seen = new Set<string>();
  const add = async (b64: string, foundIn: string) => {
    const p = parseCertificate(b64);
    if (!p.ok) return;
    const s = await summarizeCertificate(p.der, foundIn);
    if (s && !seen.has(s.sha256Fingerprint + foundIn)) {
      seen.add(s.sha256Fingerprint + foundIn);
      out.push(s);
    }
  };
  const signatures = descendants(doc, NS.dsig, 'Signature');
  for (const [i, sig] of signatures.entries()) {
    for (const c of descendants(sig, NS.dsig, 'X509Certificate')) await add(c.textContent ?? '', `KeyInfo of signature ${i + 1} (on ${(sig.parentNode as Element | null)?.localName ?? 'document'})`);
  }
  if (summary.metadata && summary.metadata.entities.length <= 50) {
    for (const e of summary.metadata.entities) for (const r of e.roles) for (const kd of r.keyDescriptors) {
      for (const c of kd.certificates) await add(c, `${kd.use ?? 'signing+encryption'} KeyDescriptor of ${e.entityId} (${r.role})`);
    }
  }
  return out;
}

function unparsedMessage(payload: CapturedPayload, error: NonNullable<InspectedMessage['error']>): InspectedMessage {
  return {
    kind: 'Unknown', rootName: '', id: null, issuer: null, destination: null, inResponseTo: null, issueInstant: null, version: null,
    status: null, assertions: [], binding: payload.binding, payload, prettyXml: payload.xml, certificates: [], signatures: [],
    trusted: false, findings: [], authentikProperties: {}, error,
  };
}

export interface ParsedMessage {
  message: InspectedMessage;
  doc: Document;
  raw: RawFinding[];
  consumedAssertionIndex: number | null;
  lineOfNode(node: Node | null | undefined): { line: number; column: number } | null;
}

/**
 * The one entry point of the core: decode whatever was pasted, parse each message safely,
 * verify its signatures against the trust the user gave, and explain what is wrong.
 * Shells (UI, CLI) only render the InspectReport this returns.
 */
export async function inspectInput(text: string, source: string, options: InspectOptions = {}): Promise<InspectReport> {
  const at = options.at ?? new Date();
  const decoded = decodeInput(text);
  const trust: TrustMaterial = await parseTrustInputs(options.trust ?? []);
  const report: InspectReport = {
    source,
    detected: decoded.detected,
    errors: [...decoded.errors],
    messages: [],
    trustAnchors: trust.anchors,
    trustErrors: trust.errors,
    evaluatedAt: at.toISOString(),
  };
  const parsed: ParsedMessage[] = [];
  for (const payload of decoded.payloads) {
    const doc = parseXmlSafely(payload.xml);
    if (!doc.ok) {
      if (decoded.payloads.length === 1) report.errors.push(doc.error);
      else report.messages.push(unparsedMessage(payload, doc.error));
      continue;
    }
    const summary = summarizeMessage(doc.value);
    const pretty = prettyPrintXml(payload.xml, doc.value);
    const verification = await verifyDocumentSignatures(doc.value, trust.anchors, at);
    const raw: RawFinding[] = [...verification.findings];
    const signatures = [...verification.signatures];
    let trusted = verification.trusted;
    if (payload.redirect) {
      const q = await verifyRedirectSignature(payload.redirect, trust.anchors);
      raw.push(...q.findings.map((f) => ({ ...f, node: f.node ?? samlRootOf(doc.value) })));
      if (q.signature) {
        signatures.push(q.signature);
        // SAML bindings §3.4.4.1: the query signature covers the whole deflated message.
        if (q.signature.verdict === 'valid') trusted = true;
      }
    }
    if (summary.kind === 'Unknown') {
      raw.push({ code: 'input-unrecognized', severity: 'error', title: 'Not a SAML message', explanation: `The XML root element is ${summary.rootName}, which is not a SAML 2.0 protocol message or metadata.`, fix: 'Paste a SAML AuthnRequest, Response, LogoutRequest, LogoutResponse or metadata.', node: doc.value.documentElement });
    }
    const consumed = verification.consumedAssertionIndex;
    const message: InspectedMessage = {
      ...summary,
      binding: payload.binding,
      payload,
      prettyXml: pretty.text,
      certificates: await certificatesIn(doc.value, summary),
      signatures,
      trusted,
      findings: [],
      authentikProperties: authentikPropertiesOf(consumed === null ? undefined : summary.assertions[consumed]),
    };
    parsed.push({ message, doc: doc.value, raw, consumedAssertionIndex: consumed, lineOfNode: pretty.lineOfNode });
  }
  analyseMessages(parsed, trust, options, at, report);
  for (const p of parsed) {
    p.message.findings = p.raw.map((f): Finding => {
      const { node, ...rest } = f;
      return { ...rest, location: p.lineOfNode(node ?? null) };
    });
    p.message.findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  }
  report.messages.push(...parsed.map((p) => p.message));
  report.messages.sort((a, b) => (a.payload.time && b.payload.time ? a.payload.time.localeCompare(b.payload.time) : 0));
  return report;
}

function severityRank(s: Finding['severity']): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

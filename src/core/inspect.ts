import { decodeInput } from './binding/detect';
import { verifyRedirectSignature } from './saml-signatures/redirect';
import { verifyDocumentSignatures } from './saml-signatures/verify';
import { signerClaimOf } from './saml-signatures/signer-claim';
import { uncoveredContentFinding } from './saml-signatures/coverage';
import { AGGREGATE_IN_PARTS_MIN_CHARS, INPUT_MAX_CHARS, MAX_CERTIFICATES_PER_KEYINFO, MAX_SIGNATURES_PER_DOCUMENT } from './limits';
import { inputTooLarge } from './limit-error';
import { readAggregateInParts, type AggregateInParts } from './aggregate/read-in-parts';
import { authentikPropertiesOf, consumableAssertions, samlRootOf, summarizeMessage } from './saml/summarize';
import { fail, ok, type CapturedPayload, type CertificateSummary, type Finding, type InspectedMessage, type InspectOptions, type InspectReport, type MessageSummary, type RawFinding, type Result } from './types';
import { parseCertificate, summarizeCertificate } from './x509/certificate';
import { parseTrustInputs, type TrustMaterial } from './trust/anchors';
import { NS, descendants } from './xml/dom';
import { parseXmlSafely } from './xml/parse';
import { exactTextLocator, prettyPrintXml } from './xml/pretty';
import { analyseMessages } from './analyse';
import type { ParsedMessage } from './parsed-message';
import { DEFAULT_PROFILE, wordFinding } from './profiles';
import { categoryOf } from './diagnosis/evaluate';
import { sortBySeverity } from './findings/severity';
import { metadataOverview } from './mdtools/overview';
import { decryptDocument, decryptionFindings, hasEncryptedContent, parseDecryptionKeys, type DecryptionKey, type DecryptionStage } from './xenc/index';

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
  // Bounded as the verifier is (docs/limits.md): a hostile message cannot make this parse more.
  const signatures = descendants(doc, NS.dsig, 'Signature').slice(0, MAX_SIGNATURES_PER_DOCUMENT);
  for (const [i, sig] of signatures.entries()) {
    for (const c of descendants(sig, NS.dsig, 'X509Certificate').slice(0, MAX_CERTIFICATES_PER_KEYINFO)) await add(c.textContent ?? '', `KeyInfo of signature ${i + 1} (on ${(sig.parentNode as Element | null)?.localName ?? 'document'})`);
  }
  if (summary.metadata && summary.metadata.entities.length <= 50) {
    for (const e of summary.metadata.entities) for (const r of e.roles) for (const kd of r.keyDescriptors) {
      for (const c of kd.certificates) await add(c, `${kd.use ?? 'signing+encryption'} KeyDescriptor of ${e.entityId} (${r.role})`);
    }
  }
  return out;
}

/**
 * A large EntitiesDescriptor is read one entity at a time (core/aggregate/), anything else whole.
 * Past INPUT_MAX_CHARS only an aggregate that can be read in parts is read at all: the whole
 * document's tree would cost several times its size (docs/limits.md).
 */
function readPayload(xml: string, inPartsFrom: number, nativeDigest: InspectOptions['incrementalDigest']): { doc: Result<Document>; inParts: AggregateInParts | null } {
  if (xml.length < inPartsFrom) return { doc: parseXmlSafely(xml), inParts: null };
  const tooLargeWhole = xml.length > INPUT_MAX_CHARS;
  const r = readAggregateInParts(xml, tooLargeWhole, nativeDigest);
  if (r.kind === 'parts') return { doc: ok(r.value.doc), inParts: r.value };
  if (r.kind === 'error') return { doc: fail(r.error), inParts: null };
  if (tooLargeWhole) {
    const what = `The document is ${xml.length.toLocaleString('en-US')} characters and cannot be read one entity at a time (${r.reason}); read whole`;
    return { doc: fail(inputTooLarge(what, { name: 'INPUT_MAX_CHARS', limit: INPUT_MAX_CHARS, seen: xml.length, unit: 'characters' })), inParts: null };
  }
  return { doc: r.doc ?? parseXmlSafely(xml), inParts: null };
}

function unparsedMessage(payload: CapturedPayload, error: NonNullable<InspectedMessage['error']>): InspectedMessage {
  return {
    kind: 'Unknown', rootName: '', id: null, issuer: null, destination: null, inResponseTo: null, issueInstant: null, version: null,
    status: null, assertions: [], binding: payload.binding, payload, prettyXml: payload.xml, certificates: [], signatures: [],
    trusted: false, findings: [], authentikProperties: {}, error,
  };
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
  // The SP keys are secret: parsed here, used for decryption, and only their public
  // identification goes into the report.
  const spKeys = options.decryptionKeys?.some((k) => k.trim()) ? await parseDecryptionKeys(options.decryptionKeys) : null;
  const report: InspectReport = {
    source,
    detected: decoded.detected,
    errors: [...decoded.errors],
    messages: [],
    trustAnchors: trust.anchors,
    trustErrors: trust.errors,
    evaluatedAt: at.toISOString(),
    ...(spKeys ? { decryptionKeys: spKeys.keys.map((k) => ({ index: k.index, label: k.label, spkiSha256: k.spkiSha256 })), decryptionKeyErrors: spKeys.errors } : {}),
  };
  const parsed: ParsedMessage[] = [];
  for (const payload of decoded.payloads) {
    const read = readPayload(payload.xml, options.aggregateInPartsMinChars ?? AGGREGATE_IN_PARTS_MIN_CHARS, options.incrementalDigest);
    const doc = read.doc;
    if (!doc.ok) {
      if (decoded.payloads.length === 1) report.errors.push(doc.error);
      else report.messages.push(unparsedMessage(payload, doc.error));
      continue;
    }
    const pretty = read.inParts ? exactTextLocator(payload.xml, read.inParts.elementIndexOf) : prettyPrintXml(payload.xml, doc.value);
    const decryption = spKeys && hasEncryptedContent(doc.value) ? await decryptMessage(doc.value, payload.xml, spKeys.keys) : null;
    // What a relying party consumes: the decrypted message when there is one.
    const consumedDoc = decryption?.stage?.doc ?? doc.value;
    const summary = summarizeMessage(consumedDoc);
    // Read in parts, the tree holds only a skeleton: the entities were summarized as they went by.
    if (read.inParts && summary.metadata) summary.metadata.entities = read.inParts.entities;
    if (summary.metadata) summary.metadata.overview = metadataOverview(summary.metadata, at);
    if (decryption?.stage) markDecryptedAssertions(summary, decryption.stage);
    const verification = await verifyDocumentSignatures(consumedDoc, trust.anchors, at, decryption?.stage ?? undefined);
    const raw: RawFinding[] = [...verification.findings, ...(decryption?.findings ?? [])];
    const signatures = [...verification.signatures];
    let trusted = verification.trusted;
    if (payload.redirect) {
      const q = await verifyRedirectSignature(payload.redirect, trust.anchors, signerClaimOf(samlRootOf(doc.value)));
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
      certificates: await certificatesIn(consumedDoc, summary),
      signatures,
      trusted,
      findings: [],
      authentikProperties: authentikPropertiesOf(consumed === null ? undefined : summary.assertions[consumed]),
      ...(decryption ? { decryption: decryption.report } : {}),
    };
    const stage = decryption?.stage ?? null;
    // Findings on decrypted content point at the Encrypted* element it came from in the XML shown.
    const lineOfNode = stage ? (node: Node | null | undefined) => pretty.lineOfNode(node ? (stage.stageOf(node)?.toReceived(node) ?? node) : node) : pretty.lineOfNode;
    parsed.push({ message, doc: consumedDoc, raw, consumedAssertionIndex: consumed, lineOfNode });
  }
  await analyseMessages(parsed, trust, options, at, report);
  // The coverage gate runs last, so it sees the rules' findings too (signature-policy's own
  // assertion-unsigned): it only adds an error where nothing else made the message fail.
  for (const p of parsed) {
    const gap = uncoveredContentFinding(p.message.kind, p.message.trusted, trust.anchors.length > 0, p.message.signatures.length > 0, p.raw);
    if (gap) p.raw.push({ ...gap, node: samlRootOf(p.doc) });
  }
  // Every finding — the rules', the verifier's, the decrypter's — in the active profile's words.
  const profile = report.profile?.name ?? DEFAULT_PROFILE;
  for (const p of parsed) {
    p.message.findings = sortBySeverity(p.raw.map((f): Finding => {
      const { node, ...rest } = wordFinding(profile, f);
      return { ...rest, category: f.category ?? categoryOf(f.code), location: p.lineOfNode(node ?? null) };
    }));
  }
  report.messages.push(...parsed.map((p) => p.message));
  report.messages.sort((a, b) => (a.payload.time && b.payload.time ? a.payload.time.localeCompare(b.payload.time) : 0));
  return report;
}

/** Decrypt a message's encrypted content and describe the outcome (report section and findings). */
async function decryptMessage(doc: Document, xml: string, keys: DecryptionKey[]): Promise<{ stage: DecryptionStage | null; report: NonNullable<InspectedMessage['decryption']>; findings: RawFinding[] }> {
  const d = await decryptDocument(doc, xml, keys);
  const okCount = d.traces.filter((t) => t.outcome === 'ok').length;
  const outcome = okCount === d.traces.length ? 'ok' : okCount === 0 ? 'failed' : 'partial';
  return { stage: d.stage, report: { outcome, items: d.traces }, findings: decryptionFindings(d.traces, d.elements, doc) };
}

/** An assertion received encrypted keeps `encrypted: true` (CONTRACT §2) and gains `decrypted: true`. */
function markDecryptedAssertions(summary: MessageSummary, stage: DecryptionStage): void {
  const consumable = consumableAssertions(samlRootOf(stage.doc));
  consumable.forEach((el, i) => {
    const a = summary.assertions[i];
    if (a && el.localName === 'Assertion' && stage.isDecrypted(el)) {
      a.encrypted = true;
      a.decrypted = true;
    }
  });
}

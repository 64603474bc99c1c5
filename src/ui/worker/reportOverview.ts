// What the page receives of an inspection (issue 10 point 4): a bounded overview of every
// message, never its heavy parts. A HAR of 14 Redirect messages of 2.3 MB each is a 32 MB
// report once pretty-printed XML, canonical forms, attribute tables and certificates are
// counted; sent whole through postMessage and rendered at once it blocked the page's thread
// for up to 7.6 s. The worker keeps the full report (resultStore.ts) and the page asks for one
// message's detail when it shows it (the `message-detail` request).
import type {
  AssertionSummary,
  CapturedExchange,
  CapturedPayload,
  InspectedMessage,
  InspectReport,
  MessageDecryption,
  SignatureReport,
  TrustAnchor,
} from '../../core/types';
import { PAGE_LIMITS } from '../../core/limits';

/**
 * A captured URL is shown in the overview up to this many characters: a Redirect URL carries
 * its whole deflated message (up to the 16 MiB base64 limit, docs/limits.md) and the message
 * list only needs its scheme, host and path. The detail carries the URL in full.
 */
export const OVERVIEW_URL_MAX_CHARS = PAGE_LIMITS.overviewUrlChars;

/** The capture of one payload without its XML and raw query octets (in the detail). */
export interface PayloadOverview extends Omit<CapturedPayload, 'xml' | 'redirect' | 'url' | 'capture'> {
  /** The HTTP exchange this message travelled in (not the whole capture's evidence, which the detail holds). */
  exchange?: CapturedExchange;
  /** The URL, cut at OVERVIEW_URL_MAX_CHARS characters. */
  url?: string;
  /** The URL's full length, when it was cut. */
  urlChars?: number;
  /** Length of the decoded XML in characters. */
  xmlChars: number;
  /** HTTP-Redirect query signature algorithm, when signed. */
  sigAlg?: string;
}

/** An assertion without its attribute values (a message can carry 10,000 attributes). */
export interface AssertionOverview extends Omit<AssertionSummary, 'attributes' | 'attributeDetails'> {
  attributeCount: number;
}

/** A signature's verdict and what it signs, without canonical forms and certificates. */
export type SignatureOverview = Pick<SignatureReport, 'index' | 'target' | 'targetId' | 'verdict'>;

/** One message as the message list, verdict and pairing need it. */
export interface MessageOverview
  extends Omit<InspectedMessage, 'prettyXml' | 'payload' | 'certificates' | 'signatures' | 'decryption' | 'metadata' | 'assertions' | 'authentikProperties'> {
  /** Position in the report's messages. */
  index: number;
  payload: PayloadOverview;
  assertions: AssertionOverview[];
  signatures: SignatureOverview[];
  certificateCount: number;
  decryptionOutcome?: MessageDecryption['outcome'];
  /** Metadata: its validUntil and entity count (entities are in the detail). */
  metadata?: { validUntil: string | null; entityCount: number };
}

/** A trust anchor without its DER (the page shows subject, fingerprint, scope and bindings). */
export type TrustAnchorView = Omit<TrustAnchor, 'certificateDer' | 'spkiDer'>;

/** The report as the page holds it. Every field not in `messages` or `trustAnchors` is the core's own. */
export interface ReportView extends Omit<InspectReport, 'messages' | 'trustAnchors'> {
  messages: MessageOverview[];
  trustAnchors: TrustAnchorView[];
}

/** A message as the page may hold it: its overview, or (once shown) the core's full message. */
export type ShownMessage = MessageOverview | InspectedMessage;

export function isFullMessage(m: ShownMessage): m is InspectedMessage {
  return 'prettyXml' in m;
}

export function payloadOverviewOf(p: CapturedPayload): PayloadOverview {
  const { xml, redirect, url, capture, ...rest } = p;
  const out: PayloadOverview = { ...rest, xmlChars: xml.length };
  const exchange = capture?.evidence.exchanges[capture.exchange];
  if (exchange) out.exchange = exchange;
  if (url !== undefined) {
    out.url = url.length > OVERVIEW_URL_MAX_CHARS ? `${url.slice(0, OVERVIEW_URL_MAX_CHARS)}…` : url;
    if (url.length > OVERVIEW_URL_MAX_CHARS) out.urlChars = url.length;
  }
  if (redirect?.sigAlg) out.sigAlg = redirect.sigAlg;
  return out;
}

export function messageOverviewOf(m: InspectedMessage, index: number): MessageOverview {
  const { prettyXml, payload, certificates, signatures, decryption, metadata, assertions, authentikProperties, ...light } = m;
  const out: MessageOverview = {
    ...light,
    index,
    payload: payloadOverviewOf(payload),
    assertions: assertions.map(({ attributes, attributeDetails, ...a }) => ({ ...a, attributeCount: attributeDetails.length })),
    signatures: signatures.map((s) => ({ index: s.index, target: s.target, targetId: s.targetId, verdict: s.verdict })),
    certificateCount: certificates.length,
  };
  if (decryption) out.decryptionOutcome = decryption.outcome;
  if (metadata) out.metadata = { validUntil: metadata.validUntil, entityCount: metadata.entities.length };
  return out;
}

export function trustAnchorViewOf(a: TrustAnchor): TrustAnchorView {
  const { certificateDer, spkiDer, ...view } = a;
  return view;
}

export function reportViewOf(report: InspectReport): ReportView {
  return {
    ...report,
    messages: report.messages.map(messageOverviewOf),
    trustAnchors: report.trustAnchors.map(trustAnchorViewOf),
  };
}

// Tying the IdP's answer captured at /acs to the request the mock SP sent: ID ↔ InResponseTo
// (SAML core §3.2.2), RelayState echoed unchanged (SAML bindings §3.4.3, §3.5.3), and the
// inspection expectations filled from the mock-SP settings so every rule applies.
import type { InspectedMessage, InspectOptions, InspectReport } from '../types';
import type { MockSpSettings, SamlBindingName } from './settings';

/** What the UI keeps (sessionStorage/IndexedDB; plain JSON) about a request it sent. */
export interface SentRequestRecord {
  kind: 'AuthnRequest' | 'LogoutRequest';
  id: string;
  issueInstant: string;
  /** null when no RelayState was sent */
  relayState: string | null;
  binding: SamlBindingName;
  endpoint: string;
  /** ISO-8601 time it was sent */
  sentAt: string;
  spEntityId: string;
  acsUrl: string;
  /** '' when unknown */
  idpEntityId: string;
  /** The XML as sent (after signing / signature removal). */
  xml: string;
}


export interface TrustForCapture {
  /** The IdP metadata XML the tester pasted: its signing certificates become trust anchors. */
  idpMetadata?: string | null;
  /** Extra trusted IdP certificates (PEM / base64 DER). */
  certificates?: string[];
}

/**
 * InspectOptions for the captured answer: the expectations come from what was sent (request
 * ID) and the settings (SP entity ID, ACS URL, IdP entity ID), the trust from the IdP metadata.
 */
export function inspectOptionsFor(sent: SentRequestRecord | null, settings: MockSpSettings, trust: TrustForCapture = {}, at?: Date): InspectOptions {
  const options: InspectOptions = {
    trust: [...(trust.idpMetadata?.trim() ? [trust.idpMetadata] : []), ...(trust.certificates ?? []).filter((c) => c.trim())],
    spEntityId: sent?.spEntityId || settings.spEntityId,
    acsUrl: sent?.acsUrl || settings.acsUrl,
  };
  const idp = sent?.idpEntityId || settings.idpEntityId;
  if (idp) options.idpEntityId = idp;
  if (sent) options.requestId = sent.id;
  if (at) options.at = at;
  return options;
}

export interface ElapsedTime {
  /** IssueInstant minus the send time, in ms, both truncated to `precisionMs`. Negative: the IdP's clock is behind. */
  ms: number;
  /** The coarser precision of the two instants (1000 for an IssueInstant in whole seconds). */
  precisionMs: number;
  /** One sentence for the page, never a negative duration; it names the precision compared at. */
  text: string;
}

/** Milliseconds one fractional-second digit count stands for: 0 digits → 1000, 1 → 100, 2 → 10, 3+ → 1. */
function precisionOf(instant: string): number {
  const m = /T\d{2}:\d{2}(?::\d{2}(?:\.(\d+))?)?/.exec(instant);
  if (!m) return 1000;
  if (!/T\d{2}:\d{2}:\d{2}/.test(instant)) return 60_000;
  const digits = m[1]?.length ?? 0;
  return digits >= 3 ? 1 : 10 ** (3 - digits);
}

function formatDuration(ms: number, precisionMs: number): string {
  if (precisionMs >= 1000) return `${Math.round(ms / 1000)} s`;
  return `${(ms / 1000).toFixed(3 - Math.log10(precisionMs))} s`;
}

/**
 * From sending a request (`sentAt`, this browser's clock, milliseconds) to the answer's
 * IssueInstant (the IdP's clock, often whole seconds: xs:dateTime fractions are optional, SAML
 * core §1.3.3). Comparing a whole-second instant with a millisecond one makes an answer issued
 * 300 ms later look like −1 s (10:00:00Z vs 10:00:00.700Z), so both are truncated to the coarser
 * precision first and the text says so. A difference still negative after that is the IdP's
 * clock running behind this browser's, and is worded as such. Null when either does not parse.
 */
export function elapsedBetween(sentAt: string, issueInstant: string): ElapsedTime | null {
  const t = Date.parse(issueInstant);
  const s = Date.parse(sentAt);
  if (Number.isNaN(t) || Number.isNaN(s)) return null;
  const precisionMs = Math.max(precisionOf(issueInstant), precisionOf(sentAt));
  const floor = (x: number) => Math.floor(x / precisionMs) * precisionMs;
  const ms = floor(t) - floor(s);
  const unit = precisionMs === 1000 ? 'to the second' : precisionMs === 60_000 ? 'to the minute' : `to ${precisionMs} ms`;
  const basis = precisionMs === 1 ? 'compared to the millisecond' : `compared ${unit}: the ${precisionOf(issueInstant) >= precisionOf(sentAt) ? 'IssueInstant' : 'send time'} carries no finer time`;
  const text =
    ms === 0
      ? `Answer issued within the ${precisionMs === 60_000 ? 'minute' : precisionMs === 1000 ? 'second' : `${formatDuration(precisionMs, precisionMs)}`} the request was sent (${basis}).`
      : ms > 0
        ? `Answer issued ${formatDuration(ms, precisionMs)} after the request was sent (${basis}).`
        : `The answer's IssueInstant is ${formatDuration(-ms, precisionMs)} before the request was sent: the IdP's clock is behind this browser's by at least that much (${basis}). Validity windows are checked with the allowed clock skew.`;
  return { ms, precisionMs, text };
}

export type MatchStatus = 'match' | 'mismatch' | 'missing' | 'not-applicable';

export interface Correlation {
  /** Index in report.messages of the answer (the first Response/LogoutResponse), or null. */
  messageIndex: number | null;
  /** InResponseTo of the answer (Response root, else its assertion's SubjectConfirmationData). */
  inResponseTo: { status: MatchStatus | 'unsolicited'; expected: string; actual: string | null };
  relayState: { status: MatchStatus | 'unexpected'; expected: string | null; actual: string | null };
  /** Answer Issuer against the IdP entity ID when known. */
  issuer: { status: MatchStatus; expected: string | null; actual: string | null };
  /** Response Destination against the ACS URL. */
  destination: { status: MatchStatus; expected: string; actual: string | null };
  /** Time from sending to the answer's IssueInstant, at the coarser of the two precisions, when both are known. */
  elapsed: ElapsedTime | null;
  /** true when the answer belongs to this request (InResponseTo matches and RelayState is intact). */
  correlated: boolean;
  /** Human-readable lines for the UI, one per problem; empty when everything matches. */
  problems: string[];
}

/**
 * What correlation reads of a report: InspectReport, or any lighter view of it that keeps these
 * fields (the inspect page holds an overview of each message, ui/worker/reportOverview.ts).
 */
export interface CorrelatableReport {
  messages: readonly (Pick<InspectedMessage, 'kind' | 'inResponseTo' | 'issuer' | 'destination' | 'issueInstant'> & {
    assertions: readonly Pick<InspectedMessage['assertions'][number], 'inResponseTo'>[];
    payload: Pick<InspectedMessage['payload'], 'relayState'>;
  })[];
}

function answerIndex(report: CorrelatableReport, kind: SentRequestRecord['kind']): number | null {
  const wanted = kind === 'LogoutRequest' ? 'LogoutResponse' : 'Response';
  const i = report.messages.findIndex((m) => m.kind === wanted);
  if (i >= 0) return i;
  const any = report.messages.findIndex((m) => m.kind === 'Response' || m.kind === 'LogoutResponse');
  return any >= 0 ? any : null;
}

function inResponseToOf(m: CorrelatableReport['messages'][number]): string | null {
  return m.inResponseTo ?? m.assertions.find((a) => a.inResponseTo)?.inResponseTo ?? null;
}

/** Correlate the captured answer (an InspectReport of what arrived at the ACS) with the request sent. */
export function correlateCapture(sent: SentRequestRecord, report: CorrelatableReport): Correlation {
  const idx = answerIndex(report, sent.kind);
  const m = idx === null ? null : report.messages[idx]!;
  const problems: string[] = [];
  const c: Correlation = {
    messageIndex: idx,
    inResponseTo: { status: 'missing', expected: sent.id, actual: null },
    relayState: { status: 'not-applicable', expected: sent.relayState, actual: null },
    issuer: { status: 'not-applicable', expected: sent.idpEntityId || null, actual: null },
    destination: { status: 'not-applicable', expected: sent.acsUrl, actual: null },
    elapsed: null,
    correlated: false,
    problems,
  };
  if (!m) {
    problems.push('The capture holds no SAML response to correlate.');
    return c;
  }
  const irt = inResponseToOf(m);
  c.inResponseTo.actual = irt;
  if (irt === null) {
    c.inResponseTo.status = 'unsolicited';
    problems.push(`The answer has no InResponseTo: it is unsolicited (IdP-initiated), not an answer to request ${sent.id}.`);
  } else if (irt === sent.id) {
    c.inResponseTo.status = 'match';
  } else {
    c.inResponseTo.status = 'mismatch';
    problems.push(`InResponseTo is ${irt} but the request sent was ${sent.id}: an answer to another (older?) request.`);
  }

  const rs = m.payload.relayState ?? null;
  c.relayState.actual = rs;
  if (sent.relayState === null) {
    c.relayState.status = rs === null ? 'not-applicable' : 'unexpected';
    if (rs !== null) problems.push(`The answer carries RelayState ${JSON.stringify(rs)} although none was sent.`);
  } else if (rs === null) {
    c.relayState.status = 'missing';
    problems.push(`RelayState ${JSON.stringify(sent.relayState)} was sent but not returned (SAML bindings §3.4.3/§3.5.3: the IdP must return it unchanged).`);
  } else if (rs === sent.relayState) {
    c.relayState.status = 'match';
  } else {
    c.relayState.status = 'mismatch';
    problems.push(`RelayState came back as ${JSON.stringify(rs)}, not ${JSON.stringify(sent.relayState)}.`);
  }

  c.issuer.actual = m.issuer;
  if (sent.idpEntityId) {
    c.issuer.status = m.issuer === null ? 'missing' : m.issuer === sent.idpEntityId ? 'match' : 'mismatch';
    if (c.issuer.status === 'mismatch') problems.push(`The answer's Issuer is ${m.issuer}, not the IdP entity ID ${sent.idpEntityId}.`);
  }

  c.destination.actual = m.destination;
  if (sent.kind === 'AuthnRequest') {
    c.destination.status = m.destination === null ? 'missing' : m.destination === sent.acsUrl ? 'match' : 'mismatch';
    if (c.destination.status === 'mismatch') problems.push(`The Response is addressed to ${m.destination}, not the ACS URL ${sent.acsUrl}.`);
  }

  if (m.issueInstant) c.elapsed = elapsedBetween(sent.sentAt, m.issueInstant);
  c.correlated = c.inResponseTo.status === 'match' && (c.relayState.status === 'match' || c.relayState.status === 'not-applicable');
  return c;
}

/** Among the requests sent (newest last), the one a captured answer responds to. */
export function matchSentRequest(records: readonly SentRequestRecord[], report: CorrelatableReport): SentRequestRecord | null {
  for (const m of report.messages) {
    const irt = inResponseToOf(m);
    if (!irt) continue;
    for (let i = records.length - 1; i >= 0; i--) if (records[i]!.id === irt) return records[i]!;
  }
  return null;
}

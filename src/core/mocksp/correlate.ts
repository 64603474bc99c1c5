// Tying the IdP's answer captured at /acs to the request the mock SP sent: ID ↔ InResponseTo
// (SAML core §3.2.2), RelayState echoed unchanged (SAML bindings §3.4.3, §3.5.3), and the
// inspection expectations filled from the mock-SP settings so every rule applies.
import type { InspectedMessage, InspectOptions, InspectReport } from '../types';
import { parseXmlSafely } from '../xml/parse';
import type { BuiltMessage } from './authnRequest';
import type { PreparedSend } from './send';
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

/**
 * The record of a request just sent. ID and IssueInstant are read from the XML actually sent
 * (the user may have edited them in the editor), falling back to `built`.
 */
export function recordSentRequest(built: BuiltMessage, sent: PreparedSend, settings: MockSpSettings, now: Date = new Date()): SentRequestRecord {
  const doc = parseXmlSafely(sent.xml);
  const root = doc.ok ? doc.value.documentElement : null;
  const relayState = sent.binding === 'HTTP-POST' ? (sent.fields.RelayState ?? null) : (sent.parameters.RelayState ?? null);
  return {
    kind: (root ? root.localName === 'LogoutRequest' : /^\s*<(?:[\w.-]+:)?LogoutRequest[\s>]/.test(built.xml)) ? 'LogoutRequest' : 'AuthnRequest',
    id: root?.getAttribute('ID') || built.id,
    issueInstant: root?.getAttribute('IssueInstant') || built.issueInstant,
    relayState,
    binding: sent.binding,
    endpoint: sent.binding === 'HTTP-POST' ? sent.action : sent.endpoint,
    sentAt: now.toISOString(),
    spEntityId: settings.spEntityId,
    acsUrl: settings.acsUrl,
    idpEntityId: settings.idpEntityId,
    xml: sent.xml,
  };
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
  /** Seconds between sending and the answer's IssueInstant (clock skew hints), when both are known. */
  elapsedSeconds: number | null;
  /** true when the answer belongs to this request (InResponseTo matches and RelayState is intact). */
  correlated: boolean;
  /** Human-readable lines for the UI, one per problem; empty when everything matches. */
  problems: string[];
}

/**
 * What correlation reads of a report: InspectReport, or any lighter view of it that keeps these
 * fields (the inspect page holds an overview of each message, ui/worker/reportView.ts).
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
    elapsedSeconds: null,
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

  if (m.issueInstant) {
    const t = Date.parse(m.issueInstant);
    const s = Date.parse(sent.sentAt);
    if (!Number.isNaN(t) && !Number.isNaN(s)) c.elapsedSeconds = Math.round((t - s) / 1000);
  }
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

// What the panel's live list shows for each recorded exchange that carried a SAML message: the
// message's overall standing (the same words as the page's verdict card, CONTRACT §4) and its
// worst finding, from one inspection of the whole flow as a HAR — so cookie, clock and redirect
// evidence across exchanges counts, as it does when the HAR is opened in the app.
import { inspectInput } from '../../core/inspect';
import { exchangesToHar } from '../../core/capture/harExport';
import { currentBrowser } from './recordingBrowser';
import type { RecordedExchange } from '../../core/capture/recorded';
import type { Severity } from '../../core/types';
import { findingsWorstFirst, overallVerdictOf, type OverallVerdict } from '../../ui/features/inspect/reportView';

export interface MessageVerdict {
  /** Index of the exchange (in the flow as given) the message was carried in. */
  exchange: number;
  kind: string;
  verdict: OverallVerdict;
  worst: { code: string; severity: Severity; title: string } | null;
}

export interface FlowVerdicts {
  messages: MessageVerdict[];
  /** Input errors of the flow as a whole (input-too-large, …), code and message. */
  errors: { code: string; message: string }[];
}

export const HAR_CREATOR = { name: 'samlscope browser extension', version: '1' };

/** The flow in the order its requests started (the order a HAR reader sorts entries in). */
export function chronological(exchanges: readonly RecordedExchange[]): RecordedExchange[] {
  return exchanges.map((x, i) => ({ x, i })).sort((a, b) => Date.parse(a.x.time) - Date.parse(b.x.time) || a.i - b.i).map((e) => e.x);
}

/** Inspects the flow (already chronological) and summarizes each SAML message. */
export async function flowVerdicts(flow: readonly RecordedExchange[], now: Date = new Date()): Promise<FlowVerdicts> {
  if (!flow.some((x) => x.protocol === 'saml')) return { messages: [], errors: [] };
  const report = await inspectInput(JSON.stringify(exchangesToHar(flow, HAR_CREATOR, currentBrowser())), 'browser extension', { at: now });
  const messages = report.messages.map((m): MessageVerdict => {
    const worst = findingsWorstFirst(m.findings)[0];
    return {
      exchange: m.payload.capture?.exchange ?? -1,
      kind: m.error ? 'unreadable' : m.kind,
      verdict: overallVerdictOf(m),
      worst: worst ? { code: worst.code, severity: worst.severity, title: worst.title } : null,
    };
  });
  return { messages, errors: report.errors.filter((e) => e.code !== 'input-unrecognized').map((e) => ({ code: e.code, message: e.message })) };
}

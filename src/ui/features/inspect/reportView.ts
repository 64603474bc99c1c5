// The one adapter between the inspection report and the inspect page's components: the overall
// verdict, findings worst first, which step of a capture to open, and what each step's HTTP
// exchange was. Components read the report through these functions, so when the worker sends
// bounded summaries instead of whole reports (src/ui/worker/), only this file follows.
import type { CapturedHttpResponse, Finding, InspectedMessage, Severity } from '../../../core/types';

/**
 * What these functions read of a message: the full message or its bounded overview
 * (src/ui/worker/reportOverview.ts), so the message list works on overviews.
 */
export type VerdictSource = Pick<InspectedMessage, 'error' | 'trusted'> & { signatures: readonly Pick<InspectedMessage['signatures'][number], 'verdict'>[] };
type StepSource = VerdictSource & Pick<InspectedMessage, 'findings'> & { payload: { time?: string; httpResponse?: CapturedHttpResponse } };

/** CONTRACT §4 `data-verdict` values. */
export type OverallVerdict = 'trusted' | 'untrusted' | 'invalid' | 'unsigned' | 'error';

/**
 * The message's overall standing (CONTRACT §4). `trusted` only when the report says so (CONTRACT
 * §2); `invalid` when a signature or digest does not match — tampering or corruption, never shown
 * as merely "not signed"; `unsigned` when nothing is signed; `untrusted` for the rest (signed, but
 * not by a key trusted for this issuer, or not covering what a relying party consumes); `error`
 * when the message could not be read.
 */
export function overallVerdictOf(message: VerdictSource): OverallVerdict {
  if (message.error) return 'error';
  if (message.trusted) return 'trusted';
  if (message.signatures.some((s) => s.verdict === 'invalid')) return 'invalid';
  if (message.signatures.length === 0) return 'unsigned';
  return 'untrusted';
}

/** Each verdict in words: a headline and what it means for whoever would accept the message. */
export const VERDICT_WORDS: Record<OverallVerdict, { label: string; meaning: string }> = {
  trusted: { label: 'Trusted', meaning: 'Signed by a key you trust, and the signature covers what a service provider would use.' },
  untrusted: { label: 'Not trusted', meaning: 'Signed, but not in a way you can rely on.' },
  invalid: { label: 'Tampered or corrupted', meaning: 'A signature or digest does not match the content it signs: the message was changed after signing. Never accept it.' },
  unsigned: { label: 'Unsigned', meaning: 'Nothing in this message is signed, so nothing in it can be trusted.' },
  error: { label: 'Unreadable', meaning: 'The message could not be read.' },
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings, worst first; equal severities keep the core's order (rule order). */
export function findingsWorstFirst(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** How bad a message is, for choosing which step to open: errors, then warnings, then an unreadable message. */
function badness(m: StepSource): [number, number, number] {
  let errors = 0;
  let warnings = 0;
  for (const f of m.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return [m.error ? 1 : 0, errors, warnings];
}

/**
 * The step a capture opens on: the one with the worst finding (a message that could not be read,
 * else the most errors, else the most warnings). When none is worse than another, the last one:
 * the outcome of the login, which is what a user checks first in SAML-tracer.
 */
export function worstMessageIndex(messages: readonly StepSource[]): number {
  let best = -1;
  let bestKey: [number, number, number] = [-1, -1, -1];
  messages.forEach((m, i) => {
    const k = badness(m);
    const worse = k[0] !== bestKey[0] ? k[0] > bestKey[0] : k[1] !== bestKey[1] ? k[1] > bestKey[1] : k[2] !== bestKey[2] ? k[2] > bestKey[2] : false;
    if (best < 0 || worse) {
      best = i;
      bestKey = k;
    }
  });
  if (best < 0) return 0;
  const allEqual = messages.every((m) => badness(m).join() === bestKey.join());
  return allEqual ? messages.length - 1 : best;
}

/** Whether the input was a recorded browser exchange (HAR, SAML-tracer): shown as steps, even one. */
export function isCapture(report: { detected: string | null }): boolean {
  return report.detected === 'har' || report.detected === 'saml-tracer';
}

/** What the server answered the exchange a message travelled in, when the capture recorded it. */
export function httpAnswerOf(message: { payload: { httpResponse?: CapturedHttpResponse } }): CapturedHttpResponse | undefined {
  return message.payload.httpResponse;
}

/** An HTTP status as a severity for colour: 4xx/5xx are errors; 3xx and 2xx are not. */
export function statusSeverity(status: number): 'error' | 'ok' {
  return status >= 400 ? 'error' : 'ok';
}

/** Seconds from the first step to this one ("+2.4 s"), or null when either time is unknown. */
export function offsetFromFirst(messages: readonly { payload: { time?: string } }[], index: number): string | null {
  const first = messages.map((m) => Date.parse(m.payload.time ?? '')).find((t) => !Number.isNaN(t));
  const t = Date.parse(messages[index]?.payload.time ?? '');
  if (first === undefined || Number.isNaN(t)) return null;
  const s = (t - first) / 1000;
  return `+${s.toFixed(s < 10 ? 1 : 0)} s`;
}

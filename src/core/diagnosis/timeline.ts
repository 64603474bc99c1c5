// The time conditions of a message laid out against the evaluation instant — the one judgement
// both the time rules (rules/time-validity.ts) and the page's timeline draw from, so the two can
// never disagree. SAML core §2.5.1.2: NotBefore is inclusive, NotOnOrAfter exclusive.
import type { MessageSummary } from '../types';
import { parseInstant } from './helpers';

export type TimePointState = 'past' | 'future' | 'ok' | 'violated';

export interface TimePoint {
  /** Which field: "Response IssueInstant", "Assertion Conditions NotBefore", … */
  label: string;
  field: 'IssueInstant' | 'NotBefore' | 'NotOnOrAfter' | 'SubjectConfirmationData NotOnOrAfter' | 'SessionNotOnOrAfter' | 'AuthnInstant' | 'validUntil' | 'evaluation';
  /** Raw value as in the message (ISO-8601 for the evaluation point). */
  value: string;
  time: Date | null;
  /**
   * For a bound (NotBefore, NotOnOrAfter…): 'ok' when satisfied at the evaluation instant with skew,
   * 'violated' when not. For a plain instant (IssueInstant, AuthnInstant): 'past' or 'future'
   * ('violated' when it is in the future beyond the skew). The evaluation point itself is 'ok'.
   */
  state: TimePointState;
  /** time − at, in seconds (negative: before the evaluation instant). */
  offsetSeconds: number | null;
  /** What kind of time it is: a plain instant, the start of a validity window, or its end. */
  bound: 'instant' | 'start' | 'end';
  assertionIndex?: number;
  /** For an entity's own validUntil in metadata: which entity. */
  entityId?: string;
}

export function timelineOf(summary: MessageSummary, at: Date, skewSeconds: number): TimePoint[] {
  const skew = skewSeconds * 1000;
  const now = at.getTime();
  const points: TimePoint[] = [];
  const add = (label: string, field: TimePoint['field'], value: string | null | undefined, kind: TimePoint['bound'], assertionIndex?: number, entityId?: string) => {
    if (!value) return;
    const time = parseInstant(value);
    let state: TimePointState;
    if (!time) state = 'violated';
    else if (kind === 'start') state = time.getTime() - skew > now ? 'violated' : 'ok';
    else if (kind === 'end') state = time.getTime() + skew <= now ? 'violated' : 'ok';
    else state = time.getTime() - skew > now ? 'violated' : time.getTime() > now ? 'future' : 'past';
    points.push({ label, field, value, time, state, offsetSeconds: time ? Math.round((time.getTime() - now) / 1000) : null, bound: kind, ...(assertionIndex !== undefined ? { assertionIndex } : {}), ...(entityId !== undefined ? { entityId } : {}) });
  };
  const what = summary.kind === 'Unknown' ? 'Message' : summary.kind;
  add(`${what} IssueInstant`, 'IssueInstant', summary.issueInstant, 'instant');
  summary.assertions.forEach((a, i) => {
    const n = summary.assertions.length > 1 ? ` ${i + 1}` : '';
    add(`Assertion${n} IssueInstant`, 'IssueInstant', a.issueInstant, 'instant', i);
    add(`Assertion${n} AuthnInstant`, 'AuthnInstant', a.authnInstant, 'instant', i);
    add(`Assertion${n} Conditions NotBefore`, 'NotBefore', a.notBefore, 'start', i);
    add(`Assertion${n} Conditions NotOnOrAfter`, 'NotOnOrAfter', a.notOnOrAfter, 'end', i);
    add(`Assertion${n} SubjectConfirmationData NotOnOrAfter`, 'SubjectConfirmationData NotOnOrAfter', a.subjectNotOnOrAfter, 'end', i);
    add(`Assertion${n} SessionNotOnOrAfter`, 'SessionNotOnOrAfter', a.sessionNotOnOrAfter, 'end', i);
  });
  if (summary.logoutRequest) add('LogoutRequest NotOnOrAfter', 'NotOnOrAfter', summary.logoutRequest.notOnOrAfter, 'end');
  if (summary.metadata) add('Metadata validUntil', 'validUntil', summary.metadata.validUntil, 'end');
  for (const e of summary.metadata?.entities ?? []) add(`Entity ${e.entityId} validUntil`, 'validUntil', e.validUntil, 'end', undefined, e.entityId);
  points.push({ label: 'Evaluation time', field: 'evaluation', value: at.toISOString(), time: at, state: 'ok', offsetSeconds: 0, bound: 'instant' });
  // Stable sort: by time, unparseable values last.
  return points
    .map((p, i) => ({ p, i }))
    .sort((x, y) => (x.p.time?.getTime() ?? Infinity) - (y.p.time?.getTime() ?? Infinity) || x.i - y.i)
    .map((x) => x.p);
}

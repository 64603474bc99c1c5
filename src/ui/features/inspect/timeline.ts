// The conditions timeline: every instant a relying party compares against its clock
// (SAML core §2.5.1 Conditions NotBefore/NotOnOrAfter, §2.4.1.2 SubjectConfirmationData
// NotOnOrAfter, §2.7.2 AuthnStatement SessionNotOnOrAfter, §3.2.2 IssueInstant), judged at the
// evaluation instant with the allowed clock skew. The judgement is the core's timelineOf — the
// same one the time rules raise `expired` / `not-yet-valid` from — so the page and the findings
// cannot disagree; this module only words it for the page.
import { timelineOf, type TimePoint } from '../../../core/diagnosis/timeline';
import type { InspectedMessage } from '../../../core/types';

export type PointState = 'ok' | 'not-yet' | 'expired' | 'future' | 'info';

export interface TimelinePoint {
  label: string;
  iso: string;
  time: number;
  state: PointState;
  /** what the state means, in words */
  note: string;
}

/** The state a reader sees, from the core's judgement of the point. */
function pageState(p: TimePoint): [PointState, string] {
  if (p.bound === 'start') return p.state === 'violated' ? ['not-yet', 'not yet valid at the evaluation time'] : ['ok', 'already valid'];
  if (p.bound === 'end') return p.state === 'violated' ? ['expired', 'expired at the evaluation time'] : ['ok', 'still valid'];
  if (p.field === 'AuthnInstant') return ['info', 'user authenticated'];
  return p.state === 'violated' ? ['future', 'issued in the future: clocks out of sync?'] : ['info', 'issued'];
}

/** The short label the table shows ("NotOnOrAfter (assertion 2)"); the core's labels name the element too. */
function pageLabel(p: TimePoint, assertions: number): string {
  const suffix = p.assertionIndex !== undefined && assertions > 1 ? ` (assertion ${p.assertionIndex + 1})` : '';
  if (p.field === 'IssueInstant') return p.assertionIndex === undefined ? 'IssueInstant' : `Assertion IssueInstant${suffix}`;
  if (p.field === 'NotOnOrAfter' && p.assertionIndex === undefined) return 'LogoutRequest NotOnOrAfter';
  if (p.field === 'validUntil') return p.entityId !== undefined ? `validUntil of ${p.entityId}` : 'metadata validUntil';
  return `${p.field}${suffix}`;
}

export function buildTimeline(message: InspectedMessage, at: Date, skewSeconds: number): TimelinePoint[] {
  const out: TimelinePoint[] = [];
  for (const p of timelineOf(message, at, skewSeconds)) {
    // The evaluation instant is drawn as the axis marker; an unparseable value has no place on the axis.
    if (p.field === 'evaluation' || !p.time) continue;
    // The same instant said twice (assertion = message IssueInstant, entity = document validUntil) is shown once.
    if (p.field === 'IssueInstant' && p.assertionIndex !== undefined && p.value === message.issueInstant) continue;
    if (p.field === 'validUntil' && p.entityId !== undefined && p.value === message.metadata?.validUntil) continue;
    const [state, note] = pageState(p);
    out.push({ label: pageLabel(p, message.assertions.length), iso: p.value, time: p.time.getTime(), state, note });
  }
  return out;
}

/** "in 4 min", "2 h ago", "now": the distance a person checks first. */
export function formatRelative(deltaMs: number): string {
  const abs = Math.abs(deltaMs);
  if (abs < 1000) return 'at the evaluation time';
  const units: [number, string][] = [
    [365 * 24 * 3600e3, 'y'],
    [24 * 3600e3, 'd'],
    [3600e3, 'h'],
    [60e3, 'min'],
    [1e3, 's'],
  ];
  const [size, unit] = units.find(([s]) => abs >= s) ?? units[units.length - 1];
  const n = abs / size;
  const text = `${n >= 10 || Number.isInteger(n) ? Math.round(n) : n.toFixed(1)} ${unit}`;
  return deltaMs > 0 ? `${text} after` : `${text} before`;
}

// The conditions timeline: every instant a relying party compares against its clock
// (SAML core §2.5.1 Conditions NotBefore/NotOnOrAfter, §2.4.1.2 SubjectConfirmationData
// NotOnOrAfter, §2.7.2 AuthnStatement SessionNotOnOrAfter, §3.2.2 IssueInstant), judged at the
// evaluation instant with the allowed clock skew.
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

function parse(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

export function buildTimeline(message: InspectedMessage, at: Date, skewSeconds: number): TimelinePoint[] {
  const now = at.getTime();
  const skew = skewSeconds * 1000;
  const points: TimelinePoint[] = [];

  const add = (label: string, iso: string | null | undefined, judge: (t: number) => [PointState, string]) => {
    const t = parse(iso);
    if (t === null || !iso) return;
    const [state, note] = judge(t);
    points.push({ label, iso, time: t, state, note });
  };
  const issued = (t: number): [PointState, string] =>
    t > now + skew ? ['future', 'issued in the future: clocks out of sync?'] : ['info', 'issued'];
  const start = (t: number): [PointState, string] =>
    now + skew < t ? ['not-yet', 'not yet valid at the evaluation time'] : ['ok', 'already valid'];
  const end = (t: number): [PointState, string] =>
    now - skew >= t ? ['expired', 'expired at the evaluation time'] : ['ok', 'still valid'];

  add('IssueInstant', message.issueInstant, issued);
  message.assertions.forEach((a, i) => {
    const suffix = message.assertions.length > 1 ? ` (assertion ${i + 1})` : '';
    if (a.issueInstant && a.issueInstant !== message.issueInstant) add(`Assertion IssueInstant${suffix}`, a.issueInstant, issued);
    add(`AuthnInstant${suffix}`, a.authnInstant, () => ['info', 'user authenticated']);
    add(`NotBefore${suffix}`, a.notBefore, start);
    add(`NotOnOrAfter${suffix}`, a.notOnOrAfter, end);
    add(`SubjectConfirmationData NotOnOrAfter${suffix}`, a.subjectNotOnOrAfter, end);
    add(`SessionNotOnOrAfter${suffix}`, a.sessionNotOnOrAfter, end);
  });
  if (message.logoutRequest?.notOnOrAfter) add('LogoutRequest NotOnOrAfter', message.logoutRequest.notOnOrAfter, end);
  if (message.metadata) {
    add('metadata validUntil', message.metadata.validUntil, end);
    for (const e of message.metadata.entities) {
      if (e.validUntil && e.validUntil !== message.metadata.validUntil) add(`validUntil of ${e.entityId}`, e.validUntil, end);
    }
  }
  return points.sort((a, b) => a.time - b.time);
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

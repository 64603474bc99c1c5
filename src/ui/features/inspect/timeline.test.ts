import { describe, expect, it } from 'vitest';
import { buildTimeline, formatRelative } from './timeline';
import { fixtureReport } from './dev/fixtureReport';

describe('timeline', () => {
  const message = fixtureReport.messages[0];

  it('orders the instants and judges them with skew', () => {
    const at = new Date('2024-05-01T10:01:00Z');
    const points = buildTimeline(message, at, 180);
    expect(points.map((p) => p.time)).toEqual([...points.map((p) => p.time)].sort((a, b) => a - b));
    const nb = points.find((p) => p.label === 'NotBefore');
    const noa = points.find((p) => p.label === 'NotOnOrAfter');
    expect(nb?.state).toBe('ok');
    expect(noa?.state).toBe('ok');
  });

  it('says expired after NotOnOrAfter plus skew', () => {
    const points = buildTimeline(message, new Date('2024-05-01T11:00:00Z'), 180);
    expect(points.find((p) => p.label === 'NotOnOrAfter')?.state).toBe('expired');
  });

  it('says not yet valid before NotBefore minus skew', () => {
    const points = buildTimeline(message, new Date('2024-05-01T09:00:00Z'), 60);
    expect(points.find((p) => p.label === 'NotBefore')?.state).toBe('not-yet');
    expect(points.find((p) => p.label === 'IssueInstant')?.state).toBe('future');
  });

  it('formats distances', () => {
    expect(formatRelative(90_000)).toBe('1.5 min after');
    expect(formatRelative(-2 * 3600e3)).toBe('2 h before');
    expect(formatRelative(0)).toBe('at the evaluation time');
  });
});

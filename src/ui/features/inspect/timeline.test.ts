import { describe, expect, it } from 'vitest';
import { buildTimeline, formatRelative } from './timeline';
import { fixtureReport } from './dev/fixtureReport';
import { context, ruleMessage, runRule } from '../../../core/diagnosis/diagnosis.testutil';
import { timeValidityRule } from '../../../core/rules/time-validity';

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

describe('the page draws the timeline the time rule judges', () => {
  const message = fixtureReport.messages[0];
  // Every minute from well before IssueInstant to well after SessionNotOnOrAfter, two skews.
  const instants = Array.from({ length: 24 * 6 }, (_, i) => new Date(Date.parse('2024-05-01T09:00:00Z') + i * 5 * 60_000));

  /** Each condition's instant ± the skew, and 1 ms either side: where an off-by-one judgement shows. */
  const boundaries = (skew: number) =>
    buildTimeline(message, new Date(0), skew).flatMap((p) => [-skew * 1000 - 1, -skew * 1000, skew * 1000 - 1, skew * 1000, skew * 1000 + 1].map((d) => new Date(p.time + d)));

  it('a point the page marks expired, not yet valid or in the future is one the rule reports, and back', () => {
    for (const skew of [0, 180]) {
      for (const at of [...instants, ...boundaries(skew)]) {
        const page = buildTimeline(message, at, skew).filter((p) => p.state !== 'ok' && p.state !== 'info').map((p) => p.iso);
        const rule = runRule(timeValidityRule, context(ruleMessage(message), { at, skewSeconds: skew })).map((f) => f.fixParts?.values?.value);
        expect(new Set(rule), `${at.toISOString()} skew ${skew}`).toEqual(new Set(page));
      }
    }
  });
});

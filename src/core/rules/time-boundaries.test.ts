// Exact time boundaries of the SAML time rule, with and without clock skew, to the millisecond.
// SAML core §2.5.1.2: NotBefore is inclusive (valid at NotBefore), NotOnOrAfter exclusive
// (invalid at NotOnOrAfter); the skew widens the window on both sides, in the message's favour.
// So with skew s: a start bound B is violated iff now < B − s; an end bound E iff now ≥ E + s.
import { describe, expect, test } from 'vitest';
import type { AssertionSummary, MessageSummary } from '../types';
import { context, response, ruleMessage } from '../diagnosis/diagnosis.testutil';
import { timeValidityRule } from './time-validity';

const T = Date.parse('2024-05-01T12:00:00Z');
const FAR_PAST = '2024-04-01T00:00:00Z';
const FAR_FUTURE = '2024-06-01T00:00:00Z';

/** A response whose only time condition near T is the one under test. */
function quiet(a: Partial<AssertionSummary>, o: Partial<MessageSummary> = {}): MessageSummary {
  return response(
    { issueInstant: FAR_PAST, ...o },
    { issueInstant: FAR_PAST, authnInstant: FAR_PAST, notBefore: FAR_PAST, notOnOrAfter: FAR_FUTURE, subjectNotOnOrAfter: FAR_FUTURE, sessionNotOnOrAfter: FAR_FUTURE, ...a },
  );
}

function findingsAt(summary: MessageSummary, atMs: number, skewSeconds: number) {
  return timeValidityRule.check(context(ruleMessage(summary), { at: new Date(atMs), skewSeconds })).map((f) => `${f.code}/${f.severity}: ${f.title}`);
}

const iso = new Date(T).toISOString();
const ms = 1;

describe.each([0, 180])('time bounds at exactly the instant, skew %i s', (skew) => {
  const s = skew * 1000;

  describe('start bounds (inclusive): violated only before bound − skew', () => {
    const starts: Array<[string, MessageSummary, string]> = [
      ['Conditions NotBefore', quiet({ notBefore: iso }), 'not-yet-valid/error: Assertion Conditions NotBefore is in the future'],
      ['Assertion IssueInstant', quiet({ issueInstant: iso }), 'not-yet-valid/warning: Assertion IssueInstant is in the future'],
      ['Response IssueInstant', quiet({}, { issueInstant: iso }), 'not-yet-valid/warning: Response IssueInstant is in the future'],
    ];
    test.each(starts)('%s', (_name, summary, finding) => {
      expect(findingsAt(summary, T - s - ms, skew), '1 ms before the start').toEqual([finding]);
      expect(findingsAt(summary, T - s, skew), 'at the start').toEqual([]);
      expect(findingsAt(summary, T - s + ms, skew), '1 ms after the start').toEqual([]);
    });
  });

  describe('end bounds (exclusive): violated from bound + skew on', () => {
    const ends: Array<[string, MessageSummary, string]> = [
      ['Conditions NotOnOrAfter', quiet({ notOnOrAfter: iso }), 'expired/error: Assertion Conditions NotOnOrAfter has passed'],
      ['SubjectConfirmationData NotOnOrAfter', quiet({ subjectNotOnOrAfter: iso }), 'expired/error: Assertion SubjectConfirmationData NotOnOrAfter has passed'],
      ['SessionNotOnOrAfter', quiet({ sessionNotOnOrAfter: iso }), 'expired/warning: SessionNotOnOrAfter has passed'],
      [
        'LogoutRequest NotOnOrAfter',
        { ...quiet({}), kind: 'LogoutRequest', assertions: [], logoutRequest: { nameId: null, sessionIndexes: [], reason: null, notOnOrAfter: iso } },
        'expired/error: LogoutRequest NotOnOrAfter has passed',
      ],
    ];
    test.each(ends)('%s', (_name, summary, finding) => {
      expect(findingsAt(summary, T + s - ms, skew), '1 ms before the end').toEqual([]);
      expect(findingsAt(summary, T + s, skew), 'at the end').toEqual([finding]);
      expect(findingsAt(summary, T + s + ms, skew), '1 ms after the end').toEqual([finding]);
    });
  });
});

describe('skew applies in the message\'s favour only', () => {
  test('a window of one instant (NotBefore = NotOnOrAfter) is never valid without skew, and is with skew', () => {
    const summary = quiet({ notBefore: iso, notOnOrAfter: iso });
    expect(findingsAt(summary, T, 0)).toEqual(['expired/error: Assertion Conditions NotOnOrAfter has passed']);
    expect(findingsAt(summary, T, 1)).toEqual([]);
  });
  test('the evaluation clock is the one given, to the millisecond (no rounding to seconds)', () => {
    const summary = quiet({ notOnOrAfter: '2024-05-01T12:00:00.500Z' });
    expect(findingsAt(summary, T + 499, 0)).toEqual([]);
    expect(findingsAt(summary, T + 500, 0)).toEqual(['expired/error: Assertion Conditions NotOnOrAfter has passed']);
  });
});

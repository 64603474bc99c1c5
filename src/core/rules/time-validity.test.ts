// The time rule at its exact boundaries (SAML core §2.5.1.2: NotBefore inclusive, NotOnOrAfter
// exclusive; skew in the message's favour), the finding each field gives, and where it is anchored.
import { describe, expect, test } from 'vitest';
import type { RawFinding } from '../types';
import { timeValidityRule } from './time-validity';
import { timelineOf } from '../diagnosis/timeline';
import { anchorName, assertion, AT, context, fineExchange, onlyFinding, response, ruleCodes, ruleMessage, runRule } from '../diagnosis/diagnosis.testutil';
import type { MessageSummary } from '../types';
import type { ProfileName } from '../profiles';

const at = (iso: string, ms = 0) => new Date(new Date(iso).getTime() + ms);
function check(summary: MessageSummary, o: { at?: Date; skewSeconds?: number; profile?: ProfileName; xml?: string } = {}): RawFinding[] {
  return runRule(timeValidityRule, context(ruleMessage(summary, o.xml ? { xml: o.xml } : {}), { at: o.at ?? AT, skewSeconds: o.skewSeconds ?? 180, profile: o.profile }));
}
const brief = (f: RawFinding[]) => f.map((x) => `${x.severity}:${x.code}:${x.title}`);
/** A response whose only time condition is the one given (the others absent). */
const only = (a: Parameters<typeof assertion>[0], r: Partial<MessageSummary> = {}) =>
  response({ issueInstant: null, ...r }, { issueInstant: null, authnInstant: null, notBefore: null, notOnOrAfter: null, subjectNotOnOrAfter: null, sessionNotOnOrAfter: null, ...a });

describe('Conditions NotOnOrAfter is exclusive, extended by the skew', () => {
  const end = '2024-05-01T12:00:00Z';
  test('without skew: valid one millisecond before, expired at the instant itself', () => {
    expect(check(only({ notOnOrAfter: end }), { at: at(end, -1), skewSeconds: 0 })).toEqual([]);
    expect(brief(check(only({ notOnOrAfter: end }), { at: at(end), skewSeconds: 0 }))).toEqual(['error:expired:Assertion Conditions NotOnOrAfter has passed']);
  });
  test('with 180 s skew: valid until NotOnOrAfter + 180 s, expired from then on', () => {
    expect(check(only({ notOnOrAfter: end }), { at: at(end, 180_000 - 1) })).toEqual([]);
    expect(brief(check(only({ notOnOrAfter: end }), { at: at(end, 180_000) }))).toEqual(['error:expired:Assertion Conditions NotOnOrAfter has passed']);
  });
  test('SubjectConfirmationData NotOnOrAfter has the same exclusive bound', () => {
    expect(check(only({ subjectNotOnOrAfter: end }), { at: at(end, -1), skewSeconds: 0 })).toEqual([]);
    expect(brief(check(only({ subjectNotOnOrAfter: end }), { at: at(end), skewSeconds: 0 }))).toEqual(['error:expired:Assertion SubjectConfirmationData NotOnOrAfter has passed']);
    expect(check(only({ subjectNotOnOrAfter: end }), { at: at(end, 60_000 - 1), skewSeconds: 60 })).toEqual([]);
    expect(check(only({ subjectNotOnOrAfter: end }), { at: at(end, 60_000), skewSeconds: 60 })).toHaveLength(1);
  });
});

describe('Conditions NotBefore is inclusive, brought forward by the skew', () => {
  const start = '2024-05-01T12:00:00Z';
  test('without skew: valid at the instant itself, not yet valid one millisecond before', () => {
    expect(check(only({ notBefore: start }), { at: at(start), skewSeconds: 0 })).toEqual([]);
    expect(brief(check(only({ notBefore: start }), { at: at(start, -1), skewSeconds: 0 }))).toEqual(['error:not-yet-valid:Assertion Conditions NotBefore is in the future']);
  });
  test('with 180 s skew: valid from NotBefore − 180 s', () => {
    expect(check(only({ notBefore: start }), { at: at(start, -180_000) })).toEqual([]);
    expect(check(only({ notBefore: start }), { at: at(start, -180_001) }).map((f) => f.code)).toEqual(['not-yet-valid']);
  });
  test('a future IssueInstant beyond the skew is only a warning, and within it nothing', () => {
    expect(check(only({}, { issueInstant: start }), { at: at(start, -180_000) })).toEqual([]);
    expect(brief(check(only({}, { issueInstant: start }), { at: at(start, -180_001) }))).toEqual(['warning:not-yet-valid:Response IssueInstant is in the future']);
  });
});

describe('the rule as listed in the rule catalogue', () => {
  test('id, codes, severity, title and what it checks', () => {
    expect([timeValidityRule.id, timeValidityRule.codes, timeValidityRule.severity, timeValidityRule.title]).toEqual(['time-validity', ['not-yet-valid', 'expired'], 'error', 'Time conditions hold at the evaluation time']);
    expect(timeValidityRule.checks).toContain('Conditions NotBefore ≤ now < NotOnOrAfter');
    expect(timeValidityRule.references).toEqual(['SAML core §2.5.1.2', 'SAML profiles §4.1.4.2', 'SAML profiles §4.1.4.3']);
  });
});

describe('what each finding says', () => {
  test('not yet valid: the delta, the evaluation time, the skew and which side is wrong', () => {
    const [f] = check(only({ notBefore: '2024-05-01T12:10:00Z' }));
    expect(f.explanation).toBe('Assertion Conditions NotBefore is 2024-05-01T12:10:00Z, 10 min after the evaluation time 2024-05-01T12:00:00.000Z — more than the allowed clock skew of 180 s. The assertion is not valid yet: the IdP clock is ahead of the SP clock.');
    expect(f.references).toEqual(['SAML core §2.5.1.2', 'SAML profiles §4.1.4.2', 'SAML profiles §4.1.4.3']);
  });
  test('a future IssueInstant says the message claims to be issued in the future', () => {
    const [f] = check(only({}, { issueInstant: '2024-05-01T12:10:00Z' }));
    expect(f.explanation).toContain('The message claims to be issued in the future: the IdP clock is ahead');
  });
  test('expired Conditions: no longer valid, with the allowed skew', () => {
    const [f] = check(only({ notOnOrAfter: '2024-05-01T11:50:00Z' }));
    expect(f.explanation).toBe('Assertion Conditions NotOnOrAfter is 2024-05-01T11:50:00Z, 10 min before the evaluation time 2024-05-01T12:00:00.000Z (allowed skew 180 s). The message is no longer valid. Either the response was delivered late (slow redirect, replay, a stale browser tab) or the IdP clock is behind.');
  });
  test('expired bearer confirmation: the window has closed', () => {
    const [f] = check(only({ subjectNotOnOrAfter: '2024-05-01T11:50:00Z' }));
    expect(f.explanation).toContain('The bearer confirmation window has closed: the response must reach the SP before this time.');
  });
  test('a past SessionNotOnOrAfter is a warning that the session is over', () => {
    const [f, ...rest] = check(only({ sessionNotOnOrAfter: '2024-05-01T11:00:00Z' }));
    expect(rest).toEqual([]);
    expect([f.code, f.severity, f.title]).toEqual(['expired', 'warning', 'SessionNotOnOrAfter has passed']);
    expect(f.explanation).toBe('SessionNotOnOrAfter is 2024-05-01T11:00:00Z, 60 min before the evaluation time 2024-05-01T12:00:00.000Z. The IdP asks the SP to end the session at that time, so a session created from this assertion is already over (SAML core §2.7.2).');
    expect(f.fix).toContain('check the IdP session lifetime setting');
  });
  test('the clock fix depends on the profile', () => {
    const fix = (profile: ProfileName) => check(only({ notOnOrAfter: '2024-05-01T11:50:00Z' }), { profile })[0].fix;
    expect(fix('generic')).toContain('Synchronise the clocks of the IdP and SP hosts with NTP');
    expect(fix('authentik-provider')).toBe(fix('generic'));
    expect(fix('scaleway')).toContain("Scaleway's clock is authoritative");
    expect(fix('authentik-source')).toContain('Synchronise the clocks of authentik and the IdP with NTP');
    expect(check(only({ notBefore: '2024-05-01T12:10:00Z' }), { profile: 'scaleway' })[0].fix).toBe(fix('scaleway'));
  });
  test('an AuthnInstant in the future is not reported (no SAML rule bounds it)', () => {
    expect(check(only({ authnInstant: '2024-05-01T13:00:00Z' }))).toEqual([]);
    expect(check(only({ authnInstant: 'soon' }))).toEqual([]);
  });
});

describe('unreadable times are rejected, with the code of the bound they stand for', () => {
  const cases: [Parameters<typeof assertion>[0], Partial<MessageSummary>, string, string][] = [
    [{ notBefore: 'yesterday' }, {}, 'not-yet-valid', 'Assertion Conditions NotBefore'],
    [{}, { issueInstant: 'yesterday' }, 'not-yet-valid', 'Response IssueInstant'],
    [{ issueInstant: 'yesterday' }, {}, 'not-yet-valid', 'Assertion IssueInstant'],
    [{ notOnOrAfter: 'yesterday' }, {}, 'expired', 'Assertion Conditions NotOnOrAfter'],
    [{ subjectNotOnOrAfter: 'yesterday' }, {}, 'expired', 'Assertion SubjectConfirmationData NotOnOrAfter'],
    [{ sessionNotOnOrAfter: 'yesterday' }, {}, 'expired', 'Assertion SessionNotOnOrAfter'],
  ];
  for (const [a, r, code, label] of cases) {
    test(`${label}: ${code} error`, () => {
      const [f, ...rest] = check(only(a, r));
      expect(rest).toEqual([]);
      expect([f.code, f.severity, f.title]).toEqual([code, 'error', `${label} is not a valid time`]);
      expect(f.explanation).toBe(`${label} is "yesterday", which is not an xs:dateTime (SAML core §1.3.3: UTC, e.g. 2024-01-01T12:00:00Z). The SP cannot evaluate it and rejects the message.`);
      expect(f.fix).toBe('Fix the IdP so it writes times as xs:dateTime in UTC.');
    });
  }
});

describe('where findings point', () => {
  test('each assertion field anchors to its element, message fields to the root', () => {
    const late = at('2024-05-01T12:00:00Z', -3_600_000).toISOString();
    const future = '2024-05-01T13:00:00Z';
    const found = check(response({ issueInstant: future }, { issueInstant: future, notBefore: future, subjectNotOnOrAfter: late, sessionNotOnOrAfter: late, notOnOrAfter: '2024-05-01T14:00:00Z' }));
    const byLabel = Object.fromEntries(found.map((f) => [f.title, anchorName(f.node)]));
    expect(byLabel).toEqual({
      'Response IssueInstant is in the future': 'samlp:Response',
      'Assertion IssueInstant is in the future': 'saml:Assertion',
      'Assertion Conditions NotBefore is in the future': 'saml:Conditions',
      'Assertion SubjectConfirmationData NotOnOrAfter has passed': 'saml:SubjectConfirmationData',
      'SessionNotOnOrAfter has passed': 'saml:AuthnStatement',
    });
  });
  test('Conditions NotOnOrAfter anchors to Conditions', () => {
    expect(anchorName(check(only({ notOnOrAfter: '2024-05-01T11:00:00Z' }))[0].node)).toBe('saml:Conditions');
  });
  test('the element of the assertion concerned, when there are two', () => {
    const fine = assertion({ id: '_first' });
    const expired = assertion({ id: '_second', notOnOrAfter: '2024-05-01T11:00:00Z', subjectNotOnOrAfter: '2024-05-01T11:00:00Z' });
    const found = check(response({ assertions: [fine, expired] }));
    expect(found.map((f) => f.title)).toEqual(['Assertion 2 Conditions NotOnOrAfter has passed', 'Assertion 2 SubjectConfirmationData NotOnOrAfter has passed']);
    const owner = (n: Node | null | undefined): string | null => (!n ? null : n.nodeType === 1 && (n as Element).localName === 'Assertion' ? (n as Element).getAttribute('ID') : owner(n.parentNode));
    expect(found.map((f) => owner(f.node))).toEqual(['_second', '_second']);
  });
  test('an assertion without the element is itself the anchor', () => {
    const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
    const xml = `<samlp:Response ${P} ID="_r1"><saml:Assertion ID="_a1"/></samlp:Response>`;
    const found = check(only({ notBefore: '2024-05-01T13:00:00Z', subjectNotOnOrAfter: '2024-05-01T11:00:00Z', sessionNotOnOrAfter: '2024-05-01T11:00:00Z' }), { xml });
    expect(found).toHaveLength(3);
    for (const f of found) expect(anchorName(f.node)).toBe('saml:Assertion');
  });
  test('LogoutRequest NotOnOrAfter past: expired, anchored to the request', () => {
    const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
    const summary: MessageSummary = { ...only({}), kind: 'LogoutRequest', assertions: [], logoutRequest: { nameId: null, sessionIndexes: [], reason: null, notOnOrAfter: '2024-05-01T11:00:00Z' } };
    const found = check(summary, { xml: `<samlp:LogoutRequest ${P} ID="_l1"/>` });
    expect(brief(found)).toEqual(['error:expired:LogoutRequest NotOnOrAfter has passed']);
    expect(anchorName(found[0].node)).toBe('samlp:LogoutRequest');
  });
});

describe('metadata is left to metadata-expired', () => {
  for (const kind of ['EntityDescriptor', 'EntitiesDescriptor'] as const) {
    test(`${kind}: no time findings even with a future IssueInstant and an expired validUntil`, () => {
      const summary: MessageSummary = { ...only({}, { issueInstant: '2024-05-01T13:00:00Z' }), kind, assertions: [], metadata: { validUntil: '2024-01-01T00:00:00Z', entities: [] } };
      expect(timelineOf(summary, AT, 180).find((p) => p.field === 'IssueInstant')?.state).toBe('violated');
      expect(check(summary, { xml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>' })).toEqual([]);
    });
  }
  test('an expired validUntil is never a time-validity finding, whatever the message', () => {
    const summary: MessageSummary = { ...only({}), metadata: { validUntil: '2024-01-01T00:00:00Z', entities: [] } };
    expect(check(summary)).toEqual([]);
  });
});

// Moved from the former all-rules test file (rules.test.ts).
describe('time validity', () => {
  test('expired: Conditions and SubjectConfirmationData NotOnOrAfter', () => {
    const ctx = fineExchange();
    ctx.at = new Date('2024-05-01T13:00:00Z');
    const found = runRule(timeValidityRule, ctx);
    expect(found.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['expired', 'expired']);
    expect(found[0].explanation).toContain('2024-05-01T12:04:50Z');
    expect(found.map((f) => anchorName(f.node)).sort()).toEqual(['saml:Conditions', 'saml:SubjectConfirmationData']);
  });
  test('within skew is fine', () => {
    const ctx = fineExchange();
    ctx.at = new Date('2024-05-01T12:06:00Z'); // 70 s after NotOnOrAfter, skew 180 s
    expect(runRule(timeValidityRule, ctx)).toEqual([]);
    ctx.skewSeconds = 30;
    expect(ruleCodes(timeValidityRule, ctx)).toEqual(['expired', 'expired']);
  });
  test('not yet valid: IssueInstant and NotBefore in the future', () => {
    const ctx = fineExchange();
    ctx.at = new Date('2024-05-01T11:50:00Z');
    const found = runRule(timeValidityRule, ctx);
    expect(new Set(found.map((f) => f.code))).toEqual(new Set(['not-yet-valid']));
    // Conditions NotBefore is normative (error); a future IssueInstant only a warning.
    expect(found.find((f) => f.title.includes('NotBefore'))?.severity).toBe('error');
    expect(found.find((f) => f.title.includes('IssueInstant'))?.severity).toBe('warning');
  });
  test('SessionNotOnOrAfter past is a warning', () => {
    const ctx = fineExchange();
    ctx.message = ruleMessage(response({}, { sessionNotOnOrAfter: '2024-05-01T11:00:00Z' }));
    const f = onlyFinding(timeValidityRule, ctx);
    expect([f.code, f.severity]).toEqual(['expired', 'warning']);
  });
  test('fine', () => expect(runRule(timeValidityRule, fineExchange())).toEqual([]));
});

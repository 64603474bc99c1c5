// The timeline of a message's time conditions against the evaluation instant: the state of each
// point at its exact boundaries (SAML core §2.5.1.2), offsets, labels and the order of the points.
import { describe, expect, test } from 'vitest';
import type { MessageSummary } from '../types';
import { timelineOf, type TimePoint } from './timeline';
import { assertion, AT, response } from './diagnosis.testutil';

const NONE = { issueInstant: null, authnInstant: null, notBefore: null, notOnOrAfter: null, subjectNotOnOrAfter: null, sessionNotOnOrAfter: null };
const shift = (ms: number) => new Date(AT.getTime() + ms).toISOString();
/** The one point of a message whose only time value is the Response IssueInstant. */
const issuePoint = (iso: string, skew = 180): TimePoint => {
  const points = timelineOf(response({ issueInstant: iso }, NONE), AT, skew);
  expect(points.map((p) => p.field)).toEqual(expect.arrayContaining(['IssueInstant', 'evaluation']));
  return points.find((p) => p.field === 'IssueInstant')!;
};

describe('a plain instant (IssueInstant) is past, future, or violated beyond the skew', () => {
  test('at the evaluation instant: past', () => expect(issuePoint(shift(0)).state).toBe('past'));
  test('one millisecond later: future', () => expect(issuePoint(shift(1)).state).toBe('future'));
  test('exactly the skew later: still only future', () => expect(issuePoint(shift(180_000)).state).toBe('future'));
  test('beyond the skew: violated', () => expect(issuePoint(shift(180_001)).state).toBe('violated'));
  test('without skew, one millisecond later is already violated', () => expect(issuePoint(shift(1), 0).state).toBe('violated'));
  test('unreadable: violated, with no time and no offset', () => {
    expect(issuePoint('tomorrow')).toMatchObject({ state: 'violated', time: null, offsetSeconds: null, value: 'tomorrow' });
  });
});

describe('offsets and labels', () => {
  test('offset in whole seconds, negative before the evaluation instant', () => {
    expect(issuePoint(shift(90_000)).offsetSeconds).toBe(90);
    expect(issuePoint(shift(-30_000)).offsetSeconds).toBe(-30);
    expect(issuePoint(shift(-2_400)).offsetSeconds).toBe(-2);
  });
  test('message-level points carry no assertion index; assertion points carry theirs', () => {
    const points = timelineOf(response({ issueInstant: shift(-1000) }, { ...NONE, notOnOrAfter: shift(60_000) }), AT, 180);
    const message = points.find((p) => p.label === 'Response IssueInstant')!;
    expect('assertionIndex' in message).toBe(false);
    expect(points.find((p) => p.field === 'NotOnOrAfter')!.assertionIndex).toBe(0);
  });
  test('an unknown message is called "Message"; a LogoutRequest by its kind', () => {
    const unknown: MessageSummary = { ...response({ issueInstant: shift(0) }, NONE), kind: 'Unknown', assertions: [] };
    expect(timelineOf(unknown, AT, 0).map((p) => p.label)).toContain('Message IssueInstant');
    const logout: MessageSummary = { ...response({ issueInstant: shift(0) }, NONE), kind: 'LogoutRequest', assertions: [], logoutRequest: { nameId: null, sessionIndexes: [], reason: null, notOnOrAfter: shift(60_000) } };
    expect(timelineOf(logout, AT, 0).map((p) => [p.label, p.field, p.state])).toEqual([
      ['LogoutRequest IssueInstant', 'IssueInstant', 'past'],
      ['Evaluation time', 'evaluation', 'ok'],
      ['LogoutRequest NotOnOrAfter', 'NotOnOrAfter', 'ok'],
    ]);
  });
  test('one assertion is "Assertion", several are numbered from 1', () => {
    const one = timelineOf(response({ issueInstant: null }, { ...NONE, notBefore: shift(-1000) }), AT, 0);
    expect(one.map((p) => p.label)).toEqual(['Assertion Conditions NotBefore', 'Evaluation time']);
    const two = timelineOf(response({ issueInstant: null, assertions: [assertion({ ...NONE, notBefore: shift(-2000) }), assertion({ ...NONE, notBefore: shift(-1000) })] }), AT, 0);
    expect(two.map((p) => [p.label, p.assertionIndex])).toEqual([['Assertion 1 Conditions NotBefore', 0], ['Assertion 2 Conditions NotBefore', 1], ['Evaluation time', undefined]]);
  });
  test('metadata validUntil, of the document and of each entity', () => {
    const md: MessageSummary = { ...response({ issueInstant: null }, NONE), kind: 'EntitiesDescriptor', assertions: [], metadata: { validUntil: shift(-1), entities: [{ entityId: 'https://idp.example.com', validUntil: shift(1), cacheDuration: null, roles: [] }] } };
    expect(timelineOf(md, AT, 0).map((p) => [p.label, p.field, p.state])).toEqual([
      ['Metadata validUntil', 'validUntil', 'violated'],
      ['Evaluation time', 'evaluation', 'ok'],
      ['Entity https://idp.example.com validUntil', 'validUntil', 'ok'],
    ]);
  });
  test('absent values make no point', () => {
    expect(timelineOf(response({ issueInstant: null }, NONE), AT, 180).map((p) => p.field)).toEqual(['evaluation']);
    expect(timelineOf(response({ issueInstant: '' }, NONE), AT, 180).map((p) => p.field)).toEqual(['evaluation']);
  });
});

describe('order', () => {
  test('by time, the evaluation point among them, unreadable values last', () => {
    const points = timelineOf(response({ issueInstant: 'garbage' }, { ...NONE, notBefore: shift(-60_000), notOnOrAfter: shift(60_000), authnInstant: 'also garbage' }), AT, 0);
    expect(points.map((p) => p.label)).toEqual(['Assertion Conditions NotBefore', 'Evaluation time', 'Assertion Conditions NotOnOrAfter', 'Response IssueInstant', 'Assertion AuthnInstant']);
  });
  test('a large aggregate: 40 entities with the same validUntil stay in document order', () => {
    const entities = Array.from({ length: 40 }, (_, i) => ({ entityId: `https://idp${i}.example.com`, validUntil: shift(60_000), cacheDuration: null, roles: [] }));
    const md: MessageSummary = { ...response({ issueInstant: null }, NONE), kind: 'EntitiesDescriptor', assertions: [], metadata: { validUntil: null, entities } };
    expect(timelineOf(md, AT, 0).map((p) => p.label)).toEqual(['Evaluation time', ...entities.map((e) => `Entity ${e.entityId} validUntil`)]);
  });
  test('points at the same instant keep the order the message gives them', () => {
    const t = shift(-10_000);
    const points = timelineOf(response({ issueInstant: t }, { issueInstant: t, authnInstant: t, notBefore: t, notOnOrAfter: shift(10_000), subjectNotOnOrAfter: shift(10_000), sessionNotOnOrAfter: shift(10_000) }), AT, 0);
    expect(points.map((p) => p.label)).toEqual([
      'Response IssueInstant', 'Assertion IssueInstant', 'Assertion AuthnInstant', 'Assertion Conditions NotBefore',
      'Evaluation time',
      'Assertion Conditions NotOnOrAfter', 'Assertion SubjectConfirmationData NotOnOrAfter', 'Assertion SessionNotOnOrAfter',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { pairCaptureMessages, partnersOf } from './pairs';

const m = (kind: string, id: string | null, inResponseTo: string | null = null) => ({ kind, id, inResponseTo }) as never;

describe('pairCaptureMessages', () => {
  it('pairs requests and responses by ID ↔ InResponseTo, in capture order', () => {
    const msgs = [m('AuthnRequest', 'r1'), m('Response', 'x1', 'r1'), m('LogoutRequest', 'l1'), m('LogoutResponse', 'x2', 'l1'), m('Response', 'x3', 'nope')];
    const pairs = pairCaptureMessages(msgs);
    expect(pairs).toEqual([
      { request: 0, response: 1, id: 'r1' },
      { request: 2, response: 3, id: 'l1' },
    ]);
    expect(partnersOf(pairs, 0)).toEqual([1]);
    expect(partnersOf(pairs, 3)).toEqual([2]);
    expect(partnersOf(pairs, 4)).toEqual([]);
  });
  it('prefers the latest request before the response when an ID repeats', () => {
    const pairs = pairCaptureMessages([m('AuthnRequest', 'r'), m('AuthnRequest', 'r'), m('Response', 'x', 'r'), m('AuthnRequest', 'r')]);
    expect(pairs).toEqual([{ request: 1, response: 2, id: 'r' }]);
  });
  it('pairs a response captured before its request', () => {
    expect(pairCaptureMessages([m('Response', 'x', 'r'), m('AuthnRequest', 'r')])).toEqual([{ request: 1, response: 0, id: 'r' }]);
  });
  it('never pairs an unsolicited response', () => {
    expect(pairCaptureMessages([m('AuthnRequest', 'r'), m('Response', 'x', null)])).toEqual([]);
  });
});

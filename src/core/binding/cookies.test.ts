// Cookie names and attributes read from capture headers, and the evidence bounds (docs/limits.md).
import { describe, expect, it } from 'vitest';
import { CAPTURE_MAX_COOKIES_PER_EXCHANGE, CAPTURE_MAX_EXCHANGES } from '../limits';
import { cookiesSent, cookiesSet, parseSetCookie } from './cookies';
import { extractFromHar } from './har';

const NOW = Date.parse('2026-03-01T10:00:00Z');

describe('cookies in a capture', () => {
  it('reads SameSite and Secure as written, and a deletion by Max-Age or a past Expires', () => {
    expect(parseSetCookie('sid=abc; Path=/; Secure; HttpOnly; SameSite=None', NOW)).toEqual({ name: 'sid', sameSite: 'None', secure: true, deletes: false });
    expect(parseSetCookie('sid=; Max-Age=0', NOW)).toEqual({ name: 'sid', secure: false, deletes: true });
    expect(parseSetCookie('sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', NOW)?.deletes).toBe(true);
    expect(parseSetCookie('=nameless', NOW)).toBeNull();
  });
  it('prefers the Set-Cookie lines (Chrome joins several with a newline) and falls back to the HAR cookies array', () => {
    const headers = [{ name: 'set-cookie', value: 'a=1; SameSite=Lax\nb=2; Secure' }];
    expect(cookiesSet([], headers, NOW).map((c) => [c.name, c.sameSite, c.secure])).toEqual([['a', 'Lax', false], ['b', undefined, true]]);
    expect(cookiesSet([{ name: 'c', value: 'x', sameSite: 'Strict', secure: true }], [], NOW)).toEqual([{ name: 'c', sameSite: 'Strict', secure: true, deletes: false }]);
  });
  it('keeps sent cookie names only, from the cookies array or the Cookie header, bounded', () => {
    expect(cookiesSent([], [{ name: 'Cookie', value: 'a=1; b=2;c=3' }])).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: CAPTURE_MAX_COOKIES_PER_EXCHANGE + 10 }, (_, i) => `k${i}=v`).join('; ');
    expect(cookiesSent(undefined, [{ name: 'cookie', value: many }])).toHaveLength(CAPTURE_MAX_COOKIES_PER_EXCHANGE);
  });
  it('keeps at most CAPTURE_MAX_EXCHANGES exchanges and says so', () => {
    const entries = Array.from({ length: CAPTURE_MAX_EXCHANGES + 3 }, (_, i) => ({ request: { method: 'GET', url: `https://x.example/${i}` }, response: { status: 200 } }));
    const r = extractFromHar({ log: { entries } });
    expect(r.evidence!.exchanges).toHaveLength(CAPTURE_MAX_EXCHANGES);
    expect(r.evidence!.truncated).toBe(true);
  });
});

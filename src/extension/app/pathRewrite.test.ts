import { describe, expect, it } from 'vitest';
import { appLocationIn, appLocationOut } from './pathRewrite';

const base = 'chrome-extension://abcdef/app/index.html';

describe('app path rewrite', () => {
  it('maps the one file to the start page, keeping the fragment', () => {
    expect(appLocationIn(new URL(`${base}#share=s1.x`)).href).toBe('chrome-extension://abcdef/#share=s1.x');
  });
  it('round-trips a route with its search', () => {
    const routed = new URL('chrome-extension://abcdef/rules?symptom=a%20b#code');
    const shown = appLocationOut(routed);
    expect(shown.pathname).toBe('/app/index.html');
    expect(shown.searchParams.get('route')).toBe('/rules');
    const back = appLocationIn(shown);
    expect([back.pathname, back.searchParams.get('symptom'), back.hash]).toEqual(['/rules', 'a b', '#code']);
  });
  it('keeps the start page address plain and ignores a route that is not a path', () => {
    expect(appLocationOut(new URL('chrome-extension://abcdef/?at=2026')).href).toBe(`${base}?at=2026`);
    expect(appLocationIn(new URL(`${base}?route=https://evil.example/`)).pathname).toBe('/');
  });
});

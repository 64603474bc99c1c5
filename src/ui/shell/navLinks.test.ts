import { describe, expect, it } from 'vitest';
import { currentNavLink, NAV_LINKS } from './navLinks';

describe('currentNavLink', () => {
  it('names the page a path belongs to', () => {
    expect(currentNavLink('/')?.label).toBe('Inspect');
    expect(currentNavLink('/mock-sp')?.label).toBe('Mock SP');
    expect(currentNavLink('/profiles/scaleway')?.label).toBe('Profiles');
    expect(currentNavLink('/no-such-page')).toBeNull();
    expect(currentNavLink('/mock-spx')).toBeNull();
  });
  it('lists each path once', () => {
    expect(new Set(NAV_LINKS.map((l) => l.to)).size).toBe(NAV_LINKS.length);
  });
});

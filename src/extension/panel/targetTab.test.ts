import { describe, expect, it } from 'vitest';
import { chooseTargetTab } from './targetTab';

describe('the tab the panel captures', () => {
  const page = { id: 7, active: true, lastAccessed: 300 };
  const older = { id: 3, active: false, lastAccessed: 100 };
  const recent = { id: 5, active: false, lastAccessed: 200 };

  it('takes the tab named by ?tab=', () => {
    expect(chooseTargetTab('42', [page], undefined)).toBe(42);
  });

  it('ignores a ?tab= that is not a tab id', () => {
    for (const q of ['', '0', '-3', '1.5', 'abc']) expect(chooseTargetTab(q, [page, older], undefined)).toBe(7);
  });

  it('as the toolbar popup (no tab of its own): the active tab of its window', () => {
    expect(chooseTargetTab(null, [older, page, recent], undefined)).toBe(7);
  });

  it('as a page that is itself the active tab: the tab used just before, never itself', () => {
    const self = { id: 9, active: true, lastAccessed: 400 };
    expect(chooseTargetTab(null, [older, self, recent], 9)).toBe(5);
    expect(chooseTargetTab(null, [self, { id: 2, active: false }], 9)).toBe(2);
  });

  it('says so when there is no other tab', () => {
    expect(chooseTargetTab(null, [{ id: 9, active: true }], 9)).toBe(-1);
    expect(chooseTargetTab(null, [], undefined)).toBe(-1);
    expect(chooseTargetTab(null, [{ active: true }], undefined)).toBe(-1);
  });
});

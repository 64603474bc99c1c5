import { describe, expect, it } from 'vitest';
import { joinInput, sliceInput } from './inputSlices';

describe('a long input crosses to the worker in slices', () => {
  it('a short input, or another kind of request, is posted whole', () => {
    const request = { input: 'abc', source: 's', options: {} };
    expect(sliceInput('inspect', request, 3)).toEqual({ request, rest: [] });
    expect(sliceInput('open-share', { fragment: 'x'.repeat(10) }, 3).rest).toEqual([]);
  });

  it('a long one is its first slice and the rest in order; joined, it is the text again, non-ASCII and all', () => {
    const input = '\ufeff<é名>0123456789</é名>';
    const { request, rest } = sliceInput('inspect', { input, source: 's', options: {}, selected: 1 }, 4);
    expect(request.input).toBe(input.slice(0, 4));
    expect(request.selected).toBe(1);
    expect(rest.every((r) => r.length <= 4)).toBe(true);
    expect(joinInput(request, rest).input).toBe(input);
  });
});

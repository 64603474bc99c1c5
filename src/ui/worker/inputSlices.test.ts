import { describe, expect, it } from 'vitest';
import { joinInput, sliceInput } from './inputSlices';

describe('a long input crosses to the worker in slices', () => {
  it('a short input, or another kind of request, is posted whole', () => {
    const request = { input: 'abc', source: 's', options: {} };
    expect(sliceInput('inspect', request, 2, 3)).toEqual({ request, rest: [] });
    expect(sliceInput('open-share', { fragment: 'x'.repeat(10) }, 2, 3).rest).toEqual([]);
  });

  it('a long one leaves the request empty and follows in slices in order; joined, it is the text again, non-ASCII and all', () => {
    const input = '\ufeff<é名>0123456789</é名>';
    const { request, rest } = sliceInput('inspect', { input, source: 's', options: {}, selected: 1 }, 4, 3);
    expect(request.input).toBe('');
    expect(request.selected).toBe(1);
    expect(rest.every((r) => r.length <= 4)).toBe(true);
    expect(rest.join('')).toBe(input);
    expect(joinInput(request, rest).input).toBe(input);
  });

  it('a text of one slice comes back as that slice, not a copy of it', () => {
    const input = 'x'.repeat(10);
    const { request, rest } = sliceInput('inspect', { input, source: 's', options: {} }, 16, 3);
    expect(rest).toEqual([input]);
    expect(joinInput(request, rest).input).toBe(rest[0]);
  });
});

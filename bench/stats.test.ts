import { describe, expect, it } from 'vitest';
import { formatMs, formatRatio, quantileSorted, renderTable, summarizeTimings } from './stats';

describe('benchmark statistics', () => {
  it('takes the median of odd and even sample counts', () => {
    expect(summarizeTimings([5, 1, 3]).median).toBe(3);
    expect(summarizeTimings([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('interpolates the 90th percentile between ranks', () => {
    const sorted = Array.from({ length: 11 }, (_, i) => i * 10); // 0..100
    expect(quantileSorted(sorted, 0.9)).toBe(90);
    expect(quantileSorted([1, 2], 0.9)).toBeCloseTo(1.9);
    expect(summarizeTimings([7]).p90).toBe(7);
  });

  it('reports min, max and count, and NaN for no samples', () => {
    expect(summarizeTimings([3, 9, 1])).toMatchObject({ runs: 3, min: 1, max: 9 });
    expect(Number.isNaN(summarizeTimings([]).median)).toBe(true);
  });

  it('formats milliseconds and ratios', () => {
    expect(formatMs(0.41234)).toBe('0.412');
    expect(formatMs(4.184)).toBe('4.18');
    expect(formatMs(812.4)).toBe('812');
    expect(formatMs(Number.NaN)).toBe('n/a');
    expect(formatRatio(3, 2)).toBe('1.50×');
    expect(formatRatio(50, 2)).toBe('25.0×');
    expect(formatRatio(1, 0)).toBe('n/a');
  });

  it('renders an aligned table', () => {
    const t = renderTable(['', 'ms'], [['a', '1.00'], ['long label', '12.50']]).split('\n');
    expect(t).toHaveLength(4);
    expect(new Set(t.map((l) => l.length)).size).toBe(1);
    expect(t[3]).toBe('long label  12.50');
  });
});

// Summary statistics for the benchmark. Timings are noisy and skewed (GC pauses, JIT), so the
// benchmark reports order statistics (median, p90), never the mean.

export interface TimingSummary {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of already sorted samples, by linear interpolation between the two
 * nearest ranks (the "R-7" definition used by NumPy and spreadsheets), so that the median of an
 * even number of samples is the mean of the middle two.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

export function summarizeTimings(samples: readonly number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    min: sorted.length ? sorted[0]! : Number.NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/** Milliseconds with a precision that suits the magnitude ("0.412", "4.18", "812"). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(0);
}

/** "0.42×" — how many times the reference's time samlscope takes. */
export function formatRatio(ours: number, reference: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference <= 0) return 'n/a';
  const r = ours / reference;
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}

/** A plain-text table with right-aligned numeric columns (everything but the first). */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * `text` without any white space (`\s`), as one flat string.
 *
 * Same result as `text.replace(/\s+/g, '')`, which V8 builds by concatenation: a certificate of
 * 18 base64 lines became a rope of 18 pieces, flattened again by whoever hashes or compares it.
 * Keyed by their text in a Map (mdtools/overview.ts), the 3,272 certificates of a 10 MB aggregate
 * took 25–45 ms to flatten and hash there, and the ropes were garbage the collector copied while
 * the aggregate was read; `split` + `join` copies each once into a flat string (whole CLI run on
 * that aggregate: −20 ms of CPU, docs/performance.md "CLI start").
 */
export function withoutWhitespace(text: string): string {
  return text.split(/\s+/).join('');
}

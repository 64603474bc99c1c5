/**
 * `text` without any white space (`\s`), as one flat string.
 *
 * `text.replace(/\s+/g, '')` alone gives the same characters as a rope: V8 builds the result by
 * concatenation, so a certificate of 18 base64 lines became 18 pieces, flattened later by whoever
 * hashed or compared it — when the overview (mdtools/overview.ts) kept the compact texts of the
 * 3,272 certificates of a 10 MB aggregate as Map keys, they took 25–45 ms to flatten and hash, the ropes being
 * garbage the collector had copied meanwhile. Reading one character flattens the rope at once,
 * while its pieces are still young (docs/performance.md "CLI start"; a copy through a byte buffer
 * and `split` + `join` were measured slower on a cold run).
 */
export function withoutWhitespace(text: string): string {
  const stripped = text.replace(/\s+/g, '');
  stripped.charCodeAt(0); // flattens the rope (V8); a no-op for a flat string
  return stripped;
}

let scratch = new Uint8Array(4096);
let asciiDecoder: TextDecoder | null = null;
/** Past this length the scratch buffer is not grown: the general path below does it. */
const SCRATCH_MAX = 1 << 20;

/**
 * `text` without any white space (`\s`), as one flat string.
 *
 * Same result as `text.replace(/\s+/g, '')`, which V8 builds by concatenation: a certificate of
 * 18 base64 lines became a rope of 18 pieces, flattened again by whoever hashes or compares it.
 * Keyed by their text in a Map (mdtools/overview.ts), the 3,272 certificates of a 10 MB aggregate
 * took 25–45 ms to flatten and hash there, and the ropes were garbage the collector copied while
 * the aggregate was read. ASCII text (base64, what this is for) is copied once, byte by byte, into
 * a reused buffer and decoded as one string; anything else takes `split` + `join`, which also
 * gives a flat string but allocates every piece (8 MB for that aggregate).
 */
export function withoutWhitespace(text: string): string {
  const n = text.length;
  if (n > scratch.length) {
    if (n > SCRATCH_MAX) return text.split(/\s+/).join('');
    scratch = new Uint8Array(n);
  }
  const out = scratch;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20) {
      if (c > 0x7e) return text.split(/\s+/).join(''); // not ASCII: \s holds Unicode spaces too
      out[o++] = c;
    } else if (c !== 0x20 && (c < 0x09 || c > 0x0d)) {
      out[o++] = c; // a control character that is not white space stays
    }
  }
  if (o === n) return text;
  return (asciiDecoder ??= new TextDecoder()).decode(out.subarray(0, o));
}

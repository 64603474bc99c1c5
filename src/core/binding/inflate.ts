import { Inflate } from 'pako';
import { INFLATE_MAX_BYTES } from '../limits';
import { fail, ok, type Result } from '../types';
import { chargeBytes, newDecodeBudget, remainingBytes, type DecodeBudget } from './budget';
import { inputTooLarge } from '../limit-error';

export interface InflatedPayload { xml: string; encoding: string[]; notes: string[] }

const utf8 = new TextDecoder('utf-8', { fatal: false });

function bytesToText(bytes: Uint8Array): string {
  // A UTF-8 BOM is not part of the XML text a verifier canonicalizes.
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return utf8.decode(bytes.subarray(start));
}

function looksLikeXml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c; // '<'
}

export type InflateFailure =
  | { reason: 'too-large'; limit: number; seen: number }
  | { reason: 'corrupt'; detail: string };

/** Compressed bytes pushed per step: 1 KiB expands to at most ~1 MiB (RFC 1951's ~1032:1), the overshoot past the limit. */
const INPUT_SLICE = 1024;

/**
 * Inflate a raw DEFLATE (RFC 1951) or zlib (RFC 1950) stream, streaming in small slices and
 * stopping as soon as the output passes `maxBytes`: a compression bomb costs at most the limit
 * plus one slice of work, never its claimed size. A stream that is corrupt or ends early is
 * `corrupt`; one that passes the limit is `too-large`, whatever comes after.
 */
export function inflateBounded(bytes: Uint8Array, framing: 'raw' | 'zlib', maxBytes: number): Result<Uint8Array, InflateFailure> {
  let inflator: Inflate;
  try {
    inflator = new Inflate({ raw: framing === 'raw', chunkSize: 64 * 1024 });
  } catch (e) {
    return fail({ reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  };
  inflator.onEnd = () => {};
  for (let i = 0; i < bytes.length && total <= maxBytes && !inflator.ended && !inflator.err; i += INPUT_SLICE) {
    inflator.push(bytes.subarray(i, i + INPUT_SLICE), i + INPUT_SLICE >= bytes.length);
  }
  if (total > maxBytes) return fail({ reason: 'too-large', limit: maxBytes, seen: total });
  if (inflator.err) return fail({ reason: 'corrupt', detail: inflator.msg || `zlib error ${inflator.err}` });
  if (!inflator.ended) return fail({ reason: 'corrupt', detail: 'the compressed data ends early' });
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return ok(out);
}

/**
 * SAML bindings §3.4.4.1: HTTP-Redirect payloads are raw DEFLATE (RFC 1951). Real senders also
 * use zlib framing (RFC 1950) or skip compression; accept all three and say which one it was.
 * `expectDeflate` is true for the Redirect binding, where an undeflated payload is worth a note.
 * Inflation stops at INFLATE_MAX_BYTES (or what is left of the input's budget): `input-too-large`.
 */
export function inflateSamlPayload(bytes: Uint8Array, expectDeflate: boolean, budget: DecodeBudget = newDecodeBudget()): Result<InflatedPayload> {
  if (looksLikeXml(bytes)) {
    const notes = expectDeflate ? ['The payload was not DEFLATE-compressed, as the Redirect binding requires; decoded as plain XML.'] : [];
    chargeBytes(budget, bytes.length);
    return ok({ xml: bytesToText(bytes), encoding: ['base64'], notes });
  }
  const left = remainingBytes(budget);
  const cap = Math.min(INFLATE_MAX_BYTES, left);
  const limitName = cap < INFLATE_MAX_BYTES ? 'INPUT_MAX_DECODED_TOTAL_BYTES' : 'INFLATE_MAX_BYTES';
  const limitValue = cap < INFLATE_MAX_BYTES ? budget.spent.bytes + left : INFLATE_MAX_BYTES;
  for (const framing of ['raw', 'zlib'] as const) {
    const out = inflateBounded(bytes, framing, cap);
    if (!out.ok && out.error.reason === 'too-large') {
      // A bomb is a size problem, not corrupt data (CONTRACT §3): never input-bad-deflate.
      return fail(inputTooLarge(`The payload's ${bytes.length.toLocaleString('en-US')} bytes of ${framing === 'raw' ? 'DEFLATE' : 'zlib'} data inflate beyond the limit${cap < INFLATE_MAX_BYTES ? ' left for this input (its payloads together)' : ''}`, { name: limitName, limit: limitValue, seen: cap < INFLATE_MAX_BYTES ? budget.spent.bytes + out.error.seen : out.error.seen, unit: 'bytes' }, true));
    }
    if (out.ok && out.value.length > 0) {
      chargeBytes(budget, out.value.length);
      return framing === 'raw'
        ? ok({ xml: bytesToText(out.value), encoding: ['base64', 'raw DEFLATE'], notes: [] })
        : ok({ xml: bytesToText(out.value), encoding: ['base64', 'zlib DEFLATE'], notes: ['zlib framing (RFC 1950) around the DEFLATE data; SAML bindings §3.4.4.1 asks for raw DEFLATE.'] });
    }
  }
  return fail({
    code: 'input-bad-deflate',
    message: `The decoded ${bytes.length} bytes are neither XML nor a valid DEFLATE stream (truncated or corrupted compressed data).`,
  });
}

export { bytesToText };

import { BASE64_MAX_DECODED_BYTES } from '../limits';
import { fail, ok, type Result } from '../types';
import { inputTooLarge } from '../limit-error';

/**
 * Lenient base64 → bytes. Real IdPs and copy-pastes add line breaks, spaces, drop the
 * padding or use the URL-safe alphabet; all of that is tolerated and reported in `notes`.
 * Anything else outside the alphabet is an `input-bad-base64` error, never a guess.
 */
export function decodeBase64Lenient(text: string, maxBytes: number = BASE64_MAX_DECODED_BYTES): Result<{ bytes: Uint8Array; notes: string[] }> {
  const notes: string[] = [];
  let s = text.replace(/[\s\u00a0]+/g, '');
  if (s.length === 0) return fail({ code: 'input-bad-base64', message: 'The base64 payload is empty.' });
  // RFC 4648 §4: 4 characters carry 3 bytes. Refuse from the length, before allocating anything.
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x3d) end--; // trailing '=' (a regex here backtracks quadratically)
  const claimed = Math.floor((end * 3) / 4);
  if (claimed > maxBytes) {
    return fail(inputTooLarge(`A base64 value of ${s.length.toLocaleString('en-US')} characters decodes to ${claimed.toLocaleString('en-US')} bytes`, { name: 'BASE64_MAX_DECODED_BYTES', limit: maxBytes, seen: claimed, unit: 'bytes' }));
  }
  if (/[-_]/.test(s) && !/[+/]/.test(s)) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    notes.push('URL-safe base64 alphabet (- and _) converted.');
  }
  const bad = s.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) {
    return fail({ code: 'input-bad-base64', message: `Not base64: character ${JSON.stringify(s[bad])} at position ${bad + 1} is outside the base64 alphabet.` });
  }
  const firstPad = s.indexOf('=');
  if (firstPad >= 0 && /[^=]/.test(s.slice(firstPad))) {
    return fail({ code: 'input-bad-base64', message: `Not base64: padding "=" at position ${firstPad + 1} is followed by more data.` });
  }
  const body = s.replace(/=+$/, '');
  if (body.length % 4 === 1) {
    return fail({ code: 'input-bad-base64', message: `Not base64: ${body.length} characters cannot encode whole bytes (the payload looks truncated).` });
  }
  const padded = body + '='.repeat((4 - (body.length % 4)) % 4);
  if (padded !== s) notes.push('Missing base64 padding added.');
  try {
    const bin = atob(padded);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return ok({ bytes, notes });
  } catch {
    return fail({ code: 'input-bad-base64', message: 'Not base64: the payload could not be decoded.' });
  }
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let alphabetCodes: Uint8Array | null = null;
let asciiDecoder: TextDecoder | null = null;

/**
 * Bytes → base64 (RFC 4648 §4, padded). Written by hand: `btoa(String.fromCharCode(...bytes))`
 * spread each byte through the typed array's iterator — ~30 KB of garbage per certificate, a
 * third of what a cold CLI inspection allocated — and Uint8Array.prototype.toBase64 is not in
 * Node 20. The output is ASCII, so TextDecoder turns it into a string exactly.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const codes = (alphabetCodes ??= Uint8Array.from(BASE64_ALPHABET, (c) => c.charCodeAt(0)));
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = codes[v >>> 18]!;
    out[o++] = codes[(v >>> 12) & 63]!;
    out[o++] = codes[(v >>> 6) & 63]!;
    out[o++] = codes[v & 63]!;
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
    out[o++] = codes[v >>> 18]!;
    out[o++] = codes[(v >>> 12) & 63]!;
    out[o++] = two ? codes[(v >>> 6) & 63]! : 0x3d;
    out[o++] = 0x3d;
  }
  return (asciiDecoder ??= new TextDecoder()).decode(out);
}

/** True when the text could plausibly be a base64 blob (used for detection only). */
export function looksLikeBase64(text: string): boolean {
  const s = text.replace(/\s+/g, '');
  return s.length >= 8 && /^[A-Za-z0-9+/_-]+=*$/.test(s);
}

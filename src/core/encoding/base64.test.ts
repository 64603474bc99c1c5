import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Lenient, encodeBase64 } from './base64';

describe('encodeBase64', () => {
  it('matches RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [text, b64] of vectors) expect(encodeBase64(new TextEncoder().encode(text))).toBe(b64);
  });

  it('agrees with Node’s encoder on every byte value and on lengths 0–300 and 1 MiB', () => {
    expect(encodeBase64(Uint8Array.from({ length: 256 }, (_, i) => i))).toBe(Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)).toString('base64'));
    for (let n = 0; n <= 300; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    const big = new Uint8Array(randomBytes(1 << 20));
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('reads a subarray from its own offset, not from the start of its buffer', () => {
    const whole = new Uint8Array(randomBytes(64));
    const part = whole.subarray(7, 40);
    expect(encodeBase64(part)).toBe(Buffer.from(part).toString('base64'));
  });

  it('round-trips through the lenient decoder', () => {
    const bytes = new Uint8Array(randomBytes(1000));
    const back = decodeBase64Lenient(encodeBase64(bytes));
    expect(back.ok && Array.from(back.value.bytes)).toEqual(Array.from(bytes));
  });
});

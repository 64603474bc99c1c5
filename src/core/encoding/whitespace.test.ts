import { describe, expect, it } from 'vitest';
import { withoutWhitespace } from './whitespace';

describe('withoutWhitespace', () => {
  it('removes what /\\s+/g removes, at the ends and inside, Unicode spaces included', () => {
    const samples = ['', ' ', 'abc', '  MIIB\n  CgKC\r\n\tAQ==  ', '\u00a0x\u2003y\u3000', 'a\fb\vc', '\n\n\n', 'no-space-at-all'];
    for (const s of samples) expect(withoutWhitespace(s)).toBe(s.replace(/\s+/g, ''));
  });

  it('agrees with /\s+/g on every character below U+0100, on long texts and on a base64 certificate', () => {
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
    expect(withoutWhitespace(all)).toBe(all.replace(/\s+/g, ''));
    expect(withoutWhitespace(`x${all}y`.repeat(40))).toBe(`x${all}y`.repeat(40).replace(/\s+/g, ''));
    const cert = 'MIIDUTCCAjmgAwIBAgIU\nCjE6IZl91CRhykuEQUi3\n  XkJonu8wDQYJ\r\n'.repeat(30);
    expect(withoutWhitespace(cert)).toBe(cert.replace(/\s+/g, ''));
    const huge = `${'AB CD\n'.repeat(300_000)}`;
    expect(withoutWhitespace(huge)).toBe(huge.replace(/\s+/g, ''));
  });
});

import { describe, expect, it } from 'vitest';
import { withoutWhitespace } from './whitespace';

describe('withoutWhitespace', () => {
  it('removes what /\\s+/g removes, at the ends and inside, Unicode spaces included', () => {
    const samples = ['', ' ', 'abc', '  MIIB\n  CgKC\r\n\tAQ==  ', '\u00a0x\u2003y\u3000', 'a\fb\vc', '\n\n\n', 'no-space-at-all'];
    for (const s of samples) expect(withoutWhitespace(s)).toBe(s.replace(/\s+/g, ''));
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputBounded } from './input';

const dir = mkdtempSync(join(tmpdir(), 'samlscope-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('readInputBounded: a file as UTF-8 text', () => {
  it('an ASCII file, small or over 1 MB (taken as Latin-1), is its text', async () => {
    for (const text of ['<a b="c">d</a>\n', `<r>${'<e x="1">text &amp; more</e>\n'.repeat(60_000)}</r>`]) {
      const r = await readInputBounded(fileWith('ascii.xml', text));
      expect(r.ok && r.text === text).toBe(true);
    }
  });

  it('UTF-8 beyond ASCII — a BOM, accents, CJK, an astral character — decodes as UTF-8, not Latin-1', async () => {
    const text = `\ufeff<r n="é名">${'x'.repeat(2_000_000)}😀</r>`;
    const r = await readInputBounded(fileWith('utf8.xml', Buffer.from(text, 'utf8')));
    expect(r.ok && r.text === text).toBe(true);
  });

  it('a byte over 0x7F that is not UTF-8 becomes U+FFFD, as before', async () => {
    const r = await readInputBounded(fileWith('latin1.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])));
    expect(r.ok && r.text).toBe('<a>\ufffd</a>');
  });
});

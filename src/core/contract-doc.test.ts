// Every code the code base can emit is documented for users: SAML and app codes in
// docs/contract.md, OIDC and CEL codes in docs/oidc.md. A new code without a line in the docs fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const docs = readFileSync(join(root, 'docs/contract.md'), 'utf8') + readFileSync(join(root, 'docs/oidc.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.(test|testutil)\.tsx?$|\.fuzz\.test\.ts$/.test(d.name) ? [p] : [];
  });
}

/** Codes written as literals where findings and errors are built: `code: 'x'` and finding('x', …). */
const emitted = new Set<string>();
for (const file of sources(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bcode: '([a-z0-9-]+)'/g)) emitted.add(m[1]!);
  for (const m of text.matchAll(/\bfinding\(\s*'([a-z0-9-]+)'/g)) emitted.add(m[1]!);
}

describe('finding and error codes are documented', () => {
  it('finds the codes in the sources', () => {
    expect(emitted.size).toBeGreaterThan(80);
  });
  it.each([...emitted].sort())('%s', (code) => {
    expect(docs.includes(`\`${code}\``), `${code} is emitted by src/ but documented in neither docs/contract.md nor docs/oidc.md`).toBe(true);
  });
});

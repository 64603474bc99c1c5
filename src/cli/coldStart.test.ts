// What keeps `samlscope inspect` quick to start (issue 15, docs/performance.md "CLI start"),
// checked structurally — speed itself is measured by `npm run bench -- --cli-start`, never here.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../core/corpus/corpus.testutil';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'samlscope-cold-start-'));

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each cost tens of milliseconds at import; inspect of a message needs none of them.
const HEAVY = ['@peculiar/x509', 'reflect-metadata', 'tsyringe', 'asn1js', '@xmldom/xmldom', 'tldts', 'node-forge', '@bufbuild/cel', '@bufbuild/protobuf', 'xmllint-wasm'];

describe('CLI cold start', () => {
  it('dist/cli.mjs is one module without the heavy packages; the rest is imported on demand', () => {
    const entry = readFileSync(cli, 'utf8');
    // esbuild heads every bundled module with a comment naming its path.
    const bundled = [...entry.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!);
    expect(bundled.some((p) => p.includes('src/core/inspect.ts'))).toBe(true);
    for (const pkg of HEAVY) expect(bundled.filter((p) => p.includes(`node_modules/${pkg}/`)), pkg).toEqual([]);
    expect(entry).not.toMatch(/^import\s[^(]*from\s*["']\.\.?\//m); // no static import of another file
    expect(entry).not.toMatch(/^import\s[^(]*from\s*["']node:/m); // built-ins through process.getBuiltinModule
    expect([...entry.matchAll(/import\("\.\/cli-chunks\/([\w-]+)\.mjs"\)/g)].map((m) => m[1]).sort()).toEqual(expect.arrayContaining(['idp', 'metadata', 'oidc', 'site']));
  });

  it('inspecting a signed Response never initialises Intl (ICU costs ~20 ms at first use)', () => {
    const probe = join(dir, 'intl-probe.mjs');
    writeFileSync(
      probe,
      `const hit = (what) => { process.stderr.write('INTL-USED ' + what + '\\n'); };
for (const [o, k] of [[Number.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleDateString'], [String.prototype, 'localeCompare']]) { const f = o[k]; o[k] = function (...a) { hit(k); return f.apply(this, a); }; }
for (const k of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules']) { const C = Intl[k]; Intl[k] = function (...a) { hit('Intl.' + k); return new C(...a); }; }
`,
    );
    const args = ['--metadata', join(CORPUS_DIR, 'crewjam__onelogin_idp_metadata.xml'), '--at', '2016-01-05T17:53:30Z', join(CORPUS_DIR, 'crewjam__onelogin_response.xml')];
    for (const format of [['--json'], []]) {
      const r = spawnSync('node', ['--import', probe, cli, 'inspect', ...format, ...args], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('INTL-USED');
    }
  });
});

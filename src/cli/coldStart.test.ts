// What keeps `samlscope inspect` quick to start (issue 15, docs/performance.md "CLI start"),
// checked structurally — speed itself is measured by `npm run bench -- --cli-start`, never here.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Script } from 'node:vm';
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

/** The script dist/cli.mjs (the launcher) compiles: everything `inspect` needs. */
function cliScriptPath(): string {
  const name = /new URL\("(\.\/cli-chunks\/cli-[0-9a-f]+\.js)"/.exec(readFileSync(cli, 'utf8'))?.[1];
  expect(name, 'dist/cli.mjs names its script').toBeDefined();
  return resolve(root, 'dist', name!);
}

describe('CLI cold start', () => {
  it('dist/cli.mjs is a launcher importing nothing; it runs one script without the heavy packages; the rest is imported on demand', () => {
    const launcher = readFileSync(cli, 'utf8');
    expect(launcher).not.toMatch(/^import\s/m); // built-ins through process.getBuiltinModule, no other file
    expect(launcher.length).toBeLessThan(4000);
    const script = readFileSync(cliScriptPath(), 'utf8');
    // esbuild heads every bundled module with a comment naming its path.
    const bundled = [...script.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!);
    expect(bundled.some((p) => p.includes('src/core/inspect.ts'))).toBe(true);
    for (const pkg of HEAVY) expect(bundled.filter((p) => p.includes(`node_modules/${pkg}/`)), pkg).toEqual([]);
    expect(script).not.toMatch(/\bimport\s*\(/); // a vm.Script has no import(): chunks come through the launcher
    expect(script).not.toMatch(/require\(["']\.\.?\//); // no other file of ours
    expect([...script.matchAll(/__samlscopeImportChunk\("\.\/cli-chunks\/([\w-]+)\.mjs"\)/g)].map((m) => m[1]).sort()).toEqual(expect.arrayContaining(['idp', 'metadata', 'oidc', 'site']));
  });

  it('the script is ASCII, read as latin1 (one byte per character); the launcher loads node:module only when the script requires', () => {
    const bytes = readFileSync(cliScriptPath());
    expect(bytes.findIndex((b) => b > 0x7f), 'first non-ASCII byte of the script').toBe(-1);
    const launcher = readFileSync(cli, 'utf8');
    expect(launcher).toMatch(/readFileSync\(scriptPath, "latin1"\)/);
    // node:module is reached only inside the function that makes require() on its first call.
    const uses = launcher.split('\n').filter((line) => line.includes('getBuiltinModule("node:module")'));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line.indexOf('=>'), line).toBeGreaterThanOrEqual(0);
    for (const line of uses) expect(line.indexOf('=>')).toBeLessThan(line.indexOf('node:module'));
  });

  it('the build leaves a V8 code cache this Node accepts for that script', () => {
    const path = cliScriptPath();
    const script = new Script(readFileSync(path, 'utf8'), { filename: path, cachedData: readFileSync(path.replace(/\.js$/, '.v8cache')) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('a code cache V8 rejects, or none, changes nothing but the time: same report, same exit status', () => {
    const args = ['inspect', '--json', '--metadata', join(CORPUS_DIR, 'crewjam__onelogin_idp_metadata.xml'), '--at', '2016-01-05T17:53:30Z', join(CORPUS_DIR, 'crewjam__onelogin_response.xml')];
    const expected = spawnSync('node', [cli, ...args], { cwd: root, encoding: 'utf8' });
    expect(expected.status, expected.stderr).toBe(0);
    const copy = join(dir, 'dist');
    cpSync(resolve(root, 'dist'), copy, { recursive: true });
    const cache = join(copy, 'cli-chunks', basename(cliScriptPath()).replace(/\.js$/, '.v8cache'));
    for (const damage of [() => writeFileSync(cache, randomBytes(4096)), () => rmSync(cache)]) {
      damage();
      const r = spawnSync('node', [join(copy, 'cli.mjs'), ...args], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
      expect(r.stderr).toBe('');
    }
  });

  it('writes the report to fd 1 whole (a file, a pipe) and ends quietly when the reader goes away', async () => {
    const args = ['inspect', '--json', '--metadata', join(CORPUS_DIR, 'crewjam__onelogin_idp_metadata.xml'), '--at', '2016-01-05T17:53:30Z', join(CORPUS_DIR, 'crewjam__onelogin_response.xml')];
    const piped = spawnSync('node', [cli, ...args], { cwd: root, encoding: 'utf8' });
    expect(piped.status, piped.stderr).toBe(0);
    const file = join(dir, 'report.json');
    const toFile = spawnSync('bash', ['-c', 'node "$@" > "$0"', file, cli, ...args], { cwd: root, encoding: 'utf8' });
    expect(toFile.status, toFile.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    expect(JSON.parse(piped.stdout).reports[0].messages[0].signatures[0].verdict).toBe('valid');
    // A reader that starts late: the process ends (at once, main.ts outputComplete) only once
    // every byte of a long report is in the pipe, with its exit status.
    const many = [...args, ...Array(60).fill(join(CORPUS_DIR, 'crewjam__onelogin_response.xml'))];
    const full = spawnSync('node', [cli, ...many], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(full.stdout.length).toBeGreaterThan(256 * 1024);
    const late = spawnSync('bash', ['-c', 'node "$@" | (sleep 0.5; cat); echo "status ${PIPESTATUS[0]}" >&2', 'x', cli, ...many], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(late.stdout).toBe(full.stdout);
    expect(late.stderr).toContain(`status ${full.status}\n`);
    // Long output into a pipe whose reader stops after a few bytes: no internal error, no EPIPE trace.
    const head = spawnSync('bash', ['-c', 'node "$@" | head -c 20 >/dev/null; echo "status ${PIPESTATUS[0]}" >&2', 'x', cli, ...args, ...Array(50).fill(join(CORPUS_DIR, 'crewjam__onelogin_response.xml'))], { cwd: root, encoding: 'utf8' });
    expect(head.stderr).not.toContain('internal error');
    expect(head.stderr).not.toContain('EPIPE');
    expect(head.stderr).toMatch(/status [01]\n/);
  });

  it('an internal error names the script file and line in its stack', () => {
    // A bug stands in: the report cannot be written.
    const probe = `process.argv = [process.argv[0], 'samlscope', '--version']; process.getBuiltinModule('node:fs').writeSync = () => { throw new Error('probe'); }; await import(${JSON.stringify(cli)});`;
    const r = spawnSync('node', ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toMatch(/internal error: Error: probe\n[\s\S]*cli-chunks\/cli-[0-9a-f]+\.js:\d+:\d+/);
    expect(r.status).toBe(2);
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

// The command line tells what a capture over CAPTURE_MAX_EXCHANGES lost (docs/limits.md): the
// capture-truncated warning with the counts read, kept and dropped, and a note on each message
// past the limit, in the text and in the JSON report.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_MAX_EXCHANGES } from '../core/limits';
import { har, loginEntries, plus } from '../core/testing/har-login.testutil';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const T0 = '2026-03-01T10:00:00.000Z';

let file = '';
beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
  const filler = Array.from({ length: CAPTURE_MAX_EXCHANGES }, (_, i) => ({ startedDateTime: plus(T0, 10 + i / 1000), request: { method: 'GET', url: `https://cdn.example.net/${i}.js`, headers: [], cookies: [] }, response: { status: 200, headers: [], cookies: [], content: { mimeType: 'application/javascript', text: '' } } }));
  file = join(mkdtempSync(join(tmpdir(), 'samlscope-capture-')), 'long.har');
  writeFileSync(file, har([...loginEntries(T0, { cookieBack: true }), ...filler, ...loginEntries(plus(T0, 60), { id: '_late', cookieBack: true })]));
});

describe('a capture over CAPTURE_MAX_EXCHANGES on the command line', () => {
  it('prints the counts read and dropped, and the note on the messages past the limit', () => {
    const r = spawnSync('node', [cli, 'inspect', '--at', plus(T0, 4), file], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toMatch(/WARNING capture-truncated( \(line 1\))?: Only the first 5,000 of 5,006 HTTP exchanges were read as evidence/);
    expect(r.stdout).toContain('so 6 were dropped');
    expect(r.stdout).toMatch(/Note +Captured after the first 5,000 HTTP exchanges of this file/);
  });
  it('carries the counts in the JSON report', () => {
    const r = spawnSync('node', [cli, 'inspect', '--json', '--at', plus(T0, 4), file], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const findings = (JSON.parse(r.stdout).reports[0].messages as { findings: { code: string; evidence?: unknown }[] }[]).flatMap((m) => m.findings);
    expect(findings.filter((f) => f.code === 'capture-truncated').map((f) => f.evidence)).toEqual([{ read: 5006, kept: 5000, dropped: 6 }]);
  });
});

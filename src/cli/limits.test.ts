import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_MAX_CHARS, XML_DOCUMENT_MAX_CHARS } from '../core/limits';
import { redirectBombUrl } from '../core/testing/bomb.testutil';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
// A watchdog against hangs (the 2 GB bomb used to run two minutes to a V8 fatal error), not a speed test.
const WATCHDOG_MS = 60_000;
const run = (args: string[], input?: string) => spawnSync('node', [cli, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: WATCHDOG_MS });
const dir = mkdtempSync(join(tmpdir(), 'samlscope-limits-'));
const MB = 1000 * 1000;

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI: hostile inputs give a JSON report, never a crash', () => {
  for (const size of [100 * MB, 600 * MB, 2000 * MB]) {
    it(`a Redirect URL inflating to ${size / MB} MB: input-too-large, exit 2`, () => {
      const file = join(dir, `bomb-${size}.url`);
      writeFileSync(file, redirectBombUrl(size));
      const r = run(['inspect', '--json', file]);
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      const report = JSON.parse(r.stdout).reports[0];
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0].code).toBe('input-too-large');
      expect(report.errors[0].limit.name).toBe('INFLATE_MAX_BYTES');
      expect(r.stderr).toContain('input-too-large');
    });
  }
  it('a file over INPUT_MAX_CHARS is refused without being read', () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, INPUT_MAX_CHARS + 1); // sparse: costs no disk
    const r = run(['inspect', '--json', file]);
    expect(r.status).toBe(2);
    const e = JSON.parse(r.stdout).reports[0].errors[0];
    expect(e).toMatchObject({ code: 'input-too-large', limit: { name: 'INPUT_MAX_CHARS', seen: INPUT_MAX_CHARS + 1 } });
  });
  it('an XML document may be larger (XML_DOCUMENT_MAX_CHARS), and is refused past that without being read', () => {
    const file = join(dir, 'huge-aggregate.xml');
    writeFileSync(file, '<?xml version="1.0"?>\n<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">');
    truncateSync(file, XML_DOCUMENT_MAX_CHARS + 1);
    const r = run(['inspect', '--json', file]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).reports[0].errors[0]).toMatchObject({ code: 'input-too-large', limit: { name: 'XML_DOCUMENT_MAX_CHARS', seen: XML_DOCUMENT_MAX_CHARS + 1 } });
  });
  it('samlscope oidc reads its inputs within the same limit', () => {
    const file = join(dir, 'huge-token.txt');
    writeFileSync(file, '');
    truncateSync(file, INPUT_MAX_CHARS + 1);
    const r = spawnSync('node', [cli, 'oidc', file], { cwd: root, encoding: 'utf8', timeout: WATCHDOG_MS });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('input-too-large');
    expect(r.stderr).toContain('INPUT_MAX_CHARS');
  });
  it('stdin over INPUT_MAX_CHARS stops at the limit', () => {
    const r = run(['inspect', '--json', '-'], ' '.repeat(INPUT_MAX_CHARS + 10));
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).reports[0].errors[0].code).toBe('input-too-large');
  });
  it('a lone surrogate in a form, HAR, SAML-tracer or JSON RelayState: a report with input-lone-surrogate, not "internal error: URIError"', () => {
    const xml = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"/>';
    const b = Buffer.from(xml).toString('base64');
    const files = {
      'form.html': `<form method="post" action="https://sp/acs"><input type="hidden" name="SAMLResponse" value="${b}"/><input name="RelayState" value="&#xD800;"/></form>`,
      'capture.har': JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: 'https://sp/acs', postData: { params: [{ name: 'SAMLResponse', value: b }, { name: 'RelayState', value: '\uD800' }] } } }] } }),
      'tracer.json': JSON.stringify({ requests: [{ method: 'POST', url: 'https://sp/acs', post: [['SAMLResponse', b], ['RelayState', '\uD800']] }] }),
      'params.json': JSON.stringify({ SAMLRequest: b, RelayState: '\uD800' }),
    };
    const paths = Object.entries(files).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const r = run(['inspect', '--json', '--at', '2024-01-01T00:00:05Z', ...paths]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0); // a warning, not an error: exit 0 (CONTRACT §1)
    const reports = JSON.parse(r.stdout).reports;
    expect(reports).toHaveLength(4);
    for (const rep of reports) {
      expect(rep.errors).toEqual([]);
      expect(rep.messages[0].findings.map((f: { code: string }) => f.code)).toContain('input-lone-surrogate');
      expect(rep.messages[0].capture.relayState).toBe('\uFFFD');
    }
  });
});

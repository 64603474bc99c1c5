import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusDataFiles, corpusManifest } from '../core/corpus/corpus.testutil';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const run = (args: string[], input?: string) => spawnSync('node', [cli, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
});

describe('samlscope CLI (CONTRACT §1–2)', () => {
  it('gives the contract report for every corpus file', () => {
    const files = corpusDataFiles().filter((f) => !f.endsWith('.pem'));
    const manifest = new Map(corpusManifest().map((e) => [e.file, e]));
    // One process for all inputs: reports come back in the same order (CONTRACT §2).
    const r = run(['inspect', '--json', ...files.map((f) => resolve(CORPUS_DIR, f))]);
    expect(r.status).toBe(2); // the malformed corpus files cannot be decoded
    const json = JSON.parse(r.stdout);
    expect(json.tool.name).toBe('samlscope');
    expect(json.reports.length).toBe(files.length);
    for (const [i, f] of files.entries()) {
      const rep = json.reports[i];
      expect(['redirect-url', 'post-body', 'base64', 'xml', 'har', 'saml-tracer']).toContain(rep.detected);
      if (manifest.get(f)?.expected.signature === 'malformed') {
        expect(rep.messages, f).toEqual([]);
        expect(rep.errors[0].code).toMatch(/^input-/);
        continue;
      }
      expect(rep.messages.length, f).toBeGreaterThan(0);
      for (const m of rep.messages) {
        for (const k of ['kind', 'binding', 'id', 'issuer', 'destination', 'inResponseTo', 'issueInstant', 'assertions', 'signatures', 'trusted', 'findings']) expect(m, `${f} ${k}`).toHaveProperty(k);
        for (const s of m.signatures) expect(['valid', 'invalid', 'untrusted', 'unsupported']).toContain(s.verdict);
      }
    }
  });
  it('verifies with --metadata and honours --at', () => {
    const r = run(['inspect', '--json', '--metadata', resolve(CORPUS_DIR, 'crewjam__onelogin_idp_metadata.xml'), '--at', '2016-01-05T17:53:30Z', resolve(CORPUS_DIR, 'crewjam__onelogin_response.xml')]);
    const m = JSON.parse(r.stdout).reports[0].messages[0];
    expect(m.signatures[0].verdict).toBe('valid');
    expect(m.signatures[0].key.source).toBe('metadata');
    expect(m.trusted).toBe(true);
  });
  it('reads stdin and exits 2 with an input-* code on undecodable input', () => {
    const r = run(['inspect', '--json', '-'], 'SAMLResponse=%%%not-base64');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).reports[0].errors[0].code).toBe('input-bad-base64');
    expect(r.stderr).toContain('input-bad-base64');
  });
  it('exits 2 on usage errors, with a message on stderr', () => {
    for (const args of [['inspect'], ['frobnicate'], ['inspect', '--profile', 'nope', 'x'], ['inspect', '--at', 'yesterday', 'x'], ['inspect', 'does-not-exist.xml']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });
  it('exits 1 when an error finding is present, 0 otherwise', () => {
    expect(run(['inspect', resolve(CORPUS_DIR, 'crewjam__xsw_permutation_one.xml'), '--metadata', resolve(CORPUS_DIR, 'crewjam__onelogin_idp_metadata.xml')]).status).toBe(1);
    expect(run(['inspect', resolve(CORPUS_DIR, 'crewjam__okta_idp_metadata.xml')]).status).toBe(0);
  });
  it('reports an aggregate in proportion: the overview always, every entity only with --entities', () => {
    const aggregate = resolve(CORPUS_DIR, 'python3saml__testshib-providers.xml');
    const plain = JSON.parse(run(['inspect', '--json', '--at', '2020-01-01T00:00:00Z', aggregate]).stdout).reports[0].messages[0];
    expect(plain.kind).toBe('EntitiesDescriptor');
    expect(plain.metadata.entities).toBeUndefined();
    expect(plain.metadata.overview).toMatchObject({ entityCount: 2, roles: { IDPSSODescriptor: 1, SPSSODescriptor: 1, AttributeAuthorityDescriptor: 1 }, keys: { unspecified: 3, certificates: 3, expired: 2 } });
    const listed = JSON.parse(run(['inspect', '--json', '--entities', '--at', '2020-01-01T00:00:00Z', aggregate]).stdout).reports[0].messages[0];
    expect(listed.metadata.entities.map((e: { entityId: string }) => e.entityId)).toEqual(['https://idp.testshib.org/idp/shibboleth', 'https://sp.testshib.org/shibboleth-sp']);
    expect(listed.metadata.overview).toEqual(plain.metadata.overview);
    // A single EntityDescriptor is its own detail: listed without the option, as before.
    const single = JSON.parse(run(['inspect', '--json', resolve(CORPUS_DIR, 'crewjam__okta_idp_metadata.xml')]).stdout).reports[0].messages[0];
    expect(single.metadata.entities).toHaveLength(1);
    const text = run(['inspect', '--at', '2020-01-01T00:00:00Z', aggregate]).stdout;
    expect(text).toMatch(/Entities +2 \(1 IDPSSODescriptor, 1 AttributeAuthorityDescriptor, 1 SPSSODescriptor\)/);
    expect(text).toMatch(/Keys +3 certificates: 2 expired/);
  });
});

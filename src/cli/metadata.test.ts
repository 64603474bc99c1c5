// `samlscope metadata lint|diff|pair|rollover` through the built CLI (dist/cli.mjs): the JSON
// shapes and exit statuses of CONTRACT §5, on metadata built with openssl and on the corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, entityXml, iso, makeCert } from '../core/mdtools/testing/fixtures.testutil';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'samlscope-md-cli-'));
const run = (args: string[]) => spawnSync('node', [cli, 'metadata', ...args], { cwd: root, encoding: 'utf8' });
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const AT = iso(Date.now() + DAY);

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samlscope metadata lint', () => {
  it('exit 0 and the contract JSON for healthy metadata (schema checked)', () => {
    const r = run(['lint', '--json', '--at', AT, file('good.xml', entityXml({ validUntil: iso(Date.now() + 10 * DAY) }))]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tool.name).toBe('samlscope');
    expect(j.reports[0].source).toMatch(/good\.xml$/);
    expect(j.reports[0].schemaChecked).toBe(true);
    expect(j.reports[0].entities[0].entityID).toBe('https://idp.example.org/idp');
    for (const f of j.reports[0].entities[0].findings) expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['code', 'severity', 'title', 'explanation', 'fix']));
  });
  it('exit 1 with md-expired, md-cert-expiring, md-key-too-small, md-http-endpoint, md-schema', () => {
    const bad = entityXml({ validUntil: iso(Date.now() - DAY), signing: makeCert({ bits: 1024, days: 10, cn: 'small' }), ssoLocation: 'http://idp.example.org/sso', roleTail: '<md:NameIDFormat>x</md:NameIDFormat>' });
    const r = run(['lint', '--json', '--at', AT, file('bad.xml', bad)]);
    expect(r.status).toBe(1);
    const codes = JSON.parse(r.stdout).reports[0].entities[0].findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['md-expired', 'md-cert-expiring', 'md-key-too-small', 'md-http-endpoint', 'md-schema']));
  });
  it('several files: one report each, in order; text output names each', () => {
    const a = file('a.xml', entityXml({}));
    const b = file('b.xml', entityXml({ sp: true }));
    const j = JSON.parse(run(['lint', '--json', '--no-schema', a, b]).stdout);
    expect(j.reports.map((x: { source: string }) => x.source)).toEqual([a, b]);
    expect(run(['lint', '--no-schema', a, b]).stdout).toContain('b.xml: EntityDescriptor, 1 entity');
  });
  it('exit 2 for a missing file, for XML that is not metadata, and for a usage error', () => {
    expect(run(['lint', join(dir, 'nope.xml')]).status).toBe(2);
    const r = run(['lint', '--json', file('resp.xml', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>')]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).reports[0].errors[0].code).toBe('input-unrecognized');
    expect(run(['lint', '--bogus', 'x']).status).toBe(2);
    expect(run(['frobnicate', 'x']).status).toBe(2);
  });
});

describe('samlscope metadata diff / pair / rollover', () => {
  it('diff: exit 0 when equal, 1 with keys added and removed', () => {
    const a = file('d1.xml', entityXml({ signing: makeCert({ cn: 'old' }) }));
    const b = file('d2.xml', entityXml({ signing: makeCert({ cn: 'new' }) }));
    expect(run(['diff', a, a]).status).toBe(0);
    const r = run(['diff', '--json', a, b]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).diff.entities[0].changes.map((c: { subject: string; kind: string }) => `${c.subject}:${c.kind}`).sort()).toEqual(['key:added', 'key:removed']);
  });
  it('pair: exit 1 with pair-signing-required and pair-acs-not-https, 0 when compatible', () => {
    const idp = file('idp.xml', entityXml({ wantAuthnRequestsSigned: true }));
    const sp = file('sp.xml', entityXml({ sp: true, acsLocation: 'http://sp.example.org/acs', encryption: makeCert({ cn: 'enc' }) }));
    const r = run(['pair', '--json', '--at', AT, idp, sp]);
    expect(r.status).toBe(1);
    const codes = JSON.parse(r.stdout).pair.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['pair-signing-required', 'pair-acs-not-https']));
    const ok = run(['pair', '--at', AT, file('idp2.xml', entityXml({})), file('sp2.xml', entityXml({ sp: true, encryption: makeCert({ cn: 'enc' }) }))]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('nothing stops the login');
  });
  it('rollover: the plan as JSON, with the partner that breaks', () => {
    const idp = file('r-idp.xml', entityXml({ signing: makeCert({ days: 60, cn: 'only' }) }));
    const sp = file('r-sp.xml', entityXml({ sp: true }));
    const r = run(['rollover', '--json', '--propagation-days', '7', '--partner', sp, idp]);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout).rollover;
    expect(plan.propagationDays).toBe(7);
    expect(plan.plans[0].steps).toHaveLength(4);
    expect(plan.breaks.some((b: { partner: string }) => b.partner === 'https://sp.example.org/sp')).toBe(true);
  });
});

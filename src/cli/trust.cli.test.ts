// CONTRACT §1 exit status for trust bound to entity and role and for the coverage gate: the CLI a
// CI job runs must exit 1 whenever the consumed content is not covered by a trusted signature.
// Messages are signed at test time by xmlsec1 (src/core/dsig/testing/federation.testutil.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKey, type KeyPair } from '../core/dsig/testing/xmlsec.testutil';
import { IDP_A, IDP_B, SP, aggregate, amplifiedResponse, entityDescriptor, issuerOnlySignedResponse, signedResponse, writeTemp } from '../core/dsig/testing/federation.testutil';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const AT = '2030-01-01T00:01:00Z';
const run = (args: string[]) => spawnSync('node', [cli, 'inspect', '--at', AT, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let a: KeyPair, b: KeyPair, sp: KeyPair;
let fedFile = '';

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
  a = makeKey('cli-idp-a', 'rsa2048');
  b = makeKey('cli-idp-b', 'rsa2048');
  sp = makeKey('cli-sp', 'rsa2048');
  fedFile = writeTemp('federation.xml', aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })]));
});

describe('samlscope inspect: trust bound to entity and role (exit status)', () => {
  it('a Response from IdP A signed by IdP B: untrusted, signature-key-wrong-entity, trusted false, exit 1', () => {
    const r = run(['--json', '--metadata', fedFile, writeTemp('b-signs-a.xml', signedResponse(b))]);
    expect(r.status).toBe(1);
    const m = JSON.parse(r.stdout).reports[0].messages[0];
    expect(m.signatures[0].verdict).toBe('untrusted');
    expect(m.trusted).toBe(false);
    expect(m.findings.map((f: { code: string }) => f.code)).toContain('signature-key-wrong-entity');
    expect(m.signatures[0].anchorDecisions[0]).toMatchObject({ accepted: false, bindings: [{ entityId: IDP_B, role: 'IDPSSODescriptor' }] });
  });

  it('the same Response signed by IdP A: valid, trusted, exit 0; the text output names the anchor\'s entity and role', () => {
    const file = writeTemp('a-signs-a.xml', signedResponse(a));
    const json = run(['--json', '--metadata', fedFile, file]);
    expect(json.status).toBe(0);
    const m = JSON.parse(json.stdout).reports[0].messages[0];
    expect(m.signatures[0].verdict).toBe('valid');
    expect(m.trusted).toBe(true);
    const text = run(['--metadata', fedFile, file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`${IDP_A} as IdP (IDPSSODescriptor)`);
  });

  it('IdP and SP metadata together, Response signed with the SP key as the SP entity: signature-key-wrong-role, exit 1', () => {
    const idpFile = writeTemp('idp.xml', entityDescriptor(IDP_A, { idp: a }));
    const spFile = writeTemp('sp.xml', entityDescriptor(SP, { sp }));
    const r = run(['--json', '--metadata', idpFile, '--metadata', spFile, writeTemp('sp-signs.xml', signedResponse(sp, { responseIssuer: SP, assertionIssuer: SP }))]);
    expect(r.status).toBe(1);
    const m = JSON.parse(r.stdout).reports[0].messages[0];
    expect(m.signatures[0].verdict).toBe('untrusted');
    expect(m.findings.map((f: { code: string }) => f.code)).toContain('signature-key-wrong-role');
    const text = run(['--metadata', idpFile, '--metadata', spFile, writeTemp('sp-signs-text.xml', signedResponse(sp, { responseIssuer: SP, assertionIssuer: SP }))]);
    expect(text.stdout).toContain('signature-key-wrong-role');
    expect(text.stdout).toContain('not accepted');
  });

  it('a multi-Reference signature covering only the Issuers with a forged NameID: exit 1', () => {
    const { forged } = issuerOnlySignedResponse(a, 'admin@example.com');
    const r = run(['--json', '--metadata', fedFile, writeTemp('issuer-only.xml', forged)]);
    expect(r.status).toBe(1);
    const m = JSON.parse(r.stdout).reports[0].messages[0];
    expect(m.trusted).toBe(false);
    expect(m.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string }) => f.code)).toContain('signature-wrapping');
  });

  it('a bare --cert: valid, the anchor says it is trusted for any issuer', () => {
    const r = run(['--json', '--cert', b.cert, writeTemp('cert.xml', signedResponse(b))]);
    expect(r.status).toBe(0);
    const rep = JSON.parse(r.stdout).reports[0];
    expect(rep.trustAnchors[0]).toMatchObject({ scope: 'any-issuer', bindings: [] });
    expect(rep.messages[0].signatures[0].reason).toContain('trusted for any issuer (a certificate given without metadata)');
  });

  it('reference amplification: signature-limit-exceeded, exit 1', () => {
    const r = run(['--json', '--metadata', fedFile, writeTemp('amplified.xml', amplifiedResponse(1000, 1000, a))]);
    expect(r.status).toBe(1);
    const m = JSON.parse(r.stdout).reports[0].messages[0];
    expect(m.findings.map((f: { code: string }) => f.code)).toContain('signature-limit-exceeded');
    expect(m.signatures[0].verdict).not.toBe('valid');
  });
});

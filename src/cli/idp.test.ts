// `samlscope idp response` in-process (runIdp with captured output): options of CONTRACT §5,
// exit 0 or 2, and what it prints verified by xmlsec1 and by samlscope's own inspect.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../core/inspect';
import { buildAuthnRequest, defaultSettings, deflateAndEncode, exportSpMetadata } from '../core/mocksp';
import { testKey, xmlsecDecrypts, xmlsecVerifies, type TestKey } from '../core/idp/idp.testutil';
import { VARIANTS } from '../core/idp';
import { runIdp } from './idp';

const dir = mkdtempSync(join(tmpdir(), 'samlscope-idp-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runIdp(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const AT = '2030-01-01T00:00:00Z';
const settings = { ...defaultSettings('https://app.test'), spEntityId: 'https://sp.test/metadata', acsUrl: 'https://sp.test/acs' };
let idp: TestKey, sp: TestKey;
let spMd: string, keyArgs: string[];

beforeAll(async () => {
  idp = await testKey('cli-idp');
  sp = await testKey('cli-sp');
  spMd = file('sp.xml', exportSpMetadata(settings, { encryptionCertPem: sp.certPem, wantAssertionsSigned: true, authnRequestsSigned: false }));
  keyArgs = ['--idp-key', idp.key, '--idp-cert', idp.cert, '--idp-entity-id', 'https://idp.test/'];
});

describe('samlscope idp response', () => {
  it('a signed Response from SP metadata: xmlsec1 verifies both signatures, inspect trusts it', async () => {
    const r = await run(['response', '--sp-metadata', spMd, ...keyArgs, '--name-id', 'jdoe', '--attribute', 'email=jdoe@example.com', '--attribute', 'groups=a', '--attribute', 'groups=b', '--at', AT]);
    expect(r.code, r.err).toBe(0);
    expect(xmlsecVerifies(r.out, idp.cert, 1).ok).toBe(true);
    expect(xmlsecVerifies(r.out, idp.cert, 2).ok).toBe(true);
    const m = (await inspectInput(r.out, 'cli', { trust: [idp.certPem], at: new Date(AT), spEntityId: 'https://sp.test/metadata', acsUrl: 'https://sp.test/acs' })).messages[0]!;
    expect(m.trusted).toBe(true);
    expect(m.destination).toBe('https://sp.test/acs');
    expect(m.assertions[0]!.attributes).toEqual({ email: ['jdoe@example.com'], groups: ['a', 'b'] });
  });

  it('--request: InResponseTo, ACS and RelayState from a Redirect URL; --output form posts to the ACS', async () => {
    const req = buildAuthnRequest(settings);
    const reqFile = file('req.txt', `https://app.test/sso?SAMLRequest=${encodeURIComponent(deflateAndEncode(req.xml))}&RelayState=state-1`);
    const r = await run(['response', '--request', reqFile, ...keyArgs, '--at', AT, '--output', 'form']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('<form method="post" action="https://sp.test/acs"');
    expect(r.out).toContain('name="RelayState" value="state-1"');
    const value = /name="SAMLResponse" value="([^"]+)"/.exec(r.out)![1]!;
    const xml = Buffer.from(value, 'base64').toString('utf8');
    expect(xml).toContain(`InResponseTo="${req.id}"`);
  });

  it('--output base64 and --sign none without a key', async () => {
    const r = await run(['response', '--sp-metadata', spMd, '--sign', 'none', '--output', 'base64', '--at', AT]);
    expect(r.code, r.err).toBe(0);
    const xml = Buffer.from(r.out.trim(), 'base64').toString('utf8');
    expect(xml).toMatch(/^<samlp:Response /);
    expect(xml).not.toContain('Signature');
  });

  it('--encrypt to the metadata\'s key: xmlsec1 --decrypt reads it', async () => {
    const r = await run(['response', '--sp-metadata', spMd, ...keyArgs, '--encrypt', '--at', AT]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('EncryptedAssertion');
    const dec = xmlsecDecrypts(r.out, sp.key);
    expect(dec.ok, dec.stderr).toBe(true);
    expect(dec.xml).toContain('>jdoe</saml:NameID>');
  });

  it('every --variant comes out, and inspect gives its codes', async () => {
    for (const v of VARIANTS) {
      const r = await run(['response', '--sp-metadata', spMd, ...keyArgs, '--variant', v.name, '--at', AT, '--in-response-to', '_r1']);
      expect(r.code, `${v.name}: ${r.err}`).toBe(0);
      const m = (await inspectInput(r.out, v.name, { trust: [idp.certPem], at: new Date(AT), spEntityId: 'https://sp.test/metadata', acsUrl: 'https://sp.test/acs', idpEntityId: 'https://idp.test/', requestId: '_r1' })).messages[0]!;
      // With a bare certificate as trust there is no entity to be wrong about.
      for (const code of v.codes.filter((c) => c !== 'signature-key-wrong-entity')) expect(m.findings.map((f) => f.code), v.name).toContain(code);
    }
  });

  it('exit 2 on bad options and unreadable inputs, with a message', async () => {
    const cases: [string[], RegExp][] = [
      [['response', '--sp-metadata', spMd, '--variant', 'xsw9'], /Unknown variant "xsw9"/],
      [['response', '--sp-metadata', spMd, '--sign', 'maybe'], /--sign is one of/],
      [['response', '--sp-metadata', spMd, '--output', 'pdf'], /--output is one of/],
      [['response', '--sp-metadata', join(dir, 'missing.xml')], /cannot read --sp-metadata/],
      [['response', '--sp-metadata', spMd], /Give --idp-key and --idp-cert, or --sign none/],
      [['response', '--sp-metadata', spMd, '--idp-key', idp.key], /go together/],
      [['response', '--sp-metadata', spMd, '--idp-key', sp.key, '--idp-cert', idp.cert], /key-certificate-mismatch/],
      [['response', '--sign', 'none'], /No SP entity ID/],
      [['response', '--sp-entity-id', 'x', '--sign', 'none'], /No ACS URL/],
      [['response', '--sp-metadata', spMd, ...['--idp-key', idp.key, '--idp-cert', idp.cert], '--encrypt', '--variant', 'xsw1'], /variant-not-encryptable/],
      [['response', '--sp-metadata', spMd, '--at', 'yesterday'], /--at needs an ISO-8601 instant/],
      [['response', '--sp-metadata', spMd, '--attribute', 'novalue'], /NAME=VALUE/],
      [['response', '--sp-metadata', file('not-md.xml', '<x/>')], /not-sp-metadata/],
      [['response', '--bogus', '1'], /Unknown option --bogus/],
      [['frobnicate'], /Unknown idp command/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out).toBe('');
    }
  });

  it('idp variants lists the test pack, as text and JSON', async () => {
    const t = await run(['variants']);
    expect(t.code).toBe(0);
    for (const v of VARIANTS) expect(t.out).toContain(v.name);
    const j = await run(['variants', '--json']);
    expect(JSON.parse(j.out).variants.map((v: { name: string }) => v.name)).toEqual(VARIANTS.map((v) => v.name));
  });
});

describe('the built CLI (dist/cli.mjs, `npm run build`)', () => {
  const cli = resolve(__dirname, '../../dist/cli.mjs');
  it('dispatches idp: exit 0 with a Response, 2 with a usage message', () => {
    const good = spawnSync('node', [cli, 'idp', 'response', '--sign', 'none', '--sp-entity-id', 'https://sp.test/', '--acs-url', 'https://sp.test/acs'], { encoding: 'utf8' });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^<samlp:Response /);
    const bad = spawnSync('node', [cli, 'idp', 'response', '--variant', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown variant "nope"');
    expect(bad.stdout).toBe('');
  });
});


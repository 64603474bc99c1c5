// `samlscope oidc` through the built CLI (dist/cli.mjs), with tokens signed here by WebCrypto.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'samlscope-oidc-cli-'));
const run = (args: string[], input?: string) => spawnSync('node', [cli, 'oidc', ...args], { cwd: root, input, encoding: 'utf8' });
const SEED_EXPRESSION = "email.endsWith('@exoscale.com') ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false";
const ISSUER = 'https://auth.example.com/realms/acme';
const CLIENT = 'exoscale-portal';
const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const enc = new TextEncoder();

function claims(email: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, sub: 'u-1', aud: CLIENT, exp: now + 600, iat: now - 5, email, email_verified: true };
}

async function rs256(email: string, options: { embedKey?: boolean; extra?: Record<string, unknown> } = {}): Promise<{ token: string; jwks: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const header = { alg: 'RS256', kid: 'k1', ...(options.embedKey ? { jwk: { kty: 'RSA', n: jwk.n, e: jwk.e } } : {}) };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify({ ...claims(email), ...options.extra }))}`;
  const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, enc.encode(signingInput)));
  return { token: `${signingInput}.${b64url(sig)}`, jwks: JSON.stringify({ keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, kid: 'k1' }] }) };
}

async function hs256(email: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signingInput = `${b64url(JSON.stringify({ alg: 'HS256' }))}.${b64url(JSON.stringify(claims(email)))}`;
  return `${signingInput}.${b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(signingInput))))}`;
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samlscope oidc', () => {
  it('a signed ID token with its JWKS and the seed expression: valid, granted, exit 0', async () => {
    const { token, jwks } = await rs256('ada@exoscale.com');
    const r = run(['--json', '--keys', file('jwks.json', jwks), '--client-id', CLIENT, '--issuer', ISSUER, '--org', 'acme', '--cel', SEED_EXPRESSION, file('token.txt', `Bearer ${token}\n`)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.tool.name).toBe('samlscope');
    expect(json.oidc.signature.verdict).toBe('valid');
    expect(json.oidc.cel.outcome).toBe('granted');
    expect(json.oidc.cel.roleUuid).toBe('dc097e90-4636-4d2a-a629-670ab4395209');
  });

  it('another email is denied (exit 1) and the text report says why', async () => {
    const { token, jwks } = await rs256('eve@example.org');
    const r = run(['--keys', file('jwks2.json', jwks), '--client-id', CLIENT, '--issuer', ISSUER, '--cel', SEED_EXPRESSION, '-'], token);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Signature: valid/);
    expect(r.stdout).toMatch(/CEL authorization: denied/);
  });

  it('HS256 is verified with --secret-file and the secret never appears in the JSON', async () => {
    const secret = 'the-client-secret-7f3a9c';
    const token = await hs256('ada@exoscale.com', secret);
    const r = run(['--json', '--secret-file', file('secret.txt', `${secret}\n`), '--client-id', CLIENT, '--issuer', ISSUER, '--cel', SEED_EXPRESSION, '-'], token);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).oidc.signature.verdict).toBe('valid');
    expect(r.stdout).not.toContain(secret);
    expect(r.stdout).not.toContain(b64url(secret));
  });

  it('the gate: a forgery carrying its own key, with the real JWKS pasted, is exit 1 and never "granted"', async () => {
    const real = await rs256('ada@exoscale.com');
    const forged = await rs256('ada@exoscale.com', { embedKey: true });
    const withKey = run(['--keys', file('gate-jwks.json', real.jwks), '--client-id', CLIENT, '--issuer', ISSUER, '--cel', SEED_EXPRESSION, '-'], forged.token);
    const withoutKey = run(['--keys', file('gate-jwks.json', real.jwks), '--client-id', CLIENT, '--issuer', ISSUER, '--cel', SEED_EXPRESSION, '-'], (await rs256('ada@exoscale.com')).token);
    for (const r of [withKey, withoutKey]) {
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/Signature: invalid/);
      expect(r.stdout).toMatch(/ERROR oidc-token-not-trusted/);
      expect(r.stdout).toMatch(/CEL authorization: would be granted if the token were authentic/);
      expect(r.stdout).not.toMatch(/CEL authorization: granted/);
    }
  });

  it('the gate: no keys, alg variants of none, a decoded payload: exit 1 with an error finding', async () => {
    const { token } = await rs256('ada@exoscale.com');
    const noKeys = run(['--json', '--cel', SEED_EXPRESSION, '-'], token);
    expect(noKeys.status).toBe(1);
    expect(JSON.parse(noKeys.stdout).oidc.cel.outcome).toBe('granted-if-authentic');
    for (const alg of ['none ', ' none', 'none\u0000', 'rs256']) {
      const t = `${b64url(JSON.stringify({ alg }))}.${b64url(JSON.stringify(claims('ada@exoscale.com')))}.`;
      const r = run(['--json', '--cel', SEED_EXPRESSION, '-'], t);
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.oidc.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
      expect(json.oidc.cel.outcome).not.toBe('granted');
    }
    const decoded = run(['--cel', SEED_EXPRESSION, '-'], JSON.stringify(claims('ada@exoscale.com')));
    expect(decoded.status).toBe(1);
    expect(decoded.stdout).not.toMatch(/CEL authorization: granted/);
  });

  it('hostile values are findings (exit 1), not internal errors (exit 2)', async () => {
    const { token, jwks } = await rs256('ada@exoscale.com', { extra: { exp: 1e16 } });
    const r = run(['--keys', file('h-jwks.json', jwks), '-'], token);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/oidc-time-out-of-range/);
    const long = run(['--cel-file', file('long.cel', Array(20_000).fill('email').join(' + ')), '-'], token);
    expect(long.status).toBe(1);
    expect(long.stdout).toMatch(/cel-expression-too-(long|deep)/);
    const costly = run(['--cel', 'l.all(a, l.all(b, l.all(c, l.all(d, l.all(e, l.all(f, l.all(g, l.all(h, true))))))))', '-'], JSON.stringify({ ...claims('a@b.c'), l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }));
    expect(costly.status).toBe(1);
    expect(costly.stdout).toMatch(/cel-cost-exceeded/);
    const deep = run(['-'], `${b64url(`{"alg":"RS256","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)}.${b64url('{}')}.`);
    expect(deep.status).toBe(2);
    expect(deep.stderr).toMatch(/oidc-json-too-deep/);
  });

  it('garbage is a coded error with exit 2; a usage error too', () => {
    const r = run(['-'], 'not a token at all');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/oidc-/);
    const u = run(['--nope', 'x', '-']);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/Unknown option --nope/);
  });
});

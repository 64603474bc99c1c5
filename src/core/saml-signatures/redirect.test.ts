import { generateKeyPairSync, sign as nodeSign, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { oracleCached } from '../testing/oracle-cache.testutil';

const XML = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="https://idp.example.com/sso"><saml:Issuer>https://sp.example.com/</saml:Issuer></samlp:AuthnRequest>';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
let certPem = '';
let keyPem = '';

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-redirect-'));
  // Mutation runs reuse one key pair (oracle-cache.testutil.ts).
  ({ certPem, keyPem } = oracleCached('openssl-key', ['redirect-sp', 'rsa2048-30d', new Date().toISOString().slice(0, 10)], () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '30', '-subj', '/CN=sp.samlscope.test'], { stdio: 'ignore' });
    return { certPem: readFileSync(join(dir, 'c.pem'), 'utf8'), keyPem: readFileSync(join(dir, 'k.pem'), 'utf8') };
  }));
  expect(new X509Certificate(certPem).subject).toContain('sp.samlscope.test');
  void writeFileSync;
  void generateKeyPairSync;
});

/** SAML bindings §3.4.4.1: sign "SAMLRequest=…&RelayState=…&SigAlg=…" as put on the wire. */
function signedUrl(opts: { relay?: string; lowerHex?: boolean; signOver?: (signed: string) => string } = {}): string {
  const enc = (v: string) => {
    const e = encodeURIComponent(v);
    return opts.lowerHex ? e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) : e;
  };
  const params = [`SAMLRequest=${enc(deflateRawSync(XML).toString('base64'))}`];
  if (opts.relay !== undefined) params.push(`RelayState=${enc(opts.relay)}`);
  params.push(`SigAlg=${enc(RSA_SHA256)}`);
  const wire = params.join('&');
  const toSign = opts.signOver ? opts.signOver(wire) : wire;
  const sig = nodeSign('sha256', Buffer.from(toSign), keyPem).toString('base64');
  return `https://idp.example.com/sso?${wire}&Signature=${encodeURIComponent(sig)}`;
}

async function querySignature(url: string, trust: string[] = [certPem]) {
  const r = await inspectInput(url, 'url', { trust });
  expect(r.detected).toBe('redirect-url');
  const m = r.messages[0]!;
  return { m, sig: m.signatures.find((s) => s.target === 'query'), codes: m.findings.map((f) => f.code) };
}

describe('HTTP-Redirect query signatures', () => {
  it('verifies over the octets as received, with and without RelayState, any percent-encoding case', async () => {
    for (const o of [{}, { relay: 'https://sp.example.com/app?x=1&y=2' }, { relay: 'é ü/+', lowerHex: true }]) {
      const { m, sig } = await querySignature(signedUrl(o));
      expect(sig?.verdict).toBe('valid');
      expect(m.trusted).toBe(true);
    }
  });
  it('explains a signature computed over re-encoded values', async () => {
    // Sender signs upper-case escapes but puts lower-case ones on the wire.
    const url = signedUrl({ relay: 'a/b c', lowerHex: true, signOver: (w) => w.replace(/%[0-9a-f]{2}/g, (x) => x.toUpperCase()) });
    const { sig, codes, m } = await querySignature(url);
    expect(sig?.verdict).toBe('invalid');
    expect(codes).toContain('query-signature-invalid');
    expect(m.findings.find((f) => f.code === 'query-signature-invalid')?.explanation).toMatch(/re-encoded/);
  });
  it('explains a RelayState dropped after signing', async () => {
    const url = signedUrl({ relay: 'state1', signOver: (w) => w }).replace(/&RelayState=state1/, '');
    const { sig, m } = await querySignature(url);
    expect(sig?.verdict).toBe('invalid');
    expect(m.trusted).toBe(false);
  });
  it('explains a signature computed without the RelayState that was sent', async () => {
    const url = signedUrl({ relay: 'state1', signOver: (w) => w.replace(/&RelayState=state1/, '') });
    const { sig, m } = await querySignature(url);
    expect(sig?.verdict).toBe('invalid');
    expect(m.findings.find((f) => f.code === 'query-signature-invalid')?.explanation).toMatch(/without the RelayState/);
  });
  it('a tampered message fails', async () => {
    const url = signedUrl().replace(/SAMLRequest=([^&]{10})./, (_m, k: string) => `SAMLRequest=${k}A`);
    const r = await inspectInput(url, 'url', { trust: [certPem] });
    const sig = r.messages[0]?.signatures.find((s) => s.target === 'query');
    if (sig) expect(sig.verdict).not.toBe('valid');
    else expect(r.errors.length).toBeGreaterThan(0);
  });
  it('without trust: untrusted, never valid; without signature: query-signature-missing', async () => {
    const { sig, m } = await querySignature(signedUrl(), []);
    expect(sig?.verdict).toBe('untrusted');
    expect(m.trusted).toBe(false);
    const unsigned = `https://idp.example.com/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(XML).toString('base64'))}`;
    const u = await querySignature(unsigned);
    expect(u.sig).toBeUndefined();
    expect(u.codes).toContain('query-signature-missing');
  });
});

// Independent oracle: signatures made by OpenSSL (`openssl dgst -sign`) verify with samlscope's
// WebCrypto verifier, and samlscope-format tokens verify with `openssl dgst -verify`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url, encodeBase64UrlText } from './base64url';
import { decodeCompactJws } from './decodeJws';
import { claims, tamperPayload } from './oidc.testutil';
import { oracleCached } from '../testing/oracle-cache.testutil';
import { parseTrustedKeys } from './trustedKeys';
import { verifyIdTokenSignature } from './verifySignature';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'samlscope-oidc-'));

const drawn = { rsa: 0, ec: 0 };
/** A fresh openssl key; mutation runs reuse the n-th one drawn (../testing/oracle-cache.testutil.ts). */
function opensslKey(kind: 'rsa' | 'ec'): { privatePem: string; publicPem: string; certPem: string } {
  return oracleCached('openssl-jwt-key', [kind, drawn[kind]++, new Date().toISOString().slice(0, 10)], () => opensslKeyNow(kind));
}

function opensslKeyNow(kind: 'rsa' | 'ec'): { privatePem: string; publicPem: string; certPem: string } {
  const key = join(dir, `${kind}.key`);
  if (kind === 'rsa') execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key]);
  else execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  const publicPem = execFileSync('openssl', ['pkey', '-in', key, '-pubout']).toString();
  const certPem = execFileSync('openssl', ['req', '-new', '-x509', '-key', key, '-subj', '/CN=openssl-idp', '-days', '2', '-sha256']).toString();
  return { privatePem: readFileSync(key, 'utf8'), publicPem, certPem };
}

/** DER ECDSA-Sig-Value → the JWS r||s form (RFC 7518 §3.4). */
function derToRaw(der: Uint8Array, size: number): Uint8Array {
  let i = 2;
  if (der[1] & 0x80) i += der[1] & 0x7f;
  const read = () => {
    const len = der[i + 1];
    const v = der.slice(i + 2, i + 2 + len);
    i += 2 + len;
    const trimmed = v[0] === 0 ? v.slice(1) : v;
    const out = new Uint8Array(size);
    out.set(trimmed, size - trimmed.length);
    return out;
  };
  const r = read();
  const s = read();
  return new Uint8Array([...r, ...s]);
}

function opensslSignedToken(alg: 'RS256' | 'ES256', privatePem: string): string {
  const signingInput = `${encodeBase64UrlText(JSON.stringify({ alg, typ: 'JWT', kid: 'openssl' }))}.${encodeBase64UrlText(JSON.stringify(claims()))}`;
  return oracleCached('openssl-dgst-sign', [alg, privatePem, signingInput], () => opensslSign(alg, privatePem, signingInput));
}

function opensslSign(alg: 'RS256' | 'ES256', privatePem: string, signingInput: string): string {
  const keyFile = join(dir, `sign-${alg}.key`);
  const inFile = join(dir, `input-${alg}.txt`);
  writeFileSync(keyFile, privatePem);
  writeFileSync(inFile, signingInput);
  let sig: Uint8Array = new Uint8Array(execFileSync('openssl', ['dgst', '-sha256', '-sign', keyFile, inFile]));
  if (alg === 'ES256') sig = derToRaw(sig, 32);
  return `${signingInput}.${encodeBase64Url(sig)}`;
}

async function verdict(token: string, keys: string) {
  const jws = decodeCompactJws(token);
  if (!jws.ok) throw new Error(jws.error.message);
  return (await verifyIdTokenSignature(jws.value, (await parseTrustedKeys(keys)).keys)).verdict;
}

describe('cross-check with openssl dgst', () => {
  // An oracle test fails without its oracle rather than passing by skipping (npm test installs it).
  it('has openssl installed', () => {
    expect(hasOpenssl, 'openssl is missing: apt-get install openssl').toBe(true);
  });
  for (const [alg, kind] of [['RS256', 'rsa'], ['ES256', 'ec']] as const) {
    it(`${alg}: an OpenSSL signature verifies with the public key and with the certificate`, async () => {
      const k = opensslKey(kind);
      const token = opensslSignedToken(alg, k.privatePem);
      expect(await verdict(token, k.publicPem)).toBe('valid');
      expect(await verdict(token, k.certPem)).toBe('valid');
      expect(await verdict(tamperPayload(token), k.publicPem)).toBe('invalid');
      const other = opensslKey(kind);
      expect(await verdict(token, other.publicPem)).toBe('invalid');
    });
  }

  it('RS256: OpenSSL verifies what samlscope verifies (same signing input bytes)', async () => {
    const k = opensslKey('rsa');
    const token = opensslSignedToken('RS256', k.privatePem);
    const [h, p, s] = token.split('.');
    const pub = join(dir, 'pub.pem');
    const data = join(dir, 'data.txt');
    const sigFile = join(dir, 'sig.bin');
    writeFileSync(pub, k.publicPem);
    writeFileSync(data, `${h}.${p}`);
    writeFileSync(sigFile, Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    const stdout = oracleCached('openssl-dgst-verify', [k.publicPem, `${h}.${p}`, s], () => spawnSync('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', sigFile, data]).stdout.toString());
    expect(stdout).toMatch(/Verified OK/);
  });
});

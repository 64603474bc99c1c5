// Test-only helpers (Node APIs allowed): external oracles for what the mock SP signs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const dir = mkdtempSync(join(tmpdir(), 'samlscope-mocksp-'));
let n = 0;
export function tmpFile(name: string, content: string | Uint8Array): string {
  const f = join(dir, `${n++}-${name}`);
  writeFileSync(f, content);
  return f;
}

/** xmlsec1's verdict on the enveloped signature, using only `certPem` (KeyInfo certificates ignored). */
export function xmlsecVerifies(xml: string, certPem: string, rootElement: 'AuthnRequest' | 'LogoutRequest'): { ok: boolean; stderr: string } {
  const cert = tmpFile('cert.pem', certPem);
  const file = tmpFile('msg.xml', xml);
  const r = spawnSync('/usr/bin/xmlsec1', ['--verify', '--enabled-key-data', 'key-name', '--pubkey-cert-pem', cert, '--id-attr:ID', `urn:oasis:names:tc:SAML:2.0:protocol:${rootElement}`, file]);
  return { ok: r.status === 0, stderr: r.stderr.toString() };
}

/** r||s (XML-DSig / WebCrypto) → DER ECDSA-Sig-Value (what openssl dgst -verify expects). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    let v = Array.from(b.subarray(i));
    if (v[0]! & 0x80) v = [0, ...v];
    return [0x02, v.length, ...v];
  };
  const body = [...int(raw.subarray(0, half)), ...int(raw.subarray(half))];
  return new Uint8Array(body.length < 128 ? [0x30, body.length, ...body] : [0x30, 0x81, body.length, ...body]);
}

/** openssl dgst -<hash> -verify over `data` with the certificate's public key. */
export function opensslVerifies(data: string, signature: Uint8Array, certPem: string, hash: 'sha256' | 'sha384' | 'sha512', ec: boolean): boolean {
  const cert = tmpFile('cert.pem', certPem);
  const pub = tmpFile('pub.pem', execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout']));
  const sig = tmpFile('sig.bin', ec ? ecdsaRawToDer(signature) : signature);
  const txt = tmpFile('data.txt', data);
  const r = spawnSync('openssl', ['dgst', `-${hash}`, '-verify', pub, '-signature', sig, txt]);
  return r.status === 0;
}

/** An openssl-made key in the given PEM flavour, and its self-signed certificate. */
export function opensslKey(kind: 'rsa' | 'ec', flavour: 'pkcs8' | 'traditional'): { keyPem: string; certPem: string } {
  const key = join(dir, `${n++}-key.pem`);
  const cert = join(dir, `${n++}-cert.pem`);
  const args = kind === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  execFileSync('openssl', ['req', '-x509', ...args, '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=imported.samlscope.test'], { stdio: 'ignore' });
  let keyPem = readFileSync(key, 'utf8');
  if (flavour === 'traditional') keyPem = execFileSync('openssl', [kind === 'rsa' ? 'rsa' : 'ec', '-in', key, ...(kind === 'rsa' ? ['-traditional'] : [])], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return { keyPem, certPem: readFileSync(cert, 'utf8') };
}
